/**
 * Layout analysis of plain text, especially text copied or extracted from a PDF: which lines are
 * page furniture (running headers, footers, page numbers), where pages break and which page
 * number each line is on, and whether the text is "double spaced" (every line followed by an
 * empty line, so that one empty line does not end a paragraph). See
 * docs/decisions/ingest-plain-text-layout.md for the evidence behind each rule.
 */

/** One physical line of the decoded file (a line may be split at a form feed). */
export interface TextLine {
  /** The line's text without its terminator or form feed. */
  text: string;
  /** 1-based line number in the decoded file. */
  line: number;
  /** 1-based column of `text[0]`. */
  column: number;
  /** A form feed (pdftotext's page break) comes right before this line. */
  formFeed: boolean;
}

export interface TextLayout {
  lines: TextLine[];
  /** Whether each content line is followed by exactly one empty line. */
  doubleSpaced: boolean;
  /**
   * Whether each line is a whole paragraph (text saved from Word: lines far longer than a printed
   * line), so that every line break ends a paragraph.
   */
  paragraphPerLine: boolean;
  /** Indexes (into `lines`) of page header/footer and page-number lines. */
  furniture: Set<number>;
  /** Page number per line index, where known with confidence. */
  pages: (number | undefined)[];
  /** How pages were found, for the notes: 'form-feed', 'page-breaks', 'page-number-lines' or none. */
  pageSource: 'form-feed' | 'page-breaks' | 'page-number-lines' | undefined;
  /** Indexes of lines that begin a new page. */
  pageStarts: number[];
}

/** Splits decoded text into lines (LF, CRLF or CR), and at form feeds. */
export function splitTextLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  const raw = text.split(/\r\n|\r|\n/u);
  raw.forEach((content, index) => {
    let column = 1;
    let rest = content;
    let formFeed = false;
    for (;;) {
      const at = rest.indexOf('\f');
      if (at < 0) break;
      if (at > 0 || lines.length > 0) {
        // Text before the form feed stays on the old page.
        if (rest.slice(0, at).trim() !== '')
          lines.push({ text: rest.slice(0, at), line: index + 1, column, formFeed });
        formFeed = true;
      }
      column += at + 1;
      rest = rest.slice(at + 1);
    }
    lines.push({ text: rest, line: index + 1, column, formFeed });
  });
  return lines;
}

const pageNumberLine =
  /^\s*(?:[-–]\s*)?(?:(?:side|page)\s*)?(\d{1,3})(?:\s*(?:av|of|\/)\s*\d{1,3})?(?:\s*[-–])?\s*$/iu;
const furnitureLabel =
  /^\s*(?:kandidat(?:nummer|nr\.?)|candidate (?:number|no\.?)|studentnummer|student number|emnekode|course code)\b/iu;

// Lower-case roman page numbers of the front matter ("ii", "xiv"); not single letters and not
// "vi", which are words ("i", "vi" = in, we) that may stand alone on a wrapped line.
const romanPageNumber = /^\s*(?!vi\s*$)(?=[ivxl]{2})x{0,3}(?:ix|iv|v?i{0,3})\s*$/u;

