import type { Citation } from '@litsynth/citations';
import type { Diagnostic, Lang, Localized, RuleIdOf } from '@litsynth/common';
import type { Manuscript } from '@litsynth/ingest';
import type { ListDebris, ListedEntry } from './list-debris.js';
import type { ListReading } from './list-reading.js';
import { foldName } from './names.js';
import type { Resolution } from './resolve-citation.js';
import { ruleById } from './rules.js';
import type { CheckedCitation, Reference } from './types.js';

// What the rules of the check share: a citation as they see it (a work), what they know of the
// typed list, where they report, and how messages name citations and works.

/** A citation with the authors it is checked under and what it resolved to. */
export interface Work {
  citation: Citation;
  /** Authors as written, or taken from the context for a year-only citation. */
  authors: string[];
  fromContext: boolean;
  resolution: Resolution;
  checked: CheckedCitation;
  /**
   * For an unresolved citation whose authors have a work of a year far from the cited one
   * ("Hanahan & Weinberg (2000)" with only their 2011 work listed): that work, for the message.
   */
  nearest: Reference | null;
  /** For a year-only citation whose author is named earlier in its sentence: where that name ends. */
  nameEnd: number | null;
}

/** What the rules know of the manuscript's own reference list and how well it was read. */
export interface ListContext {
  /** The typed entries by reference key ("list-<line>"). */
  entries: Map<string, ListedEntry>;
  reading: ListReading | null;
  /** Whether the typed list is all there is to resolve against (no bibliography, no document fields). */
  only: boolean;
  debris: ListDebris;
  /** The style the typed list is held to, and whether it was inferred from the thesis's language. */
  style: string;
  styleInferred: boolean;
}

/** What every rule needs: where to report, in which language, against what. */
export interface Context {
  manuscript: Manuscript;
  references: readonly Reference[];
  language: Lang;
  report: Report;
  list: ListContext;
}

export type Report = (
  rule: RuleIdOf<'check'>,
  offset: number,
  message: Localized,
  extra?: Partial<Diagnostic>,
) => void;

/** A diagnostic of a check rule at an offset of the manuscript, with its place, section and the rule's severity. */
export function diagnosticAt(
  manuscript: Manuscript,
  rule: RuleIdOf<'check'>,
  offset: number,
  message: Localized,
  extra: Partial<Diagnostic>,
): Diagnostic {
  const place = manuscript.locate(offset);
  const section = sectionName(manuscript, offset);
  return {
    rule,
    severity: ruleById(rule).severity,
    message,
    file: manuscript.path,
    line: place.line,
    column: place.column,
    ...(place.page === undefined ? {} : { page: place.page }),
    ...(section === undefined ? {} : { section }),
    ...extra,
  };
}

/** The heading (with its number) of the section an offset is in. */
export function sectionName(manuscript: Manuscript, offset: number): string | undefined {
  const heading = manuscript.sectionAt(offset);
  if (!heading) return undefined;
  return heading.number ? `${heading.number} ${heading.text}` : heading.text;
}

/** The citation text with line breaks and runs of spaces as one space, for messages. */
export function rawOf(citation: Citation): string {
  return citation.raw.replace(/\s+/g, ' ').trim();
}

/** "Natland et al. (2019)": how a reference is cited, for messages and suggestions. */
export function citeForm(reference: Reference, language: Lang): string {
  const names = reference.names;
  const undated = language === 'en' ? 'n.d.' : 'u.å.';
  const missing = language === 'en' ? 'year missing' : 'år mangler';
  const year = reference.yearMissing
    ? missing
    : reference.year === null || reference.year === 'u.å.'
      ? undated
      : reference.year;
  // A work without author is cited by its short form or (shortened) title.
  const title =
    reference.title && reference.title.length > 40
      ? `${reference.title.slice(0, 40)}…`
      : reference.title;
  if (names.length === 0)
    return `${reference.abbreviations[0] ?? title ?? reference.key} (${year})`;
  if (names.length >= 3) return `${names[0]} et al. (${year})`;
  return `${names.join(language === 'en' ? ' and ' : ' og ')} (${year})`;
}

/** Names as a comma-separated list, for messages. */
export const listNames = (names: readonly string[]): string => names.join(', ');

/** Folded names joined, the part of a group id that names the authors. */
export const groupName = (names: readonly string[]): string => names.map(foldName).join('+');

// Years this far apart are taken for two works, not one work cited with a wrong year.
const sameWorkYears = 2;

/** Whether two years are more than a slip apart ("2000" and "2011"). */
export function farApart(cited: string | undefined, entry: string | null): boolean {
  if (cited === undefined || entry === null || !/^\d{4}/.test(cited) || !/^\d{4}/.test(entry))
    return false;
  return Math.abs(Number.parseInt(cited, 10) - Number.parseInt(entry, 10)) > sameWorkYears;
}

/** "Hanahan og Weinberg", "Natland et al.": the names of a reference as the text cites them, without the year. */
export function citeNames(reference: Reference, language: Lang): string {
  const names = reference.names;
  if (names.length === 0) return reference.abbreviations[0] ?? reference.key;
  if (names.length >= 3) return `${names[0]} et al.`;
  return names.join(language === 'en' ? ' and ' : ' og ');
}

/** Text as a literal inside a regular expression ("Van der Klink", "2011:11", "(FO)"). */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
