import {
  capitalisedParticles,
  corporateJoinWords,
  endsLikeOrganisation,
  hyphenClass,
  nameWord,
  narrativeFollowers,
  notAuthorWords,
  particles,
  sentenceWordParticles,
} from './lexicon.js';
import { type AuthorList, isCorporateName, parseAuthorList } from './parse-authors.js';

/** Authors found in the running text just before a parenthesis, with where they start. */
export interface NarrativeAuthors {
  start: number;
  list: AuthorList;
}

const lookbackWindow = 160;
// The first part of a compound organisation name: "Arbeids-", "arbeids-,".
const compoundStart = new RegExp(`^[\\p{L}\\p{M}]+[${hyphenClass}],?$`, 'u');
const openingPunctuation = new Set(['(', '[', '«', '"', '“', '‘', "'", '`', '„']);
const bracketAbbreviation = /^\[\p{Lu}[\p{L}\d-]*\]$/u;

/** A word before the parenthesis, with its offsets in the text. */
interface Word {
  text: string;
  start: number;
  /** Whether the word opens a sentence: nothing but blanks since a full stop, colon or paragraph. */
  opensSentence: boolean;
}

// A capitalised name ending in a genitive s and one lower-case word: "Honneths teori".
const genitiveWithNoun = new RegExp(
  `(?<![\\p{L}\\p{M}])(\\p{Lu}[\\p{L}\\p{M}'’${hyphenClass}]*(?:s|['’]))\\s+(\\p{Ll}[\\p{L}\\p{M}${hyphenClass}]*)$`,
  'u',
);
// The nouns that follow a genitive author ("Honneths anerkjennelsesteori", "Hansens modell"); other
// genitives before a year are things, not authors ("Dagens samfunn (2020)", "Norges befolkning").
const workNoun = new RegExp(
  // Whole words, or the end of a compound for the distinctive ones ("anerkjennelsesteori"): a short
  // ending such as "funn" would also end "samfunn".
  '^(?:bok|boka|boken|studie|studien|studier|artikkel|artikkelen|syn|arbeid|arbeider|funn|tese|tesen|sitat|sitatet|metode|metoden|rammeverk|rammeverket|trapp|pyramide|hierarki|etikk|tekst|teksten|rapport|rapporten|beskrivelse|beskrivelsen|forståelse|forståelsen)$' +
    '|(?:teori|teorien|teorier|modell|modellen|modeller|begrep|begrepet|begreper|bøker|artikler|rapporter|tekster|perspektiver|analyser|definisjoner|undersøkelser|beskrivelser|filosofi|filosofien|forskning|perspektiv|perspektivet|definisjon|definisjonen|analyse|analysen|undersøkelse|undersøkelsen|tenkning)$',
  'u',
);
// The endings of Norwegian verbs in the present (-r) and the weak past (-te, -de, -et), and of
// English verbs (-s, -ed); nouns with these endings that follow a genitive are work nouns above.
const verbShape = /(?:r|te|de|et|ed|es)$/u;
// Strong past forms that follow an author's name.
const strongPast = new Set([
  'fant',
  'skrev',
  'viste',
  'sa',
  'ga',
  'gav',
  'tok',
  'kom',
  'fikk',
  'gjorde',
  'bidro',
  'beskrev',
  'så',
  'lot',
  'fremsto',
  'drev',
  'wrote',
  'found',
  'took',
  'gave',
  'saw',
  'made',
  'began',
]);
const possessiveBefore = /\s+(?:sin|sine|sitt|si)\s+\p{Ll}[\p{L}\p{M}-]*$/u;
// Reforms, plans and events named before a year in parentheses, and Norwegian nouns in the
// definite form ("Lovendringen (2016)", "Kvalifiseringen", "Tilgjengeligheten"); never authors.
const eventWord =
  /(?:reformen|reforma|planen|strategien|satsingen|krisen|krigen|pandemien|valget|ingen|heten|sjonen|reform|crisis|war|pandemic)$/iu;
const organisationAdjective = /^\p{Ll}[\p{Ll}\p{M}]*(?:ske|iske|isk|nale|ne)$/u;
const genitiveEnding = /(?:['’]s|(?<![sxz])s|['’])$/u;

