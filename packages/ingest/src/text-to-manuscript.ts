import type { Localized, TextEncoding } from '@litsynth/common';
import { manuscriptFromBlocks } from './build-manuscript.js';
import { isBackMatterHeading, isReferenceListHeading } from './reference-list.js';
import { applyTableOfContents } from './table-of-contents.js';
import { placeTrailingFootnotes } from './text-footnotes.js';
import { analyseTextLayout } from './text-layout.js';
import type { TextLayout, TextLine } from './text-layout.js';
import type { BlockKind, Manuscript, ManuscriptFormat, SourceBlock, SourceSpan } from './types.js';

/** Where decoded text came from, for `textToManuscript` and `markdownToManuscript`. */
export interface TextSource {
  path: string;
  /** The format to report (default `txt`); a PDF reader passing extracted text says `pdf`. */
  format?: ManuscriptFormat;
  encoding?: TextEncoding | 'binary';
  notes?: Localized[];
}

// "5.1 Relasjonens betydning", " 2.0 Metode", "1. Innledning": a section number, then a capital.
const numberedHeading = /^\s*\d{1,2}(?:\.\d{1,2}){0,4}\.?\s+\p{Lu}/u;
const unnumberedHeadings = new Set([
  'sammendrag',
  'abstract',
  'forord',
  'innholdsfortegnelse',
  'innhold',
  'contents',
  'table of contents',
  'innledning',
  'introduction',
  'metode',
  'method',
  'methods',
  'teori',
  'resultater',
  'results',
  'funn',
  'drøfting',
  'diskusjon',
  'discussion',
  'konklusjon',
  'conclusion',
  'avslutning',
  'vedlegg',
  'appendix',
]);
const listItem = /^\s*(?:[-–•*▪◦·]\s+\S|\d{1,2}\)\s+\S|[a-z]\)\s+\S)/u;
const openingQuote = /^\s*[«“"„]/u;
const closingQuote = /[»”"]\s*(?:\([^()]*\))?\s*[.,;:]?\s*$/u;

/** Whether a line on its own is a heading: numbered, or one of the usual section names. */
export function isHeadingLine(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > 100 || trimmed === '') return false;
  // A line of a table of contents ("2.1 Valg av metode ........ 7") is not the heading itself.
  if (/(?:\.{3,}|…|\t)\s*\d+$/u.test(trimmed)) return false;
  if (numberedHeading.test(trimmed)) {
    const firstNumber = Number(/^\d+/u.exec(trimmed)?.[0] ?? '99');
    // A heading does not end like a sentence or a list entry, and is not a whole sentence.
    return firstNumber <= 20 && !/[.,;]$/u.test(trimmed) && trimmed.split(/\s+/u).length <= 14;
  }
  // "Vedlegg 2: Intervjuguide", "Appendiks A: Faktoranalyse": back matter, heading the appendices.
  if (isBackMatterHeading(trimmed) && trimmed.length <= 80 && !/[.,;]$/u.test(trimmed)) return true;
  return isSectionName(trimmed);
}

/** Whether a line is one of the usual unnumbered section names ("Sammendrag", "Litteraturliste"). */
function isSectionName(trimmed: string): boolean {
  if (trimmed.length > 40) return false;
  const bare = trimmed.replace(/:$/u, '').toLowerCase();
  return unnumberedHeadings.has(bare) || isReferenceListHeading(trimmed);
}

/** Reads plain text (also text extracted from a PDF) into a `Manuscript`. */
export function textToManuscript(text: string, source: TextSource): Manuscript {
  const layout = analyseTextLayout(text);
  const blocks = placeTrailingFootnotes(applyTableOfContents(textBlocks(layout)));
  return manuscriptFromBlocks({
    path: source.path,
    format: source.format ?? 'txt',
    encoding: source.encoding ?? 'utf-8',
    notes: [...(source.notes ?? []), ...layoutNotes(layout)],
    blocks,
  });
}

/** Groups the lines of analysed text into headings, paragraphs, list items and block quotes. */
function textBlocks(layout: TextLayout): SourceBlock[] {
  const { lines, furniture, pages, doubleSpaced, paragraphPerLine } = layout;
  const blocks: SourceBlock[] = [];
  let current: SourceBlock | undefined;
  let previous: TextLine | undefined;
  // Empty lines since the previous content line, and whether one of them held white space.
  let emptyLines = 0;
  let whiteSpaceLine = false;
  let furnitureBetween = false;

  // How many lines of the current block are indented: a block whose every line is indented is a
  // block quote; one indented first line is only a paragraph indent.
  let indentedLines = 0;
  const close = (): void => {
    if (current?.kind === 'paragraph' && indentedLines === current.spans.length)
      current.kind = 'block-quote';
    if (current) classifyQuote(current);
    current = undefined;
  };

  lines.forEach((line, index) => {
    if (furniture.has(index)) {
      furnitureBetween = true;
      return;
    }
    if (line.text.trim() === '') {
      emptyLines++;
      if (line.text !== '') whiteSpaceLine = true;
      return;
    }
    const span: SourceSpan = { text: line.text, line: line.line, column: line.column };
    const page = pages[index];
    if (page !== undefined) span.page = page;

    const paragraphBreak =
      previous === undefined ||
      (paragraphPerLine && !furnitureBetween) ||
      (!furnitureBetween && (doubleSpaced ? emptyLines >= 2 || whiteSpaceLine : emptyLines >= 1)) ||
      // A line ending in two or more spaces ends its paragraph (PDF and Word exports do this).
      (previous.text.endsWith('  ') && previous.text.trim() !== '') ||
      (furnitureBetween && emptyLines > 3 && !doubleSpaced);
    // A section name or an appendix heading that begins a page (after a page number or header)
    // is a heading even when the page before ended mid-sentence.
    const pageHead =
      furnitureBetween && (isSectionName(line.text.trim()) || isBackMatterHeading(line.text));
    // A heading right under another ("3.2 Validitet" over "3.2.1 Indre validitet") is one too.
    const underHeading = current === undefined && blocks[blocks.length - 1]?.kind === 'heading';
    const heading =
      isHeadingLine(line.text) &&
      (paragraphBreak ||
        doubleSpaced ||
        pageHead ||
        underHeading ||
        endsSentence(previous?.text ?? ''));
    const item = listItem.test(line.text);
    const quoteStart = openingQuote.test(line.text) && /:\s*$/u.test(previous?.text ?? '');
    const indented = /^(?: {2,}|\t)/u.test(line.text) && !doubleSpaced;
    // A run of indented lines is a block quote (not in double-spaced PDF text, whose page starts
    // carry a stray space); it ends where the indentation does. An indented line right under a
    // paragraph line continues it (a hanging indent, as reference lists have).
    const indentChange =
      current?.kind === 'paragraph' &&
      !indented &&
      indentedLines >= 2 &&
      indentedLines === current.spans.length;

    if (heading) {
      close();
      blocks.push({ kind: 'heading', spans: [span] });
    } else {
      if (
        paragraphBreak ||
        item ||
        quoteStart ||
        indentChange ||
        current === undefined ||
        current.kind === 'heading'
      ) {
        close();
        const kind: BlockKind = item ? 'list-item' : 'paragraph';
        current = { kind, spans: [] };
        blocks.push(current);
        indentedLines = 0;
      }
      current.spans.push(span);
      if (indented) indentedLines++;
    }
    if (heading) current = undefined;
    previous = line;
    emptyLines = 0;
    whiteSpaceLine = false;
    furnitureBetween = false;
  });
  close();
  return blocks;
}

function endsSentence(text: string): boolean {
  return /[.!?:»”")]\s*$/u.test(text) || text.trim() === '';
}

/** A paragraph that is one quotation from its opening to its closing mark is a block quote. */
function classifyQuote(block: SourceBlock): void {
  if (block.kind !== 'paragraph') return;
  const first = block.spans[0]?.text ?? '';
  const last = block.spans[block.spans.length - 1]?.text ?? '';
  if (!openingQuote.test(first) || !closingQuote.test(last)) return;
  // A single short line in quotation marks is a quoted phrase, not a block quote.
  const words = block.spans.reduce(
    (count, span) => count + span.text.split(/\s+/u).filter(Boolean).length,
    0,
  );
  if (block.spans.length >= 2 || words >= 15) block.kind = 'block-quote';
}

function layoutNotes(layout: TextLayout): Localized[] {
  const notes: Localized[] = [];
  const removed = [...layout.furniture]
    .sort((a, b) => a - b)
    .map((index) => (layout.lines[index] as TextLine).line);
  if (removed.length > 0) {
    const list = removed.length <= 8 ? removed.join(', ') : `${removed.slice(0, 8).join(', ')} …`;
    notes.push({
      nb: `${removed.length} linje(r) med topptekst, bunntekst eller sidetall ble fjernet fra teksten (linje ${list}).`,
      en: `${removed.length} page header, footer or page-number line(s) were left out of the text (line ${list}).`,
    });
  }
  const known = layout.pages.filter((page) => page !== undefined).length;
  if (layout.pageSource === 'form-feed') {
    notes.push({
      nb: 'Sidetall er regnet fra sideskiftene (form feed) i filen.',
      en: 'Pages are counted from the page breaks (form feeds) in the file.',
    });
  } else if (known > 0) {
    const partly = known < layout.lines.length;
    notes.push({
      nb: `Sidetall er regnet fra sideskiftene i den kopierte PDF-teksten og sidenummeret som står i teksten${partly ? '; ikke alle sider kunne bestemmes sikkert' : ''}.`,
      en: `Pages are counted from the page breaks of the copied PDF text and the page number printed in it${partly ? '; not every page could be determined with confidence' : ''}.`,
    });
  }
  return notes;
}
