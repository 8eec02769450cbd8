import {
  type BibEntry,
  type FormatReferenceListOptions,
  type FormattedEntry,
  loadReferenceWriters,
  type ReferenceTodo,
  readBibliography,
} from '@litsynth/bibliography';
import { type CheckResult, checkManuscript } from '@litsynth/check';
import { type Citation, parseCitations } from '@litsynth/citations';
import {
  compareDiagnostics,
  type Diagnostic,
  isLitsynthError,
  type Lang,
  type Localized,
  type RuleSetting,
  ruleRegistry,
} from '@litsynth/common';
import {
  formatOfPath,
  isUnsupportedExtension,
  type Manuscript,
  manuscriptSizeLimit,
  readManuscriptBytes,
  refuseUnsupportedFormat,
} from '@litsynth/ingest';
import type { ReportData, ReportFailure } from '@litsynth/report';
import { type CombinedCheck, checkExitCode, checkJson, combineCheck } from './check-output.js';
import type { FileSource } from './file-source.js';
import { once } from './once.js';
import { bibliographyCheckJson, citationUses, makeReferenceList } from './reference-list.js';

/** What a study gives the check of its manuscript (the CLI loads the study; the engine checks). */
export interface StudyContext {
  entries: readonly BibEntry[];
  included: readonly string[];
  settings: Record<string, RuleSetting>;
  language?: Lang | undefined;
  style?: string | undefined;
  /** The CSL locale of the reference list (default: the style's). */
  locale?: string | undefined;
  /** The loaders' problems (study.yaml, records, bibliography files). */
  diagnostics: readonly Diagnostic[];
}

/** How to open a manuscript. */
export interface OpenManuscriptOptions {
  /** Bibliography files (.bib .json .yaml .ris) in the file source. */
  bib?: readonly string[];
  /** The study the manuscript belongs to, when there is one. */
  study?: StudyContext;
  /** While a PDF is read: the page read last and how many there are. */
  onPage?: (page: number, pages: number) => void;
  /** Options of the reference list's rendering the platform decides (a cache, other threads). */
  formatOptions?: Pick<FormatReferenceListOptions, 'platform'>;
}

/** The check of a manuscript: the result, and the loaders' problems joined to it and counted. */
export interface ManuscriptCheck {
  result: CheckResult;
  combined: CombinedCheck;
}

/**
 * The reference list of the cited works (each entry formatted once, as a tree), its to-do and the
 * integrity problems of its entries, with the files a build writes of them.
 */
export interface ManuscriptReferences {
  /** The entries the list is made of: the cited works and their namesakes. */
  entries: BibEntry[];
  /** The complete entries in list order: a tree each, and its text in Markdown. */
  listed: FormattedEntry[];
  /** What keeps the list from being complete (templates and candidates as trees, text in Markdown). */
  todo: ReferenceTodo;
  /** The integrity problems of the listed entries, after the rule settings (bibliography-check.json). */
  problems: Diagnostic[];
  /** references.md, references.html, references-todo.md and bibliography-check.json. */
  files: Array<{ path: string; content: string }>;
}

/** A manuscript opened once: each result is computed on demand, and only once. */
export interface ManuscriptSession {
  readonly path: string;
  bibliography(): Promise<{ entries: BibEntry[]; diagnostics: Diagnostic[] }>;
  manuscript(): Promise<Manuscript>;
  citations(): Promise<Citation[]>;
  check(): Promise<ManuscriptCheck>;
  /** The language of messages: the given one, else the study's, else the thesis's (when sure), else the fallback. */
  language(given: Lang | undefined, fallback: () => Lang): Promise<Lang>;
  /** check.json, in a language. */
  checkJson(lang: Lang): Promise<string>;
  /** 1 when the check found an error (after the rule settings), else 0. */
  exitCode(): Promise<0 | 1>;
  /** The reference list of the cited works in a language (cached per language). */
  references(lang: Lang): Promise<ManuscriptReferences>;
  /** What report.html of the manuscript alone shows: no matrix, no tables, titled from the document. */
  reportData(lang: Lang): Promise<ReportData>;
  /** report.html of the manuscript alone (reportData rendered). */
  reportHtml(lang: Lang): Promise<string>;
}

