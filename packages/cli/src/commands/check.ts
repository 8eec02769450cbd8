import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exitCodes, LitsynthError, ruleRegistry, writeFileAtomic, type Diagnostic, type Lang, type RuleSetting } from '@litsynth/common';
import { loadBibliographyFile, type BibEntry } from '@litsynth/bibliography';
import { checkManuscript } from '@litsynth/check';
import { parseCitations } from '@litsynth/citations';
import { readManuscript } from '@litsynth/ingest';
import { describeAnnotation, refuseImpossibleAnnotation, writeAnnotatedDocx } from '../output/annotate.js';
import { checkJson, checkText, combineCheck } from '../output/check-output.js';
import { asGiven } from '../output/paths.js';
import { knownRuleIds } from '../output/rule-ids.js';
import { environmentLanguage } from '../output/ui-language.js';
import { type CachedStudy, readCachedStudy, writeCachedStudy } from '../output/study-cache.js';

/** Options of `litsynth check` as commander parses them. */
export interface CheckCommandOptions {
  bib?: string[];
  format?: 'pretty' | 'json';
  lang?: Lang;
  /** Write the report to this file instead of stdout. */
  out?: string;
  /** Write a copy of the .docx manuscript with a Word comment at each problem to this file. */
  annotate?: string;
}

/** What to check: the manuscript, the entries, and the study settings when there is a study. */
interface CheckInput {
  manuscriptPath: string;
  entries: BibEntry[];
  included: string[];
  settings: Record<string, RuleSetting>;
  language: Lang | undefined;
  style: string | undefined;
  diagnostics: Diagnostic[];
}

async function inputOf(path: string, bibFiles: readonly string[]): Promise<CheckInput> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch (cause) {
    throw new LitsynthError('file-not-found', 'The path does not exist: expected a study folder or a manuscript file.', {
      file: path,
      messageNb: 'Stien finnes ikke: forventet en studiemappe eller en manuskriptfil.',
      cause,
    });
  }
  const input: CheckInput = isFolder
    ? await studyInput(path)
    : { manuscriptPath: path, entries: [], included: [], settings: {}, language: undefined, style: undefined, diagnostics: [] };
  for (const file of bibFiles) {
    const loaded = await loadBibliographyFile(file);
    input.entries.push(...loaded.entries);
    input.diagnostics.push(...loaded.diagnostics);
  }
  return input;
}

async function studyInput(dir: string): Promise<CheckInput> {
  // A repeated check of an unchanged study takes the loaded study from the cache, without importing
  // the study loaders (remark for the records) at all.
  const cached = await readCachedStudy(dir);
  const { study, settingProblems } = cached ?? (await loadStudyNow(dir));
  return {
    manuscriptPath: asGiven(study.config.manuscript),
    entries: [...study.entries],
    included: study.config.included,
    settings: study.config.rules,
    language: study.config.language,
    style: study.config.style,
    diagnostics: [...study.diagnostics, ...settingProblems],
  };
}

async function loadStudyNow(dir: string): Promise<CachedStudy> {
  // Loaded only for a study: it brings the source-record reader (remark) with it.
  const { loadStudy, unknownRuleSettings } = await import('@litsynth/study');
  const loadStartedMs = Date.now();
  const study = await loadStudy(dir);
  const settingProblems = await unknownRuleSettings(study, await knownRuleIds(Object.keys(study.config.rules)));
  await writeCachedStudy(dir, { study, settingProblems }, loadStartedMs);
  return { study, settingProblems };
}

/**
 * `litsynth check`: checks every citation of a manuscript (a study's, or a file with --bib files)
 * and prints the diagnostics, pretty or as one JSON document. Returns 1 when errors were found.
 */
export async function checkCommand(path: string, options: CheckCommandOptions): Promise<number> {
  const input = await inputOf(path, options.bib ?? []);
  if (options.annotate !== undefined) await refuseImpossibleAnnotation(input.manuscriptPath, options.annotate, 'check');
  if (options.out !== undefined) await refuseOverwritingInput(options.out, [input.manuscriptPath, ...(options.bib ?? []), ...(options.annotate === undefined ? [] : [options.annotate])]);
  const manuscript = await readManuscript(input.manuscriptPath);
  const citations = parseCitations(manuscript.text);
  const result = checkManuscript({
    manuscript,
    citations,
    entries: input.entries,
    included: input.included,
    settings: input.settings,
    // A lone manuscript: its language is detected from its text, and the style follows it.
    ...(input.language === undefined ? {} : { language: input.language }),
    ...(input.style === undefined ? {} : { style: input.style }),
  });
  // Messages: --lang, else the study's language, else the language the thesis is written in,
  // else (too little text to tell) the language of the user's locale.
  const detected = result.language.source === 'detected' && result.language.detected?.decided === true;
  const lang: Lang = options.lang ?? input.language ?? (detected ? result.language.thesis : environmentLanguage());
  const combined = combineCheck(result, input.diagnostics, input.settings);
  const rules = ruleRegistry;
  const report =
    options.format === 'json'
      ? checkJson(manuscript, result, combined, lang)
      : await checkText(manuscript, combined, { lang, rules, color: options.out === undefined && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
  if (options.annotate !== undefined) {
    const summary = await writeAnnotatedDocx({ manuscript, diagnostics: combined.diagnostics, lang, rules, outPath: options.annotate });
    process.stderr.write(describeAnnotation(summary, lang));
  }
  if (options.out !== undefined) await writeFileAtomic(options.out, report);
  else process.stdout.write(report);
  return combined.summary.errors > 0 ? exitCodes.errorsFound : exitCodes.ok;
}

/** An output file that is one of the inputs is a usage error (exit 2): the input is never changed. */
async function refuseOverwritingInput(out: string, inputs: readonly string[]): Promise<void> {
  const target = await stat(out).catch(() => undefined);
  for (const input of inputs) {
    const source = await stat(input).catch(() => undefined);
    if (resolve(input) === resolve(out) || (target && source && target.dev === source.dev && target.ino === source.ino)) {
      throw new LitsynthError('usage', '--out would overwrite an input file (or the --annotate copy); give another file name.', {
        file: out,
        messageNb: '--out ville skrevet over en inndatafil (eller --annotate-kopien); oppgi et annet filnavn.',
      });
    }
  }
}
