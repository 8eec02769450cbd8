import { editDistance } from '@litsynth/common';
import type { Manuscript } from '@litsynth/ingest';
import { foldName, normalizeName, spellingTolerance } from './names.js';
import { type Span, sentencesAround } from './sentences.js';
import type { Reference } from './types.js';

// An author of the bibliography named in running text as the source of a claim, with no year:
// "ifølge Arbeids- og velferdsdirektoratet merke …", "Lundberg & Syltevik stiller spørsmål …",
// "skrevet av Natlands Sidsel, Bjerke Erik og Torstenssen Tom". A theorist discussed by name right
// after a dated citation of them ("Honneth (2008) … Honneth mener videre …") is not one.

/** A mention of a bibliography author without a year. */
export interface NamedWithoutYear {
  /** The names as written: [start, end) in `Manuscript.text`. */
  start: number;
  end: number;
  /** The references whose first author is the one named, best first. */
  references: Reference[];
}

/** A citation with a year, by where it stands and its first author. */
export interface DatedCitation {
  start: number;
  firstAuthor: string;
}

// Words that introduce the source of what follows: "ifølge X", "according to X", "skrevet av X"
// (not inside a word: see matchesNotAfter).
const introducers =
  /(?:i ?følge|according to|skrevet av|utarbeidet av|utført av|gjennomført av|written by|conducted by)\s+/giu;
const notAfterLetterOrMark = /(?<![\p{L}\p{M}])/uy;
const notAfterLetter = /(?<!\p{L})/uy;

/**
 * The matches of the global `pattern` that do not follow a character `notAfter` refuses (a sticky
 * lookbehind), in order: what matchAll gives with the lookbehind at the pattern's start. V8 runs a
 * pattern that starts with a lookbehind at every place of the text; without it, V8 looks for the
 * words first (~3 ms of a check of the NAV study).
 */
function* matchesNotAfter(
  text: string,
  pattern: RegExp,
  notAfter: RegExp,
): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    notAfter.lastIndex = match.index;
    if (notAfter.test(text)) yield match;
    else pattern.lastIndex = match.index + 1;
  }
}

// Verbs of reporting that follow (or, inverted, precede) the author: "Lundberg & Syltevik stiller …".
const reportingVerbs = new Set([
  'stiller',
  'skriver',
  'skrev',
  'viser',
  'viste',
  'hevder',
  'hevdet',
  'mener',
  'mente',
  'beskriver',
  'beskrev',
  'påpeker',
  'påpekte',
  'peker',
  'pekte',
  'fant',
  'finner',
  'argumenterer',
  'understreker',
  'fremhever',
  'framhever',
  'konkluderer',
  'konkluderte',
  'definerer',
  'definerte',
  'forklarer',
  'drøfter',
  'diskuterer',
  'presenterer',
  'vektlegger',
  'poengterer',
  'redegjør',
  'anbefaler',
  'argues',
  'argued',
  'states',
  'stated',
  'found',
  'finds',
  'reports',
  'reported',
  'describes',
  'described',
  'suggests',
  'suggested',
  'shows',
  'showed',
  'notes',
  'noted',
  'concludes',
  'concluded',
  'claims',
  'claimed',
  'emphasizes',
  'emphasises',
  'emphasized',
  'defines',
  'defined',
  'writes',
  'wrote',
  'demonstrated',
  'demonstrates',
  'observed',
  'highlights',
  'highlighted',
  'proposed',
  'proposes',
  'recommends',
  'recommended',
]);

// A reporting verb as a whole word: where the letters around it end (as a run of letters, /\p{L}+/,
// would read it; the start through matchesNotAfter). One pattern over the text instead of every
// word of it.
const reportingVerb = new RegExp(`(?:${[...reportingVerbs].join('|')})(?!\\p{L})`, 'gu');

