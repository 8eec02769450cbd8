import { splitHeadingNumber, levelOfNumber } from './heading-number.js';
import { decideLineJoin } from './line-join.js';
import { normaliseSpan } from './normalise-span.js';
import type { NormalisedPiece } from './normalise-span.js';
import { PositionTable } from './position-table.js';
import { findReferenceList } from './reference-list.js';
import type {
  Block,
  Heading,
  Manuscript,
  ManuscriptParts,
  Place,
  SourceBlock,
  SourceSpan,
} from './types.js';

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

  const append = (
    text: string,
    line: number,
    column: number,
    span: number,
    page: number | undefined,
  ): void => {
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
  // The end of the block's text so far: joins only look at the last word, and keeping the whole
  // text in one growing string would make long blocks quadratic.
  let tail = '';
  let end: EndPlace | undefined;
  // Whether the last source line had white space after its last character ("Arbeids- ").
  let spaceAfterLast = false;
  const push = (piece: BuiltPiece): void => {
    pieces.push(piece);
    tail += piece.text;
    if (tail.length > 400) tail = tail.slice(-200);
  };
  const dropLast = (): void => {
    dropLastCharacter(pieces);
    tail = tail.slice(0, -1);
  };

  for (const span of spans) {
    const isLine = span.join !== 'inline';
    const normalised = normaliseSpan(span.text);
    const leadingSpace = edgeSpace.test(normalised[0]?.text[0] ?? '');
    const lastText = normalised[normalised.length - 1]?.text ?? '';
    const trailingSpace = edgeSpace.test(lastText[lastText.length - 1] ?? '');
    const line = trimPieces(normalised);
    if (line.length === 0) {
      if (normalised.length > 0) spaceAfterLast = true;
      continue;
    }
    let lineStart = false;
    if (pieces.length > 0 && isLine) {
      const after = joinedText(line, 40);
      const join = decideLineJoin(tail, after, spaceAfterLast);
      if (join === 'space') {
        if (end)
          push({
            text: ' ',
            line: end.line,
            column: end.column,
            span: 1,
            page: end.page,
            lineStart: false,
          });
      } else if (join === 'drop-hyphen') {
        dropLast();
      }
      lineStart = true;
    } else if (pieces.length > 0 && (leadingSpace || spaceAfterLast)) {
      // Inline content after white space ("er *sentral*"): one space, where the source has it.
      const at = leadingSpace
        ? { line: span.line, column: span.column + (normalised[0]?.source ?? 0), page: span.page }
        : end;
      if (at)
        push({
          text: ' ',
          line: at.line,
          column: at.column,
          span: 1,
          page: at.page,
          lineStart: false,
        });
    }
    for (const piece of line) {
      push({
        text: piece.text,
        line: span.line,
        column: span.column + piece.source,
        span: piece.span,
        page: span.page,
        lineStart,
      });
      lineStart = false;
    }
    const lastPiece = line[line.length - 1];
    if (lastPiece) {
      const lastColumn =
        span.column + lastPiece.source + Math.min(lastPiece.span, lastPiece.text.length);
      end = { line: span.line, column: lastColumn, page: span.page };
    }
    spaceAfterLast = trailingSpace;
  }
  return { text: pieces.map((piece) => piece.text).join(''), pieces, end };
}

// White space at the ends of a line: collapsed spaces, and no-break spaces, which inside a line
// are kept ("s.\u00a012") but at its ends are only layout.
const edgeSpace = /^[ \u00a0\u202f]$/u;

/** The pieces without white space at either end. */
function trimPieces(pieces: readonly NormalisedPiece[]): NormalisedPiece[] {
  const trimmed = [...pieces];
  while (trimmed.length > 0) {
    const first = trimmed[0] as NormalisedPiece;
    if (!edgeSpace.test(first.text[0] ?? '')) break;
    if (first.text.length === 1) trimmed.shift();
    else
      trimmed[0] = {
        text: first.text.slice(1),
        source: first.source + 1,
        span: Math.max(1, first.span - 1),
      };
  }
  while (trimmed.length > 0) {
    const last = trimmed[trimmed.length - 1] as NormalisedPiece;
    if (!edgeSpace.test(last.text[last.text.length - 1] ?? '')) break;
    if (last.text.length === 1) trimmed.pop();
    else
      trimmed[trimmed.length - 1] = {
        text: last.text.slice(0, -1),
        source: last.source,
        span: Math.min(last.span, last.text.length - 1),
      };
  }
  return trimmed;
}

/** The first characters of a line (at least `length`), for deciding how it joins. */
function joinedText(pieces: readonly { text: string }[], length: number): string {
  let text = '';
  for (const piece of pieces) {
    text += piece.text;
    if (text.length >= length) break;
  }
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
