import { stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import {
  type Diagnostic,
  defaultMaxBinaryBytes,
  type Lang,
  LitsynthError,
  type RuleDefinition,
  isLitsynthError,
} from '@litsynth/common';
import { readFileBytes } from './read-file.js';
import { writeFileAtomic } from './write-file-atomic.js';
import { formatOfPath, type Manuscript } from '@litsynth/ingest';

// `--annotate OUT.docx` of `check` and `build`: a copy of the student's .docx with a Word comment
// at each problem.

const formatNames = {
  txt: { nb: 'en tekstfil', en: 'a text file' },
  md: { nb: 'en Markdown-fil', en: 'a Markdown file' },
  pdf: { nb: 'en PDF-fil', en: 'a PDF file' },
  unknown: { nb: 'ikke et Word-dokument', en: 'not a Word document' },
};

/**
 * Refuses, before any work, an `--annotate` that cannot be done (exit 2): a manuscript that is no
 * .docx (a text or PDF manuscript cannot get Word comments: the report is the way, `--out`), an
 * output that is not a .docx of the same type, or that is the manuscript itself.
 */
export async function refuseImpossibleAnnotation(
  manuscriptPath: string,
  outPath: string,
  command: 'check' | 'build',
): Promise<void> {
  const format = formatOfPath(manuscriptPath);
  if (format !== 'docx') {
    const name = formatNames[format ?? 'unknown'];
    const hint =
      command === 'check'
        ? {
            nb: `skriv rapporten til en fil med --out (litsynth check … --out rapport.txt)`,
            en: `write the report to a file with --out (litsynth check … --out report.txt)`,
          }
        : {
            nb: 'rapporten (report.html) står i utdatamappen (--out)',
            en: 'the report (report.html) is in the output folder (--out)',
          };
    throw new LitsynthError(
      'usage',
      `--annotate writes Word comments into a copy of a .docx manuscript, and this manuscript is ${name.en}: it cannot get comments. Instead, ${hint.en}.`,
      {
        file: manuscriptPath,
        messageNb: `--annotate skriver Word-merknader i en kopi av et .docx-manuskript, og dette manuskriptet er ${name.nb}: det kan ikke få merknader. I stedet: ${hint.nb}.`,
      },
    );
  }
  const extension = extname(manuscriptPath).toLowerCase();
  if (extname(outPath).toLowerCase() !== extension) {
    throw new LitsynthError(
      'usage',
      `--annotate needs a file name ending in ${extension}, the type of the manuscript.`,
      {
        file: outPath,
        messageNb: `--annotate trenger et filnavn som slutter på ${extension}, samme type som manuskriptet.`,
      },
    );
  }
  if (await isSameFile(manuscriptPath, outPath)) {
    throw new LitsynthError(
      'usage',
      '--annotate would overwrite the manuscript; give another file name (the manuscript is never changed).',
      {
        file: outPath,
        messageNb:
          '--annotate ville skrevet over manuskriptet; oppgi et annet filnavn (manuskriptet endres aldri).',
      },
    );
  }
}

async function isSameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const [first, second] = await Promise.all([
    stat(a).catch(() => undefined),
    stat(b).catch(() => undefined),
  ]);
  return (
    first !== undefined &&
    second !== undefined &&
    first.dev === second.dev &&
    first.ino === second.ino
  );
}

/** What was written, for the line that says so. */
export interface AnnotationSummary {
  path: string;
  comments: number;
  /** Comments on their paragraph because their text could not be found exactly there. */
  notExact: number;
  /** Diagnostics about other files (bibliography files, records), which are not in the document. */
  elsewhere: Diagnostic[];
}

/**
 * Writes the annotated copy: the manuscript's diagnostics as Word comments (errors and warnings one
 * each, an info rule once) in `lang`, atomically to `outPath`. The manuscript is only read.
 */
export async function writeAnnotatedDocx(input: {
  manuscript: Manuscript;
  diagnostics: readonly Diagnostic[];
  lang: Lang;
  rules: readonly RuleDefinition[];
  outPath: string;
}): Promise<AnnotationSummary> {
  const { manuscript, lang, outPath } = input;
  const { annotateDocx, diagnosticsToComments } = await import('@litsynth/docx-comments');
  const { comments, elsewhere } = diagnosticsToComments(input.diagnostics, manuscript, {
    lang,
    rules: input.rules,
  });
  const bytes = await readFileBytes(manuscript.path, {
    role: 'manuscript',
    maxBytes: defaultMaxBinaryBytes,
  });
  let annotated: ReturnType<typeof annotateDocx>;
  try {
    annotated = annotateDocx(bytes, { comments, lang });
  } catch (error) {
    if (!isLitsynthError(error)) throw error;
    throw new LitsynthError(error.code, error.message, {
      file: manuscript.path,
      ...(error.messageNb ? { messageNb: error.messageNb } : {}),
      cause: error,
    });
  }
  await writeFileAtomic(outPath, annotated.bytes);
  return {
    path: outPath,
    comments: comments.length,
    notExact: annotated.placements.filter((placement) => placement === 'paragraph-fallback').length,
    elsewhere,
  };
}

/** The line that says where the annotated copy is and what it has. */
export function describeAnnotation(summary: AnnotationSummary, lang: Lang): string {
  const files = [...new Set(summary.elsewhere.map((diagnostic) => diagnostic.file))].join(', ');
  if (lang === 'nb') {
    const notExact =
      summary.notExact > 0
        ? `; ${summary.notExact} av dem står på avsnittet fordi stedet ikke kunne finnes nøyaktig`
        : '';
    const elsewhere =
      summary.elsewhere.length > 0
        ? `\n  ${summary.elsewhere.length} problem(er) i andre filer (${files}) står ikke i dokumentet, bare i rapporten.`
        : '';
    return `Kommentert kopi: ${summary.path} (${summary.comments} merknad(er)${notExact}).${elsewhere}\n`;
  }
  const notExact =
    summary.notExact > 0
      ? `; ${summary.notExact} of them on their paragraph, as the place could not be found exactly`
      : '';
  const elsewhere =
    summary.elsewhere.length > 0
      ? `\n  ${summary.elsewhere.length} problem(s) in other files (${files}) are not in the document, only in the report.`
      : '';
  return `Annotated copy: ${summary.path} (${summary.comments} comment(s)${notExact}).${elsewhere}\n`;
}
