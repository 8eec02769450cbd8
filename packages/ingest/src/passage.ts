import type { Block, Manuscript } from './types.js';

// What a reader of a .docx or .pdf needs to find a finding in the document as they see it: the
// sentence it is in, and where that sentence is (the page of a PDF; the paragraph and the heading
// above it in a Word document). A line and column of a PDF's text or a Word paragraph number
// alone are not something a supervisor can look up.

/** Where a passage stands in the document as given. */
export interface PassagePlace {
  /** The line and column `locate` gives (for a .docx: the paragraph number and the character in it). */
  line: number;
  column: number;
  /** The page, when the document's pages are known (always for a PDF). */
  page?: number;
  /** The nearest heading above, as written, with its number ("2.1 Metode"). */
  heading?: string;
}

/** The sentence around a place of the manuscript, as it is quoted under a finding. */
export interface Passage {
  /** The sentence: white space trimmed, shortened around the marked text with "…" when long. */
  text: string;
  /** The marked text (the citation) in `text`: [start, end); start === end when nothing is marked. */
  mark: { start: number; end: number };
  place: PassagePlace;
}

/** Options of `passageAt`. */
export interface PassageOptions {
  /** Longest quoted passage, in characters (default 120); a longer sentence is cut around the mark. */
  maxLength?: number;
}

/**
 * The sentence that holds `[start, end)` of `manuscript.text` (a citation), the citation marked in
 * it, and where a reader finds it. The sentence never runs past the block (paragraph) it is in; a
 * sentence longer than `maxLength` keeps the marked text and the words nearest to it, with "…" where
 * it is cut.
 */
export function passageAt(
  manuscript: Manuscript,
  start: number,
  end: number = start,
  options: PassageOptions = {},
): Passage {
  const text = manuscript.text;
  const from = clamp(start, 0, text.length);
  const to = clamp(Math.max(end, from), from, text.length);
  const block = blockAt(manuscript.blocks, from) ?? { start: 0, end: text.length };
  const sentence = sentenceAround(text, block.start, block.end, from, to);
  const quoted = shorten(text, sentence, from, to, options.maxLength ?? 120);
  const located = manuscript.locate(from);
  const heading = manuscript.sectionAt(from);
  const place: PassagePlace = { line: located.line, column: located.column };
  if (located.page !== undefined) place.page = located.page;
  if (heading) place.heading = heading.number ? `${heading.number} ${heading.text}` : heading.text;
  return { ...quoted, place };
}

/**
 * The sentence of one paragraph's text that holds `[start, end)`, quoted as `passageAt` quotes it
 * (trimmed, shortened around the mark with "…"), for callers that hold a paragraph's text but not
 * the manuscript (the report).
 */
export function sentenceOfText(
  text: string,
  start: number,
  end: number = start,
  options: PassageOptions = {},
): Pick<Passage, 'text' | 'mark'> {
  const from = clamp(start, 0, text.length);
  const to = clamp(Math.max(end, from), from, text.length);
  const sentence = sentenceAround(text, 0, text.length, from, to);
  return shorten(text, sentence, from, to, options.maxLength ?? 120);
}

/**
 * The passage of a finding that has only its place and the text it is about (a Diagnostic's
 * `line`, `column` and `raw`): the raw text is marked where it stands at or after that place in
 * its paragraph; undefined when the place is not in the manuscript's text.
 */
export function passageAtPlace(
  manuscript: Manuscript,
  place: { line: number; column: number; raw?: string | undefined },
  options: PassageOptions = {},
): Passage | undefined {
  const start = offsetAtPlace(manuscript, place.line, place.column);
  if (start === undefined) return undefined;
  const raw = place.raw ?? '';
  const at = raw === '' ? undefined : rawNear(manuscript, raw, start);
  return at === undefined
    ? passageAt(manuscript, start, start, options)
    : passageAt(manuscript, at, at + raw.length, options);
}

/**
 * Where the raw text of a finding stands in the block of its place: the occurrence that holds the
 * place (a rule may point into a citation, at its locator), else the first one after it (a
 * quotation's finding points at the quotation, its raw text is the citation after it).
 */
