import { editDistance } from '@litsynth/common';
import type { ReferenceListEntry } from '@litsynth/ingest';
import { foldName, normalizeName, spellingTolerance } from './names.js';
import { hasGivenNameBefore } from './resolve-citation.js';

// What reference managers leave in a typed reference list: one work twice (Zotero's a/b pairs, an
// EndNote duplicate), one author spelled two ways, authors that are not names ("2011:11", "WHOc",
// a given name in the family name).

/** An entry of the manuscript's own list with its reference key and line. */
export interface ListedEntry {
  key: string;
  line: number;
  entry: ReferenceListEntry;
}

/** Two entries that are one work. */
export interface DuplicatePair {
  first: ListedEntry;
  second: ListedEntry;
  /** Author names the two write differently ("Van Emmerik"/"Van Emmrik"), first's then second's. */
  spellings: Array<[string, string]>;
}

/** One author spelled two ways in different works of the list. */
export interface NameVariant {
  /** The spelling of most entries (or the first), with its first entry. */
  usual: { name: string; entry: ListedEntry };
  /** The other spelling, with its first entry. */
  other: { name: string; entry: ListedEntry };
}

export type GarbleKind = 'number' | 'punctuation' | 'year-letter' | 'given-name';

/** An author of an entry that is not a name as written. */
export interface GarbledAuthor {
  entry: ListedEntry;
  author: string;
  kind: GarbleKind;
  /** For 'given-name': the family name ("Nguyen" of "Hoa Nguyen"); for 'year-letter': the letter. */
  detail: string;
}

/** The debris of a typed list. */
export interface ListDebris {
  duplicates: DuplicatePair[];
  variants: NameVariant[];
  garbled: GarbledAuthor[];
}

const baseYear = (year: string | null): string | null =>
  year === null ? null : year.replace(/[a-zæøå]$/u, '');

/** The title of an entry as read, or the text after its year when no title was read. */
function titleOf(entry: ReferenceListEntry): string {
  return entry.title ?? entry.raw.replace(/^[\s\S]*?\)\.\s*/u, '');
}

/**
 * Whether two titles (as written) are one: the same words, or the shorter one's words in order
 * within the longer one, starting alike ("Ledelse på godt og vondt: Fagbokforlaget" within
 * "Ledelse på godt og vondt: effektivitet og trivsel: Fagbokforlaget"). Two works of one series
 * with different subtitles are not one.
 */
export function sameTitle(first: string, second: string): boolean {
  const a = normalizeName(first);
  const b = normalizeName(second);
  if (a.length < 12 || b.length < 12) return false;
  if (a === b) return true;
  const [shorter, longer] = (a.length <= b.length ? [a, b] : [b, a]).map((title) =>
    title.split(' '),
  );
  if (
    !shorter ||
    !longer ||
    shorter.length < 3 ||
    shorter.slice(0, 3).join(' ') !== longer.slice(0, 3).join(' ')
  )
    return false;
  let at = 0;
  for (const word of shorter) {
    while (at < longer.length && longer[at] !== word) at += 1;
    if (at === longer.length) return false;
    at += 1;
  }
  return true;
}

/** Whether two written author names are one person's: the same, spelled nearly alike, or one with a given name before the other. */
function sameAuthor(a: string, b: string): boolean {
  const foldedA = foldName(a);
  const foldedB = foldName(b);
  if (foldedA === foldedB) return true;
  if (hasGivenNameBefore(a, b) || hasGivenNameBefore(b, a)) return true;
  const tolerance = spellingTolerance(foldedA.length >= foldedB.length ? foldedA : foldedB);
  return (
    foldedA.length >= 5 &&
    foldedB.length >= 5 &&
    editDistance(foldedA, foldedB, tolerance) <= tolerance
  );
}

/** The initials written after an author's family name in the entry ("Van Emmerik, I. H." → "IH"), or null. */
export function initialsAfter(entry: ReferenceListEntry, author: string): string | null {
  const at = entry.raw.indexOf(`${author},`);
  if (at === -1) return null;
  const match = /^,\s*((?:\p{Lu}\p{Ll}?\.?\s*-?\s*)+)(?=,|&|\(|$)/u.exec(
    entry.raw.slice(at + author.length),
  );
  const initials = match?.[1]?.replace(/[^\p{Lu}]/gu, '') ?? '';
  return initials.length > 0 ? initials : null;
}

/** Pairs of entries with the same year (a/b letters aside), the same title and a shared author. */
function findDuplicates(entries: readonly ListedEntry[]): DuplicatePair[] {
  const pairs: DuplicatePair[] = [];
  const byYear = new Map<string, ListedEntry[]>();
  for (const listed of entries) {
    const year = baseYear(listed.entry.year);
    if (year === null || listed.entry.authors.length === 0) continue;
    byYear.set(year, [...(byYear.get(year) ?? []), listed]);
  }
  const paired = new Set<string>();
  for (const group of byYear.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const first = group[i];
        const second = group[j];
        if (!first || !second || paired.has(second.key)) continue;
        if (!sameTitle(titleOf(first.entry), titleOf(second.entry))) continue;
        const shared = first.entry.authors.some((a) =>
          second.entry.authors.some((b) => sameAuthor(a, b)),
        );
        if (!shared) continue;
        const spellings: Array<[string, string]> = [];
        for (const a of first.entry.authors) {
          const b = second.entry.authors.find((candidate) => sameAuthor(a, candidate));
          if (b !== undefined && normalizeName(a) !== normalizeName(b)) spellings.push([a, b]);
        }
        paired.add(second.key);
        pairs.push({ first, second, spellings });
      }
    }
  }
  return pairs;
}

