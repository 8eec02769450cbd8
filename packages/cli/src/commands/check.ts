import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import {
  applyRuleSettings,
  compareDiagnostics,
  exitCodes,
  LitsynthError,
  readTextFile,
  type Diagnostic,
  type Lang,
  type Localized,
  type RuleDefinition,
  type RuleSetting,
} from '@litsynth/common';
import { bibliographyRules, loadBibliographyFile, type BibEntry } from '@litsynth/bibliography';
import { checkManuscript, checkRules, type CheckedCitation } from '@litsynth/check';
import { parseCitations } from '@litsynth/citations';
import { readManuscript, type Manuscript } from '@litsynth/ingest';
import { diagnosticToJson } from '../output/diagnostics-json.js';
import { renderPretty, renderSummary } from '../output/pretty-diagnostics.js';

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

/** A path as the user would write it: relative to the working directory when inside it. */
function asGiven(path: string): string {
  const relativePath = relative(process.cwd(), path);
  return relativePath && !relativePath.startsWith('..') ? relativePath : path;
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
  // Loaded only for a study: it brings the source-record reader (remark, Ajv) with it.
  const { loadStudy, studyRules, unknownRuleSettings } = await import('@litsynth/study');
  const study = await loadStudy(dir);
  const settingProblems = await unknownRuleSettings(study, await knownRuleIds(Object.keys(study.config.rules), studyRules));
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

/**
 * Every rule id a study may set: the check's, the loaders', and (only when a setting names none of
 * those) the matrix's, whose package is otherwise not needed by the check.
 */
async function knownRuleIds(settings: readonly string[], studyRules: readonly RuleDefinition[]): Promise<string[]> {
  if (settings.length === 0) return [];
  const { recordRules } = await import('@litsynth/sources');
  const known = [...checkRules, ...studyRules, ...bibliographyRules, ...recordRules].map((rule) => rule.id);
  if (settings.every((id) => known.includes(id))) return known;
  const { frameworkRules, matrixRules } = await import('@litsynth/matrix');
  return [...known, ...[...frameworkRules, ...matrixRules].map((rule) => rule.id)];
}

/** Diagnostics per rule id, for the summary (the loaders' rules after the check's). */
function countByRule(diagnostics: readonly Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const diagnostic of [...diagnostics].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0))) {
    counts[diagnostic.rule] = (counts[diagnostic.rule] ?? 0) + 1;
  }
  return counts;
}

/** The citation as the JSON output has it (no offsets into the normalised text). */
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
  };
}

/** The lines of the files the diagnostics point into, for showing them (text formats only). */
async function sourceLines(manuscript: Manuscript, diagnostics: readonly Diagnostic[]): Promise<Map<string, string[]>> {
  const lines = new Map<string, string[]>();
  const files = new Set(diagnostics.map((diagnostic) => diagnostic.file));
  for (const file of files) {
    if (file === manuscript.path && (manuscript.format === 'docx' || manuscript.format === 'pdf')) continue;
    try {
      const { text } = await readTextFile(file);
      lines.set(file, text.split(/\r\n|\r|\n/));
    } catch {
      // A file that cannot be shown is still reported; only its line is left out.
    }
  }
  return lines;
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
  // Problems in the bibliography files and records follow the same rule settings.
  const loaderDiagnostics = applyRuleSettings(input.diagnostics, input.settings);
  const diagnostics = [...result.diagnostics, ...loaderDiagnostics].sort(compareDiagnostics);
  const counts = {
    ...result.summary,
    errors: diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
    warnings: diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length,
    infos: diagnostics.filter((diagnostic) => diagnostic.severity === 'info').length,
    rules: { ...result.summary.rules, ...countByRule(loaderDiagnostics.filter((diagnostic) => !(diagnostic.rule in result.summary.rules))) },
  };
  const notes = manuscript.notes.map((note: Localized) => note[lang]);

  if (options.format === 'json') {
    const document = {
      version: 1,
      manuscript: manuscript.path,
      notes,
      citations: result.citations.map(citationToJson),
      diagnostics: diagnostics.map((diagnostic) => diagnosticToJson(diagnostic, lang)),
      summary: counts,
    };
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    const rules = new Map<string, RuleDefinition>([...checkRules, ...input.rules, ...bibliographyRules].map((rule) => [rule.id, rule]));
    const header = lang === 'nb' ? `Sjekk av ${manuscript.path}` : `Check of ${manuscript.path}`;
    const noteLines = notes.map((note) => `${lang === 'nb' ? 'Merk' : 'Note'}: ${note}`);
    const body = renderPretty(diagnostics, {
      lang,
      lines: await sourceLines(manuscript, diagnostics),
      rules,
      color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    });
    const nothing = lang === 'nb' ? 'Ingen problemer funnet.' : 'No problems found.';
    const lines = [header, ...noteLines, '', diagnostics.length === 0 ? `${nothing}\n` : body, renderSummary(counts, lang)];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return counts.errors > 0 ? exitCodes.errorsFound : exitCodes.ok;
}