function rawNear(manuscript: Manuscript, raw: string, offset: number): number | undefined {
  const block = blockAt(manuscript.blocks, offset) ?? { start: 0, end: manuscript.text.length };
  const text = manuscript.text.slice(block.start, block.end);
  let after: number | undefined;
  for (let index = text.indexOf(raw); index >= 0; index = text.indexOf(raw, index + 1)) {
    const at = block.start + index;
    if (at <= offset && offset < at + raw.length) return at;
    if (at > offset) {
      after = at;
      break;
    }
  }
  return after;
}

/**
 * The offset of `manuscript.text` that `locate` maps to `line` and `column` (the first such offset),
 * or undefined when no offset maps there: how a finding that only has its place (a Diagnostic)
 * is found in the text again.
 */
export function offsetAtPlace(
  manuscript: Manuscript,
  line: number,
  column: number,
): number | undefined {
  let closest: number | undefined;
  for (const block of blockLines(manuscript)) {
    if (line < block.firstLine || line > block.lastLine) continue;
    for (let offset = block.start; offset < block.end; offset++) {
      const place = manuscript.locate(offset);
      if (place.line !== line) continue;
      if (place.column === column) return offset;
      // Normalisation may have dropped the very character (a soft hyphen): the nearest before it.
      if (place.column < column) closest = offset;
    }
    if (closest !== undefined) return closest;
  }
  return closest;
}

const blockLinesCache = new WeakMap<
  Manuscript,
  Array<{ start: number; end: number; firstLine: number; lastLine: number }>
>();

/** Each block with the lowest and highest line its characters map to (computed once per manuscript). */
function blockLines(manuscript: Manuscript) {
  let lines = blockLinesCache.get(manuscript);
  if (lines) return lines;
  lines = manuscript.blocks.map((block) => {
    let firstLine = Number.POSITIVE_INFINITY;
    let lastLine = 0;
    // A block's lines run in order (a paragraph, or the lines of one in a PDF): its first and last
    // character bound them.
    for (const offset of [block.start, Math.max(block.start, block.end - 1)]) {
      const { line } = manuscript.locate(offset);
      firstLine = Math.min(firstLine, line);
      lastLine = Math.max(lastLine, line);
    }
    return { start: block.start, end: block.end, firstLine, lastLine };
  });
  blockLinesCache.set(manuscript, lines);
  return lines;
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(Number.isFinite(value) ? Math.floor(value) : low, high));
}

/**
 * The block that holds an offset (blocks are in text order and do not overlap); between two blocks
 * (the blank line that separates them), the block after it; past the last block, the last one.
 */
function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  let low = 0;
  let high = blocks.length;
  // The first block that ends after the offset.
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((blocks[middle] as Block).end <= offset) low = middle + 1;
    else high = middle;
  }
  return blocks[low] ?? blocks.at(-1);
}

/**
 * Words whose period does not end a sentence: the abbreviations of Norwegian and English academic
 * prose (compared in lower case, without their inner periods: "f.eks." is "feks").
 */
const abbreviations = new Set([
  'al',
  'bl',
  'bla',
  'ca',
  'cf',
  'dr',
  'dvs',
  'e',
  'ed',
  'eds',
  'eg',
  'eks',
  'etc',
  'ev',
  'evt',
  'f',
  'feks',
  'ff',
  'fig',
  'ibid',
  'ie',
  'ift',
  'iht',
  'inkl',
  'innst',
  'jf',
  'jfr',
  'kap',
  'kl',
  'meld',
  'mfl',
  'mht',
  'mm',
  'mtp',
  'mv',
  'no',
  'nr',
  'ofl',
  'ol',
  'osv',
  'ot',
  'otprp',
  'p',
  'pga',
  'pp',
  'prof',
  'prop',
  'red',
  's',
  'ss',
  'st',
  'tab',
  'vha',
  'vol',
  'vs',
]);

