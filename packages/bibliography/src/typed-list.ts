import type { Diagnostic, Localized } from '@litsynth/common';
import { entryDiagnostic } from './diagnostics.js';
import { foldText } from './fold-text.js';
import { assignYearSuffixes, entryNames, entryYear } from './names.js';
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
  /**
   * Whether the style was inferred (from the thesis's language) rather than chosen by a study: then
   * a form that the whole list writes one way, the way of one of the two APA 7 styles, is the list's
   * own choice and is not flagged (see `listVariantChoices`).
   */
  styleInferred?: boolean;
}

/**
 * The forms the two APA 7 styles write differently: APA 7 itself (`apa`) and the Norwegian APA
 * manual (`norsk-apa-manual`). Everything else (a hyphen in a page range, the DOI form) both share.
 */
export type VariantFeature = 'serial-comma' | 'editors' | 'edition' | 'in' | 'pages';

/** Which of the two APA 7 styles a form is written in. */
export type Variant = 'apa' | 'norsk';

/** A form problem of a typed entry: what it is and what the style writes instead. */
interface FormProblem {
  message: Localized;
  suggestion: Localized;
  /** The form the two APA 7 styles write differently, when the problem is one of them. */
  variant?: VariantFeature;
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

/**
 * A form of an entry that the two APA 7 styles write differently: which style writes it so (null:
 * neither, as "(6. ed.)"), and the problem it is under each style that does not.
 */
interface VariantForm {
  feature: VariantFeature;
  variant: Variant | null;
  problems: Partial<Record<Variant, Omit<FormProblem, 'variant'>>>;
}

const problem = (nb: string, en: string, suggestion: string): Omit<FormProblem, 'variant'> => ({
  message: { nb, en },
  suggestion: { nb: suggestion, en: suggestion },
});

/** The edition as written: "(2nd ed.)" is APA 7's, "(2. utg.)" the Norwegian manual's, "(2. ed.)" neither's. */
function editionForm(text: string): VariantForm | null {
  // "(2nd ed.)", or within a chapter's parentheses "(2nd ed., pp. 95–110)".
  const match = /\((\d+)(\.|st|nd|rd|th)?\s*(ed|edn|edition|utg|utgave|opplag)(\.?)([,)])/i.exec(
    text,
  );
  if (!match) return null;
  const [found, number = '', mark = '', word = '', period = '', end = ''] = match;
  const written = end === ')' ? found : found.slice(0, -1);
  const english = /^(st|nd|rd|th)$/.test(mark) && word === 'ed' && period === '.';
  const norwegian = mark === '.' && word === 'utg' && period === '.';
  const variant: Variant | null = english ? 'apa' : norwegian ? 'norsk' : null;
  const wrong = (suggestion: string) =>
    problem(`utgave skrevet «${written}»`, `edition written "${written}"`, suggestion);
  return {
    feature: 'edition',
    variant,
    problems: {
      ...(variant === 'apa' ? {} : { apa: wrong(`(${ordinal(number)} ed.)`) }),
      ...(variant === 'norsk' ? {} : { norsk: wrong(`(${number}. utg.)`) }),
    },
  };
}

/** The forms of an entry that the two APA 7 styles write differently. */
function variantForms(raw: string): VariantForm[] {
  const authors = authorPart(raw);
  const text = withoutLinks(raw);
  const forms: VariantForm[] = [];
  if (/,\s*&/.test(authors)) {
    forms.push({
      feature: 'serial-comma',
      variant: 'apa',
      problems: {
        norsk: problem(
          'komma før «&» i forfatterlisten',
          'a comma before "&" in the author list',
          'Eide, T. & Eide, H.',
        ),
      },
    });
  } else if (/\p{Lu}\.\s+&/u.test(authors) && (authors.match(/,/g) ?? []).length >= 2) {
    forms.push({
      feature: 'serial-comma',
      variant: 'norsk',
      problems: {
        apa: problem(
          'mangler komma før «&» i forfatterlisten',
          'no comma before "&" in the author list',
          'Eide, T., & Eide, H.',
        ),
      },
    });
  }
  const editors = /\((Eds?|eds?|Red|red)\.\)/.exec(text)?.[1];
  if (editors) {
    const variant: Variant | null = /^Eds?$/.test(editors)
      ? 'apa'
      : editors === 'Red'
        ? 'norsk'
        : null;
    forms.push({
      feature: 'editors',
      variant,
      problems: {
        ...(variant === 'apa'
          ? {}
          : {
              apa: problem(
                'redaktør skrevet annerledes enn «(Ed.)» / «(Eds.)»',
                'editors marked otherwise than "(Ed.)" / "(Eds.)"',
                '(Eds.)',
              ),
            }),
        ...(variant === 'norsk'
          ? {}
          : {
              norsk: problem(
                'redaktør skrevet annerledes enn «(Red.)»',
                'editors marked otherwise than "(Red.)"',
                '(Red.)',
              ),
            }),
      },
    });
  }
  const edition = editionForm(text);
  if (edition) forms.push(edition);
  if (/\.\s+In\s+\p{Lu}/u.test(text)) {
    forms.push({
      feature: 'in',
      variant: 'apa',
      problems: {
        norsk: problem(
          '«In» foran redaktørene av en bok',
          '"In" before the editors of a book',
          'I A. Berg & L. Dahl (Red.), …',
        ),
      },
    });
  } else if (/\.\s+I\s+\p{Lu}\.\s*(?:\p{Lu}\.\s*)*\p{Lu}\p{Ll}/u.test(text)) {
    forms.push({
      feature: 'in',
      variant: 'norsk',
      problems: {
        apa: problem(
          '«I» foran redaktørene av en bok',
          '"I" before the editors of a book',
          'In A. Berg & L. Dahl (Eds.), …',
        ),
      },
    });
  }
  if (/[(,]\s*pp?\.\s*\d/.test(text)) {
    forms.push({
      feature: 'pages',
      variant: 'apa',
      problems: { norsk: problem('sider skrevet «pp.»', 'pages written "pp."', '(s. 95–110)') },
    });
  } else if (/[(,]\s*s\.\s*\d/.test(text)) {
    forms.push({
      feature: 'pages',
      variant: 'norsk',
      problems: { apa: problem('sider skrevet «s.»', 'pages written "s."', '(pp. 95–110)') },
    });
  }
  return forms;
}

/** 2 → "2nd", 11 → "11th". */
function ordinal(number: string): string {
  const n = Number(number);
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${number}${suffix}`;
}

/**
 * Form rules of Norwegian APA 7 (norsk-apa-manual, the default) and of APA 7 (apa) that plain text
 * can show. `accepted`: forms the list has chosen (`listVariantChoices`), not flagged.
 */
export function typedEntryFormProblems(
  raw: string,
  style = 'norsk-apa-manual',
  accepted: ReadonlyMap<VariantFeature, Variant> = new Map(),
): FormProblem[] {
  const own: Variant = style === 'apa' ? 'apa' : 'norsk';
  const forms = variantForms(raw);
  const problems: FormProblem[] = [];
  const variantProblem = (feature: VariantFeature) => {
    const form = forms.find((candidate) => candidate.feature === feature);
    const found = form?.problems[own];
    if (form && found && (form.variant === null || accepted.get(feature) !== form.variant))
      problems.push({ ...found, variant: feature });
  };
  const text = withoutLinks(raw);
  variantProblem('serial-comma');
  if (
    /\p{Lu}\.\s+og\s+\p{Lu}/u.test(authorPart(raw)) ||
    /,\s+\p{Lu}\.\s+(og|and)\s+\p{Lu}\p{Ll}+,/u.test(authorPart(raw))
  ) {
    problems.push({
      message: {
        nb: '«og» mellom forfatterne i litteraturlisten',
        en: '"og" between the authors in the reference list',
      },
      suggestion: { nb: 'bruk «&» i litteraturlisten', en: 'use "&" in the reference list' },
    });
  }
  variantProblem('editors');
  variantProblem('edition');
  variantProblem('in');
  variantProblem('pages');
  if (/\b\d+\s*(?:-|—|--)\s*\d+\b/.test(text.replace(/\(\d{4}[–-]\d{4}\)/g, ''))) {
    problems.push({
      message: { nb: 'sidespenn med bindestrek', en: 'a page range with a hyphen' },
      suggestion: { nb: '86–99 (tankestrek)', en: '86–99 (en dash)' },
    });
  }
  const doi =
    /(?:\bdoi:\s*|https?:\/\/dx\.doi\.org\/|http:\/\/doi\.org\/|(?<![/\w])(?=10\.\d{4,9}\/))(10\.\d{4,9}\/\S+?)[.,]?(?:\s|$)/i.exec(
      raw,
    );
  if (doi) {
    problems.push({
      message: {
        nb: 'DOI skrevet annerledes enn som https://doi.org/…',
        en: 'a DOI written otherwise than https://doi.org/…',
      },
      suggestion: { nb: `https://doi.org/${doi[1]}`, en: `https://doi.org/${doi[1]}` },
    });
  }
  return problems;
}

