import { editDistance } from '@litsynth/common';
import { foldName, normalizeName, spellingTolerance } from './names.js';
import { isAbbreviationOf } from './references.js';
import type { MatchKind, MatchReason, Reference } from './types.js';

/** What resolution needs to know of a citation. */
export interface CitedWork {
  authors: readonly string[];
  /** Whether "et al." / "mfl." follows the names. */
  etAl: boolean;
  year: string | null;
}

/** The outcome of resolving one citation. */
export interface Resolution {
  reference: Reference | null;
  match: MatchKind;
  reasons: MatchReason[];
  /** How far the citation is from the reference (0 = exact); Infinity when unresolved. */
  cost: number;
  /** Other references exactly as close ("SNL, 2018" when SNL has 2018a and 2018b). */
  alternatives: Reference[];
}

interface Comparison {
  cost: number;
  reasons: MatchReason[];
}

// Lower-case words that open a family name ("van der Kolk", "de Vries"): never a given name.
const particles = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'del',
  'della',
  'di',
  'da',
  'das',
  'dos',
  'du',
  'le',
  'la',
  'ten',
  'ter',
  'af',
  'zu',
  'mac',
  'mc',
  'st',
  'el',
  'al',
  'bin',
  'ibn',
]);

/**
 * Whether `longer` is `shorter` with given names (or initials) before it: "Despoina Xanthopoulou"
 * for Xanthopoulou, "Hoa Nguyen" for Nguyen. The words before must be capitalised names, not
 * particles ("Van Emmerik" is a family name).
 */
export function hasGivenNameBefore(longer: string, shorter: string): boolean {
  const trimmed = longer.trim();
  // One word (most names) has no given name before it: no need to split.
  if (!/\s/u.test(trimmed)) return false;
  const words = trimmed.split(/\s+/u);
  const family = normalizeName(shorter);
  if (words.length < 2 || family.length === 0) return false;
  for (let split = 1; split < words.length; split++) {
    if (normalizeName(words.slice(split).join(' ')) !== family) continue;
    return words
      .slice(0, split)
      .every(
        (word) =>
          /^\p{Lu}[\p{Ll}\p{M}]*(?:-\p{Lu}[\p{Ll}\p{M}]*)?\.?$/u.test(word) &&
          !particles.has(word.toLowerCase()),
      );
  }
  return false;
}

/** How a written name stands to an entry's name, apart from abbreviations (which need the entry). */
interface NameRelation {
  kind: 'same' | 'given-name' | 'entry-given-name' | 'author-spelling' | 'different';
  cost: number;
}

/** Relates two names as `compareName` needs (`first`: the citation's first name). */
type RelateNames = (cited: string, entry: string, first: boolean) => NameRelation;

function relateNames(cited: string, entry: string, first: boolean): NameRelation {
  if (normalizeName(cited) === normalizeName(entry)) return { kind: 'same', cost: 0 };
  // A reference manager's given name in the citation, or in the entry's family name.
  if (hasGivenNameBefore(cited, entry)) return { kind: 'given-name', cost: 1 };
  if (hasGivenNameBefore(entry, cited)) return { kind: 'entry-given-name', cost: 1 };
  const foldedCited = foldName(cited);
  const foldedEntry = foldName(entry);
  const tolerance = spellingTolerance(foldedEntry);
  const distance = editDistance(foldedCited, foldedEntry, tolerance);
  // Letters folded alike ("Fossestol"/"Fossestøl") still count as a spelling difference, but a cheap one.
  if (distance <= tolerance)
    return { kind: 'author-spelling', cost: distance === 0 ? 1 : 3 * distance };
  // "Berge et al." for Berg, "Fossestøle" for Fossestøl: the written name extends the entry's name.
  if (
    first &&
    foldedEntry.length >= 4 &&
    foldedCited.startsWith(foldedEntry) &&
    foldedCited.length - foldedEntry.length <= 2
  )
    return { kind: 'author-spelling', cost: 3 * (foldedCited.length - foldedEntry.length) };
  return { kind: 'different', cost: 0 };
}

