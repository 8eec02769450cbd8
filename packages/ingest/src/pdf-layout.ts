import { isReferenceListHeading } from './reference-list.js';
import type { BlockKind, SourceBlock, SourceSpan } from './types.js';

/** A piece of text on a PDF page, as the PDF text layer gives it (PDF units, origin bottom left). */
export interface PdfTextItem {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size (text height). */
  height: number;
}

/** One page of a PDF: its height and its text items. */
export interface PdfPage {
  height: number;
  items: PdfTextItem[];
}

/** A line of text on a page, after grouping items by baseline. */
export interface PdfLine {
  page: number;
  /** Line number in the whole document, counting every line of every page in reading order. */
  number: number;
  text: string;
  x: number;
  y: number;
  right: number;
  height: number;
  /** The raised small number the line began with (a footnote's own number at the page bottom). */
  noteNumber: string | null;
  /** Raised small numbers inside the line: footnote references, removed from the text. */
  noteReferences: string[];
}

export interface PdfLayout {
  blocks: SourceBlock[];
  /** Lines removed as running headers, footers or page numbers. */
  removed: PdfLine[];
}

/** Groups the items of every page into lines, top to bottom and left to right. */
export function linesOfPages(pages: readonly PdfPage[]): PdfLine[][] {
  let number = 0;
  return pages.map((page, pageIndex) => {
    const items = page.items.filter((item) => item.text !== '');
    // Body-size items define the lines first; raised small items (footnote numbers) then join
    // the line whose baseline they sit just above.
    const rows: PdfTextItem[][] = [];
    const sorted = [...items].sort((a, b) => b.height - a.height || b.y - a.y || a.x - b.x);
    for (const item of sorted) {
      const row = rows.find((candidate) => sameLine(candidate, item));
      if (row) row.push(item);
      else rows.push([item]);
    }
    const lines = rows
      .map((row) => lineOf(row, pageIndex + 1))
      .filter((line): line is Omit<PdfLine, 'number'> => line !== null)
      .sort((a, b) => b.y - a.y || a.x - b.x);
    return lines.map((line) => ({ ...line, number: ++number }));
  });
}

function sameLine(row: readonly PdfTextItem[], item: PdfTextItem): boolean {
  const base = row.reduce((tallest, candidate) =>
    candidate.height > tallest.height ? candidate : tallest,
  );
  const size = Math.max(base.height, item.height, 1);
  // A superscript sits up to about half a font size above the baseline.
  return item.y - base.y >= -size * 0.3 && item.y - base.y <= size * 0.55;
}

function lineOf(row: PdfTextItem[], page: number): Omit<PdfLine, 'number'> | null {
  const items = [...row].sort((a, b) => a.x - b.x);
  const bodyHeight = Math.max(...items.map((item) => item.height));
  const baseline = items.find((item) => item.height === bodyHeight)?.y ?? items[0]?.y ?? 0;
  let text = '';
  let right = -Infinity;
  let noteNumber: string | null = null;
  const noteReferences: string[] = [];
  for (const item of items) {
    // A raised, smaller number is a footnote reference (or a note's own number): not text.
    const raised =
      item.height > 0 && item.height < bodyHeight * 0.9 && item.y > baseline + bodyHeight * 0.15;
    if (raised && /^[\d*†]+$/.test(item.text.trim())) {
      if (text.trim() === '') noteNumber = item.text.trim();
      else noteReferences.push(item.text.trim());
      right = Math.max(right, item.x + item.width);
      continue;
    }
    if (text === '' && item.text.trim() === '') continue;
    const gap = item.x - right;
    if (
      text !== '' &&
      !text.endsWith(' ') &&
      !item.text.startsWith(' ') &&
      gap > Math.max(item.height, 1) * 0.15
    )
      text += ' ';
    text += item.text;
    right = Math.max(right, item.x + item.width);
  }
  if (text.trim() === '') return null;
  const first = items.find((item) => item.text.trim() !== '') ?? items[0];
  return {
    page,
    text,
    x: first?.x ?? 0,
    y: baseline,
    right,
    height: bodyHeight,
    noteNumber,
    noteReferences,
  };
}

// "12", "- 12 -", "Side 12", "side 12 av 40", "12 / 40", "Page 3 of 9", roman numerals.
const pageNumberLine =
  /^[\s\-–—]*(?:(?:side|page|s\.)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:av|of|\/)\s*\d{1,4})?[\s\-–—]*$/i;