/** Opens a manuscript (and its bibliography files) from a file source. */
export function openManuscript(
  source: FileSource,
  path: string,
  options: OpenManuscriptOptions = {},
): ManuscriptSession {
  const perLang = <T>(make: (lang: Lang) => Promise<T>) => {
    const values = new Map<Lang, Promise<T>>();
    return (lang: Lang) => {
      let value = values.get(lang);
      if (value === undefined) {
        value = make(lang);
        values.set(lang, value);
      }
      return value;
    };
  };
  const study = options.study;
  const bibliography = once(async () => {
    const entries: BibEntry[] = [...(study?.entries ?? [])];
    const diagnostics: Diagnostic[] = [...(study?.diagnostics ?? [])];
    for (const file of options.bib ?? []) {
      const loaded = await readBibliography(source, file);
      entries.push(...loaded.entries);
      diagnostics.push(...loaded.diagnostics);
    }
    return { entries, diagnostics };
  });
  const manuscript = once(async () => {
    if (isUnsupportedExtension(path) && (await source.kind(path)) !== 'missing')
      refuseUnsupportedFormat(path);
    const format = formatOfPath(path);
    const bytes = await source.read(path, {
      role: 'manuscript',
      binary: format === 'docx' || format === 'pdf',
      limit: manuscriptSizeLimit(path, format),
    });
    return readManuscriptBytes(bytes, path, options.onPage ? { onPage: options.onPage } : {});
  });
  const citations = once(async () => parseCitations((await manuscript()).text));
  const check = once(async () => {
    const { entries, diagnostics } = await bibliography();
    const result = checkManuscript({
      manuscript: await manuscript(),
      citations: await citations(),
      entries,
      included: [...(study?.included ?? [])],
      settings: study?.settings ?? {},
      // A lone manuscript: its language is detected from its text, and the style follows it.
      ...(study?.language === undefined ? {} : { language: study.language }),
      ...(study?.style === undefined ? {} : { style: study.style }),
    });
    return { result, combined: combineCheck(result, diagnostics, study?.settings ?? {}) };
  });
  const language = async (given: Lang | undefined, fallback: () => Lang): Promise<Lang> => {
    if (given !== undefined) return given;
    if (study?.language !== undefined) return study.language;
    const { result } = await check();
    const detected =
      result.language.source === 'detected' && result.language.detected?.decided === true;
    return detected ? result.language.thesis : fallback();
  };
  const references = perLang(async (lang): Promise<ManuscriptReferences> => {
    const all = (await bibliography()).entries;
    let known: readonly BibEntry[] = all;
    let cited: Set<string> | undefined;
    let citations: CheckResult['citations'] = [];
    try {
      const { result } = await check();
      // A lone manuscript without a bibliography: the works its own list or fields give.
      if (all.length === 0 && !study) known = result.entriesFromFields ?? [];
      cited = new Set(
        result.citations.map((citation) => citation.key).filter((key) => key !== null),
      );
      citations = result.citations;
    } catch (error) {
      // A study whose manuscript cannot be checked still gets the list of all its entries.
      if (!study) throw error;
    }
    const { entries, list, problems } = await makeReferenceList({
      ...options.formatOptions,
      entries: known,
      cited,
      citations: citationUses(citations),
      settings: study?.settings ?? {},
      lang,
      format: 'md',
      ...(study?.style ? { style: study.style } : {}),
      ...(study?.locale ? { locale: study.locale } : {}),
    });
    const listed = entries.map((entry) => entry.id);
    const writers = await loadReferenceWriters();
    const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
    return {
      entries,
      listed: list.entries,
      todo: list.todo,
      problems,
      files: [
        { path: 'references.md', content: line(list.output) },
        {
          path: 'references.html',
          content: line(writers.referenceListDocument(list.entries, 'html', lang)),
        },
        { path: 'references-todo.md', content: line(list.todo.output || noTodo[lang]) },
        {
          path: 'bibliography-check.json',
          content: bibliographyCheckJson({ entries: listed, diagnostics: problems, lang }),
        },
      ],
    };
  });
  const reportData = perLang(async (lang) => {
    const failures: ReportFailure[] = [];
    let list: ManuscriptReferences | undefined;
    try {
      list = await references(lang);
    } catch (error) {
      failures.push({
        part: { nb: 'referanseliste', en: 'reference list' },
        message: failureMessage(error),
      });
    }
    const { result, combined } = await check();
    const read = await manuscript();
    const entries = (await bibliography()).entries;
    // The report and the matrix (entry labels) are loaded only when a report is asked for.
    const [report, matrix] = await Promise.all([
      import('@litsynth/report'),
      import('@litsynth/matrix'),
    ]);
    return loneReportData(report, matrix.narrativeCitation, {
      manuscript: read,
      result,
      combined,
      entries: entries.length > 0 ? entries : (result.entriesFromFields ?? []),
      lang,
      list,
      failures,
    });
  });
  const reportHtml = perLang(async (lang) => {
    const data = await reportData(lang);
    const report = await import('@litsynth/report');
    return report.renderReport(data);
  });
  return {
    path,
    bibliography,
    manuscript,
    citations,
    check,
    language,
    async checkJson(lang) {
      const { result, combined } = await check();
      return checkJson(await manuscript(), result, combined, lang);
    },
    async exitCode() {
      return checkExitCode((await check()).combined.diagnostics);
    },
    references,
    reportData,
    reportHtml,
  };
}

