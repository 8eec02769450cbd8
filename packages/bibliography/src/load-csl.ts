import { LitsynthError, type Diagnostic, type Localized } from '@litsynth/common';
import type { Node as YamlNode, YAMLMap } from 'yaml';
import { entryDiagnostic } from './diagnostics.js';
import type {
  BibEntry,
  Candidate,
  CslItem,
  LoadedBibliography,
  Verification,
  VerificationStatus,
  VerificationText,
} from './types.js';

// yaml (about 70 CommonJS files) is imported on first use: `litsynth check` of a cached study
// imports this package but parses no YAML (docs/decisions/check-startup.md).
let yaml: typeof import('yaml') | undefined;

/** Imports yaml for loadCslText, once: call (and await) it before the first loadCslText. */
export async function importYaml(): Promise<void> {
  if (yaml) return;
  const loaded = await import('yaml');
  // yaml is CommonJS: a bundle may give its exports only as the default export.
  yaml = (loaded as { default?: typeof loaded }).default ?? loaded;
}

let jsYaml: typeof import('js-yaml') | undefined;

/** Imports js-yaml for the fast path of loadCslYaml, once. */
export async function importJsYaml(): Promise<typeof import('js-yaml')> {
  if (!jsYaml) {
    const loaded = await import('js-yaml');
    jsYaml = (loaded as { default?: typeof loaded }).default ?? loaded;
  }
  return jsYaml;
}

const verificationStatuses: readonly VerificationStatus[] = [
  'verified',
  'partly-verified',
  'unverified',
];

/**
 * Loads CSL-YAML or CSL-JSON text (JSON is read as YAML 1.2, which keeps line numbers).
 * The top level is a list of items or `{ references: [...] }`. Each item may carry a
 * `verification: { status, evidence, notes }` block. Bad items become diagnostics; the others load.
 * The common case is read by js-yaml's event parser (`loadCslYamlFast`); yaml's document
 * (`loadCslText`, imported only then) reads the rest and names every problem.
 */
export async function loadCslYaml(
  text: string,
  file: string,
  syntax: 'YAML' | 'JSON' = 'YAML',
): Promise<LoadedBibliography> {
  const fast = loadCslYamlFast(text, file, await importJsYaml());
  if (fast) return fast;
  await importYaml();
  return loadCslText(text, file, syntax);
}

// js-yaml's event ids (EVENT_ID).
const documentEvent = 1;
const sequenceEvent = 2;
const scalarEvent = 4;
const aliasEvent = 5;
const popEvent = 6;
// The uses of one anchor that yaml's toJS allows (maxAliasCount), when the anchor holds no alias.
const maxAliasUses = 100;

/**
 * The common case the fast way: a plain CSL-YAML list read with js-yaml's event parser, a fraction
 * of the cost of yaml's document model on a cold start (docs/decisions/csl-yaml-fast-path.md).
 * Only one YAML 1.2 document without directives, whose top level is a list, with no error and no
 * duplicate key, and only aliases that cannot expand (of an anchor holding no alias, each used at
 * most as often as yaml's bound allows); undefined otherwise, and yaml's document then reads the
 * text, bounds the aliases, finds and names every problem, as it always did.
 */
