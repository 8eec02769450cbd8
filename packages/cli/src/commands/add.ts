import { existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { yearLabel, type BibEntry } from '@litsynth/bibliography';
import { LitsynthError, exitCodes, type Lang, type Localized } from '@litsynth/common';
import { loadBibliographyFile } from '../output/bibliography-file.js';
import { refuseSystemFolder } from '../output/output-guard.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { norwegianStudyFields } from '@litsynth/study';
import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  stringify,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import { environmentLanguage } from '../output/ui-language.js';
import { asciiFold, createFileExclusive } from './init.js';

export interface AddOptions {
  lang?: Lang;
  /** Do not list the new records under `included` in study.yaml. */
  notIncluded?: boolean;
}

/**
 * `litsynth add <study> <file>`: creates the record skeleton (sources/<id>.md) of every entry in a
 * bibliography file, in the study's language: the entry as given, marked unverified unless the
 * file says otherwise, the study characteristics as unknown, and a findings section to fill in.
 * Then lists the records under `included` in study.yaml (unless --not-included), editing only
 * that list so that every comment and the rest of the file stay as they were. An existing record
 * is never overwritten: it is kept, said so, and still listed under `included`.
 */
export async function addCommand(
  study: string,
  file: string,
  options: AddOptions,
): Promise<number> {
  const config = await readStudyFile(study);
  const lang: Lang = options.lang ?? config.language ?? environmentLanguage();
  const { sourcesDir } = config;
  refuseSystemFolder(sourcesDir, sourcesDir);
  const { entries, diagnostics } = await loadBibliographyFile(file);
  for (const diagnostic of diagnostics) {
    process.stderr.write(
      `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.message[lang]}\n`,
    );
  }
  if (entries.length === 0) {
    throw new LitsynthError('empty-file', 'The file holds no usable bibliographic entry.', {
      file,
      messageNb: 'Filen har ingen brukbar bibliografisk oppføring.',
    });
  }
  const taken = new Set<string>();
  const lines: string[] = [];
  const created: string[] = [];
  const ids: string[] = [];
  for (const entry of entries) {
    const id = uniqueId(recordIdOf(entry), taken);
    taken.add(id);
    ids.push(id);
    const path = join(sourcesDir, `${id}.md`);
    const shown = relative(process.cwd(), path);
    if (await createFileExclusive(path, recordSkeleton(id, entry, file, { sourcesDir, lang }))) {
      created.push(id);
      lines.push(`  + ${shown}`);
    } else {
      lines.push(
        lang === 'nb'
          ? `  = ${shown} finnes fra før og ble ikke endret (${entry.origin.file}:${entry.origin.line})`
          : `  = ${shown} already exists and was not changed (${entry.origin.file}:${entry.origin.line})`,
      );
    }
  }
  const heading =
    lang === 'nb'
      ? `${created.length} ny(e) kildepost(er) av ${entries.length} oppføring(er) i ${file}:`
      : `${created.length} new source record(s) from ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} in ${file}:`;
  const next: string[] = [''];
  if (options.notIncluded) {
    next.push(
      lang === 'nb'
        ? `Ikke ført opp under included i study.yaml (--not-included): ${ids.join(', ')}.`
        : `Not listed under included in study.yaml (--not-included): ${ids.join(', ')}.`,
    );
  } else {
    const listed = await includeInStudy(config, ids);
    next.push(...includedMessage(listed, lang));
  }
  if (created.length > 0) {
    next.push(
      lang === 'nb'
        ? 'Fyll inn kjennetegn og funn i kildepostene (se eksempelet nederst i hver post).'
        : 'Fill in the characteristics and findings of the records (see the example at the end of each).',
    );
  }
  process.stdout.write(`${[heading, ...lines, ...next].join('\n')}\n`);
  return exitCodes.ok;
}

/** What includeInStudy did: the ids it listed, those already there, or why it could not. */
interface IncludeResult {
  added: string[];
  already: string[];
  refused?: Localized;
}

function includedMessage(result: IncludeResult, lang: Lang): string[] {
  const lines: string[] = [];
  if (result.added.length > 0) {
    lines.push(
      lang === 'nb'
        ? `Ført opp under included i study.yaml: ${result.added.join(', ')} (bruk --not-included for å la være).`
        : `Listed under included in study.yaml: ${result.added.join(', ')} (use --not-included to leave them out).`,
    );
  }
  if (result.already.length > 0) {
    lines.push(
      lang === 'nb'
        ? `Står allerede under included: ${result.already.join(', ')}.`
        : `Already under included: ${result.already.join(', ')}.`,
    );
  }
  if (result.refused) lines.push(result.refused[lang]);
  return lines;
}

/** What `add` reads of study.yaml (it must work on a study that has no manuscript yet). */
interface StudyFile {
  configFile: string;
  text: string;
  sourcesDir: string;
  language?: Lang;
}

/**
 * study.yaml as `add` needs it, read from the file alone (not the whole study): the sources
 * folder (`sourcesDir` or `kildemappe`) and the language.
 */
async function readStudyFile(study: string): Promise<StudyFile> {
  const configFile = join(study, 'study.yaml');
  let text: string;
  try {
    text = await readFile(configFile, 'utf8');
  } catch (cause) {
    throw new LitsynthError(
      'not-a-study',
      'Not a study folder: it has no study.yaml (create one with litsynth init).',
      {
        file: study,
        messageNb: 'Ikke en studiemappe: den har ingen study.yaml (lag en med litsynth init).',
        cause,
      },
    );
  }
  const document = parseDocument(text);
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0];
    throw new LitsynthError(
      'invalid-config',
      `study.yaml is not valid YAML: ${error.message.split('\n')[0]}`,
      {
        file: configFile,
        ...(line ? { line: line.line, column: line.col } : {}),
        messageNb: `study.yaml er ikke gyldig YAML: ${error.message.split('\n')[0]}`,
      },
    );
  }
  const field = (name: string) =>
    isMap(document.contents) ? fieldPair(document.contents, name)?.value : undefined;
  const value = scalarValue(field('sourcesDir'));
  if (value !== undefined && typeof value !== 'string') {
    throw new LitsynthError('invalid-config', 'sourcesDir must be a folder path.', {
      file: configFile,
      messageNb: 'sourcesDir må være en mappesti.',
    });
  }
  const language = scalarValue(field('language'));
  const result: StudyFile = { configFile, text, sourcesDir: resolve(study, value ?? 'sources') };
  if (language === 'nb' || language === 'en') result.language = language;
  return result;
}

