import {
  locatorLabelPattern,
  locatorValuePattern,
  prefixPattern,
  secondaryMarkerPattern,
  undatedPattern,
} from './lexicon.js';
import { type AuthorList, parseAuthorList } from './parse-authors.js';
import type { Locator, SecondarySource } from './types.js';

/** A year as written, with its offsets in the parsed text. */
export interface YearToken {
  value: string;
  start: number;
  end: number;
}

/**
 * One cited work inside a parenthesis (one ";"-separated part), before it becomes one or more
 * `Citation`s (one per year).
 */
export interface ParsedWork {
  /** Offsets of the work without the prefix and surrounding blanks. */
  start: number;
  end: number;
  prefix: string | null;
  /** Null when the part names no author ("2013, s.31-33", "gjengitt i ..." keeps the source read). */
  authors: AuthorList | null;
  years: YearToken[];
  notYear: string | null;
  locator: Locator | null;
  secondary: SecondarySource | null;
}

// Prefixes may be stacked: "see, e.g.,", "se f.eks.".
const prefixAtStart = new RegExp(
  `^(${prefixPattern}(?:,?\\s+${prefixPattern})*),?\\s+(?=\\S)`,
  'iu',
);
const secondaryMarker = new RegExp(`(?<![\\p{L}\\p{M}])(${secondaryMarkerPattern})\\s+`, 'iu');
// A year: four digits not inside a longer number, optionally with the original year of a
// republished work first ("1859/1998"), or a no-date marker.
const yearDigits = '(?:1[5-9]\\d\\d|20\\d\\d)(?:/(?:1[5-9]\\d\\d|20\\d\\d))?(?!\\d)';
const yearToken = new RegExp(
  `(?<![\\p{L}\\p{M}\\d§])(?:(${yearDigits})|(${undatedPattern}))`,
  'gu',
);
const nextYear = new RegExp(`\\s*[,&]?\\s*(?:(${yearDigits})|(${undatedPattern}))`, 'iuy');
const yearRangeAfter = /^\s?[-–—/]\s?\d/u;
// After the year, a table or figure of the work may stand for the page: "Tabell C.4", "Table 2", "fig. 3".
const tableLabelPattern = '(?:tabell|table|tab\\.|figur|figure|fig\\.)';
const tableValuePattern = '(?:[A-Z]\\.?)?\\d{1,3}(?:\\.\\d{1,3})*[a-z]?(?![\\d\\p{L}])';
const locatorAfterYear = new RegExp(
  `(?<sep>\\s*[,.:]?\\s*)(?:(?<label>${locatorLabelPattern})\\s*(?<value>${locatorValuePattern})|(?<tableLabel>${tableLabelPattern})\\s*(?<tableValue>${tableValuePattern})|(?<bare>${locatorValuePattern}))`,
  'iuy',
);
const locatorAtEnd = new RegExp(
  `(?:^|(?<=[\\s,.(]))(${locatorLabelPattern})\\s*(${locatorValuePattern})[\\s.,]*$`,
  'iud',
);
const trailingJunk = /^[\s.,:]*$/u;
// A short remark after the year or locator: ", min oversettelse", ", original emphasis"; after a
// locator also without the comma: "s. 45 for en oversikt", "§ 4 første ledd".
const trailingRemark = /^\s*,\s*\p{L}[\p{L}\p{M}\s.]{0,40}$/u;
const remarkAfterLocator = /^\s+\p{Ll}[\p{L}\p{M}\s.]{0,40}$/u;

/** Parses one work of a parenthesis (text[start, end)) or returns null when it is not a citation. */
export function parseWork(text: string, start: number, end: number): ParsedWork | null {
  let from = skipBlanks(text, start, end);
  const to = trimEnd(text, from, end);
  if (from >= to) return null;
  let prefix: string | null = null;
  // Prefixes start with a lower-case letter or a capitalised "Se", "See", "Jf.", "Cf.", "For", "E.g.".
  const mayHavePrefix = /^(?:\p{Ll}|Se|Jf|Cf|E\.|For|Bl|Sær|Spes|Eks|I\.e)/u.test(
    text.slice(from, from + 4),
  );
  const prefixMatch = mayHavePrefix ? prefixAtStart.exec(text.slice(from, to)) : null;
  if (prefixMatch?.[1] !== undefined) {
    prefix = prefixMatch[1];
    from += prefixMatch[0].length;
  }
  const body = text.slice(from, to);
  // Every marker holds " i " or "cited", "quoted", "referred"; most works hold none of them.
  const mayBeSecondary =
    / i(?:n)?\s/iu.test(body) || body.includes('cited') || body.includes('quoted');
  const markerMatch = mayBeSecondary ? secondaryMarker.exec(body) : null;
  if (markerMatch?.[1] !== undefined) {
    const original = parseOriginal(body.slice(0, markerMatch.index));
    if (original === null) return null;
    const mainStart = from + markerMatch.index + markerMatch[0].length;
    const main = parseMainWork(text, mainStart, to);
    if (main === null || main.authors === null) return null;
    return {
      ...main,
      start: from,
      prefix,
      secondary: { authors: original.authors, year: original.year, marker: markerMatch[1] },
    };
  }
  const main = parseMainWork(text, from, to);
  if (main !== null) main.prefix = prefix;
  return main;
}

