import { type Diagnostic, type Lang, type RuleDefinition } from '@litsynth/common';
import { readTextFile } from './read-file.js';
import type { CombinedCheck } from '@litsynth/engine';
import { type Manuscript, passageAtPlace } from '@litsynth/ingest';
import { type DocumentPassage, renderPretty, renderSummary } from './pretty-diagnostics.js';

// What `litsynth check` prints as text; the counting and the JSON are the engine's.

export { severityCounts, type CombinedCheck } from '@litsynth/engine';

/** The check as text (`litsynth check`, build's check.txt): header, notes, diagnostics with their lines, summary. */
export async function checkText(
  manuscript: Manuscript,
  combined: CombinedCheck,
  options: { lang: Lang; rules: readonly RuleDefinition[]; color: boolean },
): Promise<string> {
  const { lang } = options;
  const { diagnostics, summary } = combined;
  const header = lang === 'nb' ? `Sjekk av ${manuscript.path}` : `Check of ${manuscript.path}`;
  const noteLines = [...manuscript.notes, ...combined.notes].map(
    (note) => `${lang === 'nb' ? 'Merk' : 'Note'}: ${note[lang]}`,
  );
  const rules = new Map(options.rules.map((rule) => [rule.id, rule]));
  const passage = documentPassages(manuscript);
  const body = renderPretty(diagnostics, {
    lang,
    lines: await sourceLines(manuscript, diagnostics),
    ...(passage ? { passage } : {}),
    rules,
    color: options.color,
  });
  const nothing = lang === 'nb' ? 'Ingen problemer funnet.' : 'No problems found.';
  const lines = [
    header,
    ...noteLines,
    '',
    diagnostics.length === 0 ? `${nothing}\n` : body,
    renderSummary(summary, lang),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The passage of each finding in a .docx or .pdf manuscript (the sentence and where it stands),
 * computed once per diagnostic; none for a text manuscript, whose lines are quoted as they are.
 */
export function documentPassages(
  manuscript: Manuscript,
): ((diagnostic: Diagnostic) => DocumentPassage | undefined) | undefined {
  const format = manuscript.format;
  if (format !== 'docx' && format !== 'pdf') return undefined;
  const found = new Map<Diagnostic, DocumentPassage | undefined>();
  return (diagnostic) => {
    if (diagnostic.file !== manuscript.path) return undefined;
    if (!found.has(diagnostic)) {
      const passage = passageAtPlace(manuscript, diagnostic);
      found.set(diagnostic, passage && { format, passage });
    }
    return found.get(diagnostic);
  };
}

/** The lines of the text files the diagnostics point into, for quoting them (a .docx or .pdf manuscript has none). */
export async function sourceLines(
  manuscript: Manuscript,
  diagnostics: readonly Diagnostic[],
): Promise<Map<string, string[]>> {
  const lines = new Map<string, string[]>();
  for (const file of new Set(diagnostics.map((diagnostic) => diagnostic.file))) {
    if (file === manuscript.path && (manuscript.format === 'docx' || manuscript.format === 'pdf'))
      continue;
    try {
      lines.set(file, (await readTextFile(file)).text.split(/\r\n|\r|\n/));
    } catch {
      // A file that cannot be quoted is still reported; only its line is left out.
    }
  }
  return lines;
}