export function loadCslYamlFast(
  text: string,
  file: string,
  jsYaml: typeof import('js-yaml'),
): LoadedBibliography | undefined {
  // A lone carriage return breaks a line in YAML, and the line count below knows only "\n"; a
  // byte order mark is an error to yaml.
  if (text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text)) return undefined;
  let events: ReturnType<typeof import('js-yaml').parseEvents>;
  try {
    events = jsYaml.parseEvents(text, {});
  } catch {
    return undefined;
  }
  // Where each item of the top-level list starts: the offset of its first property or content.
  const starts: number[] = [];
  let depth = 0;
  let documents = 0;
  let rootIsList = false;
  // The depth of the outermost anchored collection open (0: none), and the uses of each anchor.
  let anchoredDepth = 0;
  const aliasUses = new Map<string, number>();
  for (const event of events) {
    if (event.type === popEvent) {
      depth -= 1;
      if (depth < anchoredDepth) anchoredDepth = 0;
      continue;
    }
    if (event.type === aliasEvent) {
      const name = text.slice(event.anchorStart, event.anchorEnd);
      const uses = (aliasUses.get(name) ?? 0) + 1;
      // yaml throws "too large" past 100 uses (maxAliasCount), or sooner for nested aliases.
      if (anchoredDepth > 0 || uses > maxAliasUses) return undefined;
      aliasUses.set(name, uses);
      // An item that is an alias has no place of its own in yaml's ranges to give a line.
      if (depth === 2) return undefined;
      continue;
    }
    if (event.type === documentEvent) {
      documents += 1;
      if (documents > 1 || event.directives.length > 0) return undefined;
      depth += 1;
      continue;
    }
    if (depth === 1) {
      if (event.type !== sequenceEvent) return undefined;
      rootIsList = true;
    } else if (depth === 2) {
      // As yaml's node ranges: the content, after any anchor or tag. An empty item has none.
      const start = event.type === scalarEvent ? event.valueStart : event.start;
      if (start < 0) return undefined;
      starts.push(start);
    }
    if (event.type !== scalarEvent) {
      depth += 1;
      if (event.anchorStart >= 0 && anchoredDepth === 0) anchoredDepth = depth;
    }
  }
  if (!rootIsList) return undefined;
  let items: unknown;
  try {
    items = jsYaml.constructFromEvents(events, { source: text, filename: file })[0];
  } catch {
    return undefined;
  }
  if (!Array.isArray(items) || items.length !== starts.length) return undefined;
  const lines = linesOf(text, starts);
  const entries: BibEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  entriesFromValues(
    items.map((value, index) => ({ value, line: lines[index] ?? 1 })),
    file,
    entries,
    diagnostics,
  );
  return { entries, diagnostics };
}

/** The 1-based line of each offset (ascending), in one pass over the text. */
function linesOf(text: string, offsets: readonly number[]): number[] {
  const lines: number[] = [];
  let line = 1;
  let lineStart = 0;
  for (const offset of offsets) {
    for (
      let next = text.indexOf('\n', lineStart);
      next !== -1 && next < offset;
      next = text.indexOf('\n', lineStart)
    ) {
      line += 1;
      lineStart = next + 1;
    }
    lines.push(line);
  }
  return lines;
}

/** CSL-YAML read with yaml's document model: positions for every item and every error. */
export function loadCslText(
  text: string,
  file: string,
  syntax: 'YAML' | 'JSON' = 'YAML',
): LoadedBibliography {
  if (!yaml) throw new Error('loadCslText: await importYaml() first');
  const { isMap, isSeq, LineCounter, parseDocument, visit } = yaml;
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  // Aliases can expand a few hundred bytes into billions of nodes ("billion laughs"): with any
  // alias in the file, yaml's own count of the expanded nodes (maxAliasCount) decides, once.
  let aliases = false;
  visit(document, {
    Alias() {
      aliases = true;
      return visit.BREAK;
    },
  });
  if (aliases) {
    try {
      document.toJS({ maxAliasCount: 100 });
    } catch (cause) {
      if (cause instanceof ReferenceError) {
        throw new LitsynthError(
          'too-large',
          `the ${syntax} aliases (*name) expand to too much data (a "billion laughs"?)`,
          {
            file,
            messageNb: `${syntax}-aliasene (*navn) utvider seg til for mye data (en «billion laughs»?)`,
            cause,
          },
        );
      }
      // Other problems are found and named item by item below.
    }
  }
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  let list: YamlNode | null | undefined = document.contents as YamlNode | null;
  if (isMap(list)) list = list.get('references', true) as YamlNode | undefined;
  if (!isSeq(list)) {
    const first = document.errors[0];
    const place = first ? { line: lineOf(first.pos[0]) } : {};
    throw new LitsynthError(
      'unsupported-format',
      first
        ? `not a CSL bibliography: ${first.message.split('\n')[0]}`
        : 'not a CSL bibliography: expected a list of entries (or "references:" with a list)',
      {
        file,
        ...place,
        messageNb: first
          ? `ikke en CSL-bibliografi: ${first.message.split('\n')[0]}`
          : 'ikke en CSL-bibliografi: forventet en liste med referanser (eller «references:» med en liste)',
      },
    );
  }
  const diagnostics: Diagnostic[] = [];
  const entries: BibEntry[] = [];
  // Syntax errors belong to the item whose range contains them; that item is dropped, the rest load.
  const errorsByItem = new Map<number, string>();
  const items = list.items as YamlNode[];
  for (const error of document.errors) {
    const index = items.findIndex(
      (item) => item?.range && error.pos[0] >= item.range[0] && error.pos[0] <= item.range[2],
    );
    if (index < 0) {
      throw new LitsynthError(
        'unsupported-format',
        `invalid ${syntax}: ${error.message.split('\n')[0]}`,
        {
          file,
          line: lineOf(error.pos[0]),
          messageNb: `ugyldig ${syntax}: ${error.message.split('\n')[0]}`,
        },
      );
    }
    if (!errorsByItem.has(index))
      errorsByItem.set(index, error.message.split('\n')[0] ?? error.message);
  }
  const values: ItemValue[] = [];
  items.forEach((node, index) => {
    const line = node?.range ? lineOf(node.range[0]) : 1;
    const syntaxError = errorsByItem.get(index);
    if (syntaxError !== undefined) {
      diagnostics.push(
        unreadable(
          file,
          line,
          `invalid ${syntax}: ${syntaxError}`,
          `ugyldig ${syntax}: ${syntaxError}`,
        ),
      );
      return;
    }
    // toJS with the document resolves aliases (`candidates: *eide-editions`).
    values.push({
      value: isMap(node) ? ((node as YAMLMap).toJS(document) as unknown) : undefined,
      line,
    });
  });
  entriesFromValues(values, file, entries, diagnostics);
  return { entries, diagnostics };
}

