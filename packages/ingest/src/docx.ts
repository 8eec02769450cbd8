import { LitsynthError, type Localized } from '@litsynth/common';
import { manuscriptFromBlocks } from './build-manuscript.js';
import {
  type FieldInstruction,
  type FieldProblem,
  fieldEndMarker,
  fieldNumberEnd,
  fieldStartMarker,
  markFieldCitations,
} from './docx-fields.js';
import type { FieldCitation, ReferenceManager } from './docx-types.js';
import { readWordSources } from './docx-word-sources.js';
import { refuseOversizedDocx, textParts } from './docx-bounds.js';
import { BoundedZip } from './docx-zip.js';
import type { Block, BlockKind, Manuscript, SourceBlock, SourceSpan } from './types.js';

/** A manuscript read from .docx: also the citations a reference manager inserted as fields. */
export type DocxManuscript = Manuscript & { fieldCitations: FieldCitation[] };

/** Marks the start of a new page in the XML given to mammoth (a private-use character). */
const pageMarker = '\uE002';

/**
 * Reads a .docx manuscript with mammoth: headings, paragraphs, block quotations, list items,
 * tables and footnotes, each placed right after the paragraph that refers to it.
 * A place is "line" = paragraph number (every paragraph of the body counts, empty ones too; then
 * the footnotes), "column" = character in the paragraph, and "page" where the document knows its
 * pages: the page breaks Word recorded when it last laid the document out, else explicit page breaks.
 * Citations of Zotero, Mendeley, EndNote and Word's own citation tool come back as `fieldCitations`.
 */
export async function docxToManuscript(bytes: Uint8Array, path: string): Promise<DocxManuscript> {
  const zip = openDocx(bytes, path);
  const documentPart = mainDocumentPart(zip);
  if (!documentPart) {
    throw new LitsynthError(
      'unsupported-format',
      'The file is a zip archive but not a Word document (it has no word/document.xml).',
      {
        file: path,
        messageNb:
          'Filen er et zip-arkiv, men ikke et Word-dokument (den mangler word/document.xml).',
      },
    );
  }
  const notes: Localized[] = [
    {
      nb: 'I et Word-dokument er «linje» avsnittets nummer (alle avsnitt telles, også tomme; fotnoter etter brødteksten) og «kolonne» tegnet i avsnittet.',
      en: 'In a Word document, "line" is the paragraph number (every paragraph counts, empty ones too; footnotes after the body) and "column" the character in the paragraph.',
    },
  ];
  refuseOversizedDocx(zip, textParts(zip, documentPart), path);
  const documentXml = zip.readText(documentPart);
  const breakStyles = zip.has('word/styles.xml')
    ? stylesWithPageBreakBefore(zip.readText('word/styles.xml'))
    : new Set<string>();
  const pageSource = documentXml.includes('<w:lastRenderedPageBreak')
    ? 'rendered'
    : /<w:br\b[^>]*w:type="page"|<w:pageBreakBefore(?!\s+w:val="(?:0|false)")|<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<w:sectPr\b/.test(
          documentXml,
        ) || [...breakStyles].some((style) => documentXml.includes(`<w:pStyle w:val="${style}"`))
      ? 'explicit'
      : 'none';
  const wordSources = new Map(
    zip
      .names()
      .filter((name) => /^customXml\/item\d+\.xml$/.test(name))
      .flatMap((name) => [...readWordSources(zip.readText(name))]),
  );
  const body = markFieldCitations(markPages(documentXml, pageSource, breakStyles), { wordSources });
  const noteParts = new Map<string, ReturnType<typeof markFieldCitations>>();
  let fieldCount = body.fields.length;
  for (const name of zip.names()) {
    if (!/^word\/(?:footnotes|endnotes)\.xml$/.test(name)) continue;
    const part = markFieldCitations(zip.readText(name), { firstNumber: fieldCount, wordSources });
    fieldCount += part.fields.length;
    noteParts.set(name, part);
  }
  const files = {
    exists: (name: string) => zip.has(name),
    read: async (name: string, encoding?: string) => {
      const marked = name === documentPart ? body.xml : noteParts.get(name)?.xml;
      if (marked !== undefined) return encoding ? marked : new TextEncoder().encode(marked);
      const data = zip.read(name);
      if (encoding === 'base64') return Buffer.from(data).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(data) : data;
    },
    write: () => undefined,
    toArrayBuffer: () => Promise.reject(new Error('not supported')),
  };

  // Imported here, not at the top: the CLI's bundle keeps mammoth outside its code-cached core,
  // and only a dynamic import can reach it there (docs/decisions/cli-bundle.md).
  // mammoth is CommonJS: its module.exports is the default export wherever it is imported from.
  const { default: mammoth } = (await import('mammoth')) as unknown as {
    default: typeof import('mammoth');
  };
  let document: MammothDocument | undefined;
  try {
    // mammoth reads from `file` when given one (its own zip abstraction); that is how our bounded
    // zip reader and the marked XML reach it. The HTML it writes is not used: the document is.
    await mammoth.convertToHtml({ file: files } as unknown as { buffer: Buffer }, {
      transformDocument: (element: unknown) => {
        document = element as MammothDocument;
        return { ...document, children: [] };
      },
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    });
  } catch (cause) {
    throw new LitsynthError(
      'unsupported-format',
      `The .docx document cannot be read: ${describeCause(cause)}.`,
      {
        file: path,
        messageNb: `.docx-dokumentet kan ikke leses: ${describeCause(cause)}.`,
        cause,
      },
    );
  }
  if (!document) {
    throw new LitsynthError('unsupported-format', 'The .docx document cannot be read.', {
      file: path,
      messageNb: '.docx-dokumentet kan ikke leses.',
    });
  }

  const walk = walkDocument(document);
  if (walk.blocks.every((block) => block.spans.every((span) => span.text.trim() === ''))) {
    throw new LitsynthError('empty-file', 'The .docx document has no text.', {
      file: path,
      messageNb: '.docx-dokumentet har ingen tekst.',
    });
  }
  if (pageSource === 'rendered') {
    notes.push({
      nb: 'Sidetallene er Words sideskift fra sist dokumentet ble lagret; de kan avvike litt fra en annen utskrift.',
      en: "Page numbers are Word's page breaks from when the document was last saved; another printout may differ slightly.",
    });
  } else if (pageSource === 'explicit') {
    notes.push({
      nb: 'Sidetallene er regnet fra de manuelle sideskiftene i dokumentet.',
      en: 'Page numbers are counted from the manual page breaks in the document.',
    });
  }
  const manuscript = manuscriptFromBlocks({
    path,
    format: 'docx',
    encoding: 'binary',
    notes,
    blocks: walk.blocks,
  });
  const instructions = [...body.fields, ...[...noteParts.values()].flatMap((part) => part.fields)];
  return {
    ...manuscript,
    fieldCitations: placeFieldCitations(manuscript, walk.fields, instructions, notes),
  };
}

