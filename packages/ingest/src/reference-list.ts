import { entryOpening, parseReferenceEntry, yearGroup } from './reference-entry.js';
import type { Block, Heading, ReferenceListEntry, ReferenceListSection } from './types.js';

export { parseReferenceEntry } from './reference-entry.js';

/** Headings that open a reference list, compared in lower case without number or colon. */
export const referenceListHeadings: readonly string[] = [
  'litteraturliste',
  'litteratur',
  'referanser',
  'referanseliste',
  'kildeliste',
  'kilder',
  'references',
  'reference list',
  'bibliography',
  'works cited',
];

/** Whether a heading's text names a reference list ("Litteraturliste", "7.0 Referanser:"). */
export function isReferenceListHeading(text: string): boolean {
  const bare = text
    .trim()
    .replace(/^\d+(?:\.\d+)*\.?\s+/u, '')
    .replace(/[:.]\s*$/u, '')
    .trim()
    .toLowerCase();
  return referenceListHeadings.includes(bare);
}

// What follows a reference list: appendices and lists of tables or figures ("Vedlegg 2: Intervjuguide",
// "Appendiks A: Faktoranalyse", "9.0 Appendices", "Tabelloversikt").
const backMatter =
  /^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:vedlegg(?:sliste)?|bilag|appendiks|appediks|appendix|appendices|attachments?|tabelloversikt|figuroversikt|tabelliste|figurliste|oversikt over (?:tabeller|figurer|vedlegg)|list of (?:tables|figures|appendices))(?=$|[\s:.,–-])/iu;

/**
 * Whether a short line opens back matter that ends a reference list: an appendix ("Vedlegg 1:
 * Intervjuguide", "Appendix II", "Bilag"), a list of tables or figures ("Tabelloversikt").
 */
export function isBackMatterHeading(text: string): boolean {
  const line = text.trim();
  return line.length <= 120 && backMatter.test(line) && !yearGroup.test(line);
}

interface ReferenceListInput {
  text: string;
  blocks: readonly Block[];
  headings: readonly Heading[];
  /** Offsets in `text` where a new source line begins inside a block. */
  lineStarts: readonly number[];
}

/** A source line of the list: [start, end) in `text`, and whether it begins its block. */
interface ListLine {
  start: number;
  end: number;
  blockStart: boolean;
  /** A heading inside the list (a subsection such as "Lover og forskrifter"). */
  heading: boolean;
}

interface Segment {
  start: number;
  end: number;
  /**
   * Where a block was added to the entry after it had ended like a finished entry: the rest of
   * an entry moved by a page break, or — after the last entry — the first text that follows the
   * list (an appendix whose heading was not found).
   */
  addedAfterEnd?: number;
}

/**
 * Finds the manuscript's own reference list: the last heading that names one (before the
 * appendices, which may hold lists of their own), up to the next
 * heading of the same or a higher level, an appendix or a list of tables (as a heading or as a
 * line), or the point where the lines stop looking like entries. Entries are told apart by their
 * shape (an author list or corporate author, then the year), not by line ends, so an entry that
 * wraps, lacks its final period or runs over a page break stays one entry. Stretches inside the
 * list that are no entry are left out of `entries` and listed in `unread`.
 */
