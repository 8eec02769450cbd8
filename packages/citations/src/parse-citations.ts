import { findNarrativeAuthors, findOrganisationBefore } from './find-narrative-authors.js';
import { etAlPattern, hyphenClass, locatorLabelPattern, locatorValuePattern } from './lexicon.js';
import type { AuthorList } from './parse-authors.js';
import { type ParsedWork, parseTitledWork, parseWork } from './parse-work.js';
import type { Citation, Locator, SecondarySource } from './types.js';

// A parenthesis longer than this is prose, not a citation; it also bounds the work per "(".
const maxParenthesisLength = 400;
const undatedHint = /u\.\s?å|n\.\s?d|press|trykk|utgivelse|udatert|forthcoming/iu;
// Citations written without parentheses ("Eide & Eide, 2016, s.80"): only with "&" or "et al.",
// which do not occur in ordinary prose before a year.
// ASCII only (fast over the whole text); a letter right after the year is ruled out below.
const yearInProse = /(?<![0-9])(?:1[5-9]|20)[0-9]{2}(?![0-9])/g;
const letterOrMark = /[\p{L}\p{M}]/u;
const anchorBeforeYear = new RegExp(
  `(?:&\\s*\\p{Lu}[\\p{L}\\p{M}'’${hyphenClass}]*|${etAlPattern}),?\\s+$`,
  'u',
);
const unbracketedLocator = new RegExp(
  `[,.]?\\s*(${locatorLabelPattern})\\s*(${locatorValuePattern})`,
  'iuy',
);

/** Finds and parses every APA author–date citation in `text`, sorted by position. */
export function parseCitations(text: string): Citation[] {
  const found: Citation[] = [];
  let group = 0;
  let index = 0;
  for (;;) {
    const open = text.indexOf('(', index);
    if (open === -1) break;
    const close = findClose(text, open);
    if (close === -1) {
      index = open + 1;
      continue;
    }
    let citations = citationsInParenthesis(text, open, close, group);
    if (citations.length === 0) {
      const previous = found[found.length - 1];
      const page =
        previous === undefined ? null : locatorOnlyCitation(text, open, close, previous, group);
      if (page !== null) citations = [page];
    }
    if (citations.length > 0) {
      pushAll(found, citations);
      group += 1;
    }
    index = close + 1;
  }
  nameYearOnlyCitations(text, found);
  pushAll(found, findUnbracketed(text, found, group));
  return ordered(found);
}

// "et al." and its Norwegian forms in running text, ending a mention of authors without a year.
const etAlInProse = new RegExp(`${etAlPattern}(?=[\\s,;:])`, 'gu');
// The end of a sentence: a full stop, "!" or "?" before a capital, unless the stop ends "et al.",
// "mfl.", an initial or a common abbreviation.
const sentenceEnd =
  /(?<!\b(?:al|fl|mfl|bl\.a|f\.eks|e\.g|i\.e|ca|jf|s|pp?|kap|nr|\p{Lu}))[.!?]\s+(?=\p{Lu})|\n\n/u;

/**
 * "Gorzelitz et al. reported … after a home-based program (2021).": a year alone in parentheses
 * at the end of a sentence that opened with authors and "et al." but no year names those authors.
 * The citation keeps the parenthesis as its span and gets the authors, with `nameApart`.
 */
function nameYearOnlyCitations(text: string, found: Citation[]): void {
  for (let index = 0; index < found.length; index += 1) {
    const citation = found[index];
    if (citation === undefined || !citation.yearOnly || citation.authors.length > 0) continue;
    const open = text.lastIndexOf('(', citation.start);
    const previousEnd = found[index - 1]?.end ?? 0;
    const from = Math.max(previousEnd, open - 400, 0);
    const window = text.slice(from, open);
    let mention: RegExpExecArray | null = null;
    etAlInProse.lastIndex = 0;
    for (let match = etAlInProse.exec(window); match !== null; match = etAlInProse.exec(window))
      mention = match;
    if (mention === null) continue;
    const mentionEnd = from + mention.index + mention[0].length;
    if (
      sentenceEnd.test(text.slice(mentionEnd, open)) ||
      text
        .slice(mentionEnd, mentionEnd + 3)
        .trimStart()
        .startsWith('(')
    )
      continue;
    const names = findNarrativeAuthors(text, mentionEnd, -1);
    if (names === null || names.list.etAl === null || names.start < from) continue;
    // The citations of one parenthesis share the names ("(2021, s. 4; 2022)").
    for (let same = index; found[same]?.group === citation.group; same += 1) {
      const part = found[same];
      if (part === undefined || !part.yearOnly) break;
      found[same] = {
        ...part,
        form: 'narrative',
        authors: [...names.list.authors],
        corporate: names.list.corporate,
        etAl: names.list.etAl,
        connector: names.list.connector,
        yearOnly: false,
        nameApart: true,
      };
    }
  }
}

