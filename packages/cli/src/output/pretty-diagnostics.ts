import type { Diagnostic, Lang, Localized, RuleDefinition, Severity } from '@litsynth/common';

/** What the pretty printer needs besides the diagnostics. */
export interface PrettyOptions {
  lang: Lang;
  /** The lines of each file as given, for showing the line a diagnostic is on (absent for docx/pdf). */
  lines: ReadonlyMap<string, readonly string[]>;
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
      if (group && group.length > 1) out.push(...renderOtherPlaces(group.slice(1), options.lang));
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
function renderOtherPlaces(others: readonly Diagnostic[], lang: Lang): string[] {
  const places = others.map((diagnostic) => placeOf(diagnostic, lang)).join(', ');
  return [`      ${lang === 'nb' ? 'også' : 'also'} (${others.length}): ${places}`];
}

function placeOf(diagnostic: Diagnostic, lang: Lang): string {
  const page =
    diagnostic.page === undefined ? '' : ` (${lang === 'nb' ? 's.' : 'p.'} ${diagnostic.page})`;
  return `${diagnostic.line}:${diagnostic.column}${page}`;
}

function renderOne(diagnostic: Diagnostic, options: PrettyOptions, paint: Paint): string[] {
  const result = [
    `    ${paint(severityColor[diagnostic.severity], placeOf(diagnostic, options.lang))}  ${diagnostic.message[options.lang]}  ${paint('2', diagnostic.rule)}`,
  ];
  const line = options.lines.get(diagnostic.file)?.[diagnostic.line - 1];
  if (line !== undefined) {
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
  const byFile = new Map<string, number[]>();
  for (const diagnostic of diagnostics) {
    const lines = byFile.get(diagnostic.file);
    if (lines) lines.push(diagnostic.line);
    else byFile.set(diagnostic.file, [diagnostic.line]);
  }
  for (const [file, lines] of byFile) {
    result.push(`    ${file}, ${lang === 'nb' ? 'linje' : 'lines'} ${lines.join(', ')}`);
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
      `      ${sample.line}: ${sample.raw ?? ''} — ${sample.message[lang]}${suggestion ? ` → ${suggestion}` : ''}`,
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
