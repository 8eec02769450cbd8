import type { FieldCitationItem, ReferenceManager } from './docx-types.js';

/**
 * Markers put into the document XML around the displayed text of a citation field, so that the
 * offsets of that text survive mammoth's reading. Private-use characters never occur in a thesis;
 * any that do are removed with the markers.
 */
export const fieldStartMarker = '\uE000';
export const fieldEndMarker = '\uE001';
/** Ends the field's number, written in digits right after the start marker. */
export const fieldNumberEnd = '\uE003';

/** A reference-manager citation field found in the XML, in document order. */
export interface FieldInstruction {
  manager: ReferenceManager;
  items: FieldCitationItem[];
}

/** Why a field that looks like a citation could not be read. */
export interface FieldProblem {
  manager: ReferenceManager;
  reason: string;
}

export interface MarkOptions {
  /** The number of the first field found here (fields are numbered across all parts). */
  firstNumber?: number;
  /** The sources of Word's own citation tool, by tag (see readWordSources). */
  wordSources?: ReadonlyMap<string, FieldCitationItem['item']>;
}

export interface MarkedXml {
  /**
   * The XML with a start marker, the field's number (`firstNumber` + its index in `fields`) and
   * an end-of-number marker before each citation field's displayed text, and an end marker after it.
   */
  xml: string;
  /** One per marked field, in document order. */
  fields: Array<FieldInstruction | FieldProblem>;
}

interface OpenField {
  instruction: string;
  /** Base64 payload of w:fldData (EndNote's EN.CITE.DATA keeps its record there). */
  data: string;
  marked: boolean;
}

// One token: a field character (empty or with w:fldData inside), a piece of instruction text, or
// the start or end of a simple field.
const fieldTokenPattern =
  /<w:fldChar\b([^>]*?)(?:\/>|>([\s\S]*?)<\/w:fldChar>)|<w:instrText\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:instrText>)|<w:fldSimple\b([^>]*?)(\/?)>|<\/w:fldSimple>/g;

/**
 * Finds the citation fields of Zotero, Mendeley and EndNote in a WordprocessingML part
 * (document.xml, footnotes.xml) and marks their displayed text. Word writes a complex field as
 * runs: fldChar begin, instrText (often split over several runs), fldChar separate, the displayed
 * result, fldChar end; fields nest. A simple field is one w:fldSimple element.
 */
