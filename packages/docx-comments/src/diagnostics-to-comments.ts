import type { Diagnostic, Lang, RuleDefinition, RuleId, Severity } from '@litsynth/common';
import { normaliseForMatch, normalisedText, occurrencesOf } from './match-text.js';
import type { CommentRequest } from './types.js';

/** What of a manuscript (@litsynth/ingest's `Manuscript`) the comments need: its text, blocks and places. */
export interface ManuscriptParagraphs {
  path: string;
  text: string;
  blocks: ReadonlyArray<{ start: number; end: number }>;
  locate(offset: number): { line: number; column: number; page?: number };
}

/** Options of `diagnosticsToComments`. */
export interface DiagnosticsToCommentsOptions {
  /** The language of the comments: the thesis's. */
  lang: Lang;
  /** Rule documentation: the description heads the comment of an `info` rule found several times. */
  rules?: readonly RuleDefinition[];
}

/** The comments for a manuscript's diagnostics, and the diagnostics that are about other files. */
export interface DiagnosticComments {
  comments: CommentRequest[];
  /** Diagnostics of other files (bibliography files, study.yaml, records): not in the document. */
  elsewhere: Diagnostic[];
}

const labels: Record<Severity, { nb: string; en: string }> = {
  error: { nb: 'Feil', en: 'Error' },
  warning: { nb: 'Advarsel', en: 'Warning' },
  info: { nb: 'Merknad om form', en: 'Note on form' },
};
// An info rule's comment lists at most this many places.
const listedPlaces = 30;

/**
 * Turns a .docx manuscript's diagnostics into Word comments: one per error and warning, at its
 * citation; one per `info` rule, at its first place, with the count and every place. Message and
 * suggestion are in `lang`. A diagnostic whose text (`raw`) stands at its place is anchored on that
 * text; one that points at a paragraph (an entry never cited, a missing reference-list entry) is
 * on the paragraph.
 */
export function diagnosticsToComments(
  diagnostics: readonly Diagnostic[],
  manuscript: ManuscriptParagraphs,
  options: DiagnosticsToCommentsOptions,
): DiagnosticComments {
  const { lang } = options;
  const rules = new Map((options.rules ?? []).map((rule) => [rule.id, rule]));
  const inDocument = diagnostics.filter((diagnostic) => diagnostic.file === manuscript.path);
  const elsewhere = diagnostics.filter((diagnostic) => diagnostic.file !== manuscript.path);
  const places = new ManuscriptPlaces(manuscript);

  const comments: Array<{ request: CommentRequest; line: number; column: number }> = [];
  const infoByRule = new Map<RuleId, Diagnostic[]>();
  for (const diagnostic of inDocument) {
    if (diagnostic.severity === 'info') {
      infoByRule.set(diagnostic.rule, [...(infoByRule.get(diagnostic.rule) ?? []), diagnostic]);
      continue;
    }
    comments.push({
      request: places.request(diagnostic, singleBody(diagnostic, lang)),
      line: diagnostic.line,
      column: diagnostic.column,
    });
  }
  for (const [rule, group] of infoByRule) {
    const first = group[0] as Diagnostic;
    const body =
      group.length === 1
        ? singleBody(first, lang)
        : groupBody(rule, group, rules.get(rule), lang, places);
    comments.push({ request: places.request(first, body), line: first.line, column: first.column });
  }
  comments.sort((a, b) => a.line - b.line || a.column - b.column);
  return { comments: comments.map((comment) => comment.request), elsewhere };
}

function singleBody(diagnostic: Diagnostic, lang: Lang): string[] {
  const body = [
    `${labels[diagnostic.severity][lang]}: ${diagnostic.message[lang]} (${diagnostic.rule})`,
  ];
  if (diagnostic.suggestion)
    body.push(`${lang === 'nb' ? 'Forslag' : 'Suggestion'}: ${diagnostic.suggestion[lang]}`);
  return body;
}

