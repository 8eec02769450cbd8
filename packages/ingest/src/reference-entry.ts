import type { ReferenceListEntry } from './types.js';

// The shapes of an APA-style (or Harvard-style) reference-list entry: an author list or a
// corporate author, then the year, then the title. The same shapes decide where an entry starts
// (reference-list.ts) and what its parts are (parseReferenceEntry).

// The patterns written with String.raw give letters and dashes outside ASCII as \u escapes (the
// regular expressions read them as the characters): the CLI's bundle must be ASCII to load fast,
// and a raw template cannot be escaped for it (scripts/bundle-cli.mjs).

/**
 * The year of an entry as written inside its parentheses: "2019", "2019a", a session or range
 * ("2014-2015", "2015–2016", "2006- 2007"), "u.å.", "n.d.", "udatert", "i trykk", "in press".
 */
const yearCore = String.raw`\d{4}[a-z\u00e6\u00f8\u00e5]?(?:\s*[-\u2013\u2014/]\s*\d{2,4}[a-z]?)?|u\.\s?\u00e5\.?|n\.\s?d\.?|udatert|s\.\s?a\.|i\s+trykk|under\s+utgivelse|in\s+press|forthcoming`;

/** "(2019)", "(2019, 3. mai)", "(2025, February 3)", "(u.å.)": the year group of an entry. */
export const yearGroup = new RegExp(String.raw`\(\s*(${yearCore})\s*(?:[,;:][^()]{0,40})?\)`, 'iu');

// Family names: capitalised words, with particles ("van der Kolk", "De Dreu"), a lower-case
// particle glued on ("deCharms"), apostrophes ("O’Higgins") and hyphens of any kind
// ("Galiano‐Castillo" with U+2010). Two letters are a name ("Ye", "Li").
const particle =
  '(?:van|von|der|den|de|del|della|des|di|da|dos|du|la|le|ten|ter|af|al|el|bin|ibn|zu|y)';
const particleWord = new RegExp(`^${particle}$`, 'u');
const nameWord = String.raw`(?:\p{Ll}{1,3}(?=\p{Lu}))?[\p{Lu}\p{Lt}][\p{L}\p{M}'\u2019\u2010\u2011-]*`;
const familyName = String.raw`(?:${particle}\s+){0,3}${nameWord}(?:[\s\u2010\u2011-]+(?:${particle}\s+){0,3}${nameWord}){0,3}`;
// Initials: "A.", "A. B.", "J.-I. C.", "Kr.", "Th.", "Ø.", "M. D. J."
const initials = String.raw`\p{Lu}\p{Ll}{0,2}\.(?:[\s\u2010\u2011-]*\p{Lu}\p{Ll}{0,2}\.)*`;

/**
 * A regular expression built on first use. The name patterns below take ~0.1-0.7 ms each to build
 * (their Unicode classes), which a manuscript without a reference list never needs.
 */
function builtOnFirstUse(source: string, flags: string): () => RegExp {
  let pattern: RegExp | undefined;
  return () => {
    pattern ??= new RegExp(source, flags);
    return pattern;
  };
}

/** A line that begins with a personal author: "Bandura, A.", "van der Kolk, B. A.", "Ye, J.". */
const personalStart = builtOnFirstUse(String.raw`^[\s.]*${familyName},\s+${initials}`, 'u');

// Reports of the Norwegian state, cited by their number: "NOU 2011:11", "Meld. St. 33 (2015–2016)",
// "Prop. 1 S (2015–2016)", "St.meld. nr. 20 (2006–2007)", "Ot.prp. nr. 4".
const stateReport =
  /^[\s.]*(NOU\s*(\d{4})\s*:\s*\d+|(?:Meld\.\s?St\.|St\.\s?meld\.|Prop\.|Ot\.\s?prp\.|Innst\.)\s*(?:nr\.\s*)?\d+(?:\s?[A-Z]{1,2}\b)?)/u;
// Laws and regulations by their title: "Lov om sosiale tjenester …", "Forskrift om …", "Lov 18. desember 2009 nr. 131 …".
const lawTitle =
  /^[\s.]*(?:Lov|Forskrift|Lov\s+\d{1,2}\.\s*\p{Ll}+\s+\d{4})\s+(?:om|til|for|nr\.|\d)/u;

// Words an author list may hold besides names and initials.
const listWords = new Set([
  '&',
  'og',
  'and',
  'und',
  'et',
  'al.',
  'al',
  'm.fl.',
  'mfl.',
  '…',
  '.',
  '...',
  'red.',
  'red',
  'reds.',
  'eds.',
  'ed.',
  'utg.',
  'hrsg.',
  '(red.)',
  '(reds.)',
  '(eds.)',
  '(ed.)',
  '(utg.)',
  '(hrsg.)',
]);

/**
 * Whether text is only an author list: names, initials, commas, "&", "og", "et al.", ". . .", an
 * editor mark. A title or a sentence has lower-case words that an author list has not.
 */
