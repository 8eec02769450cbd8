import { textToManuscript } from './text-to-manuscript.js';
import type { TextSource } from './text-to-manuscript.js';
import type { Manuscript } from './types.js';

/** Reads Markdown into a `Manuscript` (headings, paragraphs, block quotes, list items). */
export function markdownToManuscript(text: string, source: TextSource): Manuscript {
  return { ...textToManuscript(text, source), format: 'md' };
}