export function markFieldCitations(xml: string, options: MarkOptions = {}): MarkedXml {
  const firstNumber = options.firstNumber ?? 0;
  const wordSources = options.wordSources ?? new Map();
  const fields: MarkedXml['fields'] = [];
  const stack: OpenField[] = [];
  const simpleStack: boolean[] = [];
  let out = '';
  let last = 0;
  const citationOpen = () => stack.some((field) => field.marked) || simpleStack.some(Boolean);
  for (const match of xml.matchAll(fieldTokenPattern)) {
    const [
      token,
      fldCharAttributes,
      fldCharContent,
      instrText,
      simpleAttributes,
      simpleSelfClosing,
    ] = match;
    const index = match.index;
    out += xml.slice(last, index);
    last = index + token.length;
    if (fldCharAttributes !== undefined) {
      const type = /w:fldCharType="(\w+)"/.exec(fldCharAttributes)?.[1];
      if (type === 'begin') {
        const data = fldCharContent
          ? (/<w:fldData\b[^>]*>([\s\S]*?)<\/w:fldData>/.exec(fldCharContent)?.[1] ?? '')
          : '';
        stack.push({ instruction: '', data: data.replace(/\s+/g, ''), marked: false });
        out += token;
      } else if (type === 'separate') {
        const top = stack.at(-1);
        out += token;
        if (top && !citationOpen() && managerOf(top.instruction)) {
          top.marked = true;
          out += `<w:t>${fieldStartMarker}${firstNumber + fields.length}${fieldNumberEnd}</w:t>`;
          fields.push(readInstruction(top.instruction, top.data, wordSources));
        }
      } else if (type === 'end') {
        const closed = stack.pop();
        if (closed?.marked) out += `<w:t>${fieldEndMarker}</w:t>`;
        // EndNote puts its record in a nested EN.CITE.DATA field inside the EN.CITE instruction.
        const parent = stack.at(-1);
        if (
          closed &&
          parent &&
          /^\s*ADDIN\s+EN\.CITE\.DATA/.test(closed.instruction) &&
          closed.data
        )
          parent.data = closed.data;
        out += token;
      } else {
        out += token;
      }
    } else if (instrText !== undefined) {
      const top = stack.at(-1);
      if (top) top.instruction += decodeXmlText(instrText);
      out += token;
    } else if (simpleAttributes !== undefined) {
      const instruction = decodeXmlText(/w:instr="([^"]*)"/.exec(simpleAttributes)?.[1] ?? '');
      const isCitation = !simpleSelfClosing && !citationOpen() && managerOf(instruction) !== null;
      out += token;
      if (simpleSelfClosing) continue;
      simpleStack.push(isCitation);
      if (isCitation) {
        out += `<w:r><w:t>${fieldStartMarker}${firstNumber + fields.length}${fieldNumberEnd}</w:t></w:r>`;
        fields.push(readInstruction(instruction, '', wordSources));
      }
    } else {
      if (simpleStack.pop()) out += `<w:r><w:t>${fieldEndMarker}</w:t></w:r>`;
      out += token;
    }
  }
  out += xml.slice(last);
  return { xml: markContentControls(out, fields, firstNumber), fields };
}

// Mendeley Cite (Mendeley Reference Manager 2.x) keeps each citation in an inline content control
// whose tag is "MENDELEY_CITATION_v3_" + base64 of the citation's CSL JSON.
const mendeleyControl =
  /(<w:sdtPr>(?:(?!<\/w:sdtPr>)[\s\S])*?<w:tag w:val="MENDELEY_CITATION_v3_([^"]*)"[\s\S]*?<\/w:sdtPr>(?:<w:sdtEndPr\s*\/>|<w:sdtEndPr>[\s\S]*?<\/w:sdtEndPr>)?<w:sdtContent>)([\s\S]*?)(<\/w:sdtContent>)/g;

/** Marks the text of Mendeley Cite content controls, numbering them after the fields found so far. */
function markContentControls(
  xml: string,
  fields: MarkedXml['fields'],
  firstNumber: number,
): string {
  if (!xml.includes('MENDELEY_CITATION_v3_')) return xml;
  return xml.replace(
    mendeleyControl,
    (_, open: string, payload: string, content: string, close: string) => {
      const number = firstNumber + fields.length;
      fields.push(readCslCitationJson('mendeley', Buffer.from(payload, 'base64').toString('utf8')));
      return `${open}<w:r><w:t>${fieldStartMarker}${number}${fieldNumberEnd}</w:t></w:r>${content}<w:r><w:t>${fieldEndMarker}</w:t></w:r>${close}`;
    },
  );
}

/** Which reference manager wrote a field instruction, or null when it is no citation. */
export function managerOf(instruction: string): ReferenceManager | null {
  if (/^\s*ADDIN\s+ZOTERO_ITEM\b/.test(instruction)) return 'zotero';
  if (/^\s*ADDIN\s+(?:Mendeley\s+Citation\S*\s+)?CSL_CITATION\b/.test(instruction))
    return 'mendeley';
  if (/^\s*ADDIN\s+EN\.CITE(?!\.DATA)\b/.test(instruction)) return 'endnote';
  if (/^\s*CITATION\s+\S/.test(instruction)) return 'word';
  return null;
}