/**
 * The index of the ")" closing the "(" at `open`, or -1 when another "(" comes first or none comes
 * within the limit. Blank lines do not stop the search: text extracted from a PDF puts one between
 * every line, so a citation broken over a line holds one.
 */
function findClose(text: string, open: number): number {
  const limit = Math.min(text.length, open + maxParenthesisLength);
  for (let index = open + 1; index < limit; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 41) return index; // )
    if (code === 40) return -1; // (
  }
  return -1;
}

function hasDigitOrUndated(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) return true;
  }
  return undatedHint.test(text.slice(from, to));
}

function citationsInParenthesis(
  text: string,
  open: number,
  close: number,
  group: number,
): Citation[] {
  const ibid = ibidCitation(text, open, close, group);
  if (ibid !== null) return [ibid];
  if (!hasDigitOrUndated(text, open + 1, close)) return [];
  const session = parliamentarySession.exec(text.slice(open + 1, close));
  if (session !== null) return parliamentaryDocument(text, open, close, session[1] ?? '', group);
  const parts: Array<[number, number]> = [];
  const works: Array<ParsedWork | null> = [];
  for (const [from, to] of splitOnSemicolons(text, open + 1, close)) {
    const work = parseWork(text, from, to);
    // "(Alvesson og Sköldberg 1994, Kvale 2004)": works listed with commas instead of semicolons.
    const listed = work === null ? worksListedWithCommas(text, from, to) : null;
    if (listed === null) {
      parts.push([from, to]);
      works.push(work);
      continue;
    }
    for (const [part, listedWork] of listed) {
      parts.push(part);
      works.push(listedWork);
    }
  }
  // Beside works with authors, a part that is no author–date work may be a title with its year.
  if (works.length > 1 && works.some((work) => work !== null && work.authors !== null)) {
    for (const [index, [from, to]] of parts.entries()) {
      if (works[index] === null) works[index] = parseTitledWork(text, from, to);
    }
  }
  const first = works[0];
  // "Lundberg og Syltevik (2013)", "Nerdrum (gjengitt i ...)", "Bronfenbrenner (1979; 1986)":
  // a parenthesis that opens without names takes them from the words before it.
  if (first !== undefined && first !== null && lacksNames(first)) {
    const narrative = findNarrativeAuthors(text, open, close);
    if (narrative !== null)
      return narrativeCitations(text, works, narrative.list, narrative.start, close, group);
  }
  // "The National Institute of Mental Health (NIMH, 2020)": the name in the text, its abbreviation
  // with the year in the parenthesis.
  if (works.length === 1 && first !== undefined && first !== null && first.secondary === null) {
    const abbreviation =
      first.authors?.authors.length === 1 && first.authors.etAl === null
        ? first.authors.authors[0]
        : undefined;
    const named =
      abbreviation !== undefined && /^\p{Lu}{2,}$/u.test(abbreviation)
        ? findOrganisationBefore(text, open, abbreviation)
        : null;
    if (named !== null) {
      const authors: AuthorList = {
        authors: [named.name],
        connector: null,
        etAl: null,
        corporate: true,
      };
      return toCitations(text, first, {
        start: named.start,
        end: close + 1,
        authors,
        form: 'narrative',
        group,
        yearOnly: false,
      });
    }
  }
  // A year after a capitalised word that is not a name ("i Norge (2020)", "Bergen (1950)") dates
  // that thing; it is no year-only citation.
  const afterProperNoun = (): boolean =>
    /\p{Lu}[\p{L}\p{M}-]*[\s,]*$/u.test(text.slice(Math.max(0, open - 40), open));
  const citations: Citation[] = [];
  let previousAuthors: AuthorList | null = null;
  let previousWork: ParsedWork | null = null;
  for (const work of works) {
    if (work === null) continue;
    // "(Aadland, 2011; referert i Dalland, 2020)": the part before the marker's ";" is the original.
    if (previousWork !== null && work.secondary !== null && work.secondary.authors.length === 0) {
      const original = previousWork;
      citations.pop();
      const secondary: SecondarySource = {
        ...work.secondary,
        authors: original.authors?.authors ?? [],
        year: original.years[0]?.value ?? null,
      };
      const authors = work.authors ?? {
        authors: [],
        connector: null,
        etAl: null,
        corporate: false,
      };
      const frame = {
        start: original.start,
        end: work.end,
        authors,
        form: 'parenthetical' as const,
        group,
        yearOnly: false,
      };
      pushAll(citations, toCitations(text, { ...work, secondary, prefix: original.prefix }, frame));
      previousWork = null;
      continue;
    }
    // Only a work that made exactly one citation, just pushed, can be the original of the next part.
    previousWork = null;
    const before = citations.length;
    if (work.authors === null) {
      if (
        previousAuthors === null &&
        (afterProperNoun() || isReferenceEntryYear(text, open, close) || afterNamedPlan(text, open))
      )
        continue;
      // "versjon 2.1 (2022)", "kapittel 4.2 (2021)": a year after a number dates the numbered thing;
      // "(2019: 180)": a bare number after a lone year is a count, not a page.
      if (
        previousAuthors === null &&
        (/\d\s*$/u.test(text.slice(Math.max(0, open - 8), open)) || work.locator?.label === '')
      )
        continue;
      // A republished year ("1859/1998") or a school year ("2009/2010") with no name is no citation.
      if (previousAuthors === null && work.years.some((year) => year.value.includes('/'))) continue;
      // "(Smith, 2019; 2020)": a later part without names continues the previous author.
      const authors = previousAuthors ?? {
        authors: [],
        connector: null,
        etAl: null,
        corporate: false,
      };
      const frame = {
        start: work.start,
        end: work.end,
        authors,
        form: 'parenthetical' as const,
        group,
        yearOnly: previousAuthors === null,
      };
      pushAll(citations, toCitations(text, work, frame));
      if (citations.length === before + 1) previousWork = work;
      continue;
    }
    previousAuthors = work.authors;
    const frame = {
      start: work.start,
      end: work.end,
      authors: work.authors,
      form: 'parenthetical' as const,
      group,
      yearOnly: false,
    };
    pushAll(citations, toCitations(text, work, frame));
    if (citations.length === before + 1) previousWork = work;
  }
  return citations;
}

