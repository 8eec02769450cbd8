import { corporateJoinWords, endsLikeOrganisation, etAlPattern, familyNamePattern, narrativeFollowers, notAuthorWords } from './lexicon.js';
import { type AuthorList, isCorporateName, parseAuthorList } from './parse-authors.js';

/** Authors found in the running text just before a parenthesis, with where they start. */
export interface NarrativeAuthors {
  start: number;
  list: AuthorList;
}

const lookbackWindow = 160;
const noLetterBefore = '(?<![\\p{L}\\p{M}\\d\\-’\'])';
const name = familyNamePattern;
// Tried in order; each is anchored at the end of the text before the parenthesis.
const narrativePatterns: RegExp[] = [
  // "Natland et al.", "Smith, et al."
  new RegExp(`${noLetterBefore}(${name},?\\s+${etAlPattern}(?:['’]s)?)$`, 'u'),
  // "Lundberg og Syltevik", "Stenbrenden, Haukland & Knutsen", "Smith, Jones, and Lee"
  new RegExp(`${noLetterBefore}(${name}(?:\\s*,\\s*${name})*,?\\s*(?:\\s(?:og|and)\\s|&)\\s*${name})$`, 'u'),
  // "Arbeids- og sosialdepartementet", "arbeids-, og sosialdepartementet"
  new RegExp(`${noLetterBefore}([\\p{L}\\p{M}]+-,?\\s+(?:og|and|&)\\s+[\\p{L}\\p{M}]+)$`, 'u'),
  // "Statistisk sentralbyrå", "World Health Organization": up to eight words, trimmed below.
  new RegExp(`${noLetterBefore}((?:[\\p{L}\\p{M}-]+\\s+){1,7}(?:[\\p{L}\\p{M}]+|\\[\\p{Lu}[\\p{L}\\d-]*\\]))$`, 'u'),
  // "Honneths", "Dalland", "SNL", "van der Berg"
  new RegExp(`${noLetterBefore}(${name})$`, 'u'),
];
const possessiveBefore = /\s+(?:sin|sine|sitt|si)\s+\p{Ll}[\p{L}\p{M}-]*$/u;
// Reforms, plans and events named before a year in parentheses; never authors.
const eventWord = /(?:reformen|reforma|planen|strategien|satsingen|krisen|krigen|pandemien|valget|reform|crisis|war|pandemic)$/iu;
const organisationAdjective = /^\p{Ll}[\p{Ll}\p{M}]*(?:ske|iske|isk|nale|ne)$/u;
const genitiveEnding = /(?:['’]s|(?<![sxz])s|['’])$/u;

/**
 * Finds the author(s) of a narrative citation written right before the parenthesis at `open`
 * ("Lundberg og Syltevik (2013)", "Natland et al., (2020)", "Honneths (2008) teori").
 * `close` is the closing parenthesis, used to tell a genitive from a name ending in "s" (-1: no genitive).
 */