/** The pair of a study.yaml field in a map, written with its English or its Norwegian name. */
function fieldPair(map: YAMLMap, name: string): Pair | undefined {
  const norwegian = Object.entries(norwegianStudyFields).find(
    ([, english]) => english === name,
  )?.[0];
  return map.items.find((pair) => {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    return key === name || (norwegian !== undefined && key === norwegian);
  });
}

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : node === null ? undefined : node;
}

/**
 * Lists record ids under `included` (or `inkludert`) in study.yaml. The YAML document finds the
 * list and its place; only that list is rewritten in the text, so every comment, every other
 * field and its formatting stay byte for byte. An empty `[]` becomes a block list, one id a line;
 * a block list gets the ids as new lines; a flow list gets them inside its brackets. The new text
 * is parsed again and must read as the old one plus the ids, else nothing is written.
 */
export async function includeInStudy(
  study: StudyFile,
  ids: readonly string[],
): Promise<IncludeResult> {
  const { text, configFile } = study;
  const document = parseDocument(text);
  const refused = (nb: string, en: string): IncludeResult => ({
    added: [],
    already: [],
    refused: {
      nb: `${nb} Før opp ${ids.join(', ')} under included i study.yaml selv.`,
      en: `${en} List ${ids.join(', ')} under included in study.yaml yourself.`,
    },
  });
  if (!isMap(document.contents))
    return refused('study.yaml er ikke en samling felt.', 'study.yaml is not a mapping of fields.');
  const pair = fieldPair(document.contents, 'included');
  const value = pair?.value;
  const present = isSeq(value) ? value.items.map((item) => String(scalarValue(item))) : [];
  const added = [...new Set(ids)].filter((id) => !present.includes(id));
  const already = ids.filter((id) => present.includes(id));
  if (added.length === 0) return { added, already };
  const block = (indent: string) => added.map((id) => `\n${indent}- ${id}`).join('');
  let next: string;
  if (!pair) {
    next = `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}included:${block('  ')}\n`;
  } else if (
    value === null ||
    value === undefined ||
    (isScalar(value) && (value.value === null || value.value === ''))
  ) {
    const colon = text.indexOf(':', (pair.key as Node).range?.[1] ?? 0);
    // A written null ("~", "null") goes; a comment after it stays.
    const end =
      isScalar(value) && value.range && value.range[1] > colon ? value.range[1] : colon + 1;
    next = `${text.slice(0, colon + 1)}${block('  ')}${text.slice(end)}`;
  } else if (isSeq(value) && value.range) {
    const [start, end] = value.range;
    if (value.flow && value.items.length === 0) {
      const colon = text.lastIndexOf(':', start);
      next = `${text.slice(0, colon + 1)}${block('  ')}${text.slice(end)}`;
    } else if (value.flow) {
      const close = text.lastIndexOf(']', end);
      const inside = text.slice(start + 1, close).trimEnd();
      next = `${text.slice(0, start + 1)}${inside}${inside.trim() === '' ? '' : ', '}${added.join(', ')}${text.slice(close)}`;
    } else {
      const last = value.items.at(-1) as Node | undefined;
      const lineStart = text.lastIndexOf('\n', start) + 1;
      const indent = text.slice(lineStart, start);
      const afterLast = last?.range?.[1] ?? end;
      const lineEnd = text.indexOf('\n', afterLast);
      const at = lineEnd < 0 ? text.length : lineEnd;
      next = `${text.slice(0, at)}${block(/^\s*$/.test(indent) ? indent : '  ')}${text.slice(at)}`;
    }
  } else {
    return refused(
      '«included» i study.yaml er ikke en liste.',
      '"included" in study.yaml is not a list.',
    );
  }
  // The edit must change nothing but the list.
  const check = parseDocument(next);
  const before = document.toJS() as Record<string, unknown>;
  const after = check.toJS() as Record<string, unknown> | null;
  const includedKey = pair && isScalar(pair.key) ? String(pair.key.value) : 'included';
  const expected = { ...before, [includedKey]: [...present, ...added] };
  if (check.errors.length > 0 || !after || !isDeepStrictEqual(after, expected)) {
    return refused('Klarte ikke å endre study.yaml trygt.', 'Could not change study.yaml safely.');
  }
  await writeFileAtomic(configFile, next);
  return { added, already };
}

