import { splitHeadingNumber, levelOfNumber } from './heading-number.js';
import { decideLineJoin } from './line-join.js';
import { normaliseSpan } from './normalise-span.js';
import { PositionTable } from './position-table.js';
import { findReferenceList } from './reference-list.js';
import type { Block, Heading, Manuscript, ManuscriptParts, Place, SourceBlock, SourceSpan } from './types.js';

const blockSeparator = '\n\n';

/** Where the text built so far ends in the original file, for mapping joins and separators. */
interface EndPlace {
  line: number;
  column: number;
  page: number | undefined;
}

/**
 * Builds a `Manuscript` from blocks of source spans: the one place where text is normalised
 * (NFC, white space, line joins, hyphenation) and where offsets get their map back to the file.
 * Every format reader (text, Markdown, .docx, .pdf) ends here.
 */
export function manuscriptFromBlocks(parts: ManuscriptParts): Manuscript {
  const table = new PositionTable();
  const chunks: string[] = [];
  let length = 0;
  const blocks: Block[] = [];
  const headings: Heading[] = [];
  const lineStarts: number[] = [];
  let end: EndPlace | undefined;

  const append = (text: string, line: number, column: number, span: number, page: number | undefined): void => {
    if (text === '') return;
    table.add(length, line, column, span, page);
    chunks.push(text);
    length += text.length;
  };

  for (const source of parts.blocks) {
    const built = buildBlock(source.spans);
    if (built.text === '') continue;
    if (blocks.length > 0 && end) append(blockSeparator, end.line, end.column, 1, end.page);
    const start = length;
    for (const piece of built.pieces) {
      if (piece.lineStart) lineStarts.push(length);
      append(piece.text, piece.line, piece.column, piece.span, piece.page);
    }
    end = built.end;
    const block: Block = { kind: source.kind, start, end: length };
    blocks.push(block);
    if (source.kind === 'heading') headings.push(makeHeading(source, built.text, start, length));
  }
  const text = chunks.join('');
  table.finish(text.length);

  return {
    path: parts.path,
    format: parts.format,
    encoding: parts.encoding,
    notes: parts.notes ?? [],
    text,
    blocks,
    headings,
    referenceList: findReferenceList({ text, blocks, headings, lineStarts }),
    hasPages: parts.blocks.some((block) => block.spans.some((span) => span.page !== undefined)),
    locate: (offset: number): Place => table.locate(offset),
    sectionAt: (offset: number): Heading | undefined => headingAt(headings, offset),
  };
}

function makeHeading(source: SourceBlock, text: string, start: number, end: number): Heading {
  const label = splitHeadingNumber(text);
  const heading: Heading = {
    text: label.text,
    level: source.level ?? (label.number === undefined ? 1 : levelOfNumber(label.number)),
    start,
    end,
  };
  if (label.number !== undefined) heading.number = label.number;
  return heading;
}

/** The nearest heading at or before an offset (binary search; headings are in text order). */
function headingAt(headings: readonly Heading[], offset: number): Heading | undefined {
  let low = 0;
  let high = headings.length - 1;
  let found: Heading | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const heading = headings[middle] as Heading;
    if (heading.start <= offset) {
      found = heading;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

interface BuiltPiece {
  text: string;
  line: number;
  column: number;
  span: number;
  page: number | undefined;
  /** The piece begins a new line of the source (for splitting reference-list entries). */
  lineStart: boolean;
}

interface BuiltBlock {
  text: string;
  pieces: BuiltPiece[];
  end: EndPlace | undefined;
}

/** Joins the spans of one block into normalised text with the origin of every piece. */
function buildBlock(spans: readonly SourceSpan[]): BuiltBlock {
  const pieces: BuiltPiece[] = [];
  let text = '';
  let end: EndPlace | undefined;
  // Whether the last source line had white space after its last character ("Arbeids- ").
  let spaceAfterLast = false;
  let pendingLineStart = false;

  for (const span of spans) {
    const normalised = normaliseSpan(span.text);
    const isLine = span.join !== 'inline';
    let first = 0;
    let last = normalised.length;
    if (isLine) {
      while (first < last && normalised[first]?.text === ' ') first++;
    }
    const trailingSpace = last > first && normalised[last - 1]?.text === ' ';
    if (first === last) {
      if (trailingSpace || normalised.length > 0) spaceAfterLast = true;
      continue;
    }
    const head = (normalised[first] as { text: string }).text;
    if (isLine && text !== '') {
      const before = text.endsWith(' ') ? text.slice(0, -1) : text;
      const join = decideLineJoin(before, head + joinedText(normalised, first + 1, Math.min(last, first + 4)), spaceAfterLast || text.endsWith(' '));
      // Drop a space already at the end of the block (collapsed white space from the last span).
      if (text.endsWith(' ')) {
        dropLastCharacter(pieces);
        text = text.slice(0, -1);
      }
      if (join === 'space') {
        if (end) pieces.push({ text: ' ', line: end.line, column: end.column, span: 1, page: end.page, lineStart: false });
        text += ' ';
      } else if (join === 'drop-hyphen') {
        dropLastCharacter(pieces);
        text = text.slice(0, -1);
      }
      pendingLineStart = true;
    } else if (isLine) {
      pendingLineStart = text === '';
    } else if (text.endsWith(' ') && head === ' ') {
      first++;
    } else if (text === '') {
      while (first < last && normalised[first]?.text === ' ') first++;
    }
    for (let index = first; index < last; index++) {
      const piece = normalised[index] as { text: string; source: number; span: number };
      pieces.push({
        text: piece.text,
        line: span.line,
        column: span.column + piece.source,
        span: piece.span,
        page: span.page,
        lineStart: pendingLineStart,
      });
      pendingLineStart = false;
      text += piece.text;
    }
    const lastPiece = normalised[last - 1];
    if (lastPiece) end = { line: span.line, column: span.column + lastPiece.source + lastPiece.span, page: span.page };
    spaceAfterLast = isLine ? trailingSpace : trailingSpace || spaceAfterLast;
  }
  // No block ends in white space.
  while (text.endsWith(' ')) {
    dropLastCharacter(pieces);
    text = text.slice(0, -1);
  }
  return { text, pieces, end };
}

function joinedText(pieces: readonly { text: string }[], from: number, to: number): string {
  let text = '';
  for (let index = from; index < to; index++) text += (pieces[index] as { text: string }).text;
  return text;
}

/** Removes the last character of the built text (a trailing space or a line-end hyphen). */
function dropLastCharacter(pieces: BuiltPiece[]): void {
  const last = pieces[pieces.length - 1];
  if (!last) return;
  last.text = last.text.slice(0, -1);
  last.span = Math.min(last.span, last.text.length);
  if (last.text === '') pieces.pop();
}