/** The page number a line shows when it is only a page number ("27", "Side 3 av 40", "- 4 -"). */
export function pageNumberOf(text: string): number | undefined {
  const match = pageNumberLine.exec(text);
  return match?.[1] ? Number(match[1]) : undefined;
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** Analyses the layout of decoded plain text. */
export function analyseTextLayout(text: string): TextLayout {
  const lines = splitTextLines(text);
  const content: number[] = [];
  lines.forEach((line, index) => {
    if (!isBlank(line.text)) content.push(index);
  });
  const doubleSpaced = isDoubleSpaced(lines, content);
  const paragraphPerLine = !doubleSpaced && isParagraphPerLine(lines, content);
  const chain = findPageNumberChain(lines, content);
  const furniture = findFurniture(lines, content, chain);
  if (chain) {
    const { pageStarts, pages } = pagesOfChain(lines, content, furniture, chain);
    return {
      lines,
      doubleSpaced,
      paragraphPerLine,
      furniture,
      pages,
      pageSource: 'page-number-lines',
      pageStarts,
    };
  }
  const { pageStarts, anchors, source } = findPageStarts(lines, content, furniture, doubleSpaced);
  const pages = numberPages(lines.length, pageStarts, anchors, source);
  return {
    lines,
    doubleSpaced,
    paragraphPerLine,
    furniture,
    pages,
    pageSource: pages.some((page) => page !== undefined) ? source : undefined,
    pageStarts,
  };
}

/** Empty lines between content line `a` and the next content line `b` (indexes into `lines`). */
function gapBetween(a: number, b: number): number {
  return b - a - 1;
}

/**
 * Double spacing: most lines are followed by exactly one empty line, a line directly followed by
 * another is rare, and the lines are wrapped prose (short, mostly ending mid-sentence). The last
 * test keeps apart a text with one long line per paragraph and empty lines between paragraphs.
 */
function isDoubleSpaced(lines: readonly TextLine[], content: readonly number[]): boolean {
  if (content.length < 6) return false;
  let single = 0;
  let direct = 0;
  let sentenceEnds = 0;
  const lengths: number[] = [];
  for (let index = 1; index < content.length; index++) {
    const a = content[index - 1] as number;
    const b = content[index] as number;
    const gap = gapBetween(a, b);
    if (gap === 0) direct++;
    if (gap === 1 && (lines[a + 1]?.text ?? '') === '') {
      single++;
      const text = (lines[a] as TextLine).text.trimEnd();
      lengths.push(text.length);
      if (/[.!?:»”")]$/u.test(text)) sentenceEnds++;
    }
  }
  if (single < (content.length - 1) * 0.4 || single < direct * 2) return false;
  lengths.sort((x, y) => x - y);
  const median = lengths[lengths.length >> 1] ?? 0;
  return median <= 150 && sentenceEnds < single * 0.5;
}

/** Lines of wrapped prose are at most about 120 characters; paragraphs saved one a line are longer. */
function isParagraphPerLine(lines: readonly TextLine[], content: readonly number[]): boolean {
  const long = content.filter(
    (index) => (lines[index] as TextLine).text.trim().length > 160,
  ).length;
  return content.length > 0 && long >= content.length * 0.5;
}

/**
 * The page numbers of text extracted from a PDF without its form feeds: the lines that hold only a
 * number and count up page by page (2, 3, 4 … at page-like distances), wherever they stand — right
 * under the last line of a page as often as between empty lines. A number that does not fit the
 * count (a table cell "1", a chapter number "2" above its title) is text. Undefined when no such
 * count of at least three pages, a page-like distance apart, is found.
 */
export interface PageNumberChain {
  /** Indexes into `lines`, in order. */
  members: number[];
  /** The number each member shows. */
  numbers: number[];
  /** Whether the numbers head their page (else they close it, as Word's default footer does). */
  header: boolean;
}

// A page holds at least this many lines of text; pages with only a figure may hold fewer, so a
// chain is accepted on its typical (median) distance, and single steps need only this minimum.
const minimumStepLines = 2;
const typicalPageLines = 12;
const longestSkip = 3;

function findPageNumberChain(
  lines: readonly TextLine[],
  content: readonly number[],
): PageNumberChain | undefined {
  if (lines.some((line, index) => line.formFeed && index > 0)) return undefined;
  const candidates: Array<{ position: number; index: number; number: number }> = [];
  content.forEach((index, position) => {
    const number = pageNumberOf((lines[index] as TextLine).text);
    if (number !== undefined) candidates.push({ position, index, number });
  });
  if (candidates.length < 3) return undefined;
  // Longest chain by dynamic programming: each step counts up by 1 (or skips a few unnumbered
  // pages) and lies at least a couple of text lines further on per page counted.
  const length: number[] = candidates.map(() => 1);
  const previous: number[] = candidates.map(() => -1);
  for (let at = 0; at < candidates.length; at++) {
    const here = candidates[at] as (typeof candidates)[number];
    // The page number before lies among the last few hundred number lines (a table may hold many).
    for (let before = at - 1; before >= Math.max(0, at - 400); before--) {
      const there = candidates[before] as (typeof candidates)[number];
      const step = here.number - there.number;
      if (
        step < 1 ||
        step > longestSkip ||
        here.position - there.position < step * minimumStepLines
      )
        continue;
      // Prefer plain steps of one page; among equals, the nearer predecessor.
      const score = (length[before] as number) + 1;
      if (score > (length[at] as number)) {
        length[at] = score;
        previous[at] = before;
      }
    }
  }
  let best = 0;
  length.forEach((value, at) => {
    if (value > (length[best] as number)) best = at;
  });
  const chosen: number[] = [];
  for (let at = best; at >= 0; at = previous[at] as number) chosen.unshift(at);
  if (chosen.length < 3) return undefined;
  const members = chosen.map((at) => (candidates[at] as (typeof candidates)[number]).index);
  const positions = chosen.map((at) => (candidates[at] as (typeof candidates)[number]).position);
  const steps = positions
    .slice(1)
    .map((position, at) => position - (positions[at] as number))
    .sort((a, b) => a - b);
  if ((steps[steps.length >> 1] as number) < typicalPageLines) return undefined;
  // A footer follows the last line of its page and has the empty lines after it; a header the reverse.
  let headerVotes = 0;
  for (const index of members) {
    const before = index > 0 && isBlank((lines[index - 1] as TextLine).text);
    const after = index + 1 < lines.length && isBlank((lines[index + 1] as TextLine).text);
    if (before && !after) headerVotes++;
    else if (after && !before) headerVotes--;
  }
  return {
    members,
    numbers: chosen.map((at) => (candidates[at] as (typeof candidates)[number]).number),
    header: headerVotes > 0,
  };
}

/**
 * Pages from a page-number chain: a new page begins at the first text line after each number (a
 * footer) or at the number (a header); each page gets the number printed on it. Where numbers
 * were skipped (an unnumbered page lies between two numbers) the lines between get no page,
 * as do lines further than a long page away from the first or last number.
 */
function pagesOfChain(
  lines: readonly TextLine[],
  content: readonly number[],
  furniture: ReadonlySet<number>,
  chain: PageNumberChain,
): { pageStarts: number[]; pages: (number | undefined)[] } {
  const pages: (number | undefined)[] = new Array(lines.length).fill(undefined);
  const nextText = (index: number): number | undefined =>
    content.find((line) => line > index && !furniture.has(line));
  // Boundaries: the line index where each numbered page begins (header) or after which it ends (footer).
  const starts: number[] = [0];
  for (const member of chain.members) {
    const start = chain.header ? member : nextText(member);
    if (start !== undefined && start > (starts[starts.length - 1] as number)) starts.push(start);
  }
  const lengths = starts
    .slice(1)
    .map((start, at) => start - (starts[at] as number))
    .sort((a, b) => a - b);
  const longPage = (lengths[lengths.length >> 1] ?? 0) * 1.6;
  const { members, numbers } = chain;
  const fill = (from: number, to: number, page: number) => {
    for (let line = Math.max(0, from); line < Math.min(lines.length, to); line++)
      pages[line] = page;
  };
  for (let at = 0; at < members.length; at++) {
    const number = numbers[at] as number;
    const member = members[at] as number;
    if (chain.header) {
      const end = members[at + 1] ?? Math.min(lines.length, member + longPage);
      if (at + 1 >= members.length || (numbers[at + 1] as number) === number + 1)
        fill(member, end, number);
      if (at === 0) fill(member - longPage, member, number - 1 > 0 ? number - 1 : number);
    } else {
      const previousMember = members[at - 1];
      const start = previousMember === undefined ? member - longPage : previousMember + 1;
      if (previousMember === undefined || (numbers[at - 1] as number) === number - 1)
        fill(start, member + 1, number);
      if (at === members.length - 1) fill(member + 1, member + 1 + longPage, number + 1);
    }
  }
  return { pageStarts: starts, pages };
}

function findFurniture(
  lines: readonly TextLine[],
  content: readonly number[],
  chain?: PageNumberChain,
): Set<number> {
  const furniture = new Set<number>(chain?.members ?? []);
  // Running headers and footers repeat: the same short line three times or more (digits may
  // differ, as in "Side 3 av 40"), once a page. With form feeds the line must be at the top or
  // bottom of its page; without, its repetitions must be a page-like distance apart, so that a
  // value repeated in a table ("Kvalitativ studie" in an article matrix) stays text.
  const edges = pageEdges(lines, content, chain);
  const counts = new Map<string, number[]>();
  content.forEach((index, position) => {
    const text = (lines[index] as TextLine).text.trim();
    // A header is a label, not the end of a sentence ("respekt." may well end three paragraphs).
    if (text.length < 8 || text.length > 80 || !/\p{L}/u.test(text) || /[.!?,;]$/u.test(text))
      return;
    if (edges && !edges.has(index)) return;
    const key = text.replace(/\d+/gu, '#');
    const list = counts.get(key) ?? [];
    list.push(position);
    counts.set(key, list);
  });
  for (const positions of counts.values()) {
    if (positions.length < 3) continue;
    const spread =
      edges !== undefined ||
      positions.every((position, at) => at === 0 || position - (positions[at - 1] as number) >= 15);
    if (spread) for (const position of positions) furniture.add(content[position] as number);
  }
  for (let position = 0; position < content.length; position++) {
    const index = content[position] as number;
    const text = (lines[index] as TextLine).text;
    if (furnitureLabel.test(text) && text.trim().length <= 80) furniture.add(index);
    // Front matter is often numbered in roman numerals: furniture too, but no anchor for pages.
    if (pageNumberOf(text) === undefined && !romanPageNumber.test(text)) continue;
    // With a chain of page numbers, a number outside it is text (a table cell, a chapter number).
    if (chain && pageNumberOf(text) !== undefined) continue;
    // With form feeds, a number among the first or last lines of its page is its page number.
    if (edges?.has(index) && pageNumberOf(text) !== undefined) {
      furniture.add(index);
      continue;
    }
    // A page number stands alone: with empty lines on both sides in ordinary text, or at a
    // page break; in double-spaced text every line has empty lines around it, so a line holding
    // only a number (no sentence ends that way) is furniture.
    const before = content[position - 1];
    const after = content[position + 1];
    const aloneBefore =
      before === undefined || gapBetween(before, index) > 0 || (lines[index] as TextLine).formFeed;
    const aloneAfter =
      after === undefined || gapBetween(index, after) > 0 || (lines[after] as TextLine).formFeed;
    if (aloneBefore && aloneAfter) furniture.add(index);
  }
  return furniture;
}

/**
 * With form feeds or a chain of page numbers: the first and last three content lines of every
 * page (page numbers not counted); otherwise undefined.
 */
function pageEdges(
  lines: readonly TextLine[],
  content: readonly number[],
  chain?: PageNumberChain,
): Set<number> | undefined {
  const hasFormFeeds = lines.some((line, index) => line.formFeed && index > 0);
  if (!hasFormFeeds && !chain) return undefined;
  const numbers = new Set(chain?.members ?? []);
  const edges = new Set<number>();
  let page: number[] = [];
  let withNumbers: number[] = [];
  const close = (): void => {
    // A running header or footer may take up to three lines ("Masteroppgave", the school, the
    // candidate number); page numbers do not count among them, but are at an edge themselves.
    for (const index of [...page.slice(0, 3), ...page.slice(-3)]) edges.add(index);
    for (const index of [...withNumbers.slice(0, 4), ...withNumbers.slice(-4)]) {
      if (pageNumberOf((lines[index] as TextLine).text) !== undefined) edges.add(index);
    }
    page = [];
    withNumbers = [];
  };
  for (const index of content) {
    if (numbers.has(index)) {
      close();
      continue;
    }
    if ((lines[index] as TextLine).formFeed) close();
    withNumbers.push(index);
    if (pageNumberOf((lines[index] as TextLine).text) !== undefined) continue;
    page.push(index);
  }
  close();
  return edges;
}

interface PageAnchor {
  /** Index into the page list. */
  page: number;
  number: number;
}

function findPageStarts(
  lines: readonly TextLine[],
  content: readonly number[],
  furniture: ReadonlySet<number>,
  doubleSpaced: boolean,
): { pageStarts: number[]; anchors: PageAnchor[]; source: TextLayout['pageSource'] } {
  const pageStarts = [0];
  const anchorLines: Array<{ line: number; number: number }> = [];
  const hasFormFeeds = lines.some((line, index) => line.formFeed && index > 0);
  if (hasFormFeeds) {
    lines.forEach((line, index) => {
      if (line.formFeed && index > 0) pageStarts.push(index);
    });
    return { pageStarts, anchors: [], source: 'form-feed' };
  }
  // For each content line, the next content line that is not furniture.
  const nextText: (number | undefined)[] = new Array(content.length).fill(undefined);
  for (let position = content.length - 2; position >= 0; position--) {
    const following = content[position + 1] as number;
    nextText[position] = furniture.has(following) ? nextText[position + 1] : following;
  }
  for (let position = 0; position < content.length; position++) {
    const index = content[position] as number;
    const previous = content[position - 1];
    if (furniture.has(index)) {
      const number = pageNumberOf((lines[index] as TextLine).text);
      if (number !== undefined) anchorLines.push({ line: index, number });
      // A footer cluster ends its page: the next content line that is not furniture starts one.
      const next = nextText[position];
      if (next !== undefined && pageStarts[pageStarts.length - 1] !== next) pageStarts.push(next);
      continue;
    }
    // In double-spaced PDF text, the line that ends a page is not followed by its empty line.
    if (
      doubleSpaced &&
      previous !== undefined &&
      !furniture.has(previous) &&
      gapBetween(previous, index) === 0
    ) {
      if (pageStarts[pageStarts.length - 1] !== index) pageStarts.push(index);
    }
  }
  pageStarts.sort((a, b) => a - b);
  const unique = pageStarts.filter((start, at) => at === 0 || start !== pageStarts[at - 1]);
  const anchors = anchorLines.map(({ line, number }) => ({
    page: pageIndexOf(unique, line),
    number,
  }));
  const source: TextLayout['pageSource'] =
    doubleSpaced && unique.length > 1 ? 'page-breaks' : 'page-number-lines';
  return { pageStarts: unique, anchors, source };
}

function pageIndexOf(pageStarts: readonly number[], line: number): number {
  let low = 0;
  let high = pageStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((pageStarts[middle] as number) <= line) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Gives each line its page number. Form feeds number pages from 1. Otherwise page numbers come
 * only from page-number lines: all of them must agree on the offset between page index and number,
 * and numbering stops at a page much longer than the others (a page break was probably missed).
 */
function numberPages(
  lineCount: number,
  pageStarts: readonly number[],
  anchors: readonly PageAnchor[],
  source: TextLayout['pageSource'],
): (number | undefined)[] {
  const pages: (number | undefined)[] = new Array(lineCount).fill(undefined);
  const numbers: (number | undefined)[] = new Array(pageStarts.length).fill(undefined);
  if (source === 'form-feed') {
    numbers.forEach((_, index) => {
      numbers[index] = index + 1;
    });
  } else {
    const first = anchors[0];
    // One page-number line fixes the numbering only when the page breaks are known; otherwise it
    // takes two or more that agree.
    if (source === 'page-number-lines' && anchors.length < 2) return pages;
    if (
      !first ||
      anchors.some((anchor) => anchor.number - anchor.page !== first.number - first.page)
    )
      return pages;
    const offset = first.number - first.page;
    const lengths = pageStarts.map((start, index) => (pageStarts[index + 1] ?? lineCount) - start);
    // The first and last pages are often partial; the others show how long a page is.
    const inner = lengths.slice(1, -1).sort((a, b) => a - b);
    const median =
      inner.length > 0 ? (inner[inner.length >> 1] as number) : Number.POSITIVE_INFINITY;
    const limit = median * 1.6;
    const anchorPages = new Set(anchors.map((anchor) => anchor.page));
    // A page with an anchor is known; pages further away are known while no page on the way is
    // suspiciously long.
    const low = Math.min(...anchorPages);
    const high = Math.max(...anchorPages);
    for (let page = low; page <= high; page++) numbers[page] = page + offset;
    // Counting pages away from an anchor is only safe while no page on the way is much longer
    // than the others: such a page probably hides a page break that was not found.
    for (let page = high + 1; page < pageStarts.length; page++) {
      if ((lengths[page] as number) > limit) break;
      numbers[page] = page + offset;
    }
    for (let page = low - 1; page >= 0; page--) {
      if ((lengths[page] as number) > limit) break;
      numbers[page] = page + offset;
    }
    // Page numbers below 1 mean the anchor was misread.
    if (numbers.some((number) => number !== undefined && number < 1)) return pages;
  }
  pageStarts.forEach((start, index) => {
    const end = pageStarts[index + 1] ?? lineCount;
    for (let line = start; line < end; line++) pages[line] = numbers[index];
  });
  return pages;
}
