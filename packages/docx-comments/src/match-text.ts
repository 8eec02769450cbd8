/** Text normalised for matching, with where each of its characters came from. */
export interface MatchText {
  text: string;
  /** `source[i]`: index in the original text of normalised character i; `source[text.length]`: the original length. */
  source: number[];
  /** `sourceEnd[i]`: index in the original text just past the characters normalised character i came from. */
  sourceEnd: number[];
}

// As ingest normalises text: invisible characters dropped, white space and control characters
// collapsed to one space (no-break spaces kept), NFC; here also trimmed.
const invisible = /[\u00ad\u200b-\u200d\u2060\ufeff\ufffc]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it matches.
const space = /[\s\u0000-\u001f\u007f]/u;
const keptSpaces = new Set(['\u00a0', '\u202f']);
const cluster = /\P{M}\p{M}*|\p{M}+/gu;

/**
 * Normalises text the way ingest does (so that a paragraph read here and the same paragraph read by
 * ingest compare equal), keeping a map back to the original characters.
 */
export function normaliseForMatch(original: string): MatchText {
  let text = '';
  const source: number[] = [];
  const sourceEnd: number[] = [];
  for (const match of original.matchAll(cluster)) {
    const chars = match[0];
    const at = match.index ?? 0;
    const first = chars[0] as string;
    if (invisible.test(first) && chars.length === 1) continue;
    if (space.test(first) && !keptSpaces.has(first) && chars.length === 1) {
      if (text === '' || text.endsWith(' ')) {
        // Extend the space that is already there.
        if (text !== '') sourceEnd[sourceEnd.length - 1] = at + 1;
        continue;
      }
      text += ' ';
      source.push(at);
      sourceEnd.push(at + 1);
      continue;
    }
    const normalised = chars.normalize('NFC');
    for (let index = 0; index < normalised.length; index++) {
      source.push(at);
      sourceEnd.push(at + chars.length);
    }
    text += normalised;
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    source.pop();
    sourceEnd.pop();
  }
  source.push(original.length);
  return { text, source, sourceEnd };
}

/** Normalised text alone (for comparing two texts). */
export function normalisedText(text: string): string {
  return normaliseForMatch(text).text;
}

/** Start indexes of every occurrence of `needle` in `haystack` (overlapping ones too). */
export function occurrencesOf(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1))
    found.push(at);
  return found;
}