/**
 * Finds running headers, footers and page numbers: among the first and last two lines of each
 * page, a line that is only a page number, or whose text (digits ignored) stands at about the
 * same height on 40 % of the pages (at least two), or — the very first or last line, in body size
 * or smaller — on three (a chapter's running header).
 */
export function findPageFurniture(pages: readonly PdfLine[][]): Set<PdfLine> {
  const furniture = new Set<PdfLine>();
  const candidates = pages.flatMap((lines) => edgeLines(lines));
  const counts = new Map<string, Set<number>>();
  for (const line of candidates) {
    const key = furnitureKey(line);
    const seen = counts.get(key) ?? new Set<number>();
    seen.add(line.page);
    counts.set(key, seen);
  }
  const needed = Math.max(2, Math.ceil(pages.length * 0.4));
  // A running header that names the chapter repeats only within it: three pages are enough for
  // the very first or last line of a page, when it is not larger than the body text (a chapter
  // heading such as "Kapittel 2" is larger, and stands where the next chapter's does).
  const bodyHeight = mode(pages.flat().map((line) => Math.round(line.height * 2) / 2)) ?? 0;
  const outermost = new Set(
    pages
      .flatMap((lines) => [lines[0], lines.at(-1)])
      .filter((line): line is PdfLine => line !== undefined),
  );
  for (const line of candidates) {
    const seen = counts.get(furnitureKey(line))?.size ?? 0;
    const chapterHeader = seen >= 3 && outermost.has(line) && line.height <= bodyHeight + 0.5;
    if (pageNumberLine.test(line.text) || seen >= needed || chapterHeader) furniture.add(line);
  }
  return furniture;
}

function edgeLines(lines: readonly PdfLine[]): PdfLine[] {
  if (lines.length <= 4) return [...lines];
  return [...lines.slice(0, 2), ...lines.slice(-2)];
}

function furnitureKey(line: PdfLine): string {
  return `${Math.round(line.y / 4)}|${line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase()}`;
}

interface Measures {
  bodyHeight: number;
  bodyLeft: number;
  bodyRight: number;
  lineGap: number;
  /** Most body lines end exactly at the right margin: the text is justified. */
  justified: boolean;
}

function measure(lines: readonly PdfLine[]): Measures {
  const bodyHeight = mode(lines.map((line) => Math.round(line.height * 2) / 2)) ?? 12;
  const body = lines.filter((line) => Math.abs(line.height - bodyHeight) < 0.6);
  const bodyLeft = mode(body.map((line) => Math.round(line.x))) ?? 0;
  const rights = body.map((line) => line.right).sort((a, b) => a - b);
  const bodyRight = rights[Math.floor(rights.length * 0.9)] ?? 0;
  const gaps: number[] = [];
  for (let index = 1; index < body.length; index++) {
    const previous = body[index - 1] as PdfLine;
    const line = body[index] as PdfLine;
    if (previous.page === line.page && previous.y > line.y)
      gaps.push(Math.round(previous.y - line.y));
  }
  const lineGap = mode(gaps) ?? bodyHeight * 1.2;
  const atMargin = body.filter((line) => Math.abs(line.right - bodyRight) <= 1.5).length;
  return {
    bodyHeight,
    bodyLeft,
    bodyRight,
    lineGap,
    justified: body.length > 0 && atMargin >= body.length * 0.5,
  };
}

