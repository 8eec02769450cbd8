import { dirname, isAbsolute, resolve } from 'pathe';
import {
  closestName,
  completeLocalized,
  LitsynthError,
  type Lang,
  type Localized,
  type RuleSetting,
} from '@litsynth/common';
import { readYamlDocument, type YamlDocument } from '@litsynth/common/yaml-document';
import type { SearchEntry, StudyConfig } from './types.js';

/** One problem of study.yaml: where it is and what was expected. */
export interface ConfigProblem {
  line: number;
  column: number;
  message: Localized;
}

type Path = ReadonlyArray<string | number>;

/**
 * The Norwegian names of study.yaml's fields (top level, `chapters`, and each search): a student
 * may write `tittel:` for `title:`. Documented in packages/study/README.md.
 */
export const norwegianStudyFields: Readonly<Record<string, string>> = {
  tittel: 'title',
  problemstilling: 'question',
  språk: 'language',
  stil: 'style',
  språkkode: 'locale',
  manuskript: 'manuscript',
  bibliografi: 'bibliography',
  kildemappe: 'sourcesDir',
  inkludert: 'included',
  begreper: 'concepts',
  koding: 'coding',
  kapitler: 'chapters',
  resultater: 'results',
  teori: 'theory',
  drøfting: 'discussion',
  inklusjon: 'inclusion',
  eksklusjon: 'exclusion',
  søk: 'search',
  dato: 'date',
  søkeord: 'terms',
  kombinasjon: 'combination',
  avgrensninger: 'limits',
  treff: 'hits',
  titlerLest: 'titlesRead',
  sammendragLest: 'abstractsRead',
  fulltekstLest: 'fullTextsRead',
  regler: 'rules',
  csvSkilletegn: 'csvSeparator',
};

/** The field a key of study.yaml names: the English name for a Norwegian one, else the key. */
export function studyFieldName(key: string): string {
  return norwegianStudyFields[key] ?? key;
}

/** The Norwegian values of a rule setting (`av`, `advarsel`, `feil`) beside the English ones. */
const norwegianRuleSettings: Readonly<Record<string, RuleSetting>> = {
  av: 'off',
  advarsel: 'warn',
  feil: 'error',
};

const ruleSettings: readonly RuleSetting[] = ['off', 'info', 'warn', 'error'];

/**
 * Parses and validates the text of a study.yaml. Paths are resolved against the folder of the
 * file. Throws one LitsynthError (exit 2) that lists every problem, each with line and column.
 */
export async function parseStudyConfig(text: string, file: string): Promise<StudyConfig> {
  return (await parseStudyYaml(text, file)).config;
}

/** study.yaml parsed once: its configuration, and the document that places its fields for messages. */
export interface StudyYaml {
  config: StudyConfig;
  /** The parsed text; paths name fields by their English names, whichever name the text uses. */
  yaml: YamlDocument;
}