// Words that continue a list of authors: "Lundberg og Syltevik", "Natland et al.".
const connectors = new Set(['og', 'and', '&', ',']);
const etAlForms = /^(?:et al\.?|mfl\.?|m\.fl\.?)$/u;
const nameToken = /^\p{Lu}[\p{L}\p{M}'’-]*$/u;

interface Token {
  text: string;
  start: number;
  end: number;
}

const tokenPattern = /et al\.?|m\.fl\.?|mfl\.?|[\p{L}\p{M}'’-]+|[,&;:.()«»"“”!?]/gu;

/** The tokens of a stretch of text: words, commas, "&" and "et al." as one token. */
function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  // exec in a loop rather than matchAll: this runs twice per reporting verb, in cold code, where
  // the iterator allocates a result per token.
  tokenPattern.lastIndex = 0;
  for (let match = tokenPattern.exec(slice); match !== null; match = tokenPattern.exec(slice))
    tokens.push({
      text: match[0],
      start: from + match.index,
      end: from + match.index + match[0].length,
    });
  return tokens;
}

/** The reference lookup: corporate names by normalised name, persons by folded family name. */
interface AuthorIndex {
  corporate: Array<{ name: string; words: number; references: Reference[] }>;
  persons: Map<string, Reference[]>;
}

function indexAuthors(references: readonly Reference[]): AuthorIndex {
  const corporate = new Map<string, Reference[]>();
  const persons = new Map<string, Reference[]>();
  for (const reference of references) {
    const first = reference.names[0];
    if (first === undefined || first.trim().length < 2) continue;
    const name = normalizeName(first);
    // Organisations and works cited by title have several words ("Arbeids- og velferdsdirektoratet").
    if (name.includes(' ')) corporate.set(name, [...(corporate.get(name) ?? []), reference]);
    else persons.set(foldName(first), [...(persons.get(foldName(first)) ?? []), reference]);
  }
  return {
    corporate: [...corporate.entries()]
      .map(([name, list]) => ({ name, words: name.split(' ').length, references: list }))
      .sort((a, b) => b.words - a.words),
    persons,
  };
}

/** The references of a written family name: the same name, a genitive of it ("Natlands") or a near spelling. */
function personReferences(word: string, index: AuthorIndex): Reference[] {
  const folded = foldName(word);
  if (folded.length < 3) return [];
  const exact = index.persons.get(folded) ?? index.persons.get(folded.replace(/s$/u, ''));
  if (exact) return exact;
  if (folded.length < 5) return [];
  for (const [name, references] of index.persons) {
    const tolerance = spellingTolerance(name);
    if (name.length >= 5 && editDistance(folded, name, tolerance) <= tolerance) return references;
  }
  return [];
}

/** The corporate author whose name starts at token `at`, with the token it ends at. */
function corporateAt(
  tokens: readonly Token[],
  at: number,
  index: AuthorIndex,
): { references: Reference[]; last: number } | null {
  for (const candidate of index.corporate) {
    const words: string[] = [];
    let last = at;
    for (let i = at; i < tokens.length && words.length < candidate.words; i++) {
      const token = tokens[i];
      if (!token || /^[,&;:.()«»"“”!?]$/u.test(token.text)) break;
      words.push(token.text);
      last = i;
    }
    if (words.length === candidate.words && normalizeName(words.join(' ')) === candidate.name)
      return { references: candidate.references, last };
  }
  return null;
}

/**
 * The run of author names starting at token `at` ("Natlands Sidsel, Bjerke Erik og Torstenssen Tom",
 * "Lundberg & Syltevik", "Natland et al."): the index of its last token.
 */
function runFrom(tokens: readonly Token[], at: number): number {
  let last = at;
  for (let i = at + 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) break;
    if (etAlForms.test(token.text)) return i;
    if (nameToken.test(token.text)) {
      last = i;
      continue;
    }
    if (connectors.has(token.text) && nameToken.test(tokens[i + 1]?.text ?? '')) continue;
    break;
  }
  return last;
}

/** Where the run of author names ending at token `last` starts (walking back over names, connectors and "et al."). */
function runTo(tokens: readonly Token[], last: number): number {
  let first = last;
  if (etAlForms.test(tokens[first]?.text ?? '')) first -= 1;
  if (!nameToken.test(tokens[first]?.text ?? '')) return -1;
  for (let i = first - 1; i >= 0; i--) {
    const token = tokens[i];
    if (!token) break;
    if (nameToken.test(token.text)) {
      first = i;
      continue;
    }
    if (connectors.has(token.text) && nameToken.test(tokens[i - 1]?.text ?? '')) continue;
    break;
  }
  return first;
}

/** The references a run of names refers to: a corporate author at its start, or its first person that is a bibliography author. */
function referencesOfRun(
  tokens: readonly Token[],
  first: number,
  last: number,
  index: AuthorIndex,
): { references: Reference[]; first: number; last: number } | null {
  for (let i = first; i <= last; i++) {
    const corporate = corporateAt(tokens, i, index);
    if (corporate)
      return { references: corporate.references, first: i, last: Math.max(last, corporate.last) };
    const token = tokens[i];
    if (!token || !nameToken.test(token.text)) continue;
    const references = personReferences(token.text, index);
    if (references.length > 0) return { references, first: i, last };
  }
  return null;
}

/** Options of `findAuthorsWithoutYear`. */
export interface AuthorsWithoutYearOptions {
  manuscript: Manuscript;
  references: readonly Reference[];
  /** Every citation with a year, in text order. */
  dated: readonly DatedCitation[];
  /** Stretches of text that are not running text: citations, headings, the reference list. */
  skip: readonly Span[];
}

/** Finds the bibliography authors named as the source of a claim with no year near. */
export function findAuthorsWithoutYear(options: AuthorsWithoutYearOptions): NamedWithoutYear[] {
  const { manuscript, dated, skip } = options;
  const index = indexAuthors(options.references);
  if (index.corporate.length === 0 && index.persons.size === 0) return [];
  const text = manuscript.text;
  const skipped = (start: number, end: number) =>
    skip.some((span) => start < span.end && span.start < end);
  const found = new Map<number, NamedWithoutYear & { introduced: boolean }>();
  const consider = (tokens: readonly Token[], first: number, last: number, introduced: boolean) => {
    const run = referencesOfRun(tokens, first, last, index);
    if (!run) return;
    const start = tokens[run.first]?.start ?? 0;
    const end = tokens[run.last]?.end ?? start;
    if (skipped(start, end) || found.has(start)) return;
    // "Lundberg og Syltevik (2013)": a narrative citation, with its year.
    if (/^\s*[(,]?\s*\(/u.test(text.slice(end, end + 4))) return;
    found.set(start, { start, end, references: run.references, introduced });
  };

  for (const match of matchesNotAfter(text, introducers, notAfterLetterOrMark)) {
    const from = match.index + match[0].length;
    const tokens = tokenize(text, from, Math.min(text.length, from + 160));
    if (tokens.length === 0 || tokens[0]?.start !== from) continue;
    const corporate = corporateAt(tokens, 0, index);
    consider(tokens, 0, corporate ? corporate.last : runFrom(tokens, 0), true);
  }
  for (const match of matchesNotAfter(text, reportingVerb, notAfterLetter)) {
    const verb = match.index;
    // The author before the verb: "Lundberg & Syltevik stiller …".
    const before = tokenize(text, Math.max(0, verb - 160), verb);
    const last = before.length - 1;
    if (last >= 0 && (before[last]?.end ?? 0) >= verb - 1) {
      const first = runTo(before, last);
      if (first !== -1) consider(before, first, last, false);
    }
    // Inverted, after the verb: "I studien fant Natland et al. at …".
    const from = verb + match[0].length + 1;
    const after = tokenize(text, from, Math.min(text.length, from + 160));
    if (after[0]?.start === from && nameToken.test(after[0].text))
      consider(after, 0, runFrom(after, 0), false);
  }

  const results: NamedWithoutYear[] = [];
  for (const mention of [...found.values()].sort((a, b) => a.start - b.start)) {
    if (datedNear(manuscript, mention, dated)) continue;
    results.push({ start: mention.start, end: mention.end, references: mention.references });
  }
  return results;
}

/**
 * Whether a dated citation of the named author stands near enough to give the year: earlier in the
 * same sentence or in the two sentences before it (same paragraph), or — when a verb follows the
 * name — later in the same sentence. A phrase that introduces the source ("ifølge X") needs the
 * year at or before the name.
 */
function datedNear(
  manuscript: Manuscript,
  mention: NamedWithoutYear & { introduced: boolean },
  dated: readonly DatedCitation[],
): boolean {
  const { sentences, index } = sentencesAround(manuscript, mention.start);
  const from = sentences[Math.max(0, index - 2)]?.start ?? mention.start;
  const to = mention.introduced ? mention.start : (sentences[index]?.end ?? mention.end);
  const names = new Set(mention.references.map((reference) => foldName(reference.names[0] ?? '')));
  return dated.some(
    (citation) =>
      citation.start >= from &&
      citation.start < to &&
      citation.start !== mention.start &&
      names.has(foldName(citation.firstAuthor)),
  );
}
