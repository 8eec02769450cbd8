import { basename, extname } from 'pathe';
import { type BibEntry, type CslItem, parseVerification } from '@litsynth/bibliography';
import { completeLocalized, type Diagnostic, type Localized } from '@litsynth/common';
import { readYamlDocument } from '@litsynth/common/yaml-document';
import type { Root } from 'mdast';
import { recordDiagnostic } from './rules.js';
import type {
  SourceRecord,
  SourceRecordFrontmatter,
  SourceRecordFrontmatterResult,
  SourceRecordResult,
  StudyCharacteristics,
} from './types.js';
import { sourceRecordSchema, validateFrontmatter } from './validate-frontmatter.js';

/** The YAML text of a record's frontmatter, and the file line it starts on. */
export interface FrontmatterText {
  value: string;
  /** 1-based file line of the YAML text's first line (below the opening `---`). */
  firstLine: number;
}

/**
 * The frontmatter of a Markdown text as remark-frontmatter finds it, without parsing the
 * Markdown: a `---` line (spaces after it allowed) as the very first line, the YAML, and a closing
 * `---` line. Undefined when the text has none.
 */
export function frontmatterOf(text: string): FrontmatterText | undefined {
  const open = /^---[ \t]*(\r\n|\r|\n)/.exec(text);
  if (!open) return undefined;
  const start = open[0].length;
  const line = /([^\r\n]*)(\r\n|\r|\n|$)/y;
  line.lastIndex = start;
  for (;;) {
    const lineStart = line.lastIndex;
    const match = line.exec(text);
    if (!match) return undefined;
    if (/^---[ \t]*$/.test(match[1] ?? '')) {
      // The value ends before the line ending that precedes the closing fence.
      const crlf = text[lineStart - 2] === '\r' && text[lineStart - 1] === '\n';
      const end = lineStart === start ? start : lineStart - (crlf ? 2 : 1);
      return { value: text.slice(start, end), firstLine: 2 };
    }
    if (match[2] === '') return undefined;
  }
}

const noFrontmatter: Localized = {
  nb: 'Posten mangler frontmatter: forventet en linje med --- øverst, YAML-feltene id, entry og characteristics, og en ny linje med ---.',
  en: 'The record has no frontmatter: expected a --- line at the top, the YAML fields id, entry and characteristics, and another --- line.',
};

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
 * Parses the frontmatter of one source record: its entry and study characteristics, without the
 * findings of its body (which need the Markdown parsed). Every problem is a diagnostic with file,
 * line and what was expected; the record is absent only when it cannot be built.
 */
export async function parseSourceRecordFrontmatter(
  text: string,
  file: string,
): Promise<SourceRecordFrontmatterResult> {
  const frontmatter = frontmatterOf(text);
  if (frontmatter === undefined)
    return {
      diagnostics: [
        recordDiagnostic('source-record-frontmatter', { file, line: 1, column: 1 }, noFrontmatter),
      ],
    };
  return readFrontmatter(frontmatter, file);
}

/**
 * Parses one source record (YAML frontmatter + Markdown findings). Every problem is a diagnostic
 * with file, line and what was expected; the record is absent only when it cannot be built.
 */
export async function parseSourceRecord(text: string, file: string): Promise<SourceRecordResult> {
  const { parseMarkdown } = await import('./parse-markdown.js');
  const tree = parseMarkdown(text);
  const node = tree.children[0];
  if (node?.type !== 'yaml') {
    return {
      diagnostics: [
        recordDiagnostic('source-record-frontmatter', { file, line: 1, column: 1 }, noFrontmatter),
      ],
    };
  }
  const read = await readFrontmatter(
    { value: node.value, firstLine: (node.position?.start.line ?? 1) + 1 },
    file,
  );
  if (!read.record) return { diagnostics: read.diagnostics };
  return withFindings({ record: read.record, diagnostics: read.diagnostics }, tree, file);
}

/** A record read from its frontmatter, completed with the findings of its body. */
export async function parseSourceRecordFindings(
  read: SourceRecordFrontmatterResult & { record: SourceRecordFrontmatter },
  text: string,
  file: string,
): Promise<SourceRecordResult> {
  const { parseMarkdown } = await import('./parse-markdown.js');
  return withFindings(read, parseMarkdown(text), file);
}

async function withFindings(
  read: SourceRecordFrontmatterResult & { record: SourceRecordFrontmatter },
  tree: Root,
  file: string,
): Promise<SourceRecordResult> {
  const { parseFindings } = await import('./parse-findings.js');
  const found = parseFindings(tree, { file, recordId: read.record.id });
  const { findingsSource, ...rest } = read.record;
  const record: SourceRecord = {
    ...rest,
    findings: found.findings,
    ...(findingsSource ? { findingsSource } : {}),
  };
  return { record, diagnostics: [...read.diagnostics, ...found.diagnostics] };
}

async function readFrontmatter(
  frontmatter: FrontmatterText,
  file: string,
): Promise<SourceRecordFrontmatterResult> {
  const yaml = await readYamlDocument(frontmatter.value, { firstLine: frontmatter.firstLine });
  if (yaml.errors.length > 0) {
    return {
      diagnostics: yaml.errors.map((error) =>
        recordDiagnostic(
          'source-record-frontmatter',
          { file, line: error.line, column: error.column },
          {
            nb: `Frontmatteren er ikke gyldig YAML (${error.code}): ${error.message}`,
            en: `The frontmatter is not valid YAML (${error.code}): ${error.message}`,
          },
        ),
      ),
    };
  }
  let data: unknown;
  try {
    data = yaml.value();
  } catch {
    return {
      diagnostics: [
        recordDiagnostic(
          'source-record-frontmatter',
          { file, ...yaml.placeOfOffset(0) },
          {
            nb: 'Frontmatteren bruker YAML-aliaser (*navn) som utvider seg til for mye data (en «billion laughs»?).',
            en: 'The frontmatter uses YAML aliases (*name) that expand to too much data (a "billion laughs"?).',
          },
        ),
      ],
    };
  }
  const validation = validateFrontmatter(data, { file, yaml });
  const diagnostics: Diagnostic[] = [...validation.diagnostics];
  if (!validation.usable) return { diagnostics };
  const fields = data as Frontmatter;
  const id = fields.id;
  const expectedId = basename(file, extname(file));
  if (id !== expectedId) {
    diagnostics.push(
      recordDiagnostic(
        'source-record-id-mismatch',
        { file, ...yaml.placeOf(['id']) },
        {
          nb: `Posten har id «${id}», men filen heter «${basename(file)}»; forventet filnavnet «${id}.md».`,
          en: `The record id is "${id}" but the file is "${basename(file)}"; expected the file name "${id}.md".`,
        },
      ),
    );
  }
  const record: SourceRecordFrontmatter = {
    id,
    file,
    entry: toBibEntry(fields, { file, line: yaml.placeOf(['entry'], 'key').line }),
    characteristics: toCharacteristics(fields.characteristics),
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