/** A parsed list item and the line it starts on. */
interface ItemValue {
  /** The item, or undefined when it is not a mapping. */
  value: unknown;
  line: number;
}

/** Turns parsed items into entries, with a diagnostic for each unusable one. */
function entriesFromValues(
  values: readonly ItemValue[],
  file: string,
  entries: BibEntry[],
  diagnostics: Diagnostic[],
): void {
  const seen = new Map<string, number>();
  for (const { value: raw, line } of values) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      diagnostics.push(
        unreadable(
          file,
          line,
          'an entry must be a mapping of CSL fields',
          'en referanse må være et sett med CSL-felt',
        ),
      );
      continue;
    }
    const value = raw as Record<string, unknown>;
    const problems = itemProblems(value);
    if (problems) {
      diagnostics.push(
        unreadable(
          file,
          line,
          problems.en,
          problems.nb,
          typeof value.id === 'string' ? value.id : undefined,
        ),
      );
      continue;
    }
    const { verification, ...rest } = value;
    const item = normaliseItem(rest as CslItem);
    item.id = String(item.id);
    const previous = seen.get(item.id);
    if (previous !== undefined) {
      diagnostics.push(duplicateId(file, line, item.id, previous));
      continue;
    }
    seen.set(item.id, line);
    const entry: BibEntry = { id: item.id, item, origin: { file, line } };
    if (verification !== undefined) {
      const parsed = parseVerification(verification, item.id);
      // The entry still loads (citations resolve to it); only its verification is left unread.
      if ('nb' in parsed) {
        diagnostics.push(
          entryDiagnostic({
            rule: 'bib-entry-unreadable',
            severity: 'error',
            file,
            line,
            key: item.id,
            message: {
              en: `The verification of entry "${item.id}" is not read: ${parsed.en}`,
              nb: `Verifiseringen av referansen «${item.id}» er ikke lest: ${parsed.nb}`,
            },
          }),
        );
      } else entry.verification = parsed;
    }
    entries.push(entry);
  }
}

/**
 * CSL-JSON the fast way: JSON.parse, and one scan for the line each top-level item starts on.
 * Undefined when the text is not a valid JSON array; the YAML reader then finds and names the problem.
 */