// "(ibid.)", "(ibid., s. 5)", "(Ibid)", "(samme sted, s. 14)": the work cited just before.
const ibidForm = new RegExp(
  `^\\s*(?:ibid\\.?|ibidem|samme sted|s\\.\\s?st\\.)(?:\\s*[,:]?\\s*(?<label>${locatorLabelPattern})\\s*(?<value>${locatorValuePattern}))?\\s*\\.?\\s*$`,
  'iu',
);
// "(s. 69)", "(p. 12)", "(pp. 3–4)", "(side 5)": a page alone.
const pageOnlyForm = new RegExp(
  `^\\s*(?<label>sider|side|ss\\.|s\\.|s(?=\\s?\\d)|pp\\.|p\\.|pp(?=\\s?\\d)|p(?=\\s?\\d))\\s*(?<value>${locatorValuePattern})\\s*\\.?\\s*$`,
  'iu',
);

/** A citation that refers back to the work cited before it: ibid. (with `ibid`) or a page alone (with `locatorOnly`). */
function backReference(
  text: string,
  open: number,
  close: number,
  match: RegExpExecArray,
  group: number,
): Citation {
  const start = open + 1 + (match[0].length - match[0].trimStart().length);
  const label = match.groups?.label;
  const value = match.groups?.value;
  let end = close;
  while (end > start && /[\s.]/u.test(text[end - 1] ?? '')) end -= 1;
  // "ibid." keeps its full stop; a page drops a stray one after the number ("(s. 69.)").
  if (text[end] === '.' && !/\d/u.test(text[end - 1] ?? '')) end += 1;
  let locator: Locator | null = null;
  if (label !== undefined && value !== undefined) {
    const labelStart = text.indexOf(label, start);
    const valueEnd = text.indexOf(value, labelStart + label.length) + value.length;
    locator = {
      label: label.trimEnd(),
      value,
      raw: text.slice(labelStart, valueEnd),
      start: labelStart,
    };
    end = Math.max(end, valueEnd);
  }
  return {
    raw: text.slice(start, end),
    start,
    end,
    form: 'parenthetical',
    authors: [],
    corporate: false,
    etAl: null,
    connector: null,
    year: null,
    notYear: null,
    locator,
    prefix: null,
    secondary: null,
    group,
    yearOnly: false,
  };
}