/** Parses and validates the text of a study.yaml (as parseStudyConfig), keeping the document. */
export async function parseStudyYaml(text: string, file: string): Promise<StudyYaml> {
  const yaml = await readYamlDocument(text, { uniqueKeys: true, fieldOf: studyFieldName });
  const [error] = yaml.errors;
  if (error) {
    const detail = error.message || 'invalid YAML';
    throw new LitsynthError('invalid-config', `study.yaml is not valid YAML: ${detail}`, {
      file,
      line: error.line,
      column: error.column,
      messageNb: `study.yaml er ikke gyldig YAML: ${detail}`,
    });
  }
  const problems: ConfigProblem[] = [];
  let plain: unknown;
  try {
    plain = yaml.value();
  } catch (cause) {
    throw new LitsynthError(
      'invalid-config',
      'study.yaml uses YAML aliases (*name) that expand to too much data (a "billion laughs"?).',
      {
        file,
        messageNb:
          'study.yaml bruker YAML-aliaser (*navn) som utvider seg til for mye data (en «billion laughs»?).',
        cause,
      },
    );
  }
  const problem = (path: Path, nb: string, en: string) => {
    problems.push({ ...yaml.placeOf(path), message: { nb, en } });
  };
  const data: unknown = withEnglishFieldNames(plain, (path, written, field) =>
    problems.push({
      ...yaml.placeOfKey(path, written),
      message: {
        nb: `«${written}» og «${field}» er samme felt; skriv bare det ene`,
        en: `"${written}" and "${field}" are the same field; write only one of them`,
      },
    }),
  );
  const folder = dirname(file);
  const absolute = (value: string) => (isAbsolute(value) ? value : resolve(folder, value));

  if (!isRecord(data)) {
    throw new LitsynthError(
      'invalid-config',
      'study.yaml must be a mapping of fields (id, title, manuscript, …).',
      {
        file,
        line: 1,
        column: 1,
        messageNb: 'study.yaml må være en samling felt (id, title, manuscript, …).',
      },
    );
  }

  const string = (key: string, required: boolean): string | undefined => {
    const value = data[key];
    if (value === undefined || value === null) {
      if (required)
        problem(
          [key],
          `feltet «${key}» mangler (forventet tekst)`,
          `the field "${key}" is missing (expected text)`,
        );
      return undefined;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      problem([key], `«${key}» skal være tekst`, `"${key}" must be text`);
      return undefined;
    }
    return String(value);
  };
  const localized = (value: unknown, path: Path, required: boolean): Localized | undefined => {
    if (value === undefined || value === null) {
      if (required)
        problem(
          path,
          `feltet «${path.join('.')}» mangler (forventet en tekst)`,
          `the field "${path.join('.')}" is missing (expected text)`,
        );
      return undefined;
    }
    // A plain string serves both languages; { nb } or { en } alone shows in the other language, marked.
    if (typeof value === 'string' && value.trim() !== '') return { nb: value, en: value };
    if (
      isRecord(value) &&
      Object.keys(value).every((key) => key === 'nb' || key === 'en') &&
      ['nb', 'en'].every((key) => value[key] === undefined || typeof value[key] === 'string')
    ) {
      const whole = completeLocalized(value as Partial<Localized>);
      if (whole) return whole;
    }
    problem(
      path,
      `«${path.join('.')}» skal være en tekst, eller tekst per språk ({ nb: … }, { en: … } eller begge; ett språk holder)`,
      `"${path.join('.')}" must be text, or text per language ({ nb: … }, { en: … } or both; one language is enough)`,
    );
    return undefined;
  };
  const strings = (key: string): string[] => {
    const value = data[key];
    if (value === undefined || value === null) return [];
    if (typeof value === 'string') return [value];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      problem([key], `«${key}» skal være en liste med tekst`, `"${key}" must be a list of text`);
      return [];
    }
    return value as string[];
  };

  const id = string('id', true);
  const title = localized(data.title, ['title'], true);
  const question = localized(data.question, ['question'], true);
  let language: Lang = 'nb';
  if (data.language !== undefined) {
    if (data.language === 'nb' || data.language === 'en') language = data.language;
    else problem(['language'], '«language» skal være nb eller en', '"language" must be nb or en');
  }
  const manuscript = string('manuscript', true);
  const bibliography = strings('bibliography');
  const included = strings('included');
  const sourcesDir = string('sourcesDir', false) ?? 'sources';
  const concepts = string('concepts', false);
  const coding = string('coding', false);

  const chapters: StudyConfig['chapters'] = {};
  if (data.chapters !== undefined && data.chapters !== null) {
    if (!isRecord(data.chapters))
      problem(
        ['chapters'],
        '«chapters» skal ha results, theory, discussion',
        '"chapters" must have results, theory, discussion',
      );
    else {
      for (const role of ['results', 'theory', 'discussion'] as const) {
        const value = data.chapters[role];
        if (value === undefined || value === null) continue;
        if (typeof value === 'string' || typeof value === 'number') chapters[role] = String(value);
        else
          problem(
            ['chapters', role],
            `«chapters.${role}» skal være et overskriftsnummer («5.0»)`,
            `"chapters.${role}" must be a heading number ("5.0")`,
          );
      }
    }
  }

  const localizedList = (key: string): Localized[] => {
    const value = data[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      problem([key], `«${key}» skal være en liste`, `"${key}" must be a list`);
      return [];
    }
    return value
      .map((item, index) => localized(item, [key, index], true))
      .filter((item): item is Localized => item !== undefined);
  };
  const inclusion = localizedList('inclusion');
  const exclusion = localizedList('exclusion');

  const search: SearchEntry[] = [];
  if (data.search !== undefined && data.search !== null) {
    if (!Array.isArray(data.search))
      problem(
        ['search'],
        '«search» skal være en liste med søk',
        '"search" must be a list of searches',
      );
    else {
      data.search.forEach((item: unknown, index: number) => {
        const entry = parseSearch(item, index, problem, localized);
        if (entry) search.push(entry);
      });
    }
  }

  const rules: Record<string, RuleSetting> = {};
  if (data.rules !== undefined && data.rules !== null) {
    if (!isRecord(data.rules))
      problem(
        ['rules'],
        '«rules» skal være regel-id: off|info|warn|error (av|info|advarsel|feil)',
        '"rules" must map rule ids to off|info|warn|error',
      );
    else {
      for (const [rule, setting] of Object.entries(data.rules)) {
        const value =
          typeof setting === 'string' ? (norwegianRuleSettings[setting] ?? setting) : setting;
        if ((ruleSettings as readonly unknown[]).includes(value))
          rules[rule] = value as RuleSetting;
        else
          problem(
            ['rules', rule],
            `regelen «${rule}» skal settes til av, info, advarsel eller feil (off, info, warn, error)`,
            `the rule "${rule}" must be set to off, info, warn or error`,
          );
      }
    }
  }

  let csvSeparator: ',' | ';' = language === 'nb' ? ';' : ',';
  if (data.csvSeparator !== undefined && data.csvSeparator !== null) {
    if (data.csvSeparator === ',' || data.csvSeparator === ';') csvSeparator = data.csvSeparator;
    else
      problem(
        ['csvSeparator'],
        '«csvSeparator» skal være «;» eller «,» (i anførselstegn)',
        '"csvSeparator" must be ";" or "," (in quotes)',
      );
  }

  if (
    problems.length > 0 ||
    id === undefined ||
    title === undefined ||
    question === undefined ||
    manuscript === undefined
  ) {
    const [first] = problems;
    const list = (lang: Lang) =>
      problems
        .map((item) => `\n  ${file}:${item.line}:${item.column}: ${item.message[lang]}`)
        .join('');
    throw new LitsynthError(
      'invalid-config',
      `study.yaml has ${problems.length} problem(s):${list('en')}`,
      {
        file,
        ...(first ? { line: first.line, column: first.column } : {}),
        messageNb: `study.yaml har ${problems.length} feil:${list('nb')}`,
      },
    );
  }

  const config: StudyConfig = {
    id,
    title,
    question,
    language,
    style: string('style', false) ?? 'norsk-apa-manual',
    locale: string('locale', false) ?? (language === 'en' ? 'en-US' : 'nb-NO'),
    manuscript: absolute(manuscript),
    bibliography: bibliography.map(absolute),
    sourcesDir: absolute(sourcesDir),
    included,
    ...(concepts === undefined ? {} : { concepts: absolute(concepts) }),
    ...(coding === undefined ? {} : { coding: absolute(coding) }),
    chapters,
    inclusion,
    exclusion,
    search,
    rules,
    csvSeparator,
  };
  return { config, yaml };
}