function openDocx(bytes: Uint8Array, path: string): BoundedZip {
  // An OLE compound file: an old .doc renamed, or a .docx that Word encrypted with a password.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new LitsynthError(
      'unsupported-format',
      'The file is a password-protected Word document or an old .doc file. Save it as .docx without a password.',
      {
        file: path,
        messageNb:
          'Filen er et passordbeskyttet Word-dokument eller en gammel .doc-fil. Lagre den som .docx uten passord.',
      },
    );
  }
  return BoundedZip.open(bytes, path);
}

/** The main document part: word/document.xml, or what the package relationships name. */
function mainDocumentPart(zip: BoundedZip): string | undefined {
  if (zip.has('word/document.xml')) return 'word/document.xml';
  if (!zip.has('_rels/.rels')) return undefined;
  const target =
    /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(
      zip.readText('_rels/.rels'),
    );
  const name = target?.[1] ?? target?.[2];
  return name && zip.has(name) ? name : undefined;
}

/** Puts a page marker where a page starts, so that mammoth's reading keeps it in the text. */
function markPages(
  xml: string,
  source: 'rendered' | 'explicit' | 'none',
  breakStyles: ReadonlySet<string>,
): string {
  if (source === 'rendered')
    return xml.replace(/<w:lastRenderedPageBreak\s*\/>/g, `<w:t>${pageMarker}</w:t>`);
  if (source === 'explicit') {
    let marked = xml.replace(
      /<w:br\b[^>]*w:type="page"[^>]*\/>/g,
      (tag) => `${tag}<w:t>${pageMarker}</w:t>`,
    );
    if (marked.includes('<w:pageBreakBefore') || breakStyles.size > 0) {
      // "Page break before", on the paragraph or in its style (chapter headings in templates).
      marked = marked.replace(
        /<w:pPr>((?:(?!<\/w:pPr>)[\s\S])*)<\/w:pPr>/g,
        (properties: string, inner: string) => {
          const own = /<w:pageBreakBefore(\s+w:val="(\w+)")?\s*\/>/.exec(inner);
          const style = /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1];
          const breaks = own
            ? !['0', 'false', 'off'].includes(own[2] ?? '')
            : style !== undefined && breakStyles.has(style);
          return breaks ? `${properties}<w:r><w:t>${pageMarker}</w:t></w:r>` : properties;
        },
      );
    }
    // A section break (its properties sit in the last paragraph of the section) starts the next
    // section on a new page unless it is "continuous": the marker goes at that paragraph's end.
    return marked.replace(
      /(<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*?<w:sectPr\b[\s\S]*?<\/w:sectPr>[\s\S]*?)(<\/w:p>)/g,
      (paragraph: string, content: string, end: string) => {
        const type = /<w:type w:val="(\w+)"/.exec(
          /<w:sectPr\b[\s\S]*?<\/w:sectPr>/.exec(content)?.[0] ?? '',
        )?.[1];
        return type === 'continuous' || type === 'nextColumn'
          ? paragraph
          : `${content}<w:r><w:t>${pageMarker}</w:t></w:r>${end}`;
      },
    );
  }
  return xml;
}