export function loadCslJsonFast(text: string, file: string): LoadedBibliography | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(data)) return undefined;
  // Line of each top-level item: the first non-blank character after "[" or a top-level ",".
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expecting = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 10) line++;
    if (inString) {
      if (char === 92) index++;
      else if (char === 34) inString = false;
      continue;
    }
    if (expecting && char > 32) {
      lines.push(line);
      expecting = false;
    }
    if (char === 34) inString = true;
    else if (char === 123 || char === 91) {
      depth++;
      if (depth === 1) expecting = true;
    } else if (char === 125 || char === 93) depth--;
    else if (char === 44 && depth === 1) expecting = true;
  }
  const entries: BibEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  entriesFromValues(
    data.map((value, index) => ({ value, line: lines[index] ?? 1 })),
    file,
    entries,
    diagnostics,
  );
  return { entries, diagnostics };
}

/** CSL name variables: lists of names. */
const nameVariables = [
  'author',
  'editor',
  'translator',
  'container-author',
  'collection-editor',
  'composer',
  'director',
  'editorial-director',
  'illustrator',
  'interviewer',
  'original-author',
  'recipient',
  'reviewed-author',
  'chair',
  'compiler',
  'contributor',
  'curator',
  'executive-producer',
  'guest',
  'host',
  'narrator',
  'organizer',
  'performer',
  'producer',
  'script-writer',
  'series-creator',
];
/** The parts of a CSL name: text each. */
const nameParts = [
  'family',
  'given',
  'literal',
  'dropping-particle',
  'non-dropping-particle',
  'suffix',
];
/** CSL date variables. */
const dateVariables = [
  'issued',
  'accessed',
  'event-date',
  'original-date',
  'submitted',
  'available-date',
];
/** CSL text and number variables: text, or a number (YAML reads `volume: 12` or `title: 1984` as one). */
const textVariables = [
  'abstract',
  'annote',
  'archive',
  'archive_collection',
  'archive_location',
  'archive-place',
  'authority',
  'call-number',
  'chapter-number',
  'citation-key',
  'citation-label',
  'collection-number',
  'collection-title',
  'container-title',
  'container-title-short',
  'dimensions',
  'division',
  'DOI',
  'edition',
  'event',
  'event-place',
  'event-title',
  'genre',
  'ISBN',
  'ISSN',
  'issue',
  'jurisdiction',
  'keyword',
  'language',
  'license',
  'locator',
  'medium',
  'note',
  'number',
  'number-of-pages',
  'number-of-volumes',
  'original-publisher',
  'original-publisher-place',
  'original-title',
  'page',
  'page-first',
  'part-number',
  'part-title',
  'PMCID',
  'PMID',
  'printing-number',
  'publisher',
  'publisher-place',
  'references',
  'reviewed-genre',
  'reviewed-title',
  'scale',
  'section',
  'source',
  'status',
  'supplement-number',
  'title',
  'title-short',
  'URL',
  'version',
  'volume',
  'volume-title',
  'year-suffix',
];

/** What a value is, for a message ("a list", "a number"). */
function kindOf(value: unknown): { en: string; nb: string } {
  if (Array.isArray(value)) return { en: 'a list', nb: 'en liste' };
  if (value === null) return { en: 'empty', nb: 'tom' };
  if (typeof value === 'object') return { en: 'a mapping', nb: 'et sett med felt' };
  if (typeof value === 'number') return { en: `the number ${value}`, nb: `tallet ${value}` };
  if (typeof value === 'boolean') return { en: `${value}`, nb: `${value}` };
  if (typeof value === 'string') return { en: 'text', nb: 'tekst' };
  return { en: typeof value, nb: typeof value };
}

