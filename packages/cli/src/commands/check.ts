import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { LitsynthError, ruleRegistry, type Lang } from '@litsynth/common';
import { refuseSystemFolder } from '../output/output-guard.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { type ManuscriptSession, openManuscript, openStudy } from '@litsynth/engine';
import {
  describeAnnotation,
  refuseImpossibleAnnotation,
  writeAnnotatedDocx,
} from '../output/annotate.js';
import { checkText } from '../output/check-output.js';
import { nodeFileSource } from '../output/node-file-source.js';
import { nodeFormatPlatform } from '../output/format-platform.js';
import { asGiven, refuseFileAsOutDir } from '../output/paths.js';
import { readCachedStudy, writeCachedStudy } from '../output/study-cache.js';
import { environmentLanguage } from '../output/ui-language.js';

/** Options of `litsynth check` as commander parses them. */
export interface CheckCommandOptions {
  bib?: string[];
  format?: 'pretty' | 'json';
  lang?: Lang;
  /** Write the report to this file instead of stdout. */
  out?: string;
  /** Write a copy of the .docx manuscript with a Word comment at each problem to this file. */
  annotate?: string;
  allowOutsideStudy?: boolean;
}

/** What to check: the manuscript opened, and whether it is a study's. */
interface CheckInput {
  manuscriptPath: string;
  session: ManuscriptSession;
  isStudy: boolean;
}

async function inputOf(
  path: string,
  bib: readonly string[],
  allowOutside: boolean,
): Promise<CheckInput> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch (cause) {
    throw new LitsynthError(
      'file-not-found',
      'The path does not exist: expected a study folder or a manuscript file.',
      {
        file: path,
        messageNb: 'Stien finnes ikke: forventet en studiemappe eller en manuskriptfil.',
        cause,
      },
    );
  }
  if (!isFolder)
    return {
      manuscriptPath: path,
      // A lone manuscript's report formats its reference list: with the disk cache and threads.
      session: openManuscript(nodeFileSource, path, {
        bib,
        formatOptions: { platform: nodeFormatPlatform() },
      }),
      isStudy: false,
    };
  // A study is read as far as the check needs: study.yaml, the bibliography files and the
  // records' frontmatter; the records' bodies, the concepts and the coding are never parsed. A
  // repeated check of an unchanged study takes even that from the cache, without importing the
  // study loaders (yaml, the record readers) at all. A study read with --allow-outside-study is
  // neither taken from nor put in the cache.
  const cached = allowOutside ? undefined : await readCachedStudy(path);
  const startedMs = Date.now();
  const study = openStudy(nodeFileSource, path, {
    pathOf: asGiven,
    bib,
    ...(allowOutside ? { allowOutside } : {}),
    ...(cached ? { checkInput: cached } : {}),
  });
  const session = await study.manuscript();
  if (!cached && !allowOutside) await writeCachedStudy(path, await study.checkInput(), startedMs);
  return { manuscriptPath: session.path, session, isStudy: true };
}

/** Whether --out names a folder: it ends in a slash, or it is a folder that exists. */
async function namesFolder(out: string): Promise<boolean> {
  if (/[\\/]$/.test(out)) return true;
  return (await stat(out).catch(() => undefined))?.isDirectory() ?? false;
}

/**
 * `litsynth check`: checks every citation of a manuscript (a study's, or a file with --bib files)
 * and prints the diagnostics, pretty or as one JSON document. With --out naming a folder, a lone
 * manuscript also gets report.html and check.json there. Returns 1 when errors were found.
 */
export async function checkCommand(path: string, options: CheckCommandOptions): Promise<number> {
  const input = await inputOf(path, options.bib ?? [], options.allowOutsideStudy === true);
  const { session } = input;
  // The bibliography files are read first: their problems are reported before the manuscript's.
  await session.bibliography();
  const outDir =
    options.out !== undefined && (await namesFolder(options.out)) ? options.out : undefined;
  if (outDir !== undefined && input.isStudy) {
    throw new LitsynthError(
      'usage',
      '--out with a folder is for a lone manuscript; a study writes its report with `litsynth build`.',
      {
        file: outDir,
        messageNb:
          '--out med en mappe er for et manuskript alene; en studie skriver rapporten sin med `litsynth build`.',
      },
    );
  }
  if (outDir !== undefined) await refuseFileAsOutDir(outDir, outDir);
  for (const output of [options.out, options.annotate])
    if (output !== undefined) refuseSystemFolder(dirname(resolve(output)), output);
  if (options.annotate !== undefined)
    await refuseImpossibleAnnotation(input.manuscriptPath, options.annotate, 'check');
  const outFiles =
    outDir === undefined
      ? options.out === undefined
        ? []
        : [options.out]
      : [join(outDir, 'report.html'), join(outDir, 'check.json')];
  for (const out of outFiles)
    await refuseOverwritingInput(out, [
      input.manuscriptPath,
      ...(options.bib ?? []),
      ...(options.annotate === undefined ? [] : [options.annotate]),
    ]);
  const manuscript = await session.manuscript();
  const { combined } = await session.check();
  // Messages: --lang, else the study's language, else the language the thesis is written in,
  // else (too little text to tell) the language of the user's locale.
  const lang = await session.language(options.lang, environmentLanguage);
  const rules = ruleRegistry;
  const toFile = options.out !== undefined && outDir === undefined;
  const report =
    options.format === 'json'
      ? await session.checkJson(lang)
      : await checkText(manuscript, combined, {
          lang,
          rules,
          color: !toFile && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
        });
  if (options.annotate !== undefined) {
    const summary = await writeAnnotatedDocx({
      manuscript,
      diagnostics: combined.diagnostics,
      lang,
      rules,
      outPath: options.annotate,
    });
    process.stderr.write(describeAnnotation(summary, lang));
  }
  if (outDir !== undefined) {
    await writeFileAtomic(join(outDir, 'check.json'), await session.checkJson(lang));
    await writeFileAtomic(join(outDir, 'report.html'), await session.reportHtml(lang));
    const where = asGiven(outDir);
    process.stderr.write(
      lang === 'nb'
        ? `Skrev ${join(where, 'report.html')} og ${join(where, 'check.json')}\n`
        : `Wrote ${join(where, 'report.html')} and ${join(where, 'check.json')}\n`,
    );
  }
  if (toFile) await writeFileAtomic(options.out as string, report);
  else process.stdout.write(report);
  return session.exitCode();
}
/** An output file that is one of the inputs is a usage error (exit 2): the input is never changed. */
async function refuseOverwritingInput(out: string, inputs: readonly string[]): Promise<void> {
  const target = await stat(out).catch(() => undefined);
  for (const input of inputs) {
    const source = await stat(input).catch(() => undefined);
    if (
      resolve(input) === resolve(out) ||
      (target && source && target.dev === source.dev && target.ino === source.ino)
    ) {
      throw new LitsynthError(
        'usage',
        '--out would overwrite an input file (or the --annotate copy); give another file name.',
        {
          file: out,
          messageNb:
            '--out ville skrevet over en inndatafil (eller --annotate-kopien); oppgi et annet filnavn.',
        },
      );
    }
  }
}
