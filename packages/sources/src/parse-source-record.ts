import { basename, extname } from 'pathe';
import { type BibEntry, type CslItem, parseVerification } from '@litsynth/bibliography';
import { completeLocalized, type Diagnostic, type Localized } from '@litsynth/common';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LineCounter, parseDocument } from 'yaml';
import { parseFindings } from './parse-findings.js';
import { recordDiagnostic } from './rules.js';
import type { SourceRecord, SourceRecordResult, StudyCharacteristics } from './types.js';
import { sourceRecordSchema, validateFrontmatter } from './validate-frontmatter.js';
import { placeOfOffset, placeOfPath, type YamlOrigin } from './yaml-places.js';

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

const unknownText: Localized = { nb: 'Ukjent', en: 'Unknown' };
const localizedFields = [
  'aim',
  'design',
  'dataCollection',
  'participants',
  'setting',
  'country',
] as const;
// Fields of `entry` the schema knows; an unknown one is reported and left out of the CSL item.
const entryFields = new Set(
  Object.keys(
    (sourceRecordSchema['properties'] as Record<string, { properties?: object }>)['entry']
      ?.properties ?? {},
  ),
);

/**
 * Parses one source record (YAML frontmatter + Markdown findings). Every problem is a diagnostic
 * with file, line and what was expected; the record is absent only when it cannot be built.
 */
export function parseSourceRecord(text: string, file: string): SourceRecordResult {
  const tree = markdown.parse(text) as Root;
  const frontmatter = tree.children[0];
  if (frontmatter?.type !== 'yaml') {
    return {
      diagnostics: [
        recordDiagnostic(
          'source-record-frontmatter',
          { file, line: 1, column: 1 },
          {
            nb: 'Posten mangler frontmatter: forventet en linje med --- øverst, YAML-feltene id, entry og characteristics, og en ny linje med ---.',
            en: 'The record has no frontmatter: expected a --- line at the top, the YAML fields id, entry and characteristics, and another --- line.',
          },
        ),
      ],
    };
  }
  const lineCounter = new LineCounter();
  const origin: YamlOrigin = {
    lineCounter,
    firstLine: (frontmatter.position?.start.line ?? 1) + 1,
  };
  const doc = parseDocument(frontmatter.value, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (doc.errors.length > 0) {
    return {
      diagnostics: doc.errors.map((error) =>
        recordDiagnostic(
          'source-record-frontmatter',
          { file, ...placeOfOffset(origin, error.pos[0]) },
          {
            nb: `Frontmatteren er ikke gyldig YAML (${error.code}): ${firstLine(error.message)}`,
            en: `The frontmatter is not valid YAML (${error.code}): ${firstLine(error.message)}`,
          },
        ),
      ),
    };
  }
  let data: unknown;
  try {
    // yaml counts the nodes its aliases expand to and stops a "billion laughs" (maxAliasCount).
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return {
      diagnostics: [
        recordDiagnostic(
          'source-record-frontmatter',
          { file, ...placeOfOffset(origin, 0) },
          {
            nb: 'Frontmatteren bruker YAML-aliaser (*navn) som utvider seg til for mye data (en «billion laughs»?).',
            en: 'The frontmatter uses YAML aliases (*name) that expand to too much data (a "billion laughs"?).',
          },
        ),
      ],
    };
  }
  const validation = validateFrontmatter(data, { file, doc, origin });
  const diagnostics: Diagnostic[] = [...validation.diagnostics];
  if (!validation.usable) return { diagnostics };
  const fields = data as Frontmatter;
  const id = fields.id;
  const expectedId = basename(file, extname(file));
  if (id !== expectedId) {
    diagnostics.push(
      recordDiagnostic(
        'source-record-id-mismatch',
        { file, ...placeOfPath(doc, origin, ['id']) },
        {
          nb: `Posten har id «${id}», men filen heter «${basename(file)}»; forventet filnavnet «${id}.md».`,
          en: `The record id is "${id}" but the file is "${basename(file)}"; expected the file name "${id}.md".`,
        },
      ),
    );
  }
  const found = parseFindings(tree, { file, recordId: id });
  diagnostics.push(...found.diagnostics);
  const record: SourceRecord = {
    id,
    file,
    entry: toBibEntry(fields, { file, line: placeOfPath(doc, origin, ['entry'], 'key').line }),
    characteristics: toCharacteristics(fields.characteristics),
    findings: found.findings,
    ...(fields.findings_source ? { findingsSource: fields.findings_source } : {}),
  };
  return { record, diagnostics };
}

/** A text as the frontmatter may give it: plain (both languages), or per language (one is enough). */
type GivenText = string | Partial<Localized>;

/** The frontmatter after schema validation. */
interface Frontmatter {
  id: string;
  entry: Record<string, unknown> & { type: string; title: string; verification: unknown };
  characteristics: Record<(typeof localizedFields)[number], GivenText> & {
    dataYears?: string | number;
    peerReviewed: boolean | UnknownWord;
    notes?: GivenText[];
  };
  findings_source?: 'article' | 'thesis';
}

/**
 * A text made whole: a plain text serves both languages as it is; a text in one language shows
 * in the other with a marker (completeLocalized). The schema has refused empty texts.
 */
function wholeText(value: GivenText): Localized {
  if (typeof value === 'string') return { nb: value, en: value };
  return completeLocalized(value) ?? { nb: '', en: '' };
}

/** "unknown", or its Norwegian "ukjent": both mark a characteristic nobody could find. */
type UnknownWord = 'unknown' | 'ukjent';

function toBibEntry(fields: Frontmatter, origin: BibEntry['origin']): BibEntry {
  const { verification, ...csl } = fields.entry;
  const item: CslItem = { id: fields.id, type: csl.type };
  for (const [key, value] of Object.entries(csl)) if (entryFields.has(key)) item[key] = value;
  // The schema has checked its shape; this gives candidates their ids.
  const parsed = parseVerification(verification, fields.id);
  return { id: fields.id, item, ...('status' in parsed ? { verification: parsed } : {}), origin };
}

function toCharacteristics(fields: Frontmatter['characteristics']): StudyCharacteristics {
  const unknown: StudyCharacteristics['unknown'] = [];
  const text = (name: (typeof localizedFields)[number]): Localized => {
    const value = fields[name];
    if (value === 'unknown' || value === 'ukjent') {
      unknown.push(name);
      return unknownText;
    }
    return wholeText(value);
  };
  const characteristics: StudyCharacteristics = {
    aim: text('aim'),
    design: text('design'),
    dataCollection: text('dataCollection'),
    participants: text('participants'),
    setting: text('setting'),
    country: text('country'),
    peerReviewed: fields.peerReviewed === 'ukjent' ? 'unknown' : fields.peerReviewed,
    notes: (fields.notes ?? []).map(wholeText),
    unknown,
  };
  if (fields.dataYears !== undefined) characteristics.dataYears = String(fields.dataYears);
  return characteristics;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