/** Reads the works embedded in a citation field's instruction (CSL-JSON, or EndNote XML). */
export function readInstruction(
  instruction: string,
  data: string,
  wordSources: ReadonlyMap<string, FieldCitationItem['item']> = new Map(),
): FieldInstruction | FieldProblem {
  const manager = managerOf(instruction);
  if (manager === null) return { manager: 'zotero', reason: 'not a citation field' };
  if (manager === 'word') return readWordCitation(instruction, wordSources);
  if (manager === 'endnote') {
    let xml = instruction.slice(instruction.indexOf('EN.CITE') + 'EN.CITE'.length);
    if (!xml.includes('<EndNote') && data) xml = decodeFieldData(data);
    const items = readEndNoteCites(xml);
    return items.length > 0
      ? { manager, items }
      : { manager, reason: 'no EndNote record in the field' };
  }
  return readCslCitationJson(manager, instruction);
}

/** The works of a CSL citation in JSON ({citationItems: [{itemData, locator, …}]}), as Zotero and Mendeley store it. */
function readCslCitationJson(
  manager: ReferenceManager,
  text: string,
): FieldInstruction | FieldProblem {
  const jsonStart = text.indexOf('{');
  const jsonEnd = text.lastIndexOf('}');
  if (jsonStart === -1 || jsonEnd < jsonStart)
    return { manager, reason: 'no citation data in the field' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(jsonStart, jsonEnd + 1));
  } catch {
    return { manager, reason: 'the citation data in the field is not valid JSON' };
  }
  const citationItems =
    isRecord(parsed) && Array.isArray(parsed.citationItems) ? parsed.citationItems : [];
  const items: FieldCitationItem[] = [];
  for (const citationItem of citationItems) {
    if (!isRecord(citationItem) || !isRecord(citationItem.itemData)) continue;
    const item = { ...citationItem.itemData };
    const id = String(item.id ?? citationItem.id ?? '');
    items.push({
      id,
      item: { ...item, id, type: typeof item.type === 'string' ? item.type : 'document' },
      ...optionalString('locator', citationItem.locator),
      ...optionalString('label', citationItem.label),
      ...optionalString('prefix', citationItem.prefix),
      ...optionalString('suffix', citationItem.suffix),
    });
  }
  return items.length > 0
    ? { manager, items }
    : { manager, reason: 'no work in the citation data' };
}

/**
 * Word's own citation field: "CITATION Tag \p 12 \m Tag2 \l 1044" — the first source, its
 * page (\p), further sources (\m), the language (\l); the entries come from the sources part.
 */
function readWordCitation(
  instruction: string,
  sources: ReadonlyMap<string, FieldCitationItem['item']>,
): FieldInstruction | FieldProblem {
  const [, first = ''] = /^\s*CITATION\s+(\S+)/.exec(instruction) ?? [];
  const tags = [first, ...[...instruction.matchAll(/\\m\s+(\S+)/g)].map(([, tag = '']) => tag)];
  const page = /\\p\s+("[^"]*"|\S+)/.exec(instruction)?.[1]?.replace(/"/g, '');
  const items: FieldCitationItem[] = [];
  const missing: string[] = [];
  tags.forEach((tag, index) => {
    const item = sources.get(tag);
    if (!item) missing.push(tag);
    else
      items.push({
        id: tag,
        item,
        ...(index === 0 && page ? { locator: page, label: 'page' } : {}),
      });
  });
  if (missing.length > 0)
    return {
      manager: 'word',
      reason: `the source ${missing.join(', ')} is not in the document's source list`,
    };
  return { manager: 'word', items };
}

const endNoteTypes: Record<string, string> = {
  'Journal Article': 'article-journal',
  'Magazine Article': 'article-magazine',
  'Newspaper Article': 'article-newspaper',
  Book: 'book',
  'Edited Book': 'book',
  'Book Section': 'chapter',
  Report: 'report',
  'Government Document': 'report',
  Thesis: 'thesis',
  'Web Page': 'webpage',
  Statute: 'legislation',
  'Conference Proceedings': 'paper-conference',
};