/**
 * Finds the author(s) of a narrative citation written right before the parenthesis at `open`
 * ("Lundberg og Syltevik (2013)", "Natland et al., (2020)", "Honneths (2008) teori").
 * `close` is the closing parenthesis, used to tell a genitive from a name ending in "s" (-1: no genitive).
 */
export function findNarrativeAuthors(
  text: string,
  open: number,
  close: number,
): NarrativeAuthors | null {
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
  // "Honneths anerkjennelsesteori (2008)", "Antonovskys teori (referert i ...)": a genitive name
  // and one noun before the parenthesis.
  let genitiveNoun = false;
  if (possessive === null) {
    const noun = genitiveWithNoun.exec(text.slice(Math.max(0, end - 60), end));
    const nounWord = noun?.[2];
    if (noun !== null && nounWord !== undefined && workNoun.test(nounWord)) {
      end -= noun[0].length - (noun[1]?.length ?? 0);
      genitiveNoun = true;
    }
  }
  // Quick exit: names end in a letter, the "." of "et al." / "mfl.", an apostrophe or "[NSF]".
  const lastCharacter = text[end - 1] ?? '';
  if (!/[\p{L}.'’\]]/u.test(lastCharacter)) return null;
  const words = wordsBefore(text, end);
  for (const [shape, find] of shapes) {
    const start = find(words);
    if (start === null) continue;
    const candidate = text.slice(start, end);
    // "National Institute for Health and Care Excellence", "Den nasjonale … komité for …": one
    // organisation, "and" and an opening article included.
    if (shape === 'organisation with field') {
      return {
        start,
        list: {
          authors: [candidate.replace(/\s+/gu, ' ')],
          connector: null,
          etAl: null,
          corporate: true,
        },
      };
    }
    const firstWord = candidate.split(/[\s,]+/u)[0] ?? '';
    // "De Dreu (2008)": a sentence word that is the particle of a name.
    const openedByParticle =
      candidate.length > firstWord.length && capitalisedParticles.has(firstWord);
    if (notAuthorWords.has(firstWord.toLowerCase()) && !openedByParticle) continue;
    // "Samhandlingsreformen (2012)", "NAV-reformen (2006)": the year dates an event or a plan.
    if (eventWord.test(candidate) && !endsLikeOrganisation(candidate)) return null;
    // "Leamy et al.'s (2011)": the English genitive after "et al.".
    const list = parseAuthorList(candidate.replace(/(al\.?|fl\.?)['’]s$/u, '$1'));
    if (list === null) continue;
    if (shape === 'organisation') list.corporate = true;

    return { start, list: stripGenitive(list, text, genitiveNoun ? 'genitive' : close) };
  }
  return null;
}

/**
 * The organisation named right before a parenthesis that gives its abbreviation: "The National
 * Institute of Mental Health (NIMH, 2020)", "Statistisk sentralbyrå (SSB, 2020)". Returns where the
 * name starts and the name, when its first letter is the abbreviation's.
 */
export function findOrganisationBefore(
  text: string,
  open: number,
  abbreviation: string,
): { start: number; name: string } | null {
  let end = open;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end -= 1;
  const words = wordsBefore(text, end);
  // The capitalised words spell the abbreviation: "National Institute of Mental Health" (NIMH).
  let initials = '';
  for (let index = words.length - 1; index >= 0; index -= 1) {
    const word = words[index]?.text ?? '';
    if (corporateJoinWords.has(word)) continue;
    if (!/^\p{Lu}/u.test(word)) break;
    initials = word[0] + initials;
    if (initials === abbreviation) {
      const start = words[index]?.start ?? end;
      return { start, name: text.slice(start, end).replace(/\s+/gu, ' ') };
    }
  }
  // Or a name that ends like an organisation and starts with the abbreviation's letter:
  // "Statistisk sentralbyrå" (SSB).
  const start = organisationStart(words);
  if (start === null) return null;
  const name = text.slice(start, end).replace(/\s+/gu, ' ');
  return name[0] === abbreviation[0] ? { start, name } : null;
}

type Shape = 'et al.' | 'list' | 'compound' | 'organisation' | 'organisation with field' | 'name';

/**
 * The forms a narrative author takes, tried in this order; each returns where the names start, or
 * null when the words before the parenthesis do not end in that form.
 */
const shapes: Array<[Shape, (words: Word[]) => number | null]> = [
  // "Natland et al.", "Smith, et al.", "Kristoffersen mfl.", "Skau og medarbeidere"
  [
    'et al.',
    (words) => {
      const length = etAlLength(words);
      if (length === 0) return null;
      return nameStart(words, words.length - 1 - length, true);
    },
  ],
  // "Lundberg og Syltevik", "Stenbrenden, Haukland & Knutsen", "Adams, Baker, and Clark"
  [
    'list',
    (words) => {
      const last = nameStart(words, words.length - 1, false);
      if (last === null) return null;
      let index = indexOfWord(words, last) - 1;
      const connector = words[index]?.text;
      if (connector !== '&' && connector !== 'og' && connector !== 'and') return null;
      let start = nameStart(words, index - 1, true);
      if (start === null) return null;
      index = indexOfWord(words, start) - 1;
      // Earlier names end in a comma: "Stenbrenden, Haukland & Knutsen".
      while (index >= 0 && (words[index]?.text.endsWith(',') ?? false)) {
        const earlier = nameStart(words, index, true);
        if (earlier === null) break;
        start = earlier;
        index = indexOfWord(words, start) - 1;
      }
      return start;
    },
  ],
  // "Arbeids- og sosialdepartementet", "arbeids-, og sosialdepartementet"
  [
    'compound',
    (words) => {
      const n = words.length;
      const first = words[n - 3];
      const connector = words[n - 2]?.text;
      if (first === undefined || (connector !== 'og' && connector !== 'and' && connector !== '&'))
        return null;
      if (!compoundStart.test(first.text) || !/^[\p{L}\p{M}]+$/u.test(words[n - 1]?.text ?? ''))
        return null;
      return isCorporateName(`${first.text} ${connector} ${words[n - 1]?.text}`)
        ? first.start
        : null;
    },
  ],
  // "Statistisk sentralbyrå", "World Health Organization", "Norsk sykepleierforbund [NSF]"
  ['organisation', (words) => organisationStart(words)],
  // "Den nasjonale forskningsetiske komité for medisin og helsefag", "Department of Health",
  // "Komiteen for medisinsk og helsefaglig forskningsetikk"
  ['organisation with field', (words) => organisationWithField(words)],
  // "Honneths", "Dalland", "SNL", "van der Berg"; not the last word of a title ("Global Consensus
  // on Physical Activity", "Guidelines for Survivors").
  ['name', (words) => (endsTitle(words) ? null : nameStart(words, words.length - 1, false))],
];

// The small words inside a title or a name in title case.
const titleJoiners = new Set([
  'on',
  'of',
  'for',
  'in',
  'and',
  'the',
  'to',
  'with',
  'og',
  'i',
  'om',
  'til',
  'med',
  'av',
  'på',
]);

/** Whether the words end in a title: capitalised words joined by "on", "of", "for" …, the last one capitalised. */
function endsTitle(words: Word[]): boolean {
  const n = words.length;
  // The first capitalised word of the title must not open the sentence: "According to Garcia",
  // "Relevant for Hansen" are a sentence and a name.
  const capital = (index: number) => /^\p{Lu}/u.test(words[index]?.text ?? '');
  const titleWord = (index: number) =>
    capital(index) &&
    !(words[index]?.opensSentence ?? true) &&
    !notAuthorWords.has(words[index]?.text.toLowerCase() ?? '');
  const joiner = (index: number) => titleJoiners.has(words[index]?.text ?? '');
  if (!capital(n - 1)) return false;
  return (
    (joiner(n - 2) && titleWord(n - 3)) || (capital(n - 2) && joiner(n - 3) && titleWord(n - 4))
  );
}

// The preposition that joins an organisation's name to its field ("komité for …", "Institute of …").
const fieldPrepositions = new Set(['for', 'of', 'i', 'on', 'til', 'mot']);
// Words that show that a sentence goes on after an organisation's name, not its field.
const sentenceWords = new Set([
  'sin',
  'sine',
  'sitt',
  'si',
  'har',
  'er',
  'var',
  'som',
  'at',
  'det',
  'den',
  'de',
  'en',
  'et',
  'ei',
  'mange',
  'flere',
  'alle',
  'år',
  'første',
  'gang',
  'its',
  'their',
  'a',
  'an',
  'has',
  'is',
  'was',
  'years',
]);
const fieldWord = /^(?:\p{Ll}[\p{Ll}\p{M}-]*|\p{Lu}[\p{L}\p{M}-]*)$/u;

/**
 * Where an organisation named with its field starts: an organisation word ("komité", "Komiteen",
 * "Institute"), a preposition and at most five words of the field, and before the organisation
 * word its adjectives and capitalised words ("Den nasjonale forskningsetiske").
 */
function organisationWithField(words: Word[]): number | null {
  const last = words.length - 1;
  for (let head = last - 2; head >= Math.max(0, last - 6); head -= 1) {
    if (!endsLikeOrganisation(words[head]?.text ?? '')) continue;
    if (!fieldPrepositions.has(words[head + 1]?.text ?? '')) return null;
    for (const word of words.slice(head + 2)) {
      const lower = word.text.toLowerCase();
      // A capitalised word is a name or a place ("Universitetet i Bergen"); a lower-case one must
      // not be a word of the sentence.
      const sentenceWord =
        /^\p{Ll}/u.test(word.text) &&
        (sentenceWords.has(lower) || (notAuthorWords.has(lower) && !corporateJoinWords.has(lower)));
      if (!fieldWord.test(word.text) || sentenceWord) return null;
    }
    let first = head;
    while (first > 0 && head - first < 4) {
      const word = words[first - 1]?.text ?? '';
      if (
        !organisationAdjective.test(word) &&
        !(/^\p{Lu}/u.test(word) && !notAuthorWords.has(word.toLowerCase()))
      )
        break;
      first -= 1;
    }
    // "Den nasjonale forskningsetiske komité …": the Norwegian article opens the official name
    // (APA leaves an English "The" out).
    if (first > 0 && first < head && /^(?:Den|Det|De)$/u.test(words[first - 1]?.text ?? ''))
      first -= 1;
    return /^\p{Lu}/u.test(words[first]?.text ?? '') ? (words[first]?.start ?? null) : null;
  }
  return null;
}

/**
 * The last words before `end` (at most twelve, within the look-back window): split at blanks,
 * with "&" a word of its own ("Eide&Eide").
 */
function wordsBefore(text: string, end: number): Word[] {
  const limit = Math.max(0, end - lookbackWindow);
  const words: Word[] = [];
  let index = end;
  while (index > limit && words.length < 12) {
    while (index > limit && isBlank(text.charCodeAt(index - 1))) index -= 1;
    let start = index;
    while (start > limit && !isBlank(text.charCodeAt(start - 1))) start -= 1;
    if (start === index) break;
    // A word cut by the window is no word.
    if (start === limit && limit > 0 && !isBlank(text.charCodeAt(limit - 1))) break;
    // Opening quotes and brackets are not part of a name: «Skau, "Lundberg, (Skau.
    let wordStart = start;
    while (
      wordStart < index - 1 &&
      openingPunctuation.has(text[wordStart] ?? '') &&
      !text.endsWith(']', index)
    )
      wordStart += 1;
    const written = text.slice(wordStart, index);
    const parts = written.split(/(&)/u).filter((part) => part.length > 0);
    let offset = index;
    for (const part of parts.reverse()) {
      offset -= part.length;
      words.push({ text: part, start: offset, opensSentence: opensSentence(text, offset) });
    }
    if (wordStart > start) break;
    index = start;
  }
  return words.reverse();
}

/**
 * Where the name ending at word `last` starts: a capitalised name word, with lower-case particles
 * before it ("van der Berg"). A comma after the name is allowed when `commaAllowed`.
 */
function nameStart(words: Word[], last: number, commaAllowed: boolean): number | null {
  const word = words[last];
  if (word === undefined) return null;
  const bare = commaAllowed ? word.text.replace(/,$/u, '') : word.text;
  if (!nameWord.test(bare)) return null;
  let first = last;
  // Particles are lower case ("van der Berg"), or capitalised when they open the name ("Van Bogaert").
  while (first > 0 && first > last - 2 && isParticle(words[first - 1])) first -= 1;
  return words[first]?.start ?? null;
}

/**
 * Whether a word before a name is its particle. "da" is the Norwegian "then" in running text
 * ("som da Hansen (2019) viste"), and "Da", "Den", "Du", "La", "Der" open Norwegian sentences.
 */
function isParticle(word: Word | undefined): boolean {
  if (word === undefined) return false;
  if (word.text === 'da') return false;
  if (particles.has(word.text)) return true;
  return (
    capitalisedParticles.has(word.text) &&
    !(word.opensSentence && sentenceWordParticles.has(word.text))
  );
}

function indexOfWord(words: Word[], start: number): number {
  return words.findIndex((word) => word.start === start);
}

/** How many words at the end are "et al." or one of its equivalents (0 when none). */
function etAlLength(words: Word[]): number {
  const n = words.length;
  const last = (words[n - 1]?.text ?? '').replace(/['’]s$/u, '');
  const before = words[n - 2]?.text ?? '';
  if (/^(?:mfl\.?|m\.fl\.?|et\.?al\.?)$/u.test(last)) return 1;
  if (/^al\.?$/u.test(last) && /^et\.?$/u.test(before)) return 2;
  if (/^fl\.?$/u.test(last) && before === 'm.') return 2;
  if (last === 'flere' && before === 'med') return 2;
  if (
    (last === 'medarbeidere' || last === 'kolleger' || last === 'kollegaer') &&
    (before === 'og' || before === 'med')
  )
    return 2;
  if (last === 'colleagues' && before === 'and') return 2;
  return 0;
}

/**
 * Where an organisation's name of several words starts: the last word ends like an organisation
 * (or is "[NSF]" after one); walking back, keep capitalised words, joining words ("og", "of") and
 * adjectives ("norske"), then start at the first capitalised word that is not a sentence word.
 */
function organisationStart(words: Word[]): number | null {
  let last = words.length - 1;
  const bracketed = bracketAbbreviation.test(words[last]?.text ?? '');
  if (bracketed) last -= 1;
  if (last < 1 || !(bracketed || endsLikeOrganisation(words[last]?.text ?? ''))) return null;
  let first = last;
  while (first > 0 && last - first < 7) {
    const word = words[first - 1]?.text ?? '';
    const lower = word.toLowerCase();
    const fits =
      (/^\p{Lu}/u.test(word) && !notAuthorWords.has(lower)) ||
      corporateJoinWords.has(lower) ||
      organisationAdjective.test(word);
    if (!fits) break;
    first -= 1;
  }
  while (first < last) {
    const word = words[first]?.text ?? '';
    if (/^\p{Lu}/u.test(word) && !notAuthorWords.has(word.toLowerCase())) break;
    first += 1;
  }
  return first < last ? (words[first]?.start ?? null) : null;
}

/**
 * "Honneths (2008) teori" cites Honneth. A name ending in "s" is read as a genitive when the word
 * after the parenthesis is a lower-case word that does not usually follow a name (a verb such as
 * "viser", "argues"), or when a noun stands between the name and the parenthesis ('genitive').
 */
function stripGenitive(list: AuthorList, text: string, close: number | 'genitive'): AuthorList {
  if (close !== 'genitive' && (close < 0 || list.etAl !== null || list.corporate)) return list;
  const last = list.authors[list.authors.length - 1];
  if (last === undefined || last.length < 4 || !genitiveEnding.test(last)) return list;
  if (close !== 'genitive') {
    const follower = /^\s+(\p{Ll}+)/u.exec(text.slice(close + 1, close + 40))?.[1];
    if (follower === undefined || narrativeFollowers.has(follower)) return list;
    // "Jenkins (2008) studerte", "Taris (2006) fant": a verb after the parenthesis shows that the
    // name itself ends in -s; a noun ("Honneths (2008) teori") or an adjective before one
    // ("Antonovskys (1987) salutogene modell") shows a genitive.
    if (!workNoun.test(follower) && (verbShape.test(follower) || strongPast.has(follower)))
      return list;
  }
  const base = last.replace(genitiveEnding, '');
  return { ...list, authors: [...list.authors.slice(0, -1), base], genitive: last };
}

/** Whether only blanks stand between `offset` and the start of the text, a full stop, colon or paragraph. */
function opensSentence(text: string, offset: number): boolean {
  let index = offset - 1;
  while (
    index >= 0 &&
    isBlank(text.charCodeAt(index)) &&
    !(text[index] === '\n' && text[index - 1] === '\n')
  )
    index -= 1;
  return index < 0 || '.!?:\n'.includes(text[index] ?? '');
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
}
