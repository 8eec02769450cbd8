import {
  capitalisedParticles,
  corporateJoinWords,
  endsLikeOrganisation,
  etAlPattern,
  hyphenClass,
  nameWord,
  notAuthorWords,
  particlePrefix,
  particles,
} from './lexicon.js';

/** The author part of a citation, split into names. */
export interface AuthorList {
  authors: string[];
  connector: '&' | 'og' | 'and' | null;
  etAl: string | null;
  corporate: boolean;
  /** The last name as written when a genitive was undone ("Honneths" for Honneth). */
  genitive?: string;
}

const trailingEtAl = new RegExp(`(?:^|,?\\s+)(${etAlPattern})$`, 'u');
// "Arbeids- og velferdsdirektoratet", "arbeids-, og sosialdepartementet": the connector belongs to
// a compound word, not to a list of authors. \u0001 stands for the protected spaces.
const compoundConnector = new RegExp(`([${hyphenClass}],?)\\s+(og|and|&|eller)\\s+`, 'gu');
const listSeparator = /\s*,\s*(?:(?:&|og|and)\s+)?|\s+(?:og|and)\s+|\s*&\s*/u;
const connectorToken = /(?:^|[\s,])(og|and)(?=\s)|&/gu;
const forbiddenCharacters = /[\d=%/:;()?!«»"“”+*<>|{}]/u;
// A capitalised word, or a name with its particle written together ("deCharms").
const capitalised = new RegExp(
  `^(?:${particlePrefix})?\\p{Lu}[\\p{L}\\p{M}'’.${hyphenClass}]*$`,
  'u',
);
const acronym = /^\p{Lu}{2,}[\p{Lu}\d-]*$/u;
// An abbreviation in brackets after an organisation's name: "[WHO]", "[NSF]", "[Hdir]".
const bracketAcronym = /^\[\p{Lu}[\p{L}\d-]*\]$/u;
const initial = /^\p{Lu}\.$/u;
const lowercaseWord = new RegExp(`^\\p{Ll}[\\p{L}\\p{M}'’${hyphenClass}]*$`, 'u');
// The first part of a compound ("Arbeids-", "arbeids-,", "Helse‐").
const compoundFirstPart = new RegExp(`^[\\p{L}\\p{M}]+[${hyphenClass}],?$`, 'u');
// Adjectives inside organisation names ("Statistisk", "norske", "nasjonal").
const adjectiveEnding = /(?:isk|iske|ske|sk|ige|lige|nal|nale|ale|ne|al|ic|ical|an)$/iu;

/**
 * Parses the author part of a citation ("Eide & Eide", "Natland et al.", "SNL") or returns null.
 * With `wordSurnames`, a family name that is also a month ("May", "March", "August") counts as a
 * name: the caller has seen the comma or connector that makes it one ("(May, 2011)").
 */
export function parseAuthorList(text: string, wordSurnames = false): AuthorList | null {
  const list = parseAuthorListAsWritten(text, wordSurnames);
  if (list === null || !/\s\s|[\n\r\t]/u.test(text)) return list;
  // Raw text breaks names over lines ("Arbeids- og \n\nsosialdepartementet"): one space each.
  const collapse = (value: string) => value.replace(/\s+/gu, ' ');
  return {
    ...list,
    authors: list.authors.map(collapse),
    etAl: list.etAl === null ? null : collapse(list.etAl),
  };
}

function parseAuthorListAsWritten(text: string, wordSurnames: boolean): AuthorList | null {
  let rest = text.trim().replace(/[\s,]+$/u, '');
  if (rest.length === 0 || rest.length > 200) return null;
  const simple = simpleAuthorList(rest);
  if (simple !== undefined) return simple;
  if (compoundOrganisation.test(rest) && isCorporateName(rest)) {
    return { authors: [rest], connector: null, etAl: null, corporate: true };
  }
  let etAl: string | null = null;
  const etAlMatch = trailingEtAl.exec(rest);
  if (etAlMatch?.[1] !== undefined) {
    etAl = etAlMatch[1];
    rest = rest.slice(0, etAlMatch.index).replace(/[\s,]+$/u, '');
    if (rest.length === 0) return null;
  }
  // "National Institute for Health and Care Excellence [NICE]": an abbreviation in brackets follows
  // the full name of one group author, so "and" inside it joins words, not authors.
  if (etAl === null && /\s\[\p{Lu}[\p{L}\d-]*\]$/u.test(rest) && isCorporateName(rest)) {
    return { authors: [rest], connector: null, etAl: null, corporate: true };
  }
  const protectedText = rest.replace(compoundConnector, '$1\u0001$2\u0001');
  let connector: AuthorList['connector'] = null;
  for (const match of protectedText.matchAll(connectorToken)) {
    connector = (match[1] ?? '&') as AuthorList['connector'];
  }
  const pieces = protectedText
    .split(listSeparator)
    .map((piece) => piece.replaceAll('\u0001', ' ').trim());
  const splitIsValid =
    pieces.every((piece) => isAuthorName(piece) || (wordSurnames && monthSurnames.has(piece))) &&
    (pieces.length === 1 || connector !== null || etAl !== null);
  if (splitIsValid) {
    const corporate = pieces.length === 1 && etAl === null && isCorporateName(pieces[0] ?? '');
    return { authors: pieces, connector, etAl, corporate };
  }
  // An organisation whose name holds a connector without a hyphen ("Helse og omsorgsdepartementet").
  if (etAl === null && isCorporateName(rest) && !forbiddenCharacters.test(rest)) {
    return { authors: [rest], connector: null, etAl: null, corporate: true };
  }
  return null;
}

// "Arbeids- og velferdsdirektoratet", "arbeids-, og sosialdepartementet": one organisation.
const compoundOrganisation = new RegExp(
  `^[\\p{L}\\p{M}]+[${hyphenClass}],?\\s+(?:og|and|&)\\s+[\\p{L}\\p{M}]+$`,
  'u',
);

/**
 * The fast path of `parseAuthorList` for the forms most citations take ("Dalland", "Eide & Eide",
 * "Natland et al.", "Kristoffersen mfl."): a result, or undefined when the general path must decide.
 * Word by word, with one small pattern per word, because one pattern for all the forms is slow to
 * compile and the first call in a process pays for that.
 */
function simpleAuthorList(text: string): AuthorList | null | undefined {
  const words = text.split(' ');
  let etAl: string | null = null;
  let count = words.length;
  const last = words[count - 1];
  if (last === 'mfl.' || last === 'm.fl.') {
    etAl = last;
    count -= 1;
  } else if (last === 'al.' && words[count - 2] === 'et') {
    etAl = 'et al.';
    count -= 2;
  }
  if (etAl !== null && count > 0) {
    const name = words[count - 1] ?? '';
    if (name.endsWith(',')) words[count - 1] = name.slice(0, -1);
  }
  if (count === 1) {
    const first = words[0] ?? '';
    if (!nameWord.test(first) || notAuthorWords.has(first.toLowerCase())) return undefined;
    // One capitalised word: an organisation when it is an acronym or ends like one.
    const corporate = etAl === null && (acronym.test(first) || endsLikeOrganisation(first));
    return { authors: [first], connector: null, etAl, corporate };
  }
  const connector = words[1];
  if (count === 3 && (connector === '&' || connector === 'og' || connector === 'and')) {
    const first = words[0] ?? '';
    const second = words[2] ?? '';
    if (!nameWord.test(first) || !nameWord.test(second)) return undefined;
    if (notAuthorWords.has(first.toLowerCase()) || notAuthorWords.has(second.toLowerCase()))
      return undefined;
    return { authors: [first, second], connector, etAl, corporate: false };
  }
  return undefined;
}

// Family names that are also months, and so sentence words elsewhere.
const monthSurnames = new Set(['May', 'March', 'August']);

/** Whether a piece of an author list looks like a name: a person, an acronym or an organisation. */
function isAuthorName(piece: string): boolean {
  if (piece.length === 0 || piece.length > 90 || forbiddenCharacters.test(piece)) return false;
  const words = piece.split(/\s+/u);
  const first = words[0] ?? '';
  if (words.length === 1 && notAuthorWords.has(first.toLowerCase())) return false;
  if (words.length === 1 && acronym.test(first)) return true;
  if (isPersonName(words)) return true;
  return isCorporateName(piece);
}

function isPersonName(words: string[]): boolean {
  let index = 0;
  // "van der Kolk", "De Dreu", "Da Silva": inside a citation's parenthesis a capitalised particle
  // opens a name, even one that is also a Norwegian word.
  while (
    index < words.length - 1 &&
    (particles.has(words[index] ?? '') || capitalisedParticles.has(words[index] ?? ''))
  )
    index += 1;
  const names = words.slice(index);
  if (names.length === 0 || names.length > 4) return false;
  const firstName = names[0] ?? '';
  if (index === 0 && notAuthorWords.has(firstName.toLowerCase())) return false;
  // Given names and initials may stand before the family name ("Søren Kirkegaard", "A. Smith"),
  // and particles between them ("Ludwig van Beethoven").
  return names.every((word) => capitalised.test(word) || initial.test(word) || particles.has(word));
}

/** Whether a name looks like an organisation ("Arbeids- og velferdsdirektoratet", "SNL", "World Health Organization"). */
export function isCorporateName(name: string): boolean {
  const words = name.trim().split(/\s+/u);
  const first = words[0] ?? '';
  const last = (words[words.length - 1] ?? '').replace(/[.,]$/u, '');
  if (words.length === 1)
    return acronym.test(first) || (capitalised.test(first) && endsLikeOrganisation(first));
  if (words.length > 12 || forbiddenCharacters.test(name)) return false;
  // Laws and regulations cited by their title ("Lov om sosiale tjenester i ...").
  if (/^(?:Lov|Forskrift) (?:om|til) /u.test(name)) return true;
  if (words.length > 9) return false;
  const lastWordIsOrganisation = endsLikeOrganisation(last) || bracketAcronym.test(last);
  // "Den nasjonale forskningsetiske komité for medisin og helsefag": the organisation word may
  // stand inside the name.
  const namesOrganisation =
    lastWordIsOrganisation || words.some((word) => endsLikeOrganisation(word));
  // A sloppy lower-case start is accepted only for a compound that ends like an organisation
  // ("arbeids-, og sosialdepartementet").
  const startsWell =
    capitalised.test(first) ||
    (lastWordIsOrganisation && compoundFirstPart.test(first) && /^\p{Ll}/u.test(first));
  // "De nasjonale forskningsetiske komiteene": a sentence word may open an organisation's name.
  if (!startsWell || (notAuthorWords.has(first.toLowerCase()) && !namesOrganisation)) return false;
  let hasOrganisationSign = namesOrganisation;
  for (const word of words.slice(1)) {
    if (bracketAcronym.test(word)) {
      hasOrganisationSign = true;
      continue;
    }
    if (corporateJoinWords.has(word.toLowerCase())) {
      // A person's name never holds "of" or "for" ("Department of Health").
      if (!particles.has(word)) hasOrganisationSign = true;
      continue;
    }
    if (capitalised.test(word) || acronym.test(word)) continue;
    if (lowercaseWord.test(word) && (namesOrganisation || adjectiveEnding.test(word))) {
      hasOrganisationSign = true;
      continue;
    }
    return false;
  }
  // Several capitalised words with a hyphenated compound ("Arbeids- og ...") are organisations too.
  return hasOrganisationSign || compoundFirstPart.test(first);
}