/** Ids of the paragraph styles that begin on a new page ("page break before"), inherited too. */
function stylesWithPageBreakBefore(stylesXml: string): Set<string> {
  const styles = new Map<string, { basedOn?: string; breaks?: boolean }>();
  for (const [, id = '', body = ''] of stylesXml.matchAll(
    /<w:style\b(?=[^>]*w:type="paragraph")[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g,
  )) {
    const own = /<w:pageBreakBefore(\s+w:val="(\w+)")?\s*\/>/.exec(
      /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(body)?.[0] ?? '',
    );
    const basedOn = /<w:basedOn w:val="([^"]+)"/.exec(body)?.[1];
    styles.set(id, {
      ...(basedOn ? { basedOn } : {}),
      ...(own ? { breaks: !['0', 'false', 'off'].includes(own[2] ?? '') } : {}),
    });
  }
  const breaks = (id: string, depth: number): boolean => {
    const style = styles.get(id);
    if (!style || depth > 20) return false;
    return style.breaks ?? (style.basedOn ? breaks(style.basedOn, depth + 1) : false);
  };
  return new Set([...styles.keys()].filter((id) => breaks(id, 0)));
}

// The parts of mammoth's document model that are read here (its documents.js).
interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  breakType?: string;
  noteType?: string;
  noteId?: string;
  styleName?: string | null;
  styleId?: string | null;
  numbering?: unknown;
  indent?: { start: string | null; hanging: string | null };
  isBold?: boolean;
  fontSize?: number | null;
  body?: MammothElement[];
}

interface MammothDocument {
  children: MammothElement[];
  notes: { resolve(reference: { noteType?: string; noteId?: string }): MammothElement | null };
}

/** A field's displayed text in the source: paragraph number and columns [startColumn, endColumn). */
interface FieldPlace {
  /** The field's number: its index in the fields of all parts, document first. */
  number: number;
  line: number;
  startColumn: number;
  endColumn: number;
}

interface Walk {
  blocks: SourceBlock[];
  fields: FieldPlace[];
}

