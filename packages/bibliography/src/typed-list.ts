import type { Diagnostic, Localized } from '@litsynth/common';
import { entryDiagnostic } from './diagnostics.js';
import { assignYearSuffixes, entryNames, entryYear } from './names.js';
import { foldText } from './fold-text.js';
import type { BibEntry } from './types.js';

/** One entry of a reference list typed in the manuscript (what `@litsynth/ingest` parses), placed. */
export interface TypedReference {
  /** The entry as typed (plain text: italics are lost). */
  raw: string;
  /** Family names or corporate authors, in order. */
  authors: string[];
  /** "2013", "2019a", "u.å.", or null. */
  year: string | null;
  title: string | null;
  /** 1-based place of the entry in the manuscript file. */
  line: number;
  column?: number;
}

export interface CompareTypedListOptions {
  /** The manuscript file, for the diagnostics. */
  file: string;
  /** Line of the reference-list heading: where a missing entry is reported. */
  listLine: number;
  /** Ids of the cited works; default: every entry. */
  cited?: ReadonlySet<string>;
  /** `norsk-apa-manual` (default) or `apa`: which form rules apply. */
  style?: string;
}

/** A form problem of a typed entry: what it is and what the style writes instead. */
interface FormProblem {
  message: Localized;
  suggestion: Localized;
}