/**
 * Whether the period at `index` ends an abbreviation or an initial (then it ends no sentence): the
 * one test of the passages here and of the check's sentences.
 */
export function isAbbreviationPeriod(text: string, index: number): boolean {
  let wordStart = index;
  while (wordStart > 0 && /[\p{L}.]/u.test(text[wordStart - 1] as string)) wordStart--;
  const word = text.slice(wordStart, index).replace(/\./g, '');
  if (word === '') return false;
  // A single capital is an initial ("A. Berg"); a single small letter an abbreviation ("s.").
  if ([...word].length === 1) return true;
  return abbreviations.has(word.toLowerCase());
}

const closing = new Set([')', ']', '»', '”', '’', '"', "'"]);

/**
 * The sentence of `text` (inside the block [blockStart, blockEnd)) that holds [from, to): its
 * bounds run from after the last sentence end before `from` to the first sentence end at or after
 * `to`. A sentence ends at . ! ? or … (and the closing quotes or brackets after it) followed by
 * white space and a capital, a digit or an opening quote, outside brackets, and not
 * after an abbreviation or an initial.
 */
export function sentenceAround(
  text: string,
  blockStart: number,
  blockEnd: number,
  from: number,
  to: number,
): { start: number; end: number } {
  let start = blockStart;
  let end = blockEnd;
  let depth = 0;
  for (let index = blockStart; index < blockEnd; index++) {
    const char = text[index] as string;
    if (char === '(' || char === '[') depth++;
    else if ((char === ')' || char === ']') && depth > 0) depth--;
    if (depth > 0 || !'.!?…'.includes(char)) continue;
    if (char === '.' && isAbbreviationPeriod(text, index)) continue;
    let after = index + 1;
    while (after < blockEnd && closing.has(text[after] as string)) after++;
    if (after >= blockEnd || !/\s/u.test(text[after] as string)) continue;
    let next = after;
    while (next < blockEnd && /\s/u.test(text[next] as string)) next++;
    // A bracket after a sentence end is a citation of that sentence ("… får." (Skau, 2013)).
    if (next >= blockEnd || !/[\p{Lu}\p{N}«“"]/u.test(text[next] as string)) continue;
    // [after, next) is the space between two sentences.
    if (after <= from) start = next;
    else if (after >= to) {
      end = after;
      break;
    }
  }
  return { start, end };
}

/**
 * The sentence as quoted: trimmed, and when longer than `maxLength`, cut at word boundaries
 * around the mark (more context before it than after, where the claim a citation supports is).
 */
function shorten(
  text: string,
  sentence: { start: number; end: number },
  from: number,
  to: number,
  maxLength: number,
): Pick<Passage, 'text' | 'mark'> {
  let start = sentence.start;
  let end = sentence.end;
  while (start < from && /\s/u.test(text[start] as string)) start++;
  while (end > to && /\s/u.test(text[end - 1] as string)) end--;
  const markLength = to - from;
  if (end - start > maxLength) {
    const room = Math.max(0, maxLength - markLength);
    let before = Math.min(from - start, Math.ceil(room * 0.6));
    const after = Math.min(end - to, room - before);
    before = Math.min(from - start, room - after);
    let cutStart = from - before;
    let cutEnd = to + after;
    // Cut at word boundaries: whole words only.
    if (cutStart > start) {
      const space = text.slice(cutStart, from).search(/\s/u);
      cutStart = space < 0 ? from : cutStart + space + 1;
    }
    if (cutEnd < end) {
      const tail = text.slice(to, cutEnd);
      const space = tail.lastIndexOf(' ');
      cutEnd = space < 0 ? to : to + space;
    }
    const prefix = cutStart > start ? '… ' : '';
    const suffix = cutEnd < end ? ' …' : '';
    const markStart = prefix.length + (from - cutStart);
    return {
      text: `${prefix}${text.slice(cutStart, cutEnd)}${suffix}`,
      mark: { start: markStart, end: markStart + markLength },
    };
  }
  return {
    text: text.slice(start, end),
    mark: { start: from - start, end: to - start },
  };
}