/** What is wrong with a CSL item so that it cannot be used (a field of the wrong type), or undefined. */
function itemProblems(value: Record<string, unknown>): { en: string; nb: string } | undefined {
  const id = value.id;
  if (typeof id !== 'string' && typeof id !== 'number')
    return { en: 'entry without an "id"', nb: 'referanse uten «id»' };
  if (typeof value.type !== 'string' || value.type === '')
    return {
      en: `entry "${id}" has no CSL "type"`,
      nb: `referansen «${id}» mangler CSL-feltet «type»`,
    };
  const wrong = (field: string, found: unknown, expected: { en: string; nb: string }) => {
    const kind = kindOf(found);
    return {
      en: `entry "${id}": "${field}" must be ${expected.en}, not ${kind.en}`,
      nb: `referansen «${id}»: «${field}» må være ${expected.nb}, ikke ${kind.nb}`,
    };
  };
  for (const role of nameVariables) {
    const names = value[role];
    if (names === undefined) continue;
    if (!Array.isArray(names))
      return wrong(role, names, { en: 'a list of names', nb: 'en liste med navn' });
    for (const [index, name] of names.entries()) {
      if (typeof name !== 'object' || name === null || Array.isArray(name))
        return wrong(`${role}[${index + 1}]`, name, {
          en: 'a name ({family, given} or {literal})',
          nb: 'et navn ({family, given} eller {literal})',
        });
      for (const part of nameParts) {
        const text = (name as Record<string, unknown>)[part];
        if (text !== undefined && typeof text !== 'string')
          return wrong(`${role}[${index + 1}].${part}`, text, { en: 'text', nb: 'tekst' });
      }
    }
  }
  for (const field of dateVariables) {
    const date = value[field];
    if (date === undefined) continue;
    const expected = {
      en: 'a CSL date ({date-parts: [[2017]]})',
      nb: 'en CSL-dato ({date-parts: [[2017]]})',
    };
    if (typeof date !== 'object' || date === null || Array.isArray(date))
      return wrong(field, date, expected);
    const { 'date-parts': parts, literal, raw, season, circa } = date as Record<string, unknown>;
    const numeric = (part: unknown) =>
      typeof part === 'number' || (typeof part === 'string' && /^-?\d+$/.test(part.trim()));
    if (
      parts !== undefined &&
      (!Array.isArray(parts) || parts.some((each) => !Array.isArray(each) || !each.every(numeric)))
    )
      return wrong(`${field}.date-parts`, parts, {
        en: 'a list of [year, month, day] lists of numbers',
        nb: 'en liste med [år, måned, dag]-lister med tall',
      });
    for (const [part, text] of Object.entries({ literal, raw, season })) {
      if (text !== undefined && typeof text !== 'string' && typeof text !== 'number')
        return wrong(`${field}.${part}`, text, { en: 'text', nb: 'tekst' });
    }
    if (
      circa !== undefined &&
      typeof circa !== 'boolean' &&
      typeof circa !== 'string' &&
      typeof circa !== 'number'
    )
      return wrong(`${field}.circa`, circa, { en: 'true or false', nb: 'true eller false' });
  }
  for (const field of textVariables) {
    const text = value[field];
    if (text !== undefined && typeof text !== 'string' && typeof text !== 'number')
      return wrong(field, text, { en: 'text', nb: 'tekst' });
  }
  return undefined;
}

/** CSL variables that may be numbers; citeproc reads them as such. */
const numberVariables = new Set([
  'chapter-number',
  'collection-number',
  'edition',
  'issue',
  'locator',
  'number',
  'number-of-pages',
  'number-of-volumes',
  'page',
  'page-first',
  'part-number',
  'printing-number',
  'section',
  'supplement-number',
  'version',
  'volume',
]);

/** The item handed on: text variables given as numbers (YAML's `title: 1984`) become text. */
function normaliseItem(item: CslItem): CslItem {
  for (const field of textVariables) {
    if (numberVariables.has(field)) continue;
    const text = item[field];
    if (typeof text === 'number') item[field] = String(text);
  }
  return item;
}

/**
 * Reads a `verification` block as parsed from YAML or JSON (notes and evidence as texts or
 * `{nb, en}`, candidates as CSL items), or says what is wrong with it.
 */