export function findReferenceList(input: ReferenceListInput): ReferenceListSection | null {
  const { text, headings } = input;
  const headingText = (heading: Heading) => text.slice(heading.start, heading.end);
  // The thesis's list is the last one before its appendices: an article or a form in an
  // appendix may have a list of its own.
  const firstList = headings.findIndex((heading) => isReferenceListHeading(headingText(heading)));
  if (firstList < 0) return null;
  const appendices = headings.findIndex(
    (heading, at) => at > firstList && isBackMatterHeading(headingText(heading)),
  );
  let index = -1;
  for (let at = (appendices < 0 ? headings.length : appendices) - 1; at >= firstList; at--) {
    if (isReferenceListHeading(headingText(headings[at] as Heading))) {
      index = at;
      break;
    }
  }
  if (index < 0) return null;
  const heading = headings[index] as Heading;
  const next = headings
    .slice(index + 1)
    .find(
      (candidate) =>
        candidate.level <= heading.level ||
        isBackMatterHeading(text.slice(candidate.start, candidate.end)),
    );
  const lines = listLines(input, heading.end, next ? next.start : text.length);
  // A line that opens an appendix ends the list even when nothing made it a heading.
  const backMatterLine = lines.findIndex((line) =>
    isBackMatterHeading(text.slice(line.start, line.end)),
  );
  const listed = backMatterLine < 0 ? lines : lines.slice(0, backMatterLine);
  const segments = segmentEntries(text, listed.slice(0, endOfEntryLines(text, listed)));
  const readable = segments.map((segment) =>
    looksLikeEntry(text.slice(segment.start, segment.end)),
  );
  const last = lastEntryIndex(readable);
  const entries: ReferenceListEntry[] = [];
  const unread: Segment[] = [];
  segments.slice(0, last + 1).forEach((segment, at) => {
    if (!readable[at]) {
      unread.push(segment);
      return;
    }
    // An entry over two blocks (a page break) reads as one line: its raw text has single spaces.
    const raw = text.slice(segment.start, segment.end).replace(/\s+/gu, ' ');
    entries.push({ ...parseReferenceEntry(raw, segment.start), end: segment.end });
  });
  // What was added to the last entry after it had ended is what follows the list.
  const final = last >= 0 ? (segments[last] as Segment) : undefined;
  if (final?.addedAfterEnd !== undefined && entries.length > 0) {
    final.end = final.addedAfterEnd;
    const raw = text.slice(final.start, final.end).replace(/\s+/gu, ' ');
    entries[entries.length - 1] = { ...parseReferenceEntry(raw, final.start), end: final.end };
  }
  const end = final ? final.end : heading.end;
  return { heading, start: heading.start, end, entries, unread };
}

/** The source lines of the blocks between two offsets, blocks split where a source line begins. */
function listLines(input: ReferenceListInput, from: number, to: number): ListLine[] {
  const { text, blocks, lineStarts } = input;
  const lines: ListLine[] = [];
  let cursor = lowerBound(lineStarts, from);
  for (const block of blocks) {
    if (block.start < from || block.end > to) continue;
    const starts = [block.start];
    while (cursor < lineStarts.length && (lineStarts[cursor] as number) < block.end) {
      const start = lineStarts[cursor] as number;
      if (start > block.start) starts.push(start);
      cursor++;
    }
    starts.forEach((start, at) => {
      let end = starts[at + 1] ?? block.end;
      while (end > start && /\s/u.test(text[end - 1] as string)) end--;
      if (end > start)
        lines.push({ start, end, blockStart: at === 0, heading: block.kind === 'heading' });
    });
  }
  return lines;
}