/** Compares one written name with one entry name; null when they are different names. */
function compareName(
  cited: string,
  entry: string,
  reference: Reference,
  first: boolean,
  relate: RelateNames,
): Comparison | null {
  const relation = relate(cited, entry, first);
  if (relation.kind === 'same') return { cost: 0, reasons: [] };
  if (relation.kind === 'given-name' || relation.kind === 'entry-given-name')
    return { cost: 1, reasons: [{ kind: relation.kind, cited, entry }] };
  if (first && reference.names.length === 1 && isAbbreviationOf(cited, reference)) {
    return { cost: 0, reasons: [{ kind: 'abbreviation', cited, entry }] };
  }
  if (relation.kind === 'author-spelling')
    return { cost: relation.cost, reasons: [{ kind: 'author-spelling', cited, entry }] };
  return null;
}

/**
 * A work without author cited by its title, which APA puts in the author's place: the whole title
 * ("Cancer", 2025), or its first two or more words, a shortened title (the whole one is the better
 * match; one word alone, "NAV", is more likely an author missing from the list than a title).
 */
function compareTitle(cited: string, title: string | undefined): Comparison | null {
  if (!title) return null;
  // Compared as names are: case, punctuation and quotes ("«Cancer»") do not count.
  const written = normalizeName(cited);
  const full = normalizeName(title);
  if (written === '') return null;
  if (written === full) return { cost: 0, reasons: [{ kind: 'title', cited, entry: title }] };
  return written.includes(' ') && full.startsWith(`${written} `)
    ? { cost: 0.5, reasons: [{ kind: 'title', cited, entry: title }] }
    : null;
}

/** Compares the written authors with the entry's; null when the first author is a different person. */
function compareAuthors(
  cited: CitedWork,
  reference: Reference,
  relate: RelateNames,
): Comparison | null {
  // Indexing, not destructuring: this runs for every reference, mostly in cold code, where
  // destructuring allocates an iterator and its results each time.
  const firstCited = cited.authors[0];
  const firstEntry = reference.names[0];
  if (firstCited === undefined) return null;
  if (firstEntry === undefined) {
    // An entry without names is cited by its abbreviation or title.
    if (reference.abbreviations.includes(firstCited))
      return { cost: 0, reasons: [{ kind: 'abbreviation', cited: firstCited }] };
    return compareTitle(firstCited, reference.title);
  }
  const first = compareName(firstCited, firstEntry, reference, true, relate);
  if (first === null) return compareLaterName(cited, reference, relate);
  let cost = first.cost;
  const reasons = [...first.reasons];
  const aligned = Math.min(cited.authors.length, reference.names.length);
  for (let index = 1; index < aligned; index++) {
    const written = cited.authors[index] ?? '';
    const entry = reference.names[index] ?? '';
    const comparison = compareName(written, entry, reference, false, relate);
    if (comparison) {
      cost += comparison.cost;
      reasons.push(...comparison.reasons);
    } else {
      // A wrong co-author name ("Røkenes & Harald" for Røkenes & Hanssen) still points to the work.
      cost += 4;
      reasons.push({ kind: 'author-spelling', cited: written, entry });
    }
  }
  if (cited.etAl) {
    // "et al." implies the rest, and three or more authors: a work with one or two is a worse fit
    // than one that names the cited person among three or more (see compareLaterName).
    if (reference.names.length <= cited.authors.length)
      cost += reference.names.length === 1 ? 2 : 0.5;
    else if (reference.names.length === 2) cost += 1;
  } else if (reference.names.length > cited.authors.length) {
    cost += 2 * (reference.names.length - cited.authors.length);
    reasons.push({
      kind: 'coauthor-missing',
      entry: reference.names.slice(cited.authors.length).join(', '),
    });
  } else if (cited.authors.length > reference.names.length) {
    cost += 2 * (cited.authors.length - reference.names.length);
    reasons.push({
      kind: 'coauthor-extra',
      cited: cited.authors.slice(reference.names.length).join(', '),
    });
  }
  return { cost, reasons };
}