/**
 * "Handlingsplan 2013-2017: Inn på tunet, 2013" beside other works in one parenthesis: a work cited
 * by its title without quotation marks (the caller knows the parenthesis holds citations).
 */
export function parseTitledWork(text: string, start: number, end: number): ParsedWork | null {
  const from = skipBlanks(text, start, end);
  const to = trimEnd(text, from, end);
  const match = unquotedTitle.exec(text.slice(from, to));
  if (match?.[1] === undefined || match[2] === undefined) return null;
  const authors: AuthorList = {
    authors: [match[1].replace(/\s+/gu, ' ')],
    connector: null,
    etAl: null,
    corporate: true,
  };
  const yearStart = from + match[0].length - match[2].length;
  const years = [{ value: match[2], start: yearStart, end: to }];
  return {
    start: from,
    end: to,
    prefix: null,
    authors,
    years,
    notYear: null,
    locator: null,
    secondary: null,
  };
}

// A title of two words or more, then its year: "Strategi for god helse 2015–2020: Hverdagsaktivitet, 2015".
const unquotedTitle = /^(\p{Lu}[^\s();«»"“”]*\s[^();«»"“”]{1,150}?),\s*((?:19|20)\d\d[a-z]?)$/u;

function parseOriginal(text: string): { authors: string[]; year: string | null } | null {
  const trimmed = text.trim().replace(/[\s,]+$/u, '');
  if (trimmed.length === 0) return { authors: [], year: null };
  yearToken.lastIndex = 0;
  const year = yearToken.exec(trimmed);
  const namesText = (year === null ? trimmed : trimmed.slice(0, year.index))
    .trim()
    .replace(/[\s,]+$/u, '');
  if (year !== null && trimmed.slice(year.index + year[0].length).trim().length > 0) return null;
  if (namesText.length === 0) return { authors: [], year: year?.[0] ?? null };
  const list = parseAuthorList(namesText);
  if (list === null) return null;
  return { authors: list.authors, year: year?.[0] ?? null };
}