/** A record id as the project writes them: first author's family name and year, ASCII-folded ("natland2019"). */
export function recordIdOf(entry: BibEntry): string {
  const { item } = entry;
  const first = item.author?.[0] ?? item.editor?.[0];
  const name = first?.family ?? first?.literal ?? item.title?.split(/\s+/)[0] ?? 'source';
  const year =
    item.issued?.['date-parts']?.[0]?.[0] ?? item.issued?.literal?.match(/\d{4}/)?.[0] ?? 'ua';
  const id = asciiFold(`${name}${year}`)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
  return /^[a-z]/.test(id) ? id : `source${id}`;
}

/**
 * The comment that points editors (the YAML language server) to the record schema of the
 * installed litsynth, relative to the sources folder; none when the schema cannot be found.
 */
function schemaComment(sourcesDir: string): string {
  try {
    const schema = join(
      dirname(dirname(fileURLToPath(import.meta.resolve('@litsynth/sources')))),
      'schema',
      'source-record.schema.json',
    );
    if (!existsSync(schema)) return '';
    return `# yaml-language-server: $schema=${relative(sourcesDir, schema).split(sep).join('/')}\n`;
  } catch {
    return '';
  }
}

function rank(order: readonly string[], key: string): number {
  const index = order.indexOf(key);
  return index < 0 ? order.length : index;
}

function uniqueId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (const suffix of 'abcdefghijklmnopqrstuvwxyz')
    if (!taken.has(`${id}${suffix}`)) return `${id}${suffix}`;
  return `${id}-${taken.size}`;
}