// "Berg et al. (2015)" for the book Ellingsen, Levin, Berg & Kleppe edited: the cited name is in
// the work, but not first. Dearer than an exact first name, cheaper than "et al." for a work with
// one author (2), so that such a citation goes to the work that has three or more names.
const laterNameCost = 1.5;

/** "X et al." where X is a later name of a work with three or more names; null otherwise. */
function compareLaterName(
  cited: CitedWork,
  reference: Reference,
  relate: RelateNames,
): Comparison | null {
  const written = cited.authors[0];
  if (
    !cited.etAl ||
    cited.authors.length !== 1 ||
    written === undefined ||
    reference.names.length < 3
  )
    return null;
  for (let index = 1; index < reference.names.length; index++) {
    const name = reference.names[index] ?? '';
    const match = compareName(written, name, reference, true, relate);
    if (match === null) continue;
    return {
      cost: laterNameCost + match.cost,
      reasons: [{ kind: 'author-not-first', cited: written, entry: name }],
    };
  }
  return null;
}

// A corporate name cited for a work it published but did not write ("Arbeids- og
// sosialdepartementet (2015)" for the expert group's report the ministry published): dearer than
// an exact match or a missing a/b letter, cheaper than any year difference (2 and more), so the
// work of that year wins over the organisation's own work of another year.
const publisherAsAuthorCost = 1.5;

/**
 * Compares a single written name with the entry's publisher, when the written name is not one of
 * the entry's authors (the caller then requires the year to agree).
 */
function compareAsPublisher(cited: CitedWork, reference: Reference): Comparison | null {
  const written = cited.authors[0];
  if (
    reference.publisher === undefined ||
    written === undefined ||
    cited.authors.length !== 1 ||
    cited.etAl ||
    cited.year === null
  )
    return null;
  if (normalizeName(written) !== normalizeName(reference.publisher)) return null;
  return {
    cost: publisherAsAuthorCost,
    reasons: [
      {
        kind: 'publisher-as-author',
        cited: written,
        entry: reference.names.join(', ') || reference.publisher,
      },
    ],
  };
}

/** Whether the written year is the entry's (an a/b letter aside). */
const yearAgrees = (year: Comparison): boolean =>
  year.reasons.every((reason) => reason.kind === 'year-suffix');

const baseYear = (year: string): string => year.replace(/[a-z]$/, '');

// "n.d." (English) and "u.å." (Norwegian) are the same missing date; a session is the same
// whichever dash joins its years ("2015-2016", "2015–2016", "2015 – 2016").
/** A year as compared: "n.d." is "u.å.", and a session is one form whichever dash or spacing joins it. */
export const undated = (year: string | null): string | null => {
  if (year === null) return null;
  if (/^(n\.\s?d\.|u\.\s?å\.)$/i.test(year)) return 'u.å.';
  const session = /^(\d{4})\s*[-‐‑‒–—]\s*(\d{2}|\d{4})$/u.exec(year);
  if (session?.[1] === undefined || session[2] === undefined) return year;
  // "2015-16" is 2015–2016; "1999-00" is 1999–2000.
  const first = Number(session[1]);
  let second = Number(session[2]);
  if (session[2].length === 2)
    second += Math.floor(first / 100) * 100 + (second < first % 100 ? 100 : 0);
  return `${first}–${second}`;
};

