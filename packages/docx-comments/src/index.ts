export { annotateDocx } from './annotate-docx.js';
export { defaultZipLimits } from './docx-package.js';
export { diagnosticsToComments } from './diagnostics-to-comments.js';
export type {
  DiagnosticComments,
  DiagnosticsToCommentsOptions,
  ManuscriptParagraphs,
} from './diagnostics-to-comments.js';
export type * from './types.js';