/** The text of a new record, in the study's language: frontmatter (entry, characteristics to fill in) and a findings section. */
export function recordSkeleton(
  id: string,
  entry: BibEntry,
  file: string,
  options: { sourcesDir: string; lang?: Lang },
): string {
  const lang = options.lang ?? 'nb';
  const fields: Record<string, unknown> = {};
  const order = ['type', 'title', 'author', 'editor', 'issued', 'container-title'];
  const keys = Object.keys(entry.item).sort(
    (a, b) => rank(order, a) - rank(order, b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  for (const key of keys) {
    const value = entry.item[key];
    // citation-js keeps internal fields starting with "_"; the id is the record's own.
    if (key === 'id' || key.startsWith('_') || value === undefined) continue;
    fields[key] = value;
  }
  fields.verification = entry.verification ?? {
    status: 'unverified',
    evidence: [],
    // In both languages, as the study's notes are: the report and the reference list's to-do show
    // whichever the reader chose.
    notes: [
      {
        nb: `Laget med litsynth add fra ${file} (linje ${entry.origin.line}); ingen opplysning er ennå kontrollert mot artikkelen.`,
        en: `Created with litsynth add from ${file} (line ${entry.origin.line}); no field has been confirmed against the article yet.`,
      },
    ],
  };
  const entryYaml = stringify({ id, entry: fields }, { lineWidth: 0 });
  const authors = (entry.item.author ?? [])
    .map((name) => name.family ?? name.literal ?? '')
    .filter(Boolean);
  const year = yearLabel(entry.item)[lang];
  const and = lang === 'nb' ? ' og ' : ' & ';
  const title =
    authors.length > 2 ? `${authors[0]} ${lang === 'nb' ? 'mfl.' : 'et al.'}` : authors.join(and);
  const schema = schemaComment(options.sourcesDir);
  const unknown = lang === 'nb' ? 'ukjent' : 'unknown';
  const characteristics = [
    'aim',
    'design',
    'dataCollection',
    'participants',
    'setting',
    'country',
    'peerReviewed',
  ]
    .map((name) => `  ${name}: ${unknown}`)
    .join('\n');
  if (lang === 'nb') {
    return `---
${schema}${entryYaml.trimEnd()}
# Kjennetegnene ved studien (kolonnene i artikkelmatrisen), på norsk: aim (formål), design,
# dataCollection (datainnsamling), participants (deltakere), setting (sted), country (land),
# peerReviewed (fagfellevurdert: true eller false). Skriv for eksempel aim: Å undersøke … ;
# engelsk kan legges til med { nb: …, en: … }. La «ukjent» stå der artikkelen ikke sier det.
characteristics:
${characteristics}
---

# ${title || id} (${year})

Skriv et kort sammendrag av artikkelen med egne ord.

## Funn

<!--
Én overskrift per funn, med en fast id til slutt; under den funnet med egne ord etter «nb:», og
siden der det står. Eksempel:

### Relasjonen bærer hjelpen {#${id}-relasjon page=4}

nb: Brukerne knyttet gode erfaringer til en god relasjon til den ansatte.

> «Et kort sitat, bare et du kan stedfeste.» (s. 4)

Utelat page= når siden er ukjent. Engelsk kan legges til i et avsnitt som begynner med «en:».
Se sources/README.md i litsynth for formatet.
-->
`;
  }
  return `---
${schema}${entryYaml.trimEnd()}
# The study characteristics (the columns of the article matrix), in English: aim, design,
# dataCollection, participants, setting, country, peerReviewed (true or false). Write for example
# aim: To examine … ; Norwegian may be added with { nb: …, en: … }. Leave "unknown" where the
# article does not say.
characteristics:
${characteristics}
---

# ${title || id} (${year})

A short summary of the article in your own words.

## Findings

<!--
One heading per finding, with a stable id at its end; under it the finding in your own words
after "en:", and the page. Example:

### The relationship carries the help {#${id}-relationship page=4}

en: Users tied good experiences to a good relationship with the worker.

> "A short quotation, only one you can place." (p. 4)

Leave out page= when the page is unknown. Norwegian may be added in a paragraph starting with
"nb:". See sources/README.md in litsynth for the format.
-->
`;
}
