import { levelOfNumber, splitHeadingNumber } from './heading-number.js';
import type { SourceBlock, SourceSpan } from './types.js';

// A thesis's own table of contents names its headings, numbered or not. Text extracted from a PDF
// loses the type size that marks them, so the body's headings are found again by the titles the
// table of contents gives; the table's own lines are not headings of the body.

/** One line of a table of contents: its section number (if any), title and level. */
export interface ContentsEntry {
  number?: string;
  title: string;
  level: number;
}

// "2.1 Valg av metode ........ 7", "1. Innledning………6", "i Forord……2", "1.0 Theory 4",
// "Appendix I: Consent form 61", "3.1\tStudy design\t17".
const contentsLine =
  /^\s*(?:([ivxlc]{1,5})\s+|(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+)?(\S.{0,150}?)(\s*(?:[.…·_]\s*){2,}\s*|\t+|\s+)(\d{1,3}|[ivxlc]{1,5})\s*$/u;
// Leaders: dots, ellipses or a tab between the title and its page.
const leaders = /(?:[.…·_]\s*){2,}|\t/u;
// Headings that open a table of contents.
const contentsHeading = /^\s*(?:innholdsfortegnelse|innhold|contents|table of contents)\s*:?\s*$/iu;

interface ContentsLine {
  entry: ContentsEntry;
  page: number | null;
  leaders: boolean;
}

function parseContentsLine(text: string): ContentsLine | null {
  if (text.length > 240 || !endsLikePage(text)) return null;
  const match = contentsLine.exec(text);
  if (!match) return null;
  const title = (match[3] as string).trim();
  // A title has letters and does not end like a sentence; a page is a number (or roman).
  if (!/\p{L}{2}/u.test(title) || /[,;]$/u.test(title)) return null;
  const pageText = match[5] as string;
  const page = /^\d+$/u.test(pageText) ? Number(pageText) : null;
  const number = match[2];
  const entry: ContentsEntry = {
    title: title.replace(/[:.]$/u, '').trim(),
    level: number ? levelOfNumber(number) : 1,
  };
  if (number) entry.number = number;
  return { entry, page, leaders: leaders.test(match[4] as string) };
}

/**
 * Whether a line ends as `contentsLine` requires, in a digit or a roman numeral's letter before any
 * white space: most lines do not, and the pattern is slow to fail on them.
 */
function endsLikePage(text: string): boolean {
  const trimmed = text.trimEnd();
  const last = trimmed.charCodeAt(trimmed.length - 1);
  return (last >= 48 && last <= 57) || 'ivxlc'.includes(trimmed[trimmed.length - 1] ?? '-');
}

interface SpanPlace {
  block: number;
  span: number;
}

/**
 * Finds the table of contents among the lines (spans) of the blocks: a run of at least three
 * lines shaped "title … page", with leaders or section numbers, whose pages do not go back.
 */
function findContents(
  blocks: readonly SourceBlock[],
): { places: SpanPlace[]; entries: ContentsEntry[] } | null {
  const places: SpanPlace[] = [];
  blocks.forEach((block, blockIndex) => {
    block.spans.forEach((_, spanIndex) => {
      places.push({ block: blockIndex, span: spanIndex });
    });
  });
  const textAt = (place: SpanPlace) =>
    ((blocks[place.block] as SourceBlock).spans[place.span] as SourceSpan).text;
  let best: { from: number; lines: ContentsLine[]; to: number } | null = null;
  for (let from = 0; from < places.length; from++) {
    const first = parseContentsLine(textAt(places[from] as SpanPlace));
    if (!first) continue;
    const lines = [first];
    let to = from + 1;
    let lastPage = first.page ?? 0;
    while (to < places.length) {
      const line = parseContentsLine(textAt(places[to] as SpanPlace));
      if (!line || (line.page !== null && line.page < lastPage)) break;
      lastPage = line.page ?? lastPage;
      lines.push(line);
      to++;
    }
    const withLeaders = lines.filter((line) => line.leaders).length;
    const numbered = lines.filter((line) => line.entry.number !== undefined).length;
    const headed = from > 0 && contentsHeading.test(textAt(places[from - 1] as SpanPlace));
    const accepted =
      lines.length >= 3 &&
      (withLeaders * 2 >= lines.length ||
        (numbered >= 3 && (headed || numbered * 2 >= lines.length)));
    if (accepted && (!best || lines.length > best.lines.length)) best = { from, lines, to };
    // A later start inside the same run finds a shorter run of the same lines.
    from = to - 1;
  }
  if (!best) return null;
  return {
    places: places.slice(best.from, best.to),
    entries: best.lines.map((line) => line.entry),
  };
}

/** A title as compared: lower case, without number, quotation marks, trailing colon or spacing. */
function comparable(text: string): string {
  return splitHeadingNumber(text.trim())
    .text.toLowerCase()
    .replace(/[“”"«»'’‘]/gu, '')
    .replace(/[:.]\s*$/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Uses the thesis's table of contents, when it has one: its lines become ordinary text (they are
 * not headings of the body); each later line that repeats a title of it, in order, becomes a
 * heading with that title's level (a number on the line before, as a chapter opening "2" over
 * "Teoretisk rammeverk", joins it); and a numbered heading at a level the table lists, whose
 * number and title the table does not have, is ordinary text (a numbered list: "1. Vil APD …").
 * Blocks of a document without a table of contents are returned as they are.
 */
export function applyTableOfContents(source: readonly SourceBlock[]): SourceBlock[] {
  const found = findContents(source);
  if (!found) return [...source];
  const blocks = splitAfterContents(source, found.places[found.places.length - 1] as SpanPlace);
  const contents = found;
  const { entries } = contents;
  const inContents = new Set(contents.places.map((place) => `${place.block}:${place.span}`));
  const lastPlace = contents.places[contents.places.length - 1] as SpanPlace;
  const numberedLevels = entries
    .filter((entry) => entry.number !== undefined)
    .map((entry) => entry.level);
  const deepestListed = numberedLevels.length > 0 ? Math.max(...numberedLevels) : 0;
  const titles = entries.map((entry) => comparable(entry.title));
  let pointer = 0;
  // The entry a line names, searched from the last one found on.
  const matchEntry = (text: string): number => {
    const label = splitHeadingNumber(text.trim());
    const title = comparable(text);
    if (title === '' || text.trim().length > 150) return -1;
    for (let at = pointer; at < entries.length; at++) {
      const entry = entries[at] as ContentsEntry;
      if (titles[at] !== title) continue;
      if (
        label.number !== undefined &&
        entry.number !== undefined &&
        !sameNumber(label.number, entry.number)
      )
        continue;
      return at;
    }
    return -1;
  };

  const result: SourceBlock[] = [];
  blocks.forEach((block, blockIndex) => {
    if (blockIndex <= lastPlace.block) {
      // The table itself, and what comes before it, stay as they are; its lines are text.
      const inTable = block.spans.some((_, spanIndex) =>
        inContents.has(`${blockIndex}:${spanIndex}`),
      );
      result.push(
        inTable && block.kind === 'heading' ? { kind: 'paragraph', spans: block.spans } : block,
      );
      return;
    }
    if (block.kind === 'heading') {
      const text = block.spans.map((span) => span.text).join(' ');
      const at = matchEntry(text);
      if (at >= 0) {
        pointer = at + 1;
        result.push(withLevel(block, entries[at] as ContentsEntry));
        return;
      }
      // A numbered "heading" at a level the table lists, whose number the table gives another
      // title or none, is text.
      const label = splitHeadingNumber(text);
      if (label.number !== undefined && levelOfNumber(label.number) <= deepestListed) {
        const listed = entries.find(
          (entry) => entry.number !== undefined && sameNumber(entry.number, label.number as string),
        );
        if (!listed || firstWord(listed.title) !== firstWord(label.text)) {
          result.push({ kind: 'paragraph', spans: block.spans });
          return;
        }
      }
      result.push(block);
      return;
    }
    // Split the block where a line names a heading of the table.
    let rest: SourceSpan[] = [];
    const flush = () => {
      if (rest.length > 0) result.push({ ...block, spans: rest });
      rest = [];
    };
    block.spans.forEach((span, spanIndex) => {
      const at = matchEntry(span.text);
      if (at < 0) {
        rest.push(span);
        return;
      }
      pointer = at + 1;
      const entry = entries[at] as ContentsEntry;
      // "2" alone on the line before the title: the chapter number set above it.
      const previous = rest[rest.length - 1] ?? (spanIndex === 0 ? lastSpanOf(result) : undefined);
      const numberAbove =
        entry.number !== undefined &&
        previous !== undefined &&
        /^\d+(?:\.\d+)*\.?$/u.test(previous.text.trim()) &&
        sameNumber(previous.text.trim(), entry.number);
      let spans: SourceSpan[] = [{ ...span, join: 'line' }];
      if (numberAbove && rest.length > 0) {
        spans = [rest.pop() as SourceSpan, ...spans];
      } else if (numberAbove && spanIndex === 0) {
        const taken = takeLastSpan(result);
        if (taken) spans = [taken, ...spans];
      }
      flush();
      result.push(withLevel({ kind: 'heading', spans }, entry));
    });
    flush();
  });
  return result;
}

/** Whether two section numbers are the same ("3", "3.", "3.0"). */
function sameNumber(a: string, b: string): boolean {
  const parts = (number: string) => {
    const list = number.replace(/\.$/u, '').split('.');
    while (list.length > 1 && /^0+$/u.test(list[list.length - 1] ?? '')) list.pop();
    return list.map(Number).join('.');
  };
  return parts(a) === parts(b);
}

/**
 * The block that holds the table's last line, split after it: the body may follow in the same
 * block (a page number between them kept the text reader from breaking the paragraph).
 */
function splitAfterContents(blocks: readonly SourceBlock[], last: SpanPlace): SourceBlock[] {
  const block = blocks[last.block] as SourceBlock;
  if (last.span + 1 >= block.spans.length) return [...blocks];
  return [
    ...blocks.slice(0, last.block),
    { ...block, spans: block.spans.slice(0, last.span + 1) },
    { kind: 'paragraph', spans: block.spans.slice(last.span + 1) },
    ...blocks.slice(last.block + 1),
  ];
}

function firstWord(text: string): string {
  return comparable(text).split(' ')[0] ?? '';
}

function withLevel(block: SourceBlock, entry: ContentsEntry): SourceBlock {
  return { kind: 'heading', spans: block.spans, level: entry.level };
}

function lastSpanOf(blocks: readonly SourceBlock[]): SourceSpan | undefined {
  const last = blocks[blocks.length - 1];
  return last && last.kind !== 'heading' ? last.spans[last.spans.length - 1] : undefined;
}

/** Removes the last span of the last block (dropping the block when it empties) and returns it. */
function takeLastSpan(blocks: SourceBlock[]): SourceSpan | undefined {
  const last = blocks[blocks.length - 1];
  if (!last || last.kind === 'heading') return undefined;
  const span = last.spans[last.spans.length - 1];
  const spans = last.spans.slice(0, -1);
  if (spans.length === 0) blocks.pop();
  else blocks[blocks.length - 1] = { ...last, spans };
  return span;
}