/** Compares the written year with the entry's. */
function compareYear(writtenYear: string | null, entryYear: string | null): Comparison {
  const cited = undated(writtenYear);
  const entry = undated(entryYear);
  // No year written: a work without a year ("u.å.") is the likelier one.
  if (cited === null)
    return {
      cost: entry === null || entry === 'u.å.' ? 0.5 : 1,
      reasons: [{ kind: 'year-missing', ...(entry === null ? {} : { entry }) }],
    };
  if (entry === cited) return { cost: 0, reasons: [] };
  if (entry !== null && baseYear(entry) === baseYear(cited)) {
    return { cost: 0.5, reasons: [{ kind: 'year-suffix', cited, entry }] };
  }
  const difference =
    entry !== null && /^\d{4}/.test(entry) && /^\d{4}/.test(cited)
      ? Math.abs(Number.parseInt(entry, 10) - Number.parseInt(cited, 10))
      : 20;
  return {
    cost: 2 + Math.min(difference, 20) / 20,
    reasons: [{ kind: 'year-differs', cited, ...(entry === null ? {} : { entry }) }],
  };
}

/**
 * Resolves a cited work to the closest reference: exact when authors and year agree, fuzzy when
 * they differ in ways a writer gets wrong (spelling, co-authors, year, suffix, the publisher
 * named for the author), with every
 * difference as a reason; unresolved when no reference has a similar first author.
 */
export function resolveCitation(cited: CitedWork, references: readonly Reference[]): Resolution {
  return resolveWith(cited, references, relateNames);
}

function resolveWith(
  cited: CitedWork,
  references: readonly Reference[],
  relate: RelateNames,
): Resolution {
  let best: Resolution = {
    reference: null,
    match: 'none',
    reasons: [],
    cost: Number.POSITIVE_INFINITY,
    alternatives: [],
  };
  for (const reference of references) {
    const authors =
      compareAuthors(cited, reference, relate) ?? compareAsPublisher(cited, reference);
    if (authors === null) continue;
    const year = compareYear(cited.year, reference.year);
    // The publisher stands for the author only in the year of the work it published.
    if (
      authors.cost === publisherAsAuthorCost &&
      authors.reasons[0]?.kind === 'publisher-as-author' &&
      !yearAgrees(year)
    )
      continue;
    const cost = authors.cost + year.cost;
    if (cost === best.cost && best.reference) best.alternatives.push(reference);
    if (cost < best.cost) {
      const reasons = [...authors.reasons, ...year.reasons];
      const fuzzy = reasons.some(
        (reason) => reason.kind !== 'abbreviation' && reason.kind !== 'title',
      );
      best = {
        reference,
        match: fuzzy ? 'fuzzy' : 'exact',
        reasons: fuzzy ? reasons : [{ kind: 'exact' }, ...reasons],
        cost,
        alternatives: [],
      };
    }
  }
  return best;
}

/**
 * `resolveCitation` over one list of references, remembering the resolution of each cited form
 * (authors, "et al.", year): a thesis cites the same work in the same form many times, and each
 * resolution compares the citation with every reference. The list must not change while in use.
 * Each call returns its own copy, which the caller may change.
 */
export function citationResolver(
  references: readonly Reference[],
): (cited: CitedWork) => Resolution {
  const resolved = new Map<string, Resolution>();
  // The forms share names ("Natland" with and without "et al."): each pair is related once too.
  // By written name, then entry name (no key to build per call): one table for first names, one
  // for the others.
  const relations = [
    new Map<string, Map<string, NameRelation>>(),
    new Map<string, Map<string, NameRelation>>(),
  ] as const;
  const relate: RelateNames = (cited, entry, first) => {
    const table = relations[first ? 0 : 1];
    let ofCited = table.get(cited);
    if (ofCited === undefined) {
      ofCited = new Map();
      table.set(cited, ofCited);
    }
    let relation = ofCited.get(entry);
    if (relation === undefined) {
      relation = relateNames(cited, entry, first);
      ofCited.set(entry, relation);
    }
    return relation;
  };
  return (cited) => {
    const key = `${cited.authors.join('\u0000')}\u0001${cited.etAl}\u0001${cited.year}`;
    let resolution = resolved.get(key);
    if (resolution === undefined) {
      resolution = resolveWith(cited, references, relate);
      resolved.set(key, resolution);
    }
    return {
      ...resolution,
      reasons: resolution.reasons.map((reason) => ({ ...reason })),
      alternatives: [...resolution.alternatives],
    };
  };
}