function groupBody(
  rule: RuleId,
  group: readonly Diagnostic[],
  definition: RuleDefinition | undefined,
  lang: Lang,
  places: ManuscriptPlaces,
): string[] {
  const first = group[0] as Diagnostic;
  const description = definition?.description[lang] ?? first.message[lang];
  const heading =
    lang === 'nb'
      ? `${labels.info.nb} (${rule}), ${group.length} ganger: ${description}`
      : `${labels.info.en} (${rule}), ${group.length} times: ${description}`;
  const suggestions = new Set(group.map((diagnostic) => diagnostic.suggestion?.[lang] ?? ''));
  const common = suggestions.size === 1 ? [...suggestions][0] : undefined;
  const lines = group.slice(0, listedPlaces).map((diagnostic) => {
    const suggestion =
      common === undefined && diagnostic.suggestion ? ` → ${diagnostic.suggestion[lang]}` : '';
    return `• ${places.describe(diagnostic, lang)}: ${diagnostic.message[lang]}${suggestion}`;
  });
  if (group.length > listedPlaces)
    lines.push(
      lang === 'nb'
        ? `… og ${group.length - listedPlaces} til.`
        : `… and ${group.length - listedPlaces} more.`,
    );
  if (common) lines.push(`${lang === 'nb' ? 'Forslag' : 'Suggestion'}: ${common}`);
  return [heading, ...lines];
}

/** Diagnostics' places in the manuscript: the paragraph (a block of a .docx) and the text at the place. */
class ManuscriptPlaces {
  readonly #manuscript: ManuscriptParagraphs;
  readonly #blockOfLine = new Map<number, { start: number; end: number }>();

  constructor(manuscript: ManuscriptParagraphs) {
    this.#manuscript = manuscript;
    // In a .docx every paragraph is one line: its first block.
    for (const block of manuscript.blocks) {
      const line = manuscript.locate(block.start).line;
      if (!this.#blockOfLine.has(line)) this.#blockOfLine.set(line, block);
    }
  }

  /** The comment for a diagnostic: its paragraph, its text when the text stands at its place. */
  request(diagnostic: Diagnostic, body: string[]): CommentRequest {
    const request: CommentRequest = { paragraph: Math.max(1, diagnostic.line), body };
    const block = this.#blockOfLine.get(diagnostic.line);
    if (!block) return request;
    const paragraphText = this.#manuscript.text.slice(block.start, block.end);
    request.paragraphText = paragraphText;
    const raw = diagnostic.raw;
    if (raw === undefined || normalisedText(raw) === '') return request;
    const offset = this.#offsetOf(block, diagnostic.column) ?? block.start;
    // Which of the places of the same text in the paragraph it is, counted as annotateDocx counts.
    const normalised = normaliseForMatch(paragraphText);
    const relative = offset - block.start;
    const found = occurrencesOf(normalised.text, normalisedText(raw));
    const before = found.filter((at) => (normalised.source[at] as number) < relative).length;
    if (this.#manuscript.text.startsWith(raw, offset)) {
      request.anchor = { text: raw, occurrence: before, column: diagnostic.column };
      return request;
    }
    // Some diagnostics stand at another place than their text (a quotation without page is at the
    // quotation, its citation follows): the text's next place in the paragraph, else its last.
    // Only for text that cannot be a stray number ("69", an entry's key, is at its paragraph only).
    if (!/\p{L}/u.test(raw) || raw.length < 4 || found.length === 0) return request;
    const occurrence = before < found.length ? before : found.length - 1;
    const column = this.#manuscript.locate(
      block.start + (normalised.source[found[occurrence] as number] as number),
    ).column;
    request.anchor = { text: raw, occurrence, column };
    return request;
  }

  /** Where a diagnostic is, as a reader of the document finds it: page, else heading, else paragraph. */
  describe(diagnostic: Diagnostic, lang: Lang): string {
    if (diagnostic.page !== undefined) return `${lang === 'nb' ? 's.' : 'p.'} ${diagnostic.page}`;
    if (diagnostic.section !== undefined)
      return lang === 'nb' ? `«${diagnostic.section}»` : `“${diagnostic.section}”`;
    return `${lang === 'nb' ? 'avsnitt' : 'paragraph'} ${diagnostic.line}`;
  }

  /** The offset of a column in a block (a .docx paragraph is one line: columns only grow). */
  #offsetOf(block: { start: number; end: number }, column: number): number | undefined {
    let low = block.start;
    let high = block.end;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.#manuscript.locate(middle).column < column) low = middle + 1;
      else high = middle;
    }
    return low < block.end && this.#manuscript.locate(low).column === column ? low : undefined;
  }
}
