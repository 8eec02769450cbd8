import { stat } from 'node:fs/promises';
import { exitCodes, LitsynthError, type Diagnostic, type Lang, type RuleDefinition, type RuleSetting } from '@litsynth/common';
import { bibliographyRules, loadBibliographyFile, type BibEntry } from '@litsynth/bibliography';
import { checkManuscript, checkRules } from '@litsynth/check';
import { parseCitations } from '@litsynth/citations';
import { readManuscript } from '@litsynth/ingest';
import { checkJson, checkText, combineCheck } from '../output/check-output.js';
import { asGiven } from '../output/paths.js';
import { knownRuleIds } from '../output/rule-ids.js';
import { type CachedStudy, readCachedStudy, writeCachedStudy } from '../output/study-cache.js';

/** Options of `litsynth check` as commander parses them. */
export interface CheckCommandOptions {
  bib?: string[];
  format?: 'pretty' | 'json';
  lang?: Lang;
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
  /** Rule documentation of the loaders that ran (for the pretty output). */
  rules: RuleDefinition[];
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
    : { manuscriptPath: path, entries: [], included: [], settings: {}, language: undefined, style: undefined, diagnostics: [], rules: [] };
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
  const { studyRules } = await import('@litsynth/study/rules');
  return {
    manuscriptPath: asGiven(study.config.manuscript),
    entries: [...study.entries],
    included: study.config.included,
    settings: study.config.rules,
    language: study.config.language,
    style: study.config.style,
    diagnostics: [...study.diagnostics, ...settingProblems],
    rules: studyRules,
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
  const lang: Lang = options.lang ?? input.language ?? 'nb';
  const manuscript = await readManuscript(input.manuscriptPath);
  const citations = parseCitations(manuscript.text);
  const result = checkManuscript({
    manuscript,
    citations,
    entries: input.entries,
    included: input.included,
    settings: input.settings,
    language: input.language ?? 'nb',
    ...(input.style === undefined ? {} : { style: input.style }),
  });
  const combined = combineCheck(result, input.diagnostics, input.settings);
  if (options.format === 'json') {
    process.stdout.write(checkJson(manuscript, result, combined, lang));
  } else {
    const rules = [...checkRules, ...input.rules, ...bibliographyRules];
    process.stdout.write(await checkText(manuscript, combined, { lang, rules, color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }));
  }
  return combined.summary.errors > 0 ? exitCodes.errorsFound : exitCodes.ok;
}