function parseMainWork(text: string, from: number, to: number): ParsedWork | null {
  const body = text.slice(from, to);
  const official = officialReport.exec(body);
  if (official !== null) return parseOfficialReport(text, from, to, official);
  const garbled = numberAsAuthor.exec(body);
  if (garbled?.[1] !== undefined && garbled[2] !== undefined) {
    // "(2011:11, 2011)": a reference manager lost the series of a report ("NOU"); the number it
    // kept stands as the author, as it does in the reference list.
    const yearStart = garbled[0].length - garbled[2].length;
    const authors: AuthorList = {
      authors: [garbled[1]],
      connector: null,
      etAl: null,
      corporate: true,
    };
    const years = [{ value: garbled[2], start: from + yearStart, end: from + garbled[0].length }];
    return {
      start: from,
      end: to,
      prefix: null,
      authors,
      years,
      notYear: null,
      locator: null,
      secondary: null,
    };
  }
  // ("Hvilke tiltak finnes?," 2017), («Slik søker du», 2021): a work without an author is cited by
  // its title in quotation marks; a year inside the title is part of it.
  const title = quotedTitle.exec(body);
  const year = findYear(body, title === null ? 0 : title[0].length);
  if (year !== null) {
    const namesText = body.slice(0, year.start);
    let authors: AuthorList | null = null;
    if (title?.[1] !== undefined) {
      if (year.start !== title[0].length) return null;
      authors = {
        authors: [title[1].replace(/\s+/gu, ' ')],
        connector: null,
        etAl: null,
        corporate: true,
      };
    } else if (namesText.trim().length > 0) {
      // "(May, 2011)", "(May & Perry, 2017)" name May; "(May 2011)" is a month.
      authors = parseAuthorList(namesText, /,\s*$|&|\s(?:og|and)\s/u.test(namesText));
      if (authors === null) return null;
    }
    // A span of years alone ("(2004-2006)") is a period in prose, never a citation.
    if (year.range && authors === null) return null;
    const years: YearToken[] = [
      { value: year.value, start: from + year.start, end: from + year.end },
    ];
    let cursor = year.end;
    for (;;) {
      nextYear.lastIndex = cursor;
      const more = nextYear.exec(body);
      if (more === null) break;
      const value = more[1] ?? more[2] ?? '';
      const valueStart = more.index + more[0].length - value.length;
      const withSuffix = readYearSuffix(body, valueStart + value.length);
      if (yearRangeAfter.test(body.slice(withSuffix))) return null;
      years.push({
        value: body.slice(valueStart, withSuffix),
        start: from + valueStart,
        end: from + withSuffix,
      });
      cursor = withSuffix;
    }
    let locator: Locator | null = null;
    locatorAfterYear.lastIndex = cursor;
    const locatorMatch = locatorAfterYear.exec(body);
    // A bare number is a page only after a comma or colon ("Røysum 2012, 59", "Hummelvoll (2012:45)").
    const found = locatorMatch?.groups;
    if (
      locatorMatch !== null &&
      found !== undefined &&
      (found.bare === undefined || /[,:]/u.test(found.sep ?? ''))
    ) {
      const label = found.label ?? found.tableLabel ?? '';
      const value = found.value ?? found.tableValue ?? found.bare ?? '';
      const locatorStart = cursor + (found.sep?.length ?? 0);
      const raw = body.slice(locatorStart, locatorMatch.index + locatorMatch[0].length);
      locator = { label: label.trimEnd(), value, raw, start: from + locatorStart };
      cursor = locatorMatch.index + locatorMatch[0].length;
    }
    const rest = body.slice(cursor);
    const remark = trailingRemark.test(rest) || (locator !== null && remarkAfterLocator.test(rest));
    if (!trailingJunk.test(rest) && !remark) return null;
    return {
      start: from,
      end: to,
      prefix: null,
      authors,
      years,
      notYear: null,
      locator,
      secondary: null,
    };
  }
  // No year: a citation only when a labelled locator ends it and names come first
  // ("Eide & Eide, s.125", "Arbeids- og velferdsdirektoratet, Rapporten, s.6").
  // The locator ends the work: search only its last characters (an end-anchored pattern would
  // otherwise be tried from every position of the work). The tail starts after a blank so that
  // "^" in the pattern never falls inside a word.
  let tailStart = Math.max(0, body.length - 32);
  while (tailStart > 0 && tailStart < body.length && !/\s/u.test(body[tailStart - 1] ?? ''))
    tailStart += 1;
  const atEnd = locatorAtEnd.exec(body.slice(tailStart));
  const labelIndices = atEnd?.indices?.[1];
  const valueIndices = atEnd?.indices?.[2];
  if (
    atEnd?.[1] === undefined ||
    atEnd[2] === undefined ||
    labelIndices === undefined ||
    valueIndices === undefined
  ) {
    return null;
  }
  const locatorStart = tailStart + labelIndices[0];
  const locator: Locator = {
    label: atEnd[1].trimEnd(),
    value: atEnd[2],
    raw: body.slice(locatorStart, tailStart + valueIndices[1]),
    start: from + locatorStart,
  };
  const before = body.slice(0, locatorStart).replace(/[\s,.]+$/u, '');
  if (before.length === 0) return null;
  const whole = parseAuthorList(before);
  if (whole !== null)
    return {
      start: from,
      end: to,
      prefix: null,
      authors: whole,
      years: [],
      notYear: null,
      locator,
      secondary: null,
    };
  const lastComma = before.lastIndexOf(',');
  if (lastComma <= 0) return null;
  const notYear = before.slice(lastComma + 1).trim();
  const authors = parseAuthorList(before.slice(0, lastComma));
  if (authors === null || notYear.length === 0 || notYear.length > 40 || /\d/u.test(notYear))
    return null;
  return {
    start: from,
    end: to,
    prefix: null,
    authors,
    years: [],
    notYear,
    locator,
    secondary: null,
  };
}