/** Authors spelled two ways across different works (same initials), not counting duplicate pairs. */
function findVariants(
  entries: readonly ListedEntry[],
  duplicates: readonly DuplicatePair[],
): NameVariant[] {
  const spellings = new Map<string, { name: string; initials: string; entries: ListedEntry[] }>();
  for (const listed of entries) {
    if (listed.entry.year === null) continue;
    for (const author of listed.entry.authors) {
      // A person has initials after the family name; an organisation ("Helse- og omsorgsdepartementet") none.
      const initials = initialsAfter(listed.entry, author) ?? (isOrganisation(author) ? '' : null);
      if (initials === null) continue;
      const id = `${normalizeName(author)}#${initials}`;
      const known = spellings.get(id);
      if (known) known.entries.push(listed);
      else spellings.set(id, { name: author, initials, entries: [listed] });
    }
  }
  const inDuplicate = (a: ListedEntry, b: ListedEntry) =>
    duplicates.some(
      (pair) => (pair.first === a && pair.second === b) || (pair.first === b && pair.second === a),
    );
  const variants: NameVariant[] = [];
  const all = [...spellings.values()];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i];
      const b = all[j];
      if (!a || !b || a.initials !== b.initials) continue;
      const foldedA = foldName(a.name);
      const foldedB = foldName(b.name);
      if (foldedA.length < (a.initials === '' ? 10 : 5) || foldedB.length < 5) continue;
      const tolerance = Math.min(spellingTolerance(foldedA), spellingTolerance(foldedB));
      if (editDistance(foldedA, foldedB, tolerance) > tolerance) continue;
      if (a.entries.every((x) => b.entries.every((y) => inDuplicate(x, y)))) continue;
      const [usual, other] = b.entries.length > a.entries.length ? [b, a] : [a, b];
      const usualEntry = usual.entries[0];
      const otherEntry = other.entries[0];
      if (!usualEntry || !otherEntry) continue;
      variants.push({
        usual: { name: usual.name, entry: usualEntry },
        other: { name: other.name, entry: otherEntry },
      });
    }
  }
  return variants;
}

// How organisations' names end ("-departementet", "-direktoratet", "Institute"), or several words.
const organisationEnding =
  /(?:departement(?:et)?|direktorat(?:et)?|institutt(?:et)?|etaten|tilsynet|rådet|kommune|fylkeskommune|forbund(?:et)?|organisasjon(?:en)?|organization|institute|association|council|agency|ministry|department|centre|center|society|registry)$/iu;

/** Whether a written author is an organisation rather than a person. */
function isOrganisation(author: string): boolean {
  return organisationEnding.test(author.trim()) || author.trim().split(/\s+/u).length >= 3;
}

// A name word that may be a given name: capitalised letters, perhaps hyphenated ("Jean-Paul").
const givenNameWord = /^\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?$/u;

/**
 * Authors that are not names as written. A given name in the family name ("Ståle Einarsen, A. S.")
 * is only taken as one on evidence: its initial is among the initials written after it, and the
 * rest ("Einarsen") stands alone as an author elsewhere in the list. (How the text cites the work
 * is no evidence: "Nguyen" may be a short form of a family name "Hoa Nguyen".)
 */
function findGarbled(entries: readonly ListedEntry[]): GarbledAuthor[] {
  const families = new Set(
    entries
      .flatMap((listed) => listed.entry.authors)
      .filter((author) => !/\s/u.test(author.trim()))
      .map(foldName),
  );
  const garbled: GarbledAuthor[] = [];
  for (const listed of entries) {
    // Only what was read as an entry (authors and a year); other blocks are counted as unread.
    if (listed.entry.year === null) continue;
    for (const [position, author] of listed.entry.authors.entries()) {
      const name = author.trim();
      // ". . . Guldvog": APA 6's ellipsis before the last of many authors.
      if (/^(?:\.\s*){3}|^…/u.test(name)) continue;
      if (/^\d/u.test(name) || !/\p{L}/u.test(name)) {
        garbled.push({ entry: listed, author: name, kind: 'number', detail: '' });
      } else if (position === 0 && /^[.,;:]/u.test(name)) {
        garbled.push({ entry: listed, author: name, kind: 'punctuation', detail: '' });
      } else if (/^\p{Lu}{2,}[a-h]$/u.test(name) && !/[a-z]$/u.test(listed.entry.year ?? '')) {
        garbled.push({ entry: listed, author: name, kind: 'year-letter', detail: name.slice(-1) });
      } else {
        const words = name.split(/\s+/u);
        const [given, ...rest] = words;
        if (
          given === undefined ||
          rest.length === 0 ||
          rest.length > 2 ||
          !givenNameWord.test(given)
        )
          continue;
        const family = rest.join(' ');
        if (!hasGivenNameBefore(name, family)) continue;
        const initials = initialsAfter(listed.entry, name) ?? '';
        const evidence = families.has(foldName(family));
        if (initials.includes(given[0] ?? '') && evidence)
          garbled.push({ entry: listed, author: name, kind: 'given-name', detail: family });
      }
    }
  }
  return garbled;
}

/** Finds the debris reference managers leave in a typed reference list. */
export function findListDebris(entries: readonly ListedEntry[]): ListDebris {
  const duplicates = findDuplicates(entries);
  return { duplicates, variants: findVariants(entries, duplicates), garbled: findGarbled(entries) };
}
