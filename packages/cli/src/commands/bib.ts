import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  applyRuleSettings,
  compareDiagnostics,
  exitCodes,
  LitsynthError,
  ruleRegistry,
  type Diagnostic,
  type Lang,
  type RuleSetting,
} from '@litsynth/common';
import { refuseOverwritingInputs, refuseSystemFolder } from '../output/output-guard.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import {
  compareTypedReferenceList,
  defaultLocaleFor,
  defaultStyle,
  type BibEntry,
  type CitationUse,
  type ReferenceListFormat,
  type TypedReference,
} from '@litsynth/bibliography';
import { citationUses, makeReferenceList } from '@litsynth/engine';
import { bibliographyCheckText } from '../output/bibliography-check.js';
import { loadBibliographyFile } from '../output/bibliography-file.js';
import { nodeFileSource } from '../output/node-file-source.js';
import { asGiven, studyInputs } from '../output/paths.js';
import { nodeFormatPlatform } from '../output/format-platform.js';

/** Options of `litsynth bib` as commander parses them. */
export interface BibCommandOptions {
  bib?: string[];
  format?: ReferenceListFormat;
  out?: string;
  all?: boolean;
  style?: string;
  locale?: string;
  lang?: Lang;
  final?: boolean;
  allowOutsideStudy?: boolean;
}

/** The entries to list and the settings that come with them. */
interface BibInput {
  entries: BibEntry[];
  /** Ids of the works the manuscript cites, or undefined when every entry is listed. */
  cited: Set<string> | undefined;
  /** The manuscript's citations resolved to entries (none for --bib files alone). */
  citations: CitationUse[];
  style: string | undefined;
  locale: string | undefined;
  language: Lang | undefined;
  /** The study's rule settings (none for --bib files alone). */
  settings: Record<string, RuleSetting>;
  /** Problems of loading and of a typed reference list; the integrity rules run later. */
  diagnostics: Diagnostic[];
  /** Every file the list is made from (never to be written over). */
  inputs: string[];
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (cause) {
    throw new LitsynthError('file-not-found', 'The path does not exist: expected a study folder.', {
      file: path,
      messageNb: 'Stien finnes ikke: forventet en studiemappe.',
      cause,
    });
  }
}

/** A study's entries, and (unless --all) the ids its manuscript cites, resolved by the check. */
async function studyInput(dir: string, all: boolean, allowOutside: boolean): Promise<BibInput> {
  if (!(await isFolder(dir))) {
    throw new LitsynthError(
      'not-a-study',
      'litsynth bib takes a study folder (with study.yaml); give a bibliography file with --bib.',
      {
        file: dir,
        messageNb:
          'litsynth bib tar en studiemappe (med study.yaml); oppgi en bibliografifil med --bib.',
      },
    );
  }
  const { openStudy } = await import('@litsynth/engine');
  // The manuscript as the study names it (its full path, as bib's messages have always shown it).
  const opened = openStudy(nodeFileSource, dir, {
    pathOf: (path) => path,
    ...(allowOutside ? { allowOutside } : {}),
  });
  const session = await opened.manuscript();
  const manuscript = await session.manuscript();
  const { result } = await session.check();
  const citedKeys = await opened.citedKeys();
  const study = { dir, config: await opened.config(), ...(await opened.entries()) };
  const diagnostics = study.diagnostics.filter((diagnostic) => diagnostic.rule.startsWith('bib-'));
  // A manuscript with its own reference list: compare it with the style and the cited works.
  const list = manuscript.referenceList;
  if (list) {
    const typed: TypedReference[] = list.entries.map((entry) => {
      const place = manuscript.locate(entry.start);
      return {
        raw: entry.raw,
        authors: entry.authors,
        year: entry.year,
        title: entry.title,
        line: place.line,
        column: place.column,
      };
    });
    diagnostics.push(
      ...compareTypedReferenceList(typed, study.entries, {
        file: manuscript.path,
        listLine: manuscript.locate(list.start).line,
        cited: citedKeys,
        style: study.config.style,
      }),
    );
  }
  const cited = all ? undefined : citedKeys;
  return {
    entries: [...study.entries],
    cited,
    citations: citationUses(result.citations),
    style: study.config.style,
    locale: study.config.locale,
    language: study.config.language,
    settings: study.config.rules,
    diagnostics,
    inputs: studyInputs(study),
  };
}