export function isAuthorListText(text: string): boolean {
  const tokens = text
    .replace(/\((?:red|reds|eds?|utg|hrsg)\.?\)/giu, ' ')
    .trim()
    .split(/\s+/u)
    .filter((token) => token !== '' && !/^[.,;]+$/u.test(token));
  if (tokens.length === 0) return false;
  return tokens.every((raw) => {
    const token = raw.replace(/[,;]+$/u, '');
    if (token === '' || listWords.has(token.toLowerCase())) return true;
    if (particleWord.test(token)) return true;
    // Initials, a capitalised name (with hyphens, apostrophes, a glued particle).
    return new RegExp(String.raw`^(?:${initials}|${nameWord}\.?)$`, 'u').test(token);
  });
}

/**
 * How an entry opens, judged on its text from a line start on (several lines may follow):
 * `author-year` — an author list, then the year ("Bandura, A. (1997)."); `author` — a personal
 * author, but no year in reach ("Nunnally, J. O. Psychometric theory."); `corporate-year` — a
 * short name or title, then the year ("Helsedirektoratet. (2014).", "Meld. St. 33 (2015–2016)");
 * `report` — a state report by number ("NOU 2011:11 Innovasjon i omsorg") or a law by its title
 * ("Lov om sosiale tjenester …"); null otherwise.
 */
export function entryOpening(
  text: string,
): 'author-year' | 'author' | 'corporate-year' | 'report' | null {
  const head = text.slice(0, 600);
  const year = yearGroup.exec(head);
  const before = year ? head.slice(0, year.index) : '';
  if (personalStart().test(head)) {
    if (year && isAuthorListText(before.replace(/[.,]\s*$/u, ''))) return 'author-year';
    return harvardYear(head) ? 'author-year' : 'author';
  }
  if (stateReport.test(head) || lawTitle.test(head)) return 'report';
  if (year && year.index > 0 && isCorporateName(before.trim())) return 'corporate-year';
  return null;
}

// Harvard style without parentheses: "Kvale, S. 2004. Det kvalitative forskningsintervju."
const harvard = /^([^()]{3,400}?)[\s,]+(\d{4}[a-z]?)[.,:](?=\s|$)/u;

/** The author list and year of an entry written "Kvale, S. 2004. Title", or null. */
function harvardYear(text: string): { authors: string; year: string; length: number } | null {
  if (!personalStart().test(text)) return null;
  const match = harvard.exec(text);
  if (!match || !isAuthorListText((match[1] as string).replace(/[.,]\s*$/u, ''))) return null;
  return { authors: match[1] as string, year: match[2] as string, length: match[0].length };
}

const personInside = builtOnFirstUse(String.raw`[.,;]\s+${familyName},\s+${initials}`, 'u');

/**
 * A corporate author or a title in the author's place, as it stands before the year: it opens
 * with a capital (or a digit, as EndNote's garbled "2011:11."), is not long, and holds no
 * sentence end before a lower-case word, no numbers in parentheses, no link, no volume or pages
 * after a comma and no personal name (all of which belong to the end of the entry before it).
 */