// "(2011:11, 2011)": a report number with the year of the report.
const numberAsAuthor = /^((?:19|20)\d\d:\s?\d{1,3}),\s*((?:19|20)\d\d)\s*$/u;
// A title in quotation marks, its comma inside or after the closing mark: "Title?," / «Title», / “Title,”.
const quotedTitle = /^["“”«„‘'](\p{Lu}[^"“”«»„‘’]{1,150}?)[,.]?["”“»’'],?\s*/u;

// A Norwegian official report is cited by its series, year and number: "NOU 2019: 2". The number
// is part of the name, not a page.
const officialReport = /^(NOU)\s?((?:19|20)\d\d)\s?:\s?(\d{1,3})(?!\d)/u;

/** "NOU 2019: 2", "NOU 2019: 2, s. 45": the report is the author, its year the year. */
function parseOfficialReport(
  text: string,
  from: number,
  to: number,
  match: RegExpExecArray,
): ParsedWork | null {
  const body = text.slice(from, to);
  const name = `${match[1]} ${match[2]}: ${match[3]}`;
  const yearStart = match[0].indexOf(match[2] ?? '');
  const year: YearToken = {
    value: match[2] ?? '',
    start: from + yearStart,
    end: from + yearStart + 4,
  };
  let cursor = match[0].length;
  let locator: Locator | null = null;
  locatorAfterYear.lastIndex = cursor;
  const locatorMatch = locatorAfterYear.exec(body);
  const found = locatorMatch?.groups;
  const label = found?.label ?? found?.tableLabel;
  if (locatorMatch !== null && label !== undefined) {
    const locatorStart = cursor + (found?.sep?.length ?? 0);
    const value = found?.value ?? found?.tableValue ?? '';
    locator = {
      label: label.trimEnd(),
      value,
      raw: body.slice(locatorStart, locatorMatch.index + locatorMatch[0].length),
      start: from + locatorStart,
    };
    cursor = locatorMatch.index + locatorMatch[0].length;
  }
  if (!trailingJunk.test(body.slice(cursor))) return null;
  const authors: AuthorList = { authors: [name], connector: null, etAl: null, corporate: true };
  return {
    start: from,
    end: to,
    prefix: null,
    authors,
    years: [year],
    notYear: null,
    locator,
    secondary: null,
  };
}

/**
 * The first year in a work, with its suffix ("2019a"), or a span of years ("2015-2016", "2005–2009"):
 * the session of a white paper or a budget, the period of a plan, as the reference list has it.
 * Null when none, or when a year opens anything else ("2019/2020" is read as a republished year).
 */
function findYear(
  body: string,
  from = 0,
): { value: string; start: number; end: number; range: boolean } | null {
  yearToken.lastIndex = from;
  const match = yearToken.exec(body);
  if (match === null) return null;
  const end =
    match[1] !== undefined
      ? readYearSuffix(body, match.index + match[0].length)
      : match.index + match[0].length;
  const after = body.slice(end);
  if (!yearRangeAfter.test(after))
    return { value: body.slice(match.index, end), start: match.index, end, range: false };
  const range = yearSpan.exec(after);
  const first = Number(match[1]);
  const second =
    range === null
      ? Number.NaN
      : Number((range[2] ?? '').length === 2 ? `${match[1]?.slice(0, 2)}${range[2]}` : range[2]);
  if (range === null || end !== match.index + 4 || !(second > first && second - first <= 10))
    return null;
  // Blanks around the dash are a slip of layout ("2006- 2007"); the span is read without them.
  return {
    value: `${match[1]}${range[1]}${range[2]}`,
    start: match.index,
    end: end + range[0].length,
    range: true,
  };
}

// The end of a span of years after its first year: "-2016", "–16", "- 2007".
const yearSpan = /^\s?([-–—])\s?((?:19|20)\d\d|\d\d)(?![\d\p{L}])/u;

/** Reads a year suffix letter ("2019a") but not the "s" of a glued locator ("2015s.42"). */
function readYearSuffix(body: string, at: number): number {
  const letter = body[at];
  if (letter === undefined || !/[a-z]/u.test(letter)) return at;
  const after = body.slice(at + 1, at + 3);
  if (/^\p{L}/u.test(after)) return at;
  if ((letter === 's' || letter === 'p') && /^(?:\.|\s?\d)/u.test(after)) return at;
  return at + 1;
}

function skipBlanks(text: string, from: number, to: number): number {
  let index = from;
  while (index < to && /\s/u.test(text[index] ?? '')) index += 1;
  return index;
}

function trimEnd(text: string, from: number, to: number): number {
  let index = to;
  while (index > from && /\s/u.test(text[index - 1] ?? '')) index -= 1;
  return index;
}