export function parseVerification(value: unknown, id: string): Verification | Localized {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      en: 'verification must be a mapping {status, evidence, notes}',
      nb: 'verification må være et sett {status, evidence, notes}',
    };
  }
  const record = value as Record<string, unknown>;
  const status = record.status as VerificationStatus;
  if (!verificationStatuses.includes(status)) {
    return {
      en: `verification status must be one of ${verificationStatuses.join(', ')}`,
      nb: `status må være en av ${verificationStatuses.join(', ')}`,
    };
  }
  const evidence = textList(record.evidence);
  const notes = textList(record.notes);
  if (evidence === undefined) return listProblem('evidence');
  if (notes === undefined) return listProblem('notes');
  const verification: Verification = { status, evidence, notes };
  if (record.unconfirmed !== undefined) {
    const fields = Array.isArray(record.unconfirmed) ? record.unconfirmed : [record.unconfirmed];
    if (fields.some((field) => typeof field !== 'string')) {
      return {
        en: 'unconfirmed must be a list of CSL field names (type, title, …)',
        nb: 'unconfirmed må være en liste med CSL-feltnavn (type, title, …)',
      };
    }
    verification.unconfirmed = fields as string[];
  }
  if (record.candidates !== undefined) {
    const candidates = parseCandidates(record.candidates, id);
    if (!Array.isArray(candidates)) return candidates;
    verification.candidates = candidates;
  }
  return verification;
}

function listProblem(field: 'evidence' | 'notes'): Localized {
  return {
    en: `verification ${field} must be a list of texts, or of {nb, en} pairs (quote texts that contain ": " or ",")`,
    nb: `${field} må være en liste med tekster, eller med {nb, en}-par (sett tekster med «: » eller «,» i anførselstegn)`,
  };
}

/** Reads `candidates`: CSL items with their own `evidence` and `notes`. */
function parseCandidates(value: unknown, id: string): Candidate[] | Localized {
  const items = Array.isArray(value) ? value : [value];
  const candidates: Candidate[] = [];
  for (const [index, raw] of items.entries()) {
    const problem = {
      en: `candidate ${index + 1} must be a CSL item with a "type"`,
      nb: `kandidat ${index + 1} må være en CSL-post med «type»`,
    };
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return problem;
    const { evidence, notes, ...fields } = raw as Record<string, unknown>;
    if (typeof fields.type !== 'string' || itemProblems({ ...fields, id: `${id}~${index + 1}` }))
      return problem;
    const evidenceList = textList(evidence);
    const noteList = textList(notes);
    if (evidenceList === undefined) return listProblem('evidence');
    if (noteList === undefined) return listProblem('notes');
    candidates.push({
      item: { ...(fields as Omit<CslItem, 'id'>), id: `${id}~${index + 1}` } as CslItem,
      evidence: evidenceList,
      notes: noteList,
    });
  }
  return candidates;
}

/** A list of texts or {nb, en} pairs (a single one counts as a list of one); undefined when an item is neither. */
function textList(field: unknown): VerificationText[] | undefined {
  if (field === undefined || field === null) return [];
  const items = Array.isArray(field) ? field : [field];
  const texts: VerificationText[] = [];
  for (const item of items) {
    if (typeof item === 'object' && item !== null) {
      const pair = item as Record<string, unknown>;
      if (
        Array.isArray(item) ||
        typeof pair.nb !== 'string' ||
        typeof pair.en !== 'string' ||
        Object.keys(pair).length !== 2
      )
        return undefined;
      texts.push({ nb: pair.nb, en: pair.en });
    } else texts.push(String(item));
  }
  return texts;
}

/** Diagnostic for an entry that cannot be read. */
export function unreadable(
  file: string,
  line: number,
  en: string,
  nb: string,
  key?: string,
): Diagnostic {
  return entryDiagnostic({
    rule: 'bib-entry-unreadable',
    severity: 'error',
    file,
    line,
    message: { en: `Entry not loaded: ${en}`, nb: `Referansen ble ikke lest: ${nb}` },
    ...(key === undefined ? {} : { key }),
  });
}

/** Diagnostic for a second entry with an id already used. */
export function duplicateId(file: string, line: number, id: string, firstLine: number): Diagnostic {
  return entryDiagnostic({
    rule: 'bib-duplicate-id',
    severity: 'error',
    file,
    line,
    key: id,
    message: {
      en: `The id "${id}" is already used by the entry at line ${firstLine}; this entry is not loaded.`,
      nb: `Id-en «${id}» er allerede brukt av referansen på linje ${firstLine}; denne referansen er ikke lest.`,
    },
    suggestion: { en: 'Give each entry its own id.', nb: 'Gi hver referanse sin egen id.' },
  });
}