function isCorporateName(name: string): boolean {
  if (name === '' || name.split(/\s+/u).length > 25) return false;
  if (
    !/^[\s.]*[\p{Lu}\p{N}"“«'‘]/u.test(name) ||
    /[.!?]\s+\p{Ll}/u.test(name) ||
    /[/_@]|https?:|www\./u.test(name)
  )
    return false;
  // A short form in parentheses belongs to a name ("Fellesorganisasjonen (FO)"); a volume or
  // issue in parentheses ("30(10)") to the entry before.
  if (/\([^()]*\d[^()]*\)|\[|\]/u.test(name)) return false;
  return !/,\s*\d/u.test(name) && !personInside().test(name);
}

const editorMark = /\s*\((?:red|reds|eds?|utg|hrsg)\.?\)\s*\.?\s*$/iu;

/** Parses one APA-style entry: authors' family names (or the corporate author), year, title. */
export function parseReferenceEntry(raw: string, start = 0): ReferenceListEntry {
  const entry = raw.trim();
  const offset = start + (raw.length - raw.trimStart().length);
  const report = stateReport.exec(entry);
  const year = yearGroup.exec(entry);
  let authorPart: string;
  let yearText: string | null = year?.[1] ?? null;
  let rest: string;
  if (year) {
    authorPart = entry.slice(0, year.index);
    rest = entry.slice(year.index + year[0].length);
  } else {
    const written = harvardYear(entry);
    if (written) {
      authorPart = written.authors;
      yearText = written.year;
      rest = entry.slice(written.length);
    } else {
      authorPart = report?.[1] ?? /^[^()]*?\.(?=\s)/u.exec(entry)?.[0] ?? '';
      rest = entry.slice(authorPart.length);
    }
  }
  // "NOU 2011:11 Innovasjon i omsorg." without a year in parentheses: the year of its number.
  if (yearText === null && report?.[2]) yearText = report[2];
  if (report && !year) authorPart = report[1] as string;
  // "Lov 18. desember 2009 nr. 131 om sosiale tjenester. Lovdata.": the law's title is its name,
  // its year the year in that title.
  if (!year && !report && lawTitle.test(entry)) {
    const name = firstSentence(entry);
    authorPart = name;
    yearText = /\b(1[89]\d\d|20\d\d)\b/u.exec(name)?.[1] ?? null;
    rest = entry.slice(name.length);
  }
  let title = year || yearText !== null ? titleAfterYear(rest) : null;
  // A work without an author has its title in the author's place ("Hvilke tiltak finnes? (2017).
  // Hentet fra …"): what follows the year is only where it was found.
  if (
    (title === null ||
      /^(?:retrieved|hentet|available|tilgjengelig|lest|https?:|www\.)/iu.test(title)) &&
    year &&
    !personalStart().test(authorPart)
  ) {
    title =
      authorPart
        .trim()
        .replace(/^[.\s]+/u, '')
        .replace(/\.$/u, '') || null;
  }
  return {
    raw: entry,
    start: offset,
    end: offset + entry.length,
    authors: parseAuthors(authorPart),
    year: yearText === null ? null : normaliseYear(yearText),
    title,
  };
}

/** Text up to its first sentence end outside parentheses (ordinals and abbreviations are no end). */
function firstSentence(text: string): string {
  return text.slice(0, sentenceEnd(text)).trim();
}

/**
 * The title: the text after "(year)." up to the first sentence end outside parentheses, without
 * a trailing parenthesis such as "(3. utg.)" or "[Master's thesis]".
 */
function titleAfterYear(rest: string): string | null {
  const text = rest.replace(/^\s*[.,:]\s*/u, '');
  const title = withoutTrailingGroup(text.slice(0, sentenceEnd(text)).trim());
  return title === '' ? null : title;
}

/** Where the first sentence of a text ends: before its period, after its "?" or "!". */
function sentenceEnd(text: string): number {
  let depth = 0;
  let stop = text.length;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (char === '(' || char === '[') depth++;
    else if ((char === ')' || char === ']') && depth > 0) depth--;
    // "18. desember", "2. kvartal": a Norwegian ordinal, not the end of the title.
    else if (
      char === '.' &&
      /\d/u.test(text[index - 1] ?? '') &&
      /^\s(?!https?:|www\.|doi)\p{Ll}/u.test(text.slice(index + 1, index + 8))
    )
      continue;
    // "nr. 131", "vol. 2", "s. 4": an abbreviation, not the end of the title.
    else if (
      char === '.' &&
      /(?:^|\s)(?:nr|no|vol|bd|s|pp|jf|ca|dvs|ed|utg|red)$/iu.test(
        text.slice(Math.max(0, index - 5), index),
      )
    )
      continue;
    else if (
      depth === 0 &&
      (char === '.' || char === '?' || char === '!') &&
      /\s|$/u.test(text[index + 1] ?? '')
    ) {
      stop = char === '.' ? index : index + 1;
      break;
    }
  }
  return stop;
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
  if (/^n\.d\.?$/iu.test(compact)) return 'n.d.';
  if (/^u\.å\.?$/iu.test(compact)) return 'u.å.';
  // "i trykk", "in press": the words keep their space.
  if (/^\p{L}/u.test(year) && !/^[nus]\./iu.test(compact))
    return year.trim().replace(/\s+/gu, ' ').toLowerCase();
  return compact;
}

/** Hyphens of other code points (U+2010, U+2011) as the ASCII hyphen names are compared with. */
function asciiHyphens(name: string): string {
  return name.replace(/[‐‑]/gu, '-');
}

const personalName = builtOnFirstUse(
  String.raw`^\s*(?:,\s*)?(?:(?:&|og|and)\s+)?(?:(?:\.\s?){3}|\u2026)?\s*(?:,\s*)?(?:(?:&|og|and)\s+)?([^,&()]+?),\s*(${initials})`,
  'u',
);

/** Family names of a personal author list, or the one corporate author. */
function parseAuthors(part: string): string[] {
  const authors = part
    .replace(editorMark, '')
    .trim()
    .replace(/^[.\s]+/u, '');
  if (authors === '') return [];
  if (!personalStart().test(authors)) return [asciiHyphens(authors.replace(/\.$/u, '').trim())];
  // "Surname, I. I., Surname, I., & Surname, I.": each family name is what stands before the comma
  // that its initials follow, so particles and two-letter names ("Fu", "Ye") stay.
  const names: string[] = [];
  let rest = authors;
  for (;;) {
    const match = personalName().exec(rest);
    if (!match) break;
    const name = (match[1] as string).trim();
    if (!/^(?:et al\.?|m\.?\s?fl\.?)$/iu.test(name) && /\p{L}/u.test(name))
      names.push(asciiHyphens(name));
    rest = rest.slice(match[0].length);
  }
  return names;
}
