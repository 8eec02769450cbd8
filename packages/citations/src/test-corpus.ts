// Loads the annotated corpus (corpus/*.yaml) and scores the parser against it. Test-only: not built.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseCitations } from './parse-citations.js';
import type { Citation } from './types.js';

/** One expected citation as annotated in the corpus; absent fields take their usual default. */
export interface ExpectedCitation {
  authors: string[];
  year: string | null;
  /** The locator as written ("s.31-33"). */
  locator?: string;
  raw?: string;
  form?: Citation['form'];
  etAl?: string;
  connector?: Citation['connector'];
  prefix?: string;
  corporate?: boolean;
  notYear?: string;
  yearOnly?: boolean;
  unbracketed?: boolean;
  ibid?: boolean;
  locatorOnly?: boolean;
  nameApart?: boolean;
  secondary?: { authors: string[]; year?: string | null; marker: string };
}

export interface CorpusCase {
  file: string;
  text: string;
  cites: ExpectedCitation[];
}

export interface CorpusScore {
  positiveCases: number;
  negativeCases: number;
  expected: number;
  found: number;
  matched: number;
  recall: number;
  precision: number;
  /** Matched citations whose other annotated fields (form, et al., secondary, ...) agree too. */
  fieldsAgree: number;
  misses: string[];
  falseAlarms: string[];
  fieldErrors: string[];
}

const corpusDir = new URL('../corpus/', import.meta.url);

/** Reads every case of corpus/*.yaml. */
export function loadCorpus(): CorpusCase[] {
  const dir = corpusDir.pathname;
  const cases: CorpusCase[] = [];
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()) {
    const entries = parse(readFileSync(join(dir, file), 'utf8')) as Array<{
      text: string;
      cites?: ExpectedCitation[] | null;
    }>;
    for (const entry of entries)
      cases.push({ file, text: String(entry.text), cites: entry.cites ?? [] });
  }
  return cases;
}

function key(authors: string[], year: string | null, locator: string | null | undefined): string {
  return `${authors.join(' | ')} / ${year ?? '-'} / ${locator ?? '-'}`;
}

/** The fields of a citation that the corpus annotates besides authors, year and locator. */
function fieldsOf(citation: Citation): Record<string, unknown> {
  return {
    form: citation.form,
    etAl: citation.etAl,
    connector: citation.connector,
    prefix: citation.prefix,
    corporate: citation.corporate,
    notYear: citation.notYear,
    yearOnly: citation.yearOnly,
    unbracketed: citation.unbracketed ?? false,
    ibid: citation.ibid ?? false,
    locatorOnly: citation.locatorOnly ?? false,
    nameApart: citation.nameApart ?? false,
    secondary:
      citation.secondary === null
        ? null
        : {
            authors: citation.secondary.authors,
            year: citation.secondary.year,
            marker: citation.secondary.marker,
          },
  };
}

function expectedFields(expected: ExpectedCitation): Record<string, unknown> {
  return {
    form: expected.form ?? 'parenthetical',
    etAl: expected.etAl ?? null,
    connector: expected.connector ?? null,
    prefix: expected.prefix ?? null,
    corporate: expected.corporate ?? false,
    notYear: expected.notYear ?? null,
    yearOnly: expected.yearOnly ?? false,
    unbracketed: expected.unbracketed ?? false,
    ibid: expected.ibid ?? false,
    locatorOnly: expected.locatorOnly ?? false,
    nameApart: expected.nameApart ?? false,
    secondary:
      expected.secondary === undefined
        ? null
        : {
            authors: expected.secondary.authors,
            year: expected.secondary.year ?? null,
            marker: expected.secondary.marker,
          },
  };
}

/** Scores the parser on the corpus: recall and precision on authors+year+locator, then field agreement. */
export function scoreCorpus(cases: CorpusCase[]): CorpusScore {
  const score: CorpusScore = {
    positiveCases: 0,
    negativeCases: 0,
    expected: 0,
    found: 0,
    matched: 0,
    recall: 0,
    precision: 0,
    fieldsAgree: 0,
    misses: [],
    falseAlarms: [],
    fieldErrors: [],
  };
  for (const corpusCase of cases) {
    if (corpusCase.cites.length > 0) score.positiveCases += 1;
    else score.negativeCases += 1;
    const actual = parseCitations(corpusCase.text);
    score.expected += corpusCase.cites.length;
    score.found += actual.length;
    const unmatched = [...actual];
    for (const expected of corpusCase.cites) {
      const wanted = key(expected.authors, expected.year, expected.locator ?? null);
      const at = unmatched.findIndex(
        (citation) => key(citation.authors, citation.year, citation.locator?.raw) === wanted,
      );
      const citation = unmatched[at];
      if (citation === undefined) {
        score.misses.push(
          `${corpusCase.file}: ${wanted} in ${JSON.stringify(corpusCase.text.slice(0, 160))}`,
        );
        continue;
      }
      unmatched.splice(at, 1);
      score.matched += 1;
      const want = JSON.stringify(expectedFields(expected));
      const got = JSON.stringify(fieldsOf(citation));
      const rawAgrees = expected.raw === undefined || expected.raw === citation.raw;
      if (want === got && rawAgrees) score.fieldsAgree += 1;
      else
        score.fieldErrors.push(
          `${corpusCase.file}: ${wanted}\n  want ${want}${expected.raw === undefined ? '' : ` raw ${expected.raw}`}\n  got  ${got} raw ${citation.raw}`,
        );
    }
    for (const citation of unmatched) {
      score.falseAlarms.push(
        `${corpusCase.file}: ${key(citation.authors, citation.year, citation.locator?.raw)} from ${JSON.stringify(citation.raw)}`,
      );
    }
  }
  score.recall = score.expected === 0 ? 1 : score.matched / score.expected;
  score.precision = score.found === 0 ? 1 : score.matched / score.found;
  return score;
}