/** The top-level fields of study.yaml. */
export const studyFields = [
  'id',
  'title',
  'question',
  'language',
  'style',
  'locale',
  'manuscript',
  'bibliography',
  'sourcesDir',
  'included',
  'concepts',
  'coding',
  'chapters',
  'inclusion',
  'exclusion',
  'search',
  'rules',
  'csvSeparator',
] as const;

/** Top-level keys of study.yaml that are not fields (typos: "bibliografi"), with their places. */
export function unknownFields(
  yaml: YamlDocument,
): Array<{ key: string; line: number; column: number }> {
  return yaml.unknownKeys([], studyFields);
}

/**
 * The closest known name by edit distance, for "did you mean" about a field or a rule setting of
 * study.yaml (longer names may be further off).
 */
export function closest(id: string, known: readonly string[]): string | undefined {
  return closestName(id, known, Math.max(2, Math.floor(id.length / 3)));
}

/**
 * The parsed study.yaml with the Norwegian field names replaced by the English ones (top level,
 * `chapters`, each search). A field written in both languages keeps its English value, and
 * `twice` is told where the Norwegian one is.
 */
function withEnglishFieldNames(
  data: unknown,
  twice: (path: Path, written: string, field: string) => void,
): unknown {
  const rename = (value: unknown, path: Path): unknown => {
    if (!isRecord(value)) return value;
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const field = studyFieldName(key);
      if (field !== key && field in value) {
        twice(path, key, field);
        continue;
      }
      result[field] = item;
    }
    return result;
  };
  const top = rename(data, []);
  if (!isRecord(top)) return top;
  if (isRecord(top.chapters)) top.chapters = rename(top.chapters, ['chapters']);
  if (Array.isArray(top.search))
    top.search = top.search.map((item: unknown, index: number) => rename(item, ['search', index]));
  return top;
}

function parseSearch(
  item: unknown,
  index: number,
  problem: (path: Path, nb: string, en: string) => void,
  localized: (value: unknown, path: Path, required: boolean) => Localized | undefined,
): SearchEntry | undefined {
  const path = ['search', index];
  if (!isRecord(item) || typeof item.database !== 'string') {
    problem(path, 'et søk skal ha «database» (tekst)', 'a search must have "database" (text)');
    return undefined;
  }
  const terms = item.terms === undefined ? [] : item.terms;
  if (!Array.isArray(terms) || terms.some((term) => typeof term !== 'string')) {
    problem(
      [...path, 'terms'],
      '«terms» skal være en liste med søkeord',
      '"terms" must be a list of search terms',
    );
    return undefined;
  }
  const entry: SearchEntry = { database: item.database, terms: terms as string[] };
  if (item.date !== undefined)
    entry.date =
      item.date instanceof Date ? item.date.toISOString().slice(0, 10) : String(item.date);
  const combination = localized(item.combination, [...path, 'combination'], false);
  if (combination) entry.combination = combination;
  const limits = localized(item.limits, [...path, 'limits'], false);
  if (limits) entry.limits = limits;
  for (const key of ['hits', 'titlesRead', 'abstractsRead', 'fullTextsRead', 'included'] as const) {
    const value = item[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) entry[key] = value;
    else
      problem([...path, key], `«${key}» skal være et heltall`, `"${key}" must be a whole number`);
  }
  return entry;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