function lowerBound(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Where the lines stop looking like a reference list: the first run of three short lines (under
 * half the list's usual line, and under 24 characters at least) after a finished entry, none of which opens an entry — table cells,
 * statistics output, a questionnaire. Entries wrap at the margin; only their last line is short,
 * and the line after it opens the next entry.
 */
function endOfEntryLines(text: string, lines: readonly ListLine[]): number {
  const lengths = lines.map((line) => line.end - line.start);
  const usual = [...lengths].sort((a, b) => a - b)[lengths.length >> 1] ?? 0;
  const limit = Math.max(usual / 2, 24);
  const short = (at: number): boolean =>
    (lengths[at] as number) < limit &&
    entryOpening(text.slice((lines[at] as ListLine).start, (lines[at] as ListLine).end)) === null;
  for (let at = 1; at + 2 < lines.length; at++) {
    if (!short(at) || !short(at + 1) || !short(at + 2)) continue;
    const before = lines[at - 1] as ListLine;
    if (finished.test(text.slice(before.start, before.end))) return at;
  }
  return lines.length;
}

/** An entry that ended like a sentence, not on an initial ("Gran, E. Bok uten årstall."). */
function endedWithoutYear(entry: string): boolean {
  return /[\p{Ll}\p{N})]{2}\.$/u.test(entry.trimEnd());
}

// An entry is finished when it ends with a period, a parenthesis or bracket, or a link.
const finished = /(?:[.)\]]|(?:https?:\/\/|www\.|doi:?\s?10\.)\S*|\S+\/\S*)$/iu;
// A line that leaves the author list or an editor phrase open: the next line continues it.
const leftOpen = /(?:[,&:]|\b(?:og|and|und|In|I|i))$/u;
// A line that can only continue the entry before it.
const continuation = /^(?:[\p{Ll}\p{N}([–-]|https?:|www\.|doi)/u;

/**
 * Splits the lines of a list into entries by their shape. Inside a block (lines the reader joined
 * into one paragraph) a line starts a new entry only when it opens like one — an author list with
 * its year, a corporate author with its year, a state report — after an entry that has its year;
 * an opening without a year in reach ("Nunnally, J. O. Psychometric theory.") needs the entry
 * before it finished. A new block starts a new entry unless it plainly continues the one before
 * (lower case, a year in parentheses, a link, after a line left open with "," or "&").
 */
function segmentEntries(text: string, lines: readonly ListLine[]): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | null = null;
  let previousLine = '';
  const regionEnd = lines.at(-1)?.end ?? 0;
  // Where the block of each line ends (the start of the next block's first line).
  const blockEnds: number[] = new Array(lines.length);
  for (let at = lines.length - 1, end = regionEnd; at >= 0; at--) {
    blockEnds[at] = end;
    if ((lines[at] as ListLine).blockStart) end = (lines[at] as ListLine).start;
  }
  lines.forEach((line, at) => {
    if (line.heading) {
      if (current) segments.push(current);
      current = null;
      previousLine = '';
      return;
    }
    const lineText = text.slice(line.start, line.end);
    if (!current) {
      current = { start: line.start, end: line.end };
      previousLine = lineText;
      return;
    }
    // The year stands near the start of an entry, and how it ends is in its last characters:
    // looking at those only keeps a list of any length linear.
    const hasYear =
      parseReferenceEntry(text.slice(current.start, Math.min(current.end, current.start + 800)))
        .year !== null;
    const entryText = text.slice(Math.max(current.start, current.end - 300), current.end);
    const complete = hasYear && finished.test(entryText);
    const open = leftOpen.test(previousLine.trimEnd());
    const opening = entryOpening(text.slice(line.start, Math.min(regionEnd, line.start + 600)));
    let starts: boolean;
    if (open) starts = false;
    // After an entry without a year that ended like a sentence ("Gran, E. Bok uten årstall.").
    else if (opening === 'author-year' || opening === 'report')
      starts = hasYear || line.blockStart || endedWithoutYear(entryText);
    // A corporate author is short: its year stands on the same line.
    else if (opening === 'corporate-year')
      starts =
        line.blockStart ||
        (hasYear && yearGroup.test(lineText) && (complete || /[.?!]\s*\(/u.test(lineText)));
    else if (opening === 'author')
      starts = complete || (line.blockStart && finished.test(entryText));
    // A block that does not open like an entry begins one only when the entry before is
    // finished and it has a year of its own; otherwise it is the rest of that entry, moved to a
    // block of its own by a page break or a line that ended short.
    else
      starts =
        line.blockStart &&
        !continuation.test(lineText) &&
        finished.test(entryText) &&
        /\b(?:1[5-9]|20)\d\d\b/u.test(
          text.slice(line.start, Math.min(blockEnds[at] as number, line.start + 2000)),
        );
    if (starts) {
      segments.push(current);
      current = { start: line.start, end: line.end };
    } else {
      if (line.blockStart && complete && current.addedAfterEnd === undefined)
        current.addedAfterEnd = current.end;
      current.end = line.end;
    }
    previousLine = lineText;
  });
  if (current) segments.push(current);
  return segments;
}

/**
 * Whether a stretch of the list reads as an entry: it opens like one, or has a year in
 * parentheses near its start. Table rows, statistics output, lone labels and prose (an appendix
 * whose heading was not found) are not: an entry without author or year is rarer than any of them.
 */
function looksLikeEntry(raw: string): boolean {
  const text = raw.trim();
  if (entryOpening(text) !== null) return true;
  const year = yearGroup.exec(text);
  return year !== null && year.index < 300 && /^[\s.]*[\p{Lu}\p{N}"“«'‘]/u.test(text);
}

/**
 * The last stretch that belongs to the list: after it, nothing reads as an entry, or what does is
 * a stray few among many lines that do not (an appendix without a heading).
 */
function lastEntryIndex(readable: readonly boolean[]): number {
  let good = 0;
  let total = 0;
  const after: Array<{ good: number; total: number }> = new Array(readable.length);
  for (let at = readable.length - 1; at >= 0; at--) {
    after[at] = { good, total };
    total++;
    if (readable[at]) good++;
  }
  for (let at = 0; at < readable.length; at++) {
    if (!readable[at]) continue;
    const rest = after[at] as { good: number; total: number };
    if (rest.good === 0 || (rest.total - rest.good >= 3 && rest.good * 3 < rest.total)) return at;
  }
  return -1;
}
