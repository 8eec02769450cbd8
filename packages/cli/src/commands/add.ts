import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBibliographyFile, type BibEntry } from '@litsynth/bibliography';
import { LitsynthError, exitCodes, type Lang } from '@litsynth/common';
import { isMap, parseDocument, stringify } from 'yaml';
import { asciiFold, createFileExclusive } from './init.js';

export interface AddOptions {
  lang?: Lang;
}

/**
 * `litsynth add <study> <file>`: creates the record skeleton (sources/<id>.md) of every entry in a
 * bibliography file: the entry as given, marked unverified unless the file says otherwise, the
 * study characteristics as `unknown`, and a findings section to fill in. An existing record is
 * never overwritten: it is skipped with a note.
 */
export async function addCommand(study: string, file: string, options: AddOptions): Promise<number> {
  const lang: Lang = options.lang ?? 'nb';
  const sourcesDir = await readSourcesDir(study);
  const { entries, diagnostics } = await loadBibliographyFile(file);
  for (const diagnostic of diagnostics) {
    process.stderr.write(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.message[lang]}\n`);
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
  for (const entry of entries) {
    const id = uniqueId(recordIdOf(entry), taken);
    taken.add(id);
    const path = join(sourcesDir, `${id}.md`);
    const shown = relative(process.cwd(), path);
    if (await createFileExclusive(path, recordSkeleton(id, entry, file, { sourcesDir }))) {
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
  const next =
    created.length === 0
      ? []
      : lang === 'nb'
        ? ['', `Fyll inn kjennetegn og funn i postene, og før opp ${created.join(', ')} under included i study.yaml.`]
        : ['', `Fill in the characteristics and findings of the records, and list ${created.join(', ')} under included in study.yaml.`];
  process.stdout.write(`${[heading, ...lines, ...next].join('\n')}\n`);
  return exitCodes.ok;
}

/**
 * The sources folder of a study, read from study.yaml alone: `add` must work on a study that has
 * no manuscript yet, so it does not load the whole study.
 */
async function readSourcesDir(study: string): Promise<string> {
  const configFile = join(study, 'study.yaml');
  let text: string;
  try {
    text = await readFile(configFile, 'utf8');
  } catch (cause) {
    throw new LitsynthError('not-a-study', 'Not a study folder: it has no study.yaml (create one with litsynth init).', {
      file: study,
      messageNb: 'Ikke en studiemappe: den har ingen study.yaml (lag en med litsynth init).',
      cause,
    });
  }
  const document = parseDocument(text);
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0];
    throw new LitsynthError('invalid-config', `study.yaml is not valid YAML: ${error.message.split('\n')[0]}`, {
      file: configFile,
      ...(line ? { line: line.line, column: line.col } : {}),
      messageNb: `study.yaml er ikke gyldig YAML: ${error.message.split('\n')[0]}`,
    });
  }
  const value = isMap(document.contents) ? document.get('sourcesDir') : undefined;
  if (value !== undefined && typeof value !== 'string') {
    throw new LitsynthError('invalid-config', 'sourcesDir must be a folder path.', {
      file: configFile,
      messageNb: 'sourcesDir må være en mappesti.',
    });
  }
  return resolve(study, value ?? 'sources');
}

/** A record id as the project writes them: first author's family name and year, ASCII-folded ("natland2019"). */
export function recordIdOf(entry: BibEntry): string {
  const { item } = entry;
  const first = item.author?.[0] ?? item.editor?.[0];
  const name = first?.family ?? first?.literal ?? item.title?.split(/\s+/)[0] ?? 'source';
  const year = item.issued?.['date-parts']?.[0]?.[0] ?? item.issued?.literal?.match(/\d{4}/)?.[0] ?? 'ua';
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
    const schema = join(dirname(dirname(fileURLToPath(import.meta.resolve('@litsynth/sources')))), 'schema', 'source-record.schema.json');
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
  for (const suffix of 'abcdefghijklmnopqrstuvwxyz') if (!taken.has(`${id}${suffix}`)) return `${id}${suffix}`;
  return `${id}-${taken.size}`;
}

/** The text of a new record: frontmatter (entry, characteristics to fill in) and a findings section. */
export function recordSkeleton(id: string, entry: BibEntry, file: string, options: { sourcesDir: string }): string {
  const fields: Record<string, unknown> = {};
  const order = ['type', 'title', 'author', 'editor', 'issued', 'container-title'];
  const keys = Object.keys(entry.item).sort((a, b) => rank(order, a) - rank(order, b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) {
    const value = entry.item[key];
    // citation-js keeps internal fields starting with "_"; the id is the record's own.
    if (key === 'id' || key.startsWith('_') || value === undefined) continue;
    fields[key] = value;
  }
  fields.verification = entry.verification ?? {
    status: 'unverified',
    evidence: [],
    notes: [
      `Created with litsynth add from ${file} (line ${entry.origin.line}); no field has been confirmed against the article yet.`,
    ],
  };
  const entryYaml = stringify({ id, entry: fields }, { lineWidth: 0 });
  const authors = (entry.item.author ?? []).map((name) => name.family ?? name.literal ?? '').filter(Boolean);
  const year = entry.item.issued?.['date-parts']?.[0]?.[0] ?? 'u.å.';
  const title = authors.length > 2 ? `${authors[0]} mfl.` : authors.join(' & ');
  const schema = schemaComment(options.sourcesDir);
  return `---
${schema}${entryYaml.trimEnd()}
# The study characteristics (the columns of the article matrix), each in Norwegian and English,
# e.g. aim: { nb: Å undersøke …, en: To examine … }. Leave "unknown" where the article does not say.
characteristics:
  aim: unknown
  design: unknown
  dataCollection: unknown
  participants: unknown
  setting: unknown
  country: unknown
  peerReviewed: unknown
---

# ${title || id} (${year})

Skriv et kort sammendrag av artikkelen med egne ord. / A short summary in your own words.

## Funn / Findings

<!--
One heading per finding, Norwegian | English, with a stable id; then the finding in your own
words in both languages, with the page. Example:

### Relasjonen bærer hjelpen | The relationship carries the help {#${id}-relasjon page=4}

nb: Brukerne knyttet gode erfaringer til en god relasjon til den ansatte.

en: Users tied good experiences to a good relationship with the worker.

> «A short quotation, only one you can place.» (s. 4)

Leave out page= when the page is unknown. See sources/README.md in litsynth for the format.
-->
`;
}
