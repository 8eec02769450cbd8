import type { Diagnostic, Lang, Localized, RuleDefinition, Severity } from '@litsynth/common';
import type { Passage } from '@litsynth/ingest';

/**
 * A finding in a Word document or a PDF as its reader finds it: the sentence it is in (ingest's
 * passageAtPlace) and the kind of document, which decides how its place is named.
 */
export interface DocumentPassage {
  format: 'docx' | 'pdf';
  passage: Passage;
}

/** What the pretty printer needs besides the diagnostics. */
export interface PrettyOptions {
  lang: Lang;
  /** The lines of each file as given, for showing the line a diagnostic is on (absent for docx/pdf). */
  lines: ReadonlyMap<string, readonly string[]>;
  /**
   * The passage of a diagnostic in a .docx or .pdf (undefined for other files): it is quoted under
   * the finding, and the finding is placed by page (PDF) or paragraph and heading (.docx).
   */
  passage?: (diagnostic: Diagnostic) => DocumentPassage | undefined;
  /** Rule documentation, for the heading of a repeated problem. */
  rules: ReadonlyMap<string, RuleDefinition>;
  color: boolean;
}

// A warning or info rule seen this many times is reported once, with its count and places.
const repeatedThreshold = 4;
const sampleCount = 8;

const headings: Record<Severity, Localized> = {
  error: { nb: 'Feil', en: 'Errors' },
  warning: { nb: 'Advarsler', en: 'Warnings' },
  info: { nb: 'Merknader om form', en: 'Notes on form' },
};
const severityColor: Record<Severity, string> = { error: '31', warning: '33', info: '36' };

/**
 * Renders diagnostics for a terminal: errors first, then warnings, then notes on form; within each,
 * grouped by file and section, each with its line and the citation marked. The places of one
 * finding (a `group`: one unresolved work cited eleven times) are shown once, at the first, with
 * the others listed. A warning or form rule that occurs many times is shown once with its count,
 * places and a few examples.
 */
export function renderPretty(diagnostics: readonly Diagnostic[], options: PrettyOptions): string {
  const paint = (code: string, text: string) =>
    options.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  const out: string[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const ofSeverity = diagnostics.filter((diagnostic) => diagnostic.severity === severity);
    if (ofSeverity.length === 0) continue;
    const groups = new Map<string, Diagnostic[]>();
    for (const diagnostic of ofSeverity) {
      if (diagnostic.group !== undefined)
        groups.set(diagnostic.group, [...(groups.get(diagnostic.group) ?? []), diagnostic]);
    }
    out.push(
      paint(
        `1;${severityColor[severity]}`,
        `${headings[severity][options.lang]} (${countLabel(ofSeverity, options.lang)})`,
      ),
      '',
    );
    const counts = new Map<string, number>();
    for (const diagnostic of ofSeverity)
      counts.set(diagnostic.rule, (counts.get(diagnostic.rule) ?? 0) + 1);
    const repeated = (rule: string) =>
      severity !== 'error' && (counts.get(rule) ?? 0) >= repeatedThreshold;

    let file: string | undefined;
    let section: string | undefined | null = null;
    for (const diagnostic of ofSeverity) {
      if (repeated(diagnostic.rule)) continue;
      const group = diagnostic.group === undefined ? undefined : groups.get(diagnostic.group);
      // The other places of a finding are listed under its first one.
      if (group && group[0] !== diagnostic) continue;
      if (diagnostic.file !== file) {
        file = diagnostic.file;
        section = null;
        out.push(paint('1', file));
      }
      if (diagnostic.section !== section) {
        section = diagnostic.section;
        // Files without headings (bibliography files) get no section line.
        if (section !== undefined) out.push(`  ${paint('4', section)}`);
      }
      out.push(...renderOne(diagnostic, options, paint));
      if (group && group.length > 1) out.push(...renderOtherPlaces(group.slice(1), options));
    }
    const repeatedRules = [...counts.keys()].filter(repeated);
    for (const rule of repeatedRules) {
      out.push(
        ...renderRepeated(
          rule,
          ofSeverity.filter((diagnostic) => diagnostic.rule === rule),
          options,
          paint,
        ),
      );
    }
    out.push('');
  }
  return out.join('\n');
}

type Paint = (code: string, text: string) => string;