function walkDocument(document: MammothDocument): Walk {
  const blocks: SourceBlock[] = [];
  const fields: FieldPlace[] = [];
  const bodyParagraphs = countParagraphs(document.children);
  let paragraphNumber = 0;
  let noteParagraphNumber = bodyParagraphs;
  let page = 1;
  let pageKnown = false;
  let textSeen = false;
  let openField: { number: number; line: number; column: number } | null = null;
  // Digits of a field's number, while they are being read after its start marker.
  let fieldNumber: string | null = null;

  const readParagraph = (
    paragraph: MammothElement,
    line: number,
    inNote: boolean,
    notePage?: number,
  ): MammothElement[] => {
    const spans: SourceSpan[] = [];
    const noteReferences: MammothElement[] = [];
    let text = '';
    let column = 1;
    let spanStart = 1;
    // Direct formatting of the visible characters, to find headings made by hand (bold, larger).
    let run: MammothElement | undefined;
    let boldChars = 0;
    let plainChars = 0;
    let largestSize = 0;
    const flush = () => {
      if (text !== '')
        spans.push(spanOf(text, line, spanStart, inNote ? notePage : pageKnown ? page : undefined));
      text = '';
      spanStart = column;
    };
    const visit = (element: MammothElement) => {
      switch (element.type) {
        case 'text':
          for (const char of element.value ?? '') {
            if (fieldNumber !== null) {
              if (char === fieldNumberEnd) {
                openField = { number: Number(fieldNumber), line, column };
                fieldNumber = null;
              } else {
                fieldNumber += char;
              }
            } else if (char === pageMarker) {
              if (inNote) continue;
              // A break before any text (a first heading set to "page break before") starts no page.
              const startsPage =
                textSeen || text.trim() !== '' || spans.some((span) => span.text.trim() !== '');
              flush();
              if (startsPage) page++;
              pageKnown = true;
            } else if (char === fieldStartMarker) {
              fieldNumber = '';
            } else if (char === fieldEndMarker) {
              if (openField && openField.line === line)
                fields.push({
                  number: openField.number,
                  line,
                  startColumn: openField.column,
                  endColumn: column,
                });
              openField = null;
            } else {
              // Word's non-breaking hyphen (Ctrl+Shift+-, w:noBreakHyphen) is a hyphen in a name
              // such as "Riis-Johansen"; mammoth gives it as U+2011, which would not match.
              text += char === '\u2011' ? '-' : char;
              column++;
              if (char.trim() !== '') {
                if (run?.isBold) boldChars++;
                else plainChars++;
                largestSize = Math.max(largestSize, run?.fontSize ?? 0);
              }
            }
          }
          break;
        case 'tab':
          text += '\t';
          column++;
          break;
        case 'break':
          // A line or column break inside a paragraph reads as a space; pages come as markers.
          if (element.breakType !== 'page') {
            text += ' ';
            column++;
          }
          break;
        case 'noteReference':
          noteReferences.push(element);
          break;
        case 'run': {
          const outer = run;
          run = element;
          for (const child of element.children ?? []) visit(child);
          run = outer;
          break;
        }
        default:
          for (const child of element.children ?? []) visit(child);
      }
    };
    for (const child of paragraph.children ?? []) visit(child);
    flush();
    if (spans.some((span) => span.text.trim() !== '')) textSeen = true;
    const byHand =
      !inNote &&
      !inTable.has(paragraph) &&
      levelOf(paragraph).level === undefined &&
      looksLikeHeading(
        spans.map((span) => span.text).join(''),
        boldChars > 0 && plainChars === 0,
        largestSize,
      );
    // A heading style on a whole paragraph of prose (a slip in Word) does not make it a heading.
    const prose = isProse(spans.map((span) => span.text).join(''));
    const kind = kindOf(paragraph);
    if (byHand) blocks.push({ kind: 'heading', spans });
    else if (kind === 'heading' && prose) blocks.push({ kind: 'paragraph', spans });
    else blocks.push({ kind, spans, ...levelOf(paragraph) });
    return noteReferences;
  };

  const readNotes = (references: MammothElement[], referencePage: number | undefined) => {
    for (const reference of references) {
      const note = document.notes.resolve(reference);
      for (const paragraph of paragraphsOf(note?.body ?? [])) {
        noteParagraphNumber++;
        readParagraph(paragraph, noteParagraphNumber, true, referencePage);
      }
    }
  };

  for (const paragraph of paragraphsOf(document.children)) {
    paragraphNumber++;
    const references = readParagraph(paragraph, paragraphNumber, false);
    if (references.length > 0) readNotes(references, pageKnown ? page : undefined);
  }
  // Pages before the first break are page 1 only when the document has breaks at all.
  if (pageKnown) {
    for (const block of blocks) for (const span of block.spans) span.page ??= 1;
  }
  return { blocks, fields };
}

function spanOf(text: string, line: number, column: number, page: number | undefined): SourceSpan {
  const span: SourceSpan = { text, line, column, join: 'inline' };
  if (page !== undefined) span.page = page;
  return span;
}

// Paragraphs that stand in a table cell: a bold cell is a column or row label, not a heading.
const inTable = new WeakSet<MammothElement>();

/** The paragraphs of a body in reading order, table cells included. */
function paragraphsOf(elements: readonly MammothElement[]): MammothElement[] {
  const paragraphs: MammothElement[] = [];
  let tableDepth = 0;
  const visit = (element: MammothElement) => {
    if (element.type === 'paragraph') {
      paragraphs.push(element);
      if (tableDepth > 0) inTable.add(element);
      return;
    }
    if (element.type === 'table') tableDepth++;
    for (const child of element.children ?? []) visit(child);
    if (element.type === 'table') tableDepth--;
  };
  for (const element of elements) visit(element);
  return paragraphs;
}