/**
 * The forms a whole typed list writes one way only, the way of one of the two APA 7 styles: a form
 * written so in at least two entries, or in one when every variant form of the list is of that same
 * style. A list that mixes the two ways of a form has chosen nothing for it.
 */
export function listVariantChoices(raws: readonly string[]): Map<VariantFeature, Variant> {
  const seen = new Map<VariantFeature, { variants: Set<Variant>; count: number }>();
  const all = new Set<Variant>();
  for (const raw of raws) {
    for (const form of variantForms(raw)) {
      if (form.variant === null) continue;
      const entry = seen.get(form.feature) ?? { variants: new Set<Variant>(), count: 0 };
      entry.variants.add(form.variant);
      entry.count += 1;
      seen.set(form.feature, entry);
      all.add(form.variant);
    }
  }
  const choices = new Map<VariantFeature, Variant>();
  for (const [feature, { variants, count }] of seen) {
    const [variant] = [...variants];
    if (variants.size === 1 && variant && (count >= 2 || all.size === 1))
      choices.set(feature, variant);
  }
  return choices;
}

/** "2019a" → { year: "2019", suffix: "a" }. */
function splitYear(year: string | null): { year: string | null; suffix: string } {
  const match = year ? /^(\d{4})([a-z]?)$/.exec(year) : null;
  return match ? { year: match[1]!, suffix: match[2]! } : { year, suffix: '' };
}