function ibidCitation(text: string, open: number, close: number, group: number): Citation | null {
  // Quick exit: the parenthesis must open with "i", "I", "s" or "S" after blanks.
  let first = open + 1;
  while (first < close && isBlankCode(text.charCodeAt(first))) first += 1;
  const code = text.charCodeAt(first) | 32;
  if ((code !== 105 && code !== 115) || close - open > 40) return null;
  const match = ibidForm.exec(text.slice(open + 1, close));
  if (match === null) return null;
  return { ...backReference(text, open, close, match, group), ibid: true };
}

/**
 * "Skau (2017) skriver at «…» (s. 69)": a page alone in parentheses, after a citation in the same
 * paragraph, is the page of that work. Without such a citation it is no citation (a page of the
 * thesis, a table's page).
 */
function locatorOnlyCitation(
  text: string,
  open: number,
  close: number,
  previous: Citation,
  group: number,
): Citation | null {
  if (close - open > 30 || previous.end > open) return null;
  const inside = text.slice(open + 1, close);
  // Quick exit, before the pattern is compiled at all: a page label opens with "s" or "p" (in any
  // case; "ſ" folds to "s" in a case-insensitive Unicode pattern).
  if (!/^[sSpPſ]/u.test(inside.trimStart())) return null;
  const match = pageOnlyForm.exec(inside);
  if (match === null) return null;
  if (text.slice(previous.end, open).includes('\n\n')) return null;
  return { ...backReference(text, open, close, match, group), locatorOnly: true };
}

function isBlankCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
}

// Norwegian white papers, bills and recommendations are cited by name and parliamentary session:
// "Meld. St. 26 (2014–2015)", "St.meld. nr. 47 (2008–2009)", "Prop. 13 L (2015–2016)".
const parliamentarySession = /^\s*((?:19|20)\d\d\s?[–—-]\s?(?:(?:19|20)\d\d|\d\d))\s*$/u;
const parliamentaryName =
  /(?<![\p{L}])((?:Meld\.\s?St\.|St\.\s?meld\.|Stortingsmelding|St\.\s?prp\.|Prop\.|Ot\.\s?prp\.|Innst\.|Innst\.\s?S\.)\s?(?:nr\.\s?)?\d{1,3}(?:\s?(?:L|S|LS))?)\s?$/u;
const locatorAfterSession = new RegExp(
  `^,\\s*(${locatorLabelPattern})\\s*(${locatorValuePattern})\\s*\\)`,
  'iu',
);

/**
 * A year range in parentheses is a citation only as the session of a parliamentary document named
 * right before it; inside an outer parenthesis ("(Meld. St. 26 (2014–2015), s. 12)") it is
 * parenthetical and may carry a locator.
 */