function countParagraphs(elements: readonly MammothElement[]): number {
  return paragraphsOf(elements).length;
}

const quoteStyles =
  /^(?:quote|intense quote|block text|sitat|sterkt sitat|blokksitat|block ?quote)$/i;
const headingStyle = /^(?:heading|overskrift)\s*([1-9])$/i;
// A left indent of about 1 cm or more (in twentieths of a point) sets a quotation apart; a
// hanging indent is the layout of a reference-list entry, not of a quotation.
const quoteIndent = 500;

function kindOf(paragraph: MammothElement): BlockKind {
  if (levelOf(paragraph).level !== undefined) return 'heading';
  if (quoteStyles.test(paragraph.styleName ?? '')) return 'block-quote';
  if (paragraph.numbering) return 'list-item';
  const start = Number(paragraph.indent?.start ?? 0);
  const hanging = Number(paragraph.indent?.hanging ?? 0);
  if (start >= quoteIndent && !(hanging > 0)) return 'block-quote';
  return 'paragraph';
}

/**
 * A heading made by hand: a short line, all bold or in a larger size (≥ 13 pt), that does not end
 * like a sentence ("2.1 Tidligere forskning", "Litteraturliste"). The level comes from its number.
 */
function looksLikeHeading(text: string, allBold: boolean, largestSize: number): boolean {
  const line = text.trim();
  if (line === '' || line.length > 100 || /[.,;:!?]$/.test(line) || line.split(/\s+/).length > 12)
    return false;
  if (!/^(?:\d+(?:\.\d+)*\.?\s+)?\p{Lu}/u.test(line)) return false;
  return allBold || largestSize >= 13;
}

/** Whether a paragraph reads as prose: more than 20 words ending like a sentence. */
function isProse(text: string): boolean {
  const line = text.trim();
  return /[.!?]$/u.test(line) && line.split(/\s+/u).length > 20;
}

function levelOf(paragraph: MammothElement): { level?: number } {
  const match =
    headingStyle.exec(paragraph.styleName ?? '') ??
    /^Heading([1-9])$/.exec(paragraph.styleId ?? '');
  return match ? { level: Number(match[1]) } : {};
}

/** Turns the places of the fields' displayed text into offsets of the normalised text. */
function placeFieldCitations(
  manuscript: Manuscript,
  places: readonly FieldPlace[],
  instructions: ReadonlyArray<FieldInstruction | FieldProblem>,
  notes: Localized[],
): FieldCitation[] {
  const citations: FieldCitation[] = [];
  // In a .docx every paragraph is one line: its first block.
  const blockOfLine = new Map<number, Block>();
  for (const block of manuscript.blocks) {
    const line = manuscript.locate(block.start).line;
    if (!blockOfLine.has(line)) blockOfLine.set(line, block);
  }
  for (const place of places) {
    const instruction = instructions[place.number];
    if (!instruction) continue;
    if ('reason' in instruction) {
      notes.push({
        nb: `En ${managerName(instruction.manager)}-henvisning i avsnitt ${place.line} kunne ikke leses (${instruction.reason}); teksten er sjekket som vanlig tekst.`,
        en: `A ${managerName(instruction.manager)} citation in paragraph ${place.line} could not be read (${instruction.reason}); its text is checked as ordinary text.`,
      });
      continue;
    }
    const range = offsetsOf(manuscript, blockOfLine, place);
    if (range) citations.push({ ...range, manager: instruction.manager, items: instruction.items });
  }
  return citations.sort((a, b) => a.start - b.start);
}

function offsetsOf(
  manuscript: Manuscript,
  blockOfLine: ReadonlyMap<number, Block>,
  place: FieldPlace,
): { start: number; end: number } | undefined {
  const block = blockOfLine.get(place.line);
  if (!block) return undefined;
  let start: number | undefined;
  for (let offset = block.start; offset < block.end; offset++) {
    const column = manuscript.locate(offset).column;
    if (start === undefined && column >= place.startColumn) start = offset;
    if (start !== undefined && column >= place.endColumn) return { start, end: offset };
  }
  return start === undefined ? undefined : { start, end: block.end };
}

function managerName(manager: ReferenceManager): string {
  return { zotero: 'Zotero', mendeley: 'Mendeley', endnote: 'EndNote', word: 'Word' }[manager];
}

function describeCause(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.split('\n')[0]?.slice(0, 200) ?? 'unknown problem';
}