/** "12" or, when places of one finding are shown together, "3 funn, 12 steder". */
function countLabel(diagnostics: readonly Diagnostic[], lang: Lang): string {
  const findings = new Set(diagnostics.map((diagnostic, index) => diagnostic.group ?? `#${index}`))
    .size;
  if (findings === diagnostics.length) return String(diagnostics.length);
  return lang === 'nb'
    ? `${findings} funn, ${diagnostics.length} steder`
    : `${findings} finding${findings === 1 ? '' : 's'}, ${diagnostics.length} places`;
}

/** The other places of a finding, on one line under its first. */
function renderOtherPlaces(others: readonly Diagnostic[], options: PrettyOptions): string[] {
  const places = others.map((diagnostic) => shortPlaceOf(diagnostic, options)).join(', ');
  return [`      ${options.lang === 'nb' ? 'også' : 'also'} (${others.length}): ${places}`];
}

function placeOf(diagnostic: Diagnostic, lang: Lang): string {
  const page =
    diagnostic.page === undefined ? '' : ` (${lang === 'nb' ? 's.' : 'p.'} ${diagnostic.page})`;
  return `${diagnostic.line}:${diagnostic.column}${page}`;
}

/**
 * Where a supervisor finds a finding: in a PDF its page ("s. 12"); in a Word document its
 * paragraph, page when known, and the heading it is under ("avsnitt 34 under «2.1 Metode»");
 * in a text file its line and column.
 */
export function documentPlaceOf(found: DocumentPassage, lang: Lang): string {
  const { place } = found.passage;
  const page =
    place.page === undefined ? undefined : `${lang === 'nb' ? 's.' : 'p.'} ${place.page}`;
  if (found.format === 'pdf') return page ?? `${place.line}:${place.column}`;
  const paragraph = `${lang === 'nb' ? 'avsnitt' : 'paragraph'} ${place.line}`;
  const heading =
    place.heading === undefined
      ? ''
      : lang === 'nb'
        ? ` under «${place.heading}»`
        : ` under "${place.heading}"`;
  return `${paragraph}${page === undefined ? '' : ` (${page})`}${heading}`;
}

/** A place in a list of places: the page of a PDF, the paragraph of a .docx, else line:column. */
function shortPlaceOf(diagnostic: Diagnostic, options: PrettyOptions): string {
  const found = options.passage?.(diagnostic);
  if (found === undefined) return placeOf(diagnostic, options.lang);
  const { place } = found.passage;
  if (found.format === 'pdf' && place.page !== undefined)
    return `${options.lang === 'nb' ? 's.' : 'p.'} ${place.page}`;
  return `${options.lang === 'nb' ? 'avsnitt' : 'paragraph'} ${place.line}`;
}

function renderOne(diagnostic: Diagnostic, options: PrettyOptions, paint: Paint): string[] {
  const found = options.passage?.(diagnostic);
  const place = found ? documentPlaceOf(found, options.lang) : placeOf(diagnostic, options.lang);
  const result = [
    `    ${paint(severityColor[diagnostic.severity], place)}  ${diagnostic.message[options.lang]}  ${paint('2', diagnostic.rule)}`,
  ];
  const line = options.lines.get(diagnostic.file)?.[diagnostic.line - 1];
  if (found) {
    // The sentence, the citation marked under it (a sentence is quoted on one line, shortened).
    const { text, mark } = found.passage;
    result.push(`      ${paint('2', '│')} ${text}`);
    // A mark over the whole passage (an entry of the reference list) would only underline it.
    if (mark.end > mark.start && mark.end - mark.start < text.length)
      result.push(
        `      ${paint('2', '│')} ${' '.repeat(mark.start)}${paint(severityColor[diagnostic.severity], '^'.repeat(mark.end - mark.start))}`,
      );
  } else if (line !== undefined) {
    const number = String(diagnostic.line);
    const { text, offset } = excerpt(line, diagnostic.column - 1);
    // Mark the citation as far as it runs on this line (it may continue on the next one).
    const length = Math.max(1, Math.min(diagnostic.raw?.length ?? 1, text.length - offset));
    result.push(`      ${paint('2', `${number} │`)} ${text}`);
    result.push(
      `      ${' '.repeat(number.length)} ${paint('2', '│')} ${' '.repeat(offset)}${paint(severityColor[diagnostic.severity], '^'.repeat(length))}`,
    );
  }
  if (diagnostic.suggestion) result.push(`      → ${diagnostic.suggestion[options.lang]}`);
  return result;
}