function mode(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  let best: number | undefined;
  let bestCount = 0;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

const numberedHeading = /^\d+(?:\.\d+)*\.?\s+\p{Lu}/u;

/**
 * Turns the lines of a PDF into blocks: page furniture removed, paragraphs split at larger gaps,
 * font size changes and indentation, headings found by size (or a section number on a short
 * line), indented runs of lines kept as block quotations, a paragraph continued across a page
 * break, and each footnote placed after the paragraph that refers to it (or, when no reference
 * is found, after the paragraph it interrupts).
 */
export function layoutToBlocks(pages: readonly PdfLine[][]): PdfLayout {
  const furniture = findPageFurniture(pages);
  const lines = pages.flat().filter((line) => !furniture.has(line));
  const measures = measure(lines);
  const blocks: SourceBlock[] = [];
  const headingHeights = [
    ...new Set(
      lines
        .filter((line) => line.height > measures.bodyHeight * 1.1)
        .map((line) => Math.round(line.height)),
    ),
  ].sort((a, b) => b - a);

  interface Building {
    kind: BlockKind;
    lines: PdfLine[];
    level?: number;
    /** The block began at the margin and went on indented: a hanging indent (a reference entry). */
    hanging?: boolean;
  }
  const built: Building[] = [];
  // A footnote at a page bottom interrupts the paragraph that runs on to the next page; it is
  // placed after that paragraph ends.
  let pendingNotes: Building[] = [];
  let current: Building | null = null;
  let note: Building | null = null;

  const indented = (line: PdfLine) => line.x > measures.bodyLeft + measures.bodyHeight * 0.8;
  const isHeadingLine = (line: PdfLine) =>
    line.height > measures.bodyHeight * 1.1 ||
    // "Referanser" in body size (bold, which the text layer does not tell) still opens the list.
    (isReferenceListHeading(line.text) &&
      /^(?:\d+(?:\.\d+)*\.?\s+)?\p{Lu}/u.test(line.text.trim()) &&
      !/[.,;]$/.test(line.text.trim())) ||
    (numberedHeading.test(line.text.trim()) &&
      line.text.trim().length < 90 &&
      !/[.,;:]$/.test(line.text.trim()) &&
      line.right < measures.bodyRight * 0.8);

  const close = () => {
    if (current) built.push(current);
    current = null;
    built.push(...pendingNotes);
    pendingNotes = [];
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as PdfLine;
    const previous = index > 0 ? (lines[index - 1] as PdfLine) : undefined;
    const next = lines[index + 1];
    const newPage = !previous || previous.page !== line.page;

    if (line.noteNumber !== null) {
      if (note) pendingNotes.push(note);
      note = { kind: 'paragraph', lines: [line] };
      continue;
    }
    if (note && !newPage) {
      note.lines.push(line);
      continue;
    }
    if (note) {
      pendingNotes.push(note);
      note = null;
    }

    const heading = isHeadingLine(line);
    if (newPage && current) {
      const last = current.lines.at(-1) as PdfLine;
      if (heading || !endsMidParagraph(current, measures) || indented(line) !== indented(last))
        close();
    }

    if (heading) {
      if (
        current &&
        current.kind === 'heading' &&
        previous &&
        previous.page === line.page &&
        Math.abs(previous.height - line.height) < 0.6 &&
        previous.y - line.y < line.height * 1.6
      ) {
        current.lines.push(line);
        continue;
      }
      close();
      const level =
        line.height > measures.bodyHeight * 1.1
          ? headingHeights.indexOf(Math.round(line.height)) + 1
          : undefined;
      current = { kind: 'heading', lines: [line], ...(level ? { level } : {}) };
      continue;
    }

    const gap = previous && previous.page === line.page ? previous.y - line.y : 0;
    const lineIndented = indented(line);
    const nextIndented = next !== undefined && next.page === line.page && indented(next);
    let startsBlock = !current || current.kind === 'heading';
    if (current && !startsBlock && !newPage) {
      const last = current.lines.at(-1) as PdfLine;
      if (gap > measures.lineGap * 1.35 || Math.abs(last.height - line.height) > 1)
        startsBlock = true;
      // Quotation lines share one left indent; an indented line elsewhere is a paragraph's first line.
      else if (current.kind === 'block-quote' && (!lineIndented || Math.abs(line.x - last.x) > 3))
        startsBlock = true;
      // After a hanging indent, a line back at the margin starts the next entry.
      else if (current.hanging && !lineIndented) startsBlock = true;
      // A line that stopped short of the margin ended its paragraph (a one-line reference entry).
      else if (current.kind !== 'block-quote' && endedEarly(last, line, measures))
        startsBlock = true;
      // An indented line after a line that ended early starts a paragraph (first-line indent) or
      // a quotation; after a line that was full, it continues a hanging indent.
      else if (current.kind !== 'block-quote' && lineIndented && !indented(last)) {
        if (wrapsInto(last, line, measures)) current.hanging = true;
        else startsBlock = true;
      }
    }
    if (startsBlock) {
      close();
      // Several indented lines in a row are a block quotation; one is a first-line indent.
      const quote =
        lineIndented && (nextIndented || (next !== undefined && next.page !== line.page));
      current = { kind: quote ? 'block-quote' : 'paragraph', lines: [line] };
    } else if (current) {
      current.lines.push(line);
    }
  }
  if (note) pendingNotes.push(note);
  close();
  placeNotesAfterReferences(built);

  for (const block of built) {
    const spans: SourceSpan[] = block.lines.map((line) => ({
      text: line.text,
      line: line.number,
      column: 1,
      page: line.page,
    }));
    blocks.push({ kind: block.kind, spans, ...(block.level ? { level: block.level } : {}) });
  }
  return { blocks, removed: pages.flat().filter((line) => furniture.has(line)) };
}

/** Moves each footnote right after the last block before it that refers to its number. */
function placeNotesAfterReferences(built: Array<{ kind: BlockKind; lines: PdfLine[] }>): void {
  for (let index = 0; index < built.length; index++) {
    const note = built[index] as { lines: PdfLine[] };
    const number = note.lines[0]?.noteNumber;
    if (!number) continue;
    let target = -1;
    for (let candidate = index - 1; candidate >= 0; candidate--) {
      const block = built[candidate] as { lines: PdfLine[] };
      if (block.lines[0]?.noteNumber) continue;
      if (block.lines.some((line) => line.noteReferences.includes(number))) {
        target = candidate;
        break;
      }
    }
    if (target === -1 || target === index - 1) continue;
    // Keep notes that follow the same block in their order: skip notes already placed there.
    let insertAt = target + 1;
    while (insertAt < index && built[insertAt]?.lines[0]?.noteNumber) insertAt++;
    built.splice(index, 1);
    built.splice(insertAt, 0, note as (typeof built)[number]);
  }
}

/**
 * Whether `line` is where `previous` wrapped: the first word of `line` would not have fitted at
 * the end of `previous` (widths estimated from the average character width of `line`).
 */
function wrapsInto(previous: PdfLine, line: PdfLine, measures: Measures): boolean {
  // Justified text runs every wrapped line exactly to the margin; a paragraph's last line stops short.
  if (measures.justified) return previous.right >= measures.bodyRight - 1.5;
  const text = line.text.trimStart();
  const characterWidth = (line.right - line.x) / Math.max(1, text.length);
  const firstWord = text.split(/\s/)[0] ?? '';
  return (
    previous.right + characterWidth * (firstWord.length + 1) > measures.bodyRight + characterWidth
  );
}

/**
 * Whether `previous` stopped short on purpose: in justified text it does not reach the margin; in
 * ragged text the first word of `line` would clearly have fitted after it. A line ending in a
 * hyphen never did (the rest of a hyphenated word may fit where the whole word did not).
 */
function endedEarly(previous: PdfLine, line: PdfLine, measures: Measures): boolean {
  if (previous.text.trimEnd().endsWith('-')) return false;
  if (measures.justified) return previous.right < measures.bodyRight - 1.5;
  const text = line.text.trimStart();
  const characterWidth = (line.right - line.x) / Math.max(1, text.length);
  const firstWord = text.split(/\s/)[0] ?? '';
  return previous.right + characterWidth * (firstWord.length * 1.5 + 2) < measures.bodyRight;
}

/** Whether a block's last line runs to the right margin without ending a sentence. */
function endsMidParagraph(
  block: { kind: BlockKind; lines: PdfLine[] },
  measures: Measures,
): boolean {
  if (block.kind === 'heading') return false;
  const last = block.lines.at(-1);
  if (!last) return false;
  const full = last.right >= measures.bodyRight - measures.bodyHeight * 2.5;
  return full || !/[.!?:»"”)]\s*$/.test(last.text);
}

/**
 * How far the page numbers printed on the pages lag behind the PDF's own page count (a title page
 * and a table of contents come before page 1), when the removed page-number lines agree on one
 * difference for most numbered pages; 0 when they match, null when there is nothing to tell.
 */
export function printedPageOffset(removed: readonly PdfLine[]): number | null {
  const offsets: number[] = [];
  const seen = new Set<number>();
  for (const line of removed) {
    const printed =
      /^[\s\-–—]*(?:(?:side|page|s\.)\s*)?(\d{1,4})(?:\s*(?:av|of|\/)\s*\d{1,4})?[\s\-–—]*$/i.exec(
        line.text,
      )?.[1];
    if (printed === undefined || seen.has(line.page)) continue;
    seen.add(line.page);
    offsets.push(line.page - Number(printed));
  }
  const common = mode(offsets);
  if (
    common === undefined ||
    offsets.filter((offset) => offset === common).length * 2 <= offsets.length
  )
    return null;
  return common;
}