export function findNarrativeAuthors(text: string, open: number, close: number): NarrativeAuthors | null {
  let end = open;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end -= 1;
  // "Natland et al., (2020)": a stray comma between the names and the year.
  if (text[end - 1] === ',') {
    end -= 1;
    while (end > 0 && isBlank(text.charCodeAt(end - 1))) end -= 1;
  }
  if (end === 0) return null;
  // "Dalland sin bok (2020)", "Roger sin relasjonsteori (gjengitt i ...)": the Norwegian
  // possessive puts one noun between the names and the parenthesis.
  const possessive = possessiveBefore.exec(text.slice(Math.max(0, end - 40), end));
  if (possessive !== null) end -= possessive[0].length;
  // Quick exit: names end in a letter, the "." of "et al." / "mfl.", an apostrophe or "[NSF]".
  const lastCharacter = text[end - 1] ?? '';
  if (!/[\p{L}.'’\]]/u.test(lastCharacter)) return null;
  const windowStart = lookbackStart(text, end);
  const before = text.slice(windowStart, end);
  let lastWordStart = before.length;
  while (lastWordStart > 0 && !isBlank(before.charCodeAt(lastWordStart - 1))) lastWordStart -= 1;
  const lastWord = before.slice(lastWordStart);
  for (const [index, pattern] of narrativePatterns.entries()) {
    if (!worthTrying(index, before, lastWord)) continue;
    const match = pattern.exec(before);
    const written = match?.[1];
    if (match === null || written === undefined) continue;
    if (index === 3 && !acceptMultiwordOrganisation(written)) continue;
    if (index === 2 && !isCorporateName(written)) continue;
    let start = windowStart + match.index + (match[0].length - written.length);
    let candidate = written;
    if (index === 3) {
      const offset = organisationStart(written);
      candidate = written.slice(offset);
      start += offset;
    }
    const firstWord = candidate.split(/[\s,]+/u)[0] ?? '';
    if (notAuthorWords.has(firstWord.toLowerCase())) continue;
    // "Samhandlingsreformen (2012)", "NAV-reformen (2006)": the year dates an event or a plan.
    if (eventWord.test(candidate)) return null;
    // "Leamy et al.'s (2011)": the English genitive after "et al.".
    const list = parseAuthorList(index === 0 ? candidate.replace(/['’]s$/u, '') : candidate);
    if (list === null) continue;
    if (index === 3) list.corporate = true;
    return { start, list: stripGenitive(list, text, close) };
  }
  return null;
}

/** Cheap tests that rule a pattern out before its end-anchored regular expression runs. */
function worthTrying(index: number, before: string, lastWord: string): boolean {
  switch (index) {
    case 0:
      return /(?:al\.?|fl\.?|flere|colleagues|medarbeidere|kolleger|['’]s)$/u.test(lastWord);
    case 1:
      return before.includes('&') || before.includes(' og ') || before.includes(' and ');
    case 2:
      return before.includes('-');
    case 3:
      return lastWord.startsWith('[') || endsLikeOrganisation(lastWord);
    default:
      return true;
  }
}

/**
 * Where the look-back starts: ten words back at most (the longest name forms are "Riis-Johansen,
 * Halvorsen, Andenæs & Hammerstad" and eight-word organisations), so the end-anchored patterns
 * try few start positions.
 */
function lookbackStart(text: string, end: number): number {
  const limit = Math.max(0, end - lookbackWindow);
  let words = 0;
  let inBlank = false;
  for (let index = end - 1; index > limit; index -= 1) {
    const blank = isBlank(text.charCodeAt(index));
    if (blank && !inBlank) {
      words += 1;
      if (words > 10) return index + 1;
    }
    inBlank = blank;
  }
  return limit;
}

function acceptMultiwordOrganisation(written: string): boolean {
  const words = written.split(/\s+/u);
  let last = words[words.length - 1] ?? '';
  // "Norsk sykepleierforbund [NSF]": the abbreviation in brackets marks an organisation.
  if (/^\[\p{Lu}[\p{L}\d-]*\]$/u.test(last)) last = words[words.length - 2] ?? '';
  return (endsLikeOrganisation(last) || /\]$/u.test(written)) && /\s/u.test(written.slice(organisationStart(written)));
}

/**
 * Where the organisation's name starts in `written`: walking back from the last word, keep
 * capitalised words, joining words ("og", "of") and adjectives ("norske").
 */
function organisationStart(written: string): number {
  const words = [...written.matchAll(/\S+/gu)];
  let first = words.length - 1;
  if (first > 0 && /^\[\p{Lu}[\p{L}\d-]*\]$/u.test(words[first]?.[0] ?? '')) first -= 1;
  while (first > 0) {
    const word = words[first - 1]?.[0] ?? '';
    const lower = word.toLowerCase();
    const fits =
      (/^\p{Lu}/u.test(word) && !notAuthorWords.has(lower)) ||
      corporateJoinWords.has(lower) ||
      organisationAdjective.test(word);
    if (!fits) break;
    first -= 1;
  }
  // The name starts at a capitalised word that is not a sentence word ("The", "Ifølge").
  while (first < words.length - 1) {
    const word = words[first]?.[0] ?? '';
    if (/^\p{Lu}/u.test(word) && !notAuthorWords.has(word.toLowerCase())) break;
    first += 1;
  }
  return words[first]?.index ?? 0;
}

/**
 * "Honneths (2008) teori" cites Honneth. A name ending in "s" is read as a genitive when the word
 * after the parenthesis is a lower-case word that does not usually follow a name (a verb such as
 * "viser", "argues").
 */
function stripGenitive(list: AuthorList, text: string, close: number): AuthorList {
  if (close < 0 || list.etAl !== null || list.corporate) return list;
  const last = list.authors[list.authors.length - 1];
  if (last === undefined || last.length < 4 || !genitiveEnding.test(last)) return list;
  const follower = /^\s+(\p{Ll}+)/u.exec(text.slice(close + 1, close + 40))?.[1];
  if (follower === undefined || narrativeFollowers.has(follower)) return list;
  const base = last.replace(genitiveEnding, '');
  return { ...list, authors: [...list.authors.slice(0, -1), base] };
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
}