/**
 * What an entry is listed under: its authors (or editors), or, for a work with neither, its title,
 * which APA puts in the author's place ("Cancer. (2025, February 3). World Health Organization.").
 */
function listedNames(entry: BibEntry): string[] {
  const names = entryNames(entry);
  const title = entry.item.title?.trim();
  return names.length > 0 || !title ? names : [title];
}

/**
 * Compares a reference list typed in the manuscript with the bibliography: typed entries written
 * otherwise than the style requires, cited works missing from the typed list, and typed entries
 * that match no cited work.
 */
export function compareTypedReferenceList(
  typed: readonly TypedReference[],
  entries: readonly BibEntry[],
  options: CompareTypedListOptions,
): Diagnostic[] {
  const cited = entries.filter((entry) => !options.cited || options.cited.has(entry.id));
  const suffixes = assignYearSuffixes(entries);
  const diagnostics: Diagnostic[] = [];
  const matched = new Set<string>();
  // A list of a lone manuscript that writes a form one way throughout has made its own choice.
  const accepted = options.styleInferred
    ? listVariantChoices(typed.map((reference) => reference.raw))
    : new Map<VariantFeature, Variant>();
  for (const reference of typed) {
    const problems = typedEntryFormProblems(reference.raw, options.style, accepted);
    for (const problem of problems) {
      diagnostics.push(
        entryDiagnostic({
          rule: 'bib-typed-entry-form',
          severity: 'warning',
          file: options.file,
          line: reference.line,
          column: reference.column ?? 1,
          raw: reference.raw,
          message: {
            nb: `Litteraturlisten: ${problem.message.nb}.`,
            en: `Reference list: ${problem.message.en}.`,
          },
          suggestion: problem.suggestion,
        }),
      );
    }
    const typedYear = splitYear(reference.year);
    const firstAuthor = reference.authors[0] ? foldText(reference.authors[0]) : undefined;
    const candidates = cited.filter((entry) => {
      const names = listedNames(entry).map(foldText);
      if (!firstAuthor || names[0] !== firstAuthor || matched.has(entry.id)) return false;
      if (entryYear(entry) !== (typedYear.year ?? 'u.å.')) return false;
      return (
        !typedYear.suffix || !suffixes.has(entry.id) || suffixes.get(entry.id) === typedYear.suffix
      );
    });
    // Prefer the candidate with the same number of authors, then the same title.
    const typedTitle = reference.title ? foldText(reference.title) : '';
    const best = [...candidates].sort(
      (a, b) =>
        Number(listedNames(b).length === reference.authors.length) -
          Number(listedNames(a).length === reference.authors.length) ||
        Number(foldText(b.item.title ?? '') === typedTitle) -
          Number(foldText(a.item.title ?? '') === typedTitle),
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
        suggestion: {
          nb: 'Fjern den, eller siter verket i teksten.',
          en: 'Remove it, or cite the work in the text.',
        },
      }),
    );
  }
  for (const entry of cited) {
    if (matched.has(entry.id)) continue;
    const names = listedNames(entry);
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
        suggestion: {
          nb: 'Legg verket til i litteraturlisten (litsynth bib lager den).',
          en: 'Add the work to the reference list (litsynth bib makes it).',
        },
      }),
    );
  }
  return diagnostics;
}