/** EndNote's citation XML (<EndNote><Cite>…<record>…</record></Cite></EndNote>) as CSL items. */
export function readEndNoteCites(xml: string): FieldCitationItem[] {
  const items: FieldCitationItem[] = [];
  for (const [, cite = ''] of xml.matchAll(/<Cite\b[^>]*>([\s\S]*?)<\/Cite>/g)) {
    const record = element(cite, 'record') ?? '';
    const recNum = element(cite, 'RecNum') ?? element(record, 'rec-number') ?? '';
    const typeName = /<ref-type\b[^>]*name="([^"]*)"/.exec(record)?.[1] ?? '';
    const authors = [
      ...(element(record, 'authors') ?? '').matchAll(/<author\b[^>]*>([\s\S]*?)<\/author>/g),
    ].map(([, name = '']) => endNoteName(textOf(name)));
    const fallbackAuthor = element(cite, 'Author');
    const year = element(record, 'year') ?? element(cite, 'Year');
    const item: FieldCitationItem['item'] = {
      id: recNum,
      type: endNoteTypes[typeName] ?? 'document',
    };
    if (authors.length > 0) item.author = authors;
    else if (fallbackAuthor) item.author = [{ family: textOf(fallbackAuthor) }];
    const fields: Array<[string, string | undefined]> = [
      ['title', element(record, 'title')],
      ['container-title', element(record, 'secondary-title')],
      ['volume', element(record, 'volume')],
      ['issue', element(record, 'number')],
      ['page', element(record, 'pages')],
      ['publisher', element(record, 'publisher')],
      ['publisher-place', element(record, 'pub-location')],
      ['DOI', element(record, 'electronic-resource-num')],
      ['URL', element(element(record, 'related-urls') ?? '', 'url')],
    ];
    for (const [field, value] of fields) {
      if (value !== undefined && textOf(value) !== '') item[field] = textOf(value);
    }
    if (year !== undefined && /^\d{4}/.test(textOf(year)))
      item.issued = { 'date-parts': [[Number(textOf(year).slice(0, 4))]] };
    const pages = element(cite, 'Pages');
    const prefix = element(cite, 'Prefix');
    const suffix = element(cite, 'Suffix');
    items.push({
      id: recNum,
      item,
      ...(pages ? { locator: textOf(pages), label: 'page' } : {}),
      ...(prefix ? { prefix: textOf(prefix) } : {}),
      ...(suffix ? { suffix: textOf(suffix) } : {}),
    });
  }
  return items;
}

/** "Natland, Sidsel" → {family, given}; a name without a comma is an organisation. */
function endNoteName(name: string): { family: string; given?: string } | { literal: string } {
  const comma = name.indexOf(',');
  if (comma === -1) return { literal: name };
  const family = name.slice(0, comma).trim();
  const given = name.slice(comma + 1).trim();
  return given ? { family, given } : { family };
}

/** The inner XML of the first `<name …>…</name>` element in `xml`, or undefined when there is none. */
export function element(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`).exec(xml)?.[1];
}

/** The text of an XML fragment: tags (EndNote wraps values in <style>) removed, entities decoded. */
export function textOf(fragment: string): string {
  return decodeXmlText(fragment.replace(/<[^>]*>/g, '')).trim();
}

/** EN.CITE.DATA's payload: base64 of the EndNote XML, in UTF-8 or UTF-16. */
function decodeFieldData(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  const utf8 = bytes.toString('utf8');
  if (utf8.includes('<EndNote')) return utf8;
  return bytes.toString('utf16le');
}

/** Decodes the five XML entities and numeric character references. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#')) {
      const code = entity.startsWith('#x')
        ? Number.parseInt(entity.slice(2), 16)
        : Number.parseInt(entity.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity] ?? '';
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === 'string' && value !== '' ? ({ [key]: value } as Record<K, string>) : {};
}