function parliamentaryDocument(
  text: string,
  open: number,
  close: number,
  session: string,
  group: number,
): Citation[] {
  const name = parliamentaryName.exec(text.slice(Math.max(0, open - 40), open));
  const written = name?.[1];
  if (name === null || written === undefined)
    return organisationSession(text, open, close, session, group);
  const nameStart = open - name[0].length + name[0].indexOf(written);
  const before = text.slice(Math.max(0, nameStart - 3), nameStart);
  const inParenthesis = /\(\s*$/u.test(before);
  let end = close + 1;
  let locator: Locator | null = null;
  let form: Citation['form'] = 'narrative';
  if (inParenthesis) {
    form = 'parenthetical';
    const after = locatorAfterSession.exec(text.slice(close + 1, close + 40));
    if (after?.[1] !== undefined && after[2] !== undefined) {
      const locatorStart = text.indexOf(after[1], close + 1);
      const locatorEnd = text.indexOf(after[2], locatorStart + after[1].length) + after[2].length;
      locator = {
        label: after[1].trimEnd(),
        value: after[2],
        raw: text.slice(locatorStart, locatorEnd),
        start: locatorStart,
      };
      end = locatorEnd;
    }
  }
  return [
    {
      raw: text.slice(nameStart, end),
      start: nameStart,
      end,
      form,
      authors: [written.replace(/\s+/gu, ' ')],
      corporate: true,
      etAl: null,
      connector: null,
      year: session,
      notYear: null,
      locator,
      prefix: null,
      secondary: null,
      group,
      yearOnly: false,
    },
  ];
}

/**
 * "Finansdepartementet (2015–2016)": an organisation named before the session of a budget or white
 * paper it published. Only a session (two years in a row): a longer span after a name dates the
 * thing named ("Stoltenberg-regjeringen (2005–2013)").
 */
function organisationSession(
  text: string,
  open: number,
  close: number,
  session: string,
  group: number,
): Citation[] {
  const years = /^((?:19|20)\d\d)\s?[–—-]\s?((?:19|20)?\d\d)$/u.exec(session);
  if (years === null || fullYear(years[1] ?? '', years[2] ?? '') !== Number(years[1]) + 1)
    return [];
  const narrative = findNarrativeAuthors(text, open, -1);
  if (narrative === null || !narrative.list.corporate || narrative.list.authors.length !== 1)
    return [];
  const year = session.replace(/\s+/gu, '');
  return [
    {
      raw: text.slice(narrative.start, close + 1),
      start: narrative.start,
      end: close + 1,
      form: 'narrative',
      authors: narrative.list.authors,
      corporate: true,
      etAl: null,
      connector: null,
      year,
      notYear: null,
      locator: null,
      prefix: null,
      secondary: null,
      group,
      yearOnly: false,
    },
  ];
}

/** The second year of a span as a number: "2016" → 2016, "16" after 2015 → 2016, "00" after 1999 → 2000. */
function fullYear(first: string, second: string): number {
  if (second.length === 4) return Number(second);
  const century = Number(first.slice(0, 2)) * 100;
  const year = century + Number(second);
  return year < Number(first) ? year + 100 : year;
}

// "Den nasjonale strategien for helse og omsorg (2019)": a plan, reform or strategy with its field.
const namedPlan =
  /(?:reformen|planen|strategien|satsingen|meldingen|programmet|strategy|plan|reform)\s+(?:for|om|i|mot|til|of|on)\s+(?:[\p{Ll}\p{M}-]+\s+){0,4}[\p{Ll}\p{M}-]+\s*$/u;

/** Whether a year in parentheses dates a plan, reform or strategy named right before it. */
function afterNamedPlan(text: string, open: number): boolean {
  return namedPlan.test(text.slice(Math.max(0, open - 80), open));
}

/**
 * "Dalland, O. (2017). Metode …", "Statistisk sentralbyrå. (u.å.). Sosialhjelp.": the year of an
 * entry in a reference list stands between two full stops; a year-only citation in prose does not.
 */
function isReferenceEntryYear(text: string, open: number, close: number): boolean {
  let before = open - 1;
  while (before >= 0 && /\s/u.test(text[before] ?? '')) before -= 1;
  return text[before] === '.' && text[close + 1] === '.';
}

/** Whether a work names no author of its own: a year only, or "gjengitt i X" without the original. */
function lacksNames(work: ParsedWork): boolean {
  return work.authors === null || (work.secondary !== null && work.secondary.authors.length === 0);
}

/** The citations of a narrative mention; the span runs from the names to the closing parenthesis. */
function narrativeCitations(
  text: string,
  works: Array<ParsedWork | null>,
  names: AuthorList,
  start: number,
  close: number,
  group: number,
): Citation[] {
  const citations: Citation[] = [];
  const lastIndex = works.findLastIndex((work) => work !== null);
  for (const [index, work] of works.entries()) {
    if (work === null) continue;
    const frameStart = citations.length === 0 ? start : work.start;
    const frameEnd = index === lastIndex ? close + 1 : work.end;
    const form = 'narrative' as const;
    if (work.authors === null) {
      pushAll(
        citations,
        toCitations(text, work, {
          start: frameStart,
          end: frameEnd,
          authors: names,
          form,
          group,
          yearOnly: false,
        }),
      );
    } else if (work.secondary !== null && work.secondary.authors.length === 0) {
      const secondary: SecondarySource = { ...work.secondary, authors: names.authors };
      const frame = {
        start: frameStart,
        end: frameEnd,
        authors: work.authors,
        form,
        group,
        yearOnly: false,
      };
      pushAll(citations, toCitations(text, { ...work, secondary }, frame));
    } else {
      pushAll(
        citations,
        toCitations(text, work, {
          start: frameStart,
          end: frameEnd,
          authors: work.authors,
          form,
          group,
          yearOnly: false,
        }),
      );
    }
  }
  return citations;
}

function pushAll(target: Citation[], items: Citation[]): void {
  for (const item of items) target.push(item);
}

// A comma right after a year and before a capitalised word: where works listed with commas meet.
const commaBetweenWorks = /(?<=(?:1[5-9]|20)\d\d[a-z]?),\s+(?=\p{Lu})/gu;

/**
 * Splits a part that is no work as a whole at the commas between works ("Kvale 2004, Thagaard
 * 2013"); null unless every piece is a work with its own authors and year.
 */
function worksListedWithCommas(
  text: string,
  from: number,
  to: number,
): Array<[[number, number], ParsedWork]> | null {
  const body = text.slice(from, to);
  const pieces: Array<[number, number]> = [];
  let start = from;
  for (const comma of body.matchAll(commaBetweenWorks)) {
    pieces.push([start, from + comma.index]);
    start = from + comma.index + 1;
  }
  if (pieces.length === 0) return null;
  pieces.push([start, to]);
  const listed: Array<[[number, number], ParsedWork]> = [];
  for (const piece of pieces) {
    const work = parseWork(text, piece[0], piece[1]);
    if (
      work === null ||
      work.authors === null ||
      work.years.length === 0 ||
      work.secondary !== null
    )
      return null;
    listed.push([piece, work]);
  }
  return listed;
}

function splitOnSemicolons(text: string, from: number, to: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let start = from;
  for (let index = from; index < to; index += 1) {
    if (text.charCodeAt(index) === 59) {
      parts.push([start, index]);
      start = index + 1;
    }
  }
  parts.push([start, to]);
  return parts;
}

interface CitationFrame {
  start: number;
  end: number;
  authors: AuthorList;
  form: Citation['form'];
  group: number;
  yearOnly: boolean;
}

/** One citation per year of a work ("Eide & Eide, 2008, 2016" gives two); the locator goes with the last. */
function toCitations(text: string, work: ParsedWork, frame: CitationFrame): Citation[] {
  const years = work.years.length === 0 ? [null] : work.years;
  return years.map((year, index) => {
    const first = index === 0;
    const last = index === years.length - 1;
    const start = first ? frame.start : (year?.start ?? frame.start);
    const end = last ? frame.end : (year?.end ?? frame.end);
    return {
      raw: text.slice(start, end),
      start,
      end,
      form: frame.form,
      authors: [...frame.authors.authors],
      corporate: frame.authors.corporate,
      etAl: frame.authors.etAl,
      connector: frame.authors.connector,
      year: year?.value ?? null,
      notYear: work.notYear,
      locator: last ? work.locator : null,
      prefix: first ? work.prefix : null,
      secondary: work.secondary,
      group: frame.group,
      yearOnly: frame.yearOnly,
      ...(frame.authors.genitive === undefined ? {} : { genitive: frame.authors.genitive }),
    };
  });
}

function findUnbracketed(text: string, taken: Citation[], firstGroup: number): Citation[] {
  // Spans of the citations found so far: sorted and non-overlapping, so a binary search finds the
  // first one that ends after a position.
  const spans = taken
    .map((citation) => [citation.start, citation.end] as const)
    .sort((a, b) => a[0] - b[0]);
  const isTaken = (from: number, to: number): boolean => {
    let low = 0;
    let high = spans.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((spans[middle]?.[1] ?? 0) <= from) low = middle + 1;
      else high = middle;
    }
    const span = spans[low];
    return span !== undefined && span[0] < to;
  };
  const citations: Citation[] = [];
  let group = firstGroup;
  // Driven by the years: they are rarer in prose than the letters of "et al." or "mfl.".
  yearInProse.lastIndex = 0;
  for (let year = yearInProse.exec(text); year !== null; year = yearInProse.exec(text)) {
    const yearStart = year.index;
    const yearText = year[0];
    if (letterOrMark.test(text[yearStart + yearText.length] ?? '')) continue;
    if (isTaken(yearStart, yearStart + yearText.length)) continue;
    if (!anchorBeforeYear.test(text.slice(Math.max(0, yearStart - 40), yearStart))) continue;
    if (
      /^\s?[-–—/]\s?\d/u.test(
        text.slice(yearStart + yearText.length, yearStart + yearText.length + 4),
      )
    )
      continue;
    const names = findNarrativeAuthors(text, yearStart, -1);
    if (names === null || (names.list.connector !== '&' && names.list.etAl === null)) continue;
    let end = yearStart + yearText.length;
    let locator: Locator | null = null;
    unbracketedLocator.lastIndex = end;
    const locatorMatch = unbracketedLocator.exec(text);
    if (locatorMatch?.[1] !== undefined && locatorMatch[2] !== undefined) {
      const locatorStart = text.indexOf(locatorMatch[1], locatorMatch.index);
      end = locatorMatch.index + locatorMatch[0].length;
      locator = {
        label: locatorMatch[1].trimEnd(),
        value: locatorMatch[2],
        raw: text.slice(locatorStart, end),
        start: locatorStart,
      };
    }
    if (isTaken(names.start, end) || isInsideParenthesis(text, names.start)) continue;
    citations.push({
      raw: text.slice(names.start, end),
      start: names.start,
      end,
      form: 'parenthetical',
      authors: names.list.authors,
      corporate: names.list.corporate,
      etAl: names.list.etAl,
      connector: names.list.connector,
      year: yearText,
      notYear: null,
      locator,
      prefix: null,
      secondary: null,
      group,
      yearOnly: false,
      unbracketed: true,
    });
    group += 1;
    yearInProse.lastIndex = Math.max(yearInProse.lastIndex, end);
  }
  return citations;
}

/** Whether an offset stands inside a parenthesis that we did not take for a citation. */
function isInsideParenthesis(text: string, offset: number): boolean {
  const from = Math.max(0, offset - maxParenthesisLength);
  for (let index = offset - 1; index >= from; index -= 1) {
    const code = text.charCodeAt(index);
    if (code === 41) return false;
    if (code === 40) return findClose(text, index) !== -1;
  }
  return false;
}

/** Sorts by position, drops any overlap (defensive: the scanners should not produce one) and renumbers groups. */
function ordered(citations: Citation[]): Citation[] {
  citations.sort((a, b) => a.start - b.start || a.end - b.end);
  const result: Citation[] = [];
  const groups = new Map<number, number>();
  let lastEnd = -1;
  for (const citation of citations) {
    if (citation.start < lastEnd) continue;
    lastEnd = citation.end;
    let group = groups.get(citation.group);
    if (group === undefined) {
      group = groups.size;
      groups.set(citation.group, group);
    }
    // The objects were made here and are not shared yet, so the group is set in place.
    citation.group = group;
    result.push(citation);
  }
  return result;
}