/**
 * `litsynth bib`: prints the reference list of a study's cited works (or of every entry with --all,
 * or of --bib files) in Norwegian APA 7 by default: complete entries only, no markers. The to-do
 * (what the other entries lack, templates, possible matches) and the other problems of the listed
 * entries (integrity rules `bib-*`) go to stderr; exit 1 when one is an error, or with --final
 * while an entry is incomplete (then no list is printed or written).
 */
export async function bibCommand(
  study: string | undefined,
  options: BibCommandOptions,
): Promise<number> {
  const bibFiles = options.bib ?? [];
  if (study === undefined && bibFiles.length === 0) {
    throw new LitsynthError('usage', 'give a study folder or at least one --bib file', {
      messageNb: 'oppgi en studiemappe eller minst én --bib-fil',
    });
  }
  // Where the list goes is checked before any work: not into a system folder, not over an input.
  if (options.out !== undefined) refuseSystemFolder(dirname(resolve(options.out)), options.out);
  const input: BibInput =
    study === undefined
      ? {
          entries: [],
          cited: undefined,
          citations: [],
          style: undefined,
          locale: undefined,
          language: undefined,
          settings: {},
          diagnostics: [],
          inputs: [],
        }
      : await studyInput(study, options.all === true, options.allowOutsideStudy === true);
  if (options.out !== undefined)
    refuseOverwritingInputs([options.out], [...bibFiles, ...input.inputs.map(asGiven)]);
  const seen = new Set(input.entries.map((entry) => entry.id));
  for (const file of bibFiles) {
    const loaded = await loadBibliographyFile(file);
    input.diagnostics.push(...loaded.diagnostics);
    for (const entry of loaded.entries) {
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      input.entries.push(entry);
      // Entries given on the command line are listed whether cited or not.
      input.cited?.add(entry.id);
    }
  }
  const style = options.style ?? input.style ?? defaultStyle;
  const locale =
    options.locale ??
    (options.style ? defaultLocaleFor(options.style) : (input.locale ?? defaultLocaleFor(style)));
  const lang: Lang = options.lang ?? input.language ?? (/^(nb|nn|no)\b/.test(locale) ? 'nb' : 'en');
  const { list, problems } = await makeReferenceList({
    entries: input.entries,
    cited: input.cited,
    citations: input.citations,
    settings: input.settings,
    style,
    locale,
    format: options.format ?? 'md',
    todoFormat: 'text',
    lang,
    platform: nodeFormatPlatform(),
  });
  const incomplete = list.todo.entries;
  // --final: no list while an entry is missing from it, so that none is handed in by mistake.
  const refuse = options.final === true && incomplete.length > 0;
  if (refuse) {
    const names = incomplete.map(
      (entry) =>
        `  ${entry.citedAs[lang]} (${entry.origin.file}, ${lang === 'nb' ? 'linje' : 'line'} ${entry.origin.line})`,
    );
    process.stderr.write(
      [
        lang === 'nb'
          ? `litsynth: litteraturlisten er ikke ferdig: ${incomplete.length} ${incomplete.length === 1 ? 'referanse mangler' : 'referanser mangler'} opplysninger og er holdt utenfor:`
          : `litsynth: the reference list is not complete: ${incomplete.length} ${incomplete.length === 1 ? 'reference lacks' : 'references lack'} data and ${incomplete.length === 1 ? 'is' : 'are'} kept out of it:`,
        ...names,
        '',
        '',
      ].join('\n'),
    );
  } else if (options.out) {
    await writeFileAtomic(options.out, list.output);
    process.stderr.write(
      lang === 'nb'
        ? `litsynth: skrev ${list.entries.length} referanser til ${options.out}\n`
        : `litsynth: wrote ${list.entries.length} references to ${options.out}\n`,
    );
  } else process.stdout.write(list.output);
  // What is not in the list, and why, on stderr, so that stdout stays the list.
  if (list.todo.output) process.stderr.write(`${list.todo.output}\n`);
  // The other problems — unreadable entries (left out of the list), the integrity rules of the
  // listed entries, differences from a typed reference list; the to-do already says what entries lack.
  const shown = [...applyRuleSettings(input.diagnostics, input.settings), ...problems].sort(
    compareDiagnostics,
  );
  const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
  process.stderr.write(bibliographyCheckText(shown, { lang, rules: ruleRegistry, color }));
  if (refuse) return exitCodes.errorsFound;
  return shown.some((diagnostic) => diagnostic.severity === 'error')
    ? exitCodes.errorsFound
    : exitCodes.ok;
}
