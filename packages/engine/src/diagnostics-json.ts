import type { Diagnostic, Lang } from '@litsynth/common';

/** A diagnostic as the JSON output has it: messages in one language, fields in a fixed order. */
export interface DiagnosticJson {
  rule: string;
  severity: Diagnostic['severity'];
  message: string;
  file: string;
  line: number;
  column: number;
  page: number | null;
  section: string | null;
  raw: string | null;
  key: string | null;
  suggestion: string | null;
  /** Present when the diagnostic is one place of a finding with several (see `Diagnostic.group`). */
  group?: string;
}

/** Turns a diagnostic into its JSON form in the chosen language (absent fields become null). */
export function diagnosticToJson(diagnostic: Diagnostic, lang: Lang): DiagnosticJson {
  return {
    rule: diagnostic.rule,
    severity: diagnostic.severity,
    message: diagnostic.message[lang],
    file: diagnostic.file,
    line: diagnostic.line,
    column: diagnostic.column,
    page: diagnostic.page ?? null,
    section: diagnostic.section ?? null,
    raw: diagnostic.raw ?? null,
    key: diagnostic.key ?? null,
    suggestion: diagnostic.suggestion?.[lang] ?? null,
    ...(diagnostic.group === undefined ? {} : { group: diagnostic.group }),
  };
}