/** The author part of a typed entry: everything before the "(year)". */
function authorPart(raw: string): string {
  const match = /\((?:\d{4}[a-z]?|u\.å\.|n\.d\.)/.exec(raw);
  return match ? raw.slice(0, match.index) : raw.slice(0, 80);
}

/** The typed text without URLs and DOIs, where hyphens and punctuation mean nothing. */
function withoutLinks(raw: string): string {
  return raw.replace(/\b(?:https?:\/\/|doi:\s*|www\.)\S+/gi, ' ');
}

/** Form rules of Norwegian APA 7 (norsk-apa-manual) and of APA 7 (apa) that plain text can show. */
export function typedEntryFormProblems(raw: string, style = 'norsk-apa-manual'): FormProblem[] {
  const norwegian = style !== 'apa';
  const problems: FormProblem[] = [];
  const authors = authorPart(raw);
  const text = withoutLinks(raw);
  if (norwegian && /,\s*&/.test(authors)) {
    problems.push({
      message: { nb: 'komma før «&» i forfatterlisten', en: 'a comma before "&" in the author list' },
      suggestion: { nb: 'Eide, T. & Eide, H.', en: 'Eide, T. & Eide, H.' },
    });
  }
  if (!norwegian && /[A-Z]\.\s+&/.test(authors) && (authors.match(/,/g) ?? []).length >= 2) {
    problems.push({
      message: { nb: 'mangler komma før «&» i forfatterlisten', en: 'no comma before "&" in the author list' },
      suggestion: { nb: 'Eide, T., & Eide, H.', en: 'Eide, T., & Eide, H.' },
    });
  }
  if (/\p{Lu}\.\s+og\s+\p{Lu}/u.test(authors) || /,\s+\p{Lu}\.\s+(og|and)\s+\p{Lu}\p{Ll}+,/u.test(authors)) {
    problems.push({
      message: { nb: '«og» mellom forfatterne i litteraturlisten', en: '"og" between the authors in the reference list' },
      suggestion: { nb: 'bruk «&» i litteraturlisten', en: 'use "&" in the reference list' },
    });
  }
  if (norwegian && /\((?:Eds?|ed|eds|red)\.\)/.test(text)) {
    problems.push({
      message: { nb: 'redaktør skrevet annerledes enn «(Red.)»', en: 'editors marked otherwise than "(Red.)"' },
      suggestion: { nb: '(Red.)', en: '(Red.)' },
    });
  }
  const edition = /\((\d+)(?:\.|st|nd|rd|th)?\s*(?:ed|edn|edition|utgave|opplag)\.?\)/i.exec(text);
  if (norwegian && edition) {
    problems.push({
      message: { nb: `utgave skrevet «${edition[0]}»`, en: `edition written "${edition[0]}"` },
      suggestion: { nb: `(${edition[1]}. utg.)`, en: `(${edition[1]}. utg.)` },
    });
  }
  if (norwegian && /\.\s+In\s+\p{Lu}/u.test(text)) {
    problems.push({
      message: { nb: '«In» foran redaktørene av en bok', en: '"In" before the editors of a book' },
      suggestion: { nb: 'I A. Berg & L. Dahl (Red.), …', en: 'I A. Berg & L. Dahl (Red.), …' },
    });
  }
  if (norwegian && /\(pp?\.\s*\d/.test(text)) {
    problems.push({
      message: { nb: 'sider skrevet «pp.»', en: 'pages written "pp."' },
      suggestion: { nb: '(s. 95–110)', en: '(s. 95–110)' },
    });
  }
  if (/\b\d+\s*(?:-|—|--)\s*\d+\b/.test(text.replace(/\(\d{4}[–-]\d{4}\)/g, ''))) {
    problems.push({
      message: { nb: 'sidespenn med bindestrek', en: 'a page range with a hyphen' },
      suggestion: { nb: '86–99 (tankestrek)', en: '86–99 (en dash)' },
    });
  }
  const doi = /(?:\bdoi:\s*|https?:\/\/dx\.doi\.org\/|http:\/\/doi\.org\/|(?<![/\w])(?=10\.\d{4,9}\/))(10\.\d{4,9}\/\S+?)[.,]?(?:\s|$)/i.exec(raw);
  if (doi) {
    problems.push({
      message: { nb: 'DOI skrevet annerledes enn som https://doi.org/…', en: 'a DOI written otherwise than https://doi.org/…' },
      suggestion: { nb: `https://doi.org/${doi[1]}`, en: `https://doi.org/${doi[1]}` },
    });
  }
  return problems;
}

/** "2019a" → { year: "2019", suffix: "a" }. */
function splitYear(year: string | null): { year: string | null; suffix: string } {
  const match = year ? /^(\d{4})([a-z]?)$/.exec(year) : null;
  return match ? { year: match[1]!, suffix: match[2]! } : { year, suffix: '' };
}

/**
 * Compares a reference list typed in the manuscript with the bibliography: typed entries written
 * otherwise than the style requires, cited works missing from the typed list, and typed entries
 * that match no cited work.
 */
export function compareTypedReferenceList(typed: readonly TypedReference[], entries: readonly BibEntry[], options: CompareTypedListOptions): Diagnostic[] {
  const cited = entries.filter((entry) => !options.cited || options.cited.has(entry.id));
  const suffixes = assignYearSuffixes(entries);
  const diagnostics: Diagnostic[] = [];
  const matched = new Set<string>();
  for (const reference of typed) {
    const problems = typedEntryFormProblems(reference.raw, options.style);
    for (const problem of problems) {
      diagnostics.push(
        entryDiagnostic({
          rule: 'bib-typed-entry-form',
          severity: 'warning',
          file: options.file,
          line: reference.line,
          column: reference.column ?? 1,
          raw: reference.raw,
          message: { nb: `Litteraturlisten: ${problem.message.nb}.`, en: `Reference list: ${problem.message.en}.` },
          suggestion: problem.suggestion,
        }),
      );
    }
    const typedYear = splitYear(reference.year);
    const firstAuthor = reference.authors[0] ? foldText(reference.authors[0]) : undefined;
    const candidates = cited.filter((entry) => {
      const names = entryNames(entry).map(foldText);
      if (!firstAuthor || names[0] !== firstAuthor || matched.has(entry.id)) return false;
      if (entryYear(entry) !== (typedYear.year ?? 'u.å.')) return false;
      return !typedYear.suffix || !suffixes.has(entry.id) || suffixes.get(entry.id) === typedYear.suffix;
    });
    // Prefer the candidate with the same number of authors, then the same title.
    const typedTitle = reference.title ? foldText(reference.title) : '';
    const best = [...candidates].sort(
      (a, b) =>
        Number(entryNames(b).length === reference.authors.length) - Number(entryNames(a).length === reference.authors.length) ||
        Number(foldText(b.item.title ?? '') === typedTitle) - Number(foldText(a.item.title ?? '') === typedTitle),
    )[0];
    if (best) {
      matched.add(best.id);
      continue;
    }
    diagnostics.push(
      entryDiagnostic({
        rule: 'bib-typed-entry-extra',
        severity: 'warning',
        file: options.file,
        line: reference.line,
        column: reference.column ?? 1,
        raw: reference.raw,
        message: {
          nb: `Litteraturlisten har ${reference.authors.join(' & ') || reference.raw.slice(0, 40)} (${reference.year ?? 'uten år'}), som ikke svarer til noe sitert verk.`,
          en: `The reference list has ${reference.authors.join(' & ') || reference.raw.slice(0, 40)} (${reference.year ?? 'no year'}), which matches no cited work.`,
        },
        suggestion: { nb: 'Fjern den, eller siter verket i teksten.', en: 'Remove it, or cite the work in the text.' },
      }),
    );
  }
  for (const entry of cited) {
    if (matched.has(entry.id)) continue;
    const names = entryNames(entry);
    const authors = names.length <= 2 ? names.join(' & ') : `${names[0]} et al.`;
    const year = `${entryYear(entry)}${suffixes.get(entry.id) ?? ''}`;
    diagnostics.push(
      entryDiagnostic({
        rule: 'bib-typed-entry-missing',
        severity: 'error',
        file: options.file,
        line: options.listLine,
        key: entry.id,
        raw: `${authors} (${year})`,
        message: {
          nb: `${authors} (${year}) er sitert, men mangler i litteraturlisten.`,
          en: `${authors} (${year}) is cited but missing from the reference list.`,
        },
        suggestion: { nb: 'Legg verket til i litteraturlisten (litsynth bib lager den).', en: 'Add the work to the reference list (litsynth bib makes it).' },
      }),
    );
  }
  return diagnostics;
}
