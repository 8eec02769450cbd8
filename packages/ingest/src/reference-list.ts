import type { Block, Heading, ReferenceListEntry, ReferenceListSection } from './types.js';

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

interface ReferenceListInput {
  text: string;
  blocks: readonly Block[];
  headings: readonly Heading[];
  /** Offsets in `text` where a new source line begins inside a block. */
  lineStarts: readonly number[];
}

/**
 * Finds the manuscript's own reference list: the last heading that names one, up to the next
 * heading of the same or a higher level. Each block is an entry; a block is split further where
 * a source line starts like a new APA entry after a line that ended one.
 */
export function findReferenceList(input: ReferenceListInput): ReferenceListSection | null {
  const { text, blocks, headings } = input;
  let index = -1;
  for (let at = headings.length - 1; at >= 0; at--) {
    if (isReferenceListHeading(text.slice((headings[at] as Heading).start, (headings[at] as Heading).end))) {
      index = at;
      break;
    }
  }
  if (index < 0) return null;
  const heading = headings[index] as Heading;
  const next = headings.slice(index + 1).find((candidate) => candidate.level <= heading.level);
  const end = next ? previousBlockEnd(blocks, next.start, heading.end) : text.length;
  const entries: ReferenceListEntry[] = [];
  for (const block of blocks) {
    if (block.start < heading.end || block.end > end || block.kind === 'heading') continue;
    for (const [start, stop] of splitEntries(text, block, input.lineStarts)) {
      entries.push(parseReferenceEntry(text.slice(start, stop), start));
    }
  }
  return { heading, start: heading.start, end, entries };
}

function previousBlockEnd(blocks: readonly Block[], before: number, fallback: number): number {
  let end = fallback;
  for (const block of blocks) {
    if (block.end <= before) end = Math.max(end, block.end);
  }
  return end;
}

// A source line that starts a new entry: "Family, X." or "Corporate author. (2019".
const entryStart = /^(?:[\p{Lu}][\p{L}'’-]*(?:\s[\p{L}'’-]+){0,3},\s\p{Lu}\p{Ll}?\.|[^()]{2,160}?\(\s*(?:\d{4}[a-z]?|u\.\s?å\.|n\.\s?d\.)\s*[,)])/u;

function* splitEntries(text: string, block: Block, lineStarts: readonly number[]): Generator<[number, number]> {
  const starts = lineStarts.filter((lineStart) => lineStart > block.start && lineStart < block.end);
  let start = block.start;
  for (let index = 0; index < starts.length; index++) {
    const lineStart = starts[index] as number;
    const before = text.slice(start, lineStart).trimEnd();
    // An entry ends with a period, a closing parenthesis or a link; an author list that wraps
    // ends with "," or "&".
    if (!/(?:[.)]|\S+\/\S*)$/u.test(before) || !/\(\s*(?:\d{4}|u\.\s?å\.|n\.\s?d\.)/u.test(before)) continue;
    // Only the source line itself may show the start of an entry.
    const line = text.slice(lineStart, starts[index + 1] ?? block.end);
    if (!entryStart.test(line)) continue;
    yield [start, lineStart - (text[lineStart - 1] === ' ' ? 1 : 0)];
    start = lineStart;
  }
  yield [start, block.end];
}

const yearPattern = /\(\s*(\d{4}[a-z]?|u\.\s?å\.|n\.\s?d\.)\s*(?:[,;][^)]*)?\)/u;
const initials = /^(?:\p{Lu}\p{Ll}?\.?(?:\s*-\s*|\s+)?)+$/u;
const editorMark = /\s*\((?:red|reds|eds?|utg|hrsg)\.?\)\s*\.?\s*$/iu;

/** Parses one APA-style entry: authors' family names (or the corporate author), year, title. */
export function parseReferenceEntry(raw: string, start = 0): ReferenceListEntry {
  const entry = raw.trim();
  const offset = start + (raw.length - raw.trimStart().length);
  const year = yearPattern.exec(entry);
  const authorPart = year ? entry.slice(0, year.index) : (/^[^()]*?\.(?=\s)/u.exec(entry)?.[0] ?? '');
  let title: string | null = null;
  if (year) title = titleAfterYear(entry.slice(year.index + year[0].length));
  return {
    raw: entry,
    start: offset,
    end: offset + entry.length,
    authors: parseAuthors(authorPart),
    year: year?.[1] ? normaliseYear(year[1]) : null,
    title,
  };
}

/**
 * The title: the text after "(year)." up to the first sentence end outside parentheses, without
 * a trailing parenthesis such as "(3. utg.)" or "[Master's thesis]".
 */
function titleAfterYear(rest: string): string | null {
  const text = rest.replace(/^\s*\.\s*/u, '');
  let depth = 0;
  let stop = text.length;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (char === '(' || char === '[') depth++;
    else if ((char === ')' || char === ']') && depth > 0) depth--;
    else if (depth === 0 && (char === '.' || char === '?' || char === '!') && /\s|$/u.test(text[index + 1] ?? '')) {
      stop = char === '.' ? index : index + 1;
      break;
    }
  }
  const title = withoutTrailingGroup(text.slice(0, stop).trim());
  return title === '' ? null : title;
}

/** Removes one trailing parenthesised or bracketed group, nested groups included. */
function withoutTrailingGroup(text: string): string {
  const last = text[text.length - 1];
  if (last !== ')' && last !== ']') return text;
  let depth = 0;
  for (let index = text.length - 1; index >= 0; index--) {
    const char = text[index];
    if (char === ')' || char === ']') depth++;
    else if (char === '(' || char === '[') depth--;
    if (depth === 0) return index === 0 ? text : text.slice(0, index).trim();
  }
  return text;
}

function normaliseYear(year: string): string {
  const compact = year.replace(/\s+/gu, '');
  return compact === 'n.d.' ? 'n.d.' : compact === 'u.å.' ? 'u.å.' : compact;
}

/** Family names of a personal author list, or the one corporate author. */
function parseAuthors(part: string): string[] {
  const authors = part.replace(editorMark, '').trim();
  if (authors === '') return [];
  const personal = /^[^,]+,\s*\p{Lu}\p{Ll}?\./u.test(authors);
  if (!personal) return [authors.replace(/\.$/u, '').trim()];
  return authors
    .split(/\s*,\s*|\s*&\s*|\s+(?:og|and)\s+/u)
    .map((name) => name.trim().replace(/\.{3}|…/gu, '').trim())
    .filter((name) => name !== '' && !initials.test(name) && !/^(?:et al\.?|m\.?\s?fl\.?)$/iu.test(name));
}