/** Longest part of a line quoted under a diagnostic: a thesis on one line must not be quoted whole, once per problem. */
const excerptLength = 120;

/**
 * The part of a line shown under a diagnostic: the whole line (trailing blanks dropped) when it is
 * short, else a window around the column, with "…" where it is cut; `offset` is the column's place in it.
 */
export function excerpt(line: string, column: number): { text: string; offset: number } {
  // trimEnd, not replace(/\s+$/): the regex is quadratic on a long run of blanks inside a line.
  const full = line.trimEnd();
  const start = Math.max(0, Math.min(column, full.length));
  if (full.length <= excerptLength) return { text: full, offset: start };
  const from = Math.max(0, Math.min(start - 30, full.length - excerptLength));
  const to = Math.min(full.length, from + excerptLength);
  const before = from > 0 ? '…' : '';
  return {
    text: `${before}${full.slice(from, to)}${to < full.length ? '…' : ''}`,
    offset: start - from + before.length,
  };
}

function renderRepeated(
  rule: string,
  diagnostics: readonly Diagnostic[],
  options: PrettyOptions,
  paint: Paint,
): string[] {
  const { lang } = options;
  const definition = options.rules.get(rule);
  const first = diagnostics[0];
  const description = definition?.description[lang] ?? first?.message[lang] ?? rule;
  const times = lang === 'nb' ? 'ganger' : 'times';
  // The rule's name for the reader; its id (the key of study.yaml's rules:) after it.
  const heading = definition ? `${definition.name[lang]} (${rule})` : rule;
  const result = [`${paint('1', heading)} ×${diagnostics.length} ${times}: ${description}`];
  // Per file, its lines; in a PDF its pages, in a Word document its paragraphs (its "lines").
  const byFile = new Map<string, { format: string | undefined; places: number[] }>();
  for (const diagnostic of diagnostics) {
    const found = options.passage?.(diagnostic);
    const entry = byFile.get(diagnostic.file) ?? { format: found?.format, places: [] };
    entry.format ??= found?.format;
    const page = found?.passage.place.page ?? diagnostic.page;
    entry.places.push(entry.format === 'pdf' && page !== undefined ? page : diagnostic.line);
    byFile.set(diagnostic.file, entry);
  }
  const units: Record<string, Localized> = {
    pdf: { nb: 'side', en: 'pages' },
    docx: { nb: 'avsnitt', en: 'paragraphs' },
    text: { nb: 'linje', en: 'lines' },
  };
  for (const [file, { format, places }] of byFile) {
    const unit = (units[format ?? 'text'] as Localized)[lang];
    result.push(`    ${file}, ${unit} ${places.join(', ')}`);
  }
  // One example of each distinct form of the problem: messages that differ only in numbers are one form
  // ("s.112" and "s.20" are one way of writing a page; "s 53" is another).
  const samples = new Map<string, Diagnostic>();
  for (const diagnostic of diagnostics) {
    const form = diagnostic.message[lang].replace(/\d+/g, '#');
    if (!samples.has(form) && samples.size < sampleCount) samples.set(form, diagnostic);
  }
  result.push(`    ${lang === 'nb' ? 'for eksempel' : 'for example'}:`);
  for (const sample of samples.values()) {
    const suggestion = sample.suggestion?.[lang];
    result.push(
      `      ${options.passage?.(sample) ? shortPlaceOf(sample, options) : sample.line}: ${sample.raw ?? ''} — ${sample.message[lang]}${suggestion ? ` → ${suggestion}` : ''}`,
    );
  }
  return result;
}

/** The closing summary line(s). */
export function renderSummary(
  summary: {
    citations: number;
    exact: number;
    fuzzy: number;
    unresolved: number;
    errors: number;
    warnings: number;
    infos: number;
  },
  lang: Lang,
): string {
  if (lang === 'nb') {
    return (
      `Oppsummering: ${summary.citations} henvisninger (${summary.exact} eksakt, ${summary.fuzzy} omtrentlig, ${summary.unresolved} uløst); ` +
      `${summary.errors} feil, ${summary.warnings} advarsler, ${summary.infos} merknader om form.`
    );
  }
  return (
    `Summary: ${summary.citations} citations (${summary.exact} exact, ${summary.fuzzy} fuzzy, ${summary.unresolved} unresolved); ` +
    `${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} notes on form.`
  );
}