/** references-todo.md when every cited work is in the list. */
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

/**
 * The title of a document as its first page gives it: the first block of more than one word (a
 * title page starts with the title), cut to a line; the file name when there is none.
 */
export function documentTitle(manuscript: Manuscript): string {
  for (const block of manuscript.blocks.slice(0, 12)) {
    const text = manuscript.text.slice(block.start, block.end).replace(/\s+/g, ' ').trim();
    if (text.split(' ').filter((word) => /\p{L}/u.test(word)).length < 2) continue;
    return text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text;
  }
  return manuscript.path.split(/[\\/]/).pop() ?? manuscript.path;
}

/** What report.html shows for a manuscript without a study: no matrix and no tables. */
function loneReportData(
  report: typeof import('@litsynth/report'),
  narrativeCitation: typeof import('@litsynth/matrix').narrativeCitation,
  input: {
    manuscript: Manuscript;
    result: CheckResult;
    combined: CombinedCheck;
    entries: readonly BibEntry[];
    lang: Lang;
    list: ManuscriptReferences | undefined;
    failures: ReportFailure[];
  },
): ReportData {
  const { manuscript, result, combined, lang, list } = input;
  const citations = result.citations;
  const works = new Set(
    citations.map(
      (citation) => citation.key ?? `?${citation.authors.join('+')}|${citation.year ?? ''}`,
    ),
  );
  const title = documentTitle(manuscript);
  const typedList = report.typedListToReport(manuscript, citations);
  return {
    lang,
    study: {
      id: manuscript.path,
      title: { nb: title, en: title },
      question: {
        nb: `ikke oppgitt (${manuscript.path} alene, ingen studie: derfor ingen matrise og ingen tabeller)`,
        en: `not given (${manuscript.path} alone, no study: hence no matrix and no tables)`,
      },
      language: result.language.thesis === 'en' ? 'en' : 'nb',
    },
    counts: {
      citations: citations.length,
      works: works.size,
      references: list?.listed.length ?? 0,
    },
    // The reference list's problems join the others (to be filtered alike) and are shown per entry.
    diagnostics: [...combined.diagnostics, ...(list?.problems ?? [])].sort(compareDiagnostics),
    ...referencesForReport(report, list),
    tables: [],
    manuscriptOnly: true,
    entryLabels: Object.fromEntries(
      input.entries.map((entry) => [entry.id, narrativeCitation(entry.item, lang)]),
    ),
    ruleNames: Object.fromEntries(ruleRegistry.map((rule) => [rule.id, rule.name])),
    failures: input.failures,
    manuscript: {
      file: manuscript.path,
      notes: manuscript.notes,
      blocks: report.manuscriptToReportBlocks(manuscript, citations),
    },
    ...(typedList ? { typedList } : {}),
  };
}

/**
 * The reference list's part of report.html: the list as the report shows it, each entry and each
 * to-do entry with its own problems. Without a list (it could not be made), an empty one.
 */
export function referencesForReport(
  report: Pick<typeof import('@litsynth/report'), 'referenceListToReport'>,
  list: ManuscriptReferences | undefined,
): Pick<ReportData, 'references' | 'referencesTodo'> {
  if (!list) return { references: [] };
  const todo = list.todo.entries.map((entry) => {
    const own = list.problems.filter((problem) => problem.key === entry.id);
    return own.length > 0 ? { ...entry, problems: own } : entry;
  });
  return {
    references: report.referenceListToReport(list.entries, list.listed, list.problems),
    referencesTodo: { entries: todo, toCheck: list.todo.toCheck },
  };
}
