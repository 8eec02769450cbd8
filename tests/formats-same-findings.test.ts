import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// One fixture thesis in four forms, made by scripts/make-format-fixtures.mjs from thesis.md:
// .txt (pandoc plain text, pages split by form feeds), .md (the source), .docx (pandoc, with a
// running header, a page-number footer and page breaks), .pdf (LibreOffice from the .docx, with
// hyphenation). `litsynth check` must find the same problems in each; lines differ by form,
// pages agree wherever the form has pages.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/dist/bin.js');
const fixtures = join(root, 'tests/fixtures/formats');
const forms = ['thesis.txt', 'thesis.md', 'thesis.docx', 'thesis.pdf'] as const;

interface CheckJson {
  manuscript: string;
  citations: Array<{
    raw: string;
    authors: string[];
    year: string | null;
    locator: unknown;
    secondary: unknown;
    key: string | null;
    match: string;
    page?: number | null;
  }>;
  diagnostics: Array<{
    rule: string;
    severity: string;
    raw: string;
    key: string | null;
    line: number;
    column: number;
    page?: number | null;
  }>;
}

function check(file: string): { status: number | null; json: CheckJson; stderr: string } {
  const result = spawnSync(
    process.execPath,
    [bin, 'check', file, '--bib', 'references.yaml', '--format', 'json'],
    { cwd: fixtures, encoding: 'utf8' },
  );
  return {
    status: result.status,
    json: JSON.parse(result.stdout) as CheckJson,
    stderr: result.stderr,
  };
}

const results = Object.fromEntries(forms.map((form) => [form, check(form)])) as Record<
  (typeof forms)[number],
  ReturnType<typeof check>
>;

// Keys of entries in the manuscript's own reference list name the entry by its line ("list-22"),
// and lines differ by form.
const sameKey = (key: string | null) => (key?.startsWith('list-') ? 'list-entry' : key);

const citationsOf = (form: (typeof forms)[number]) =>
  results[form].json.citations.map(({ raw, authors, year, locator, secondary, key, match }) => ({
    raw,
    authors,
    year,
    locator,
    secondary,
    key: sameKey(key),
    match,
  }));

const problemsOf = (form: (typeof forms)[number]) =>
  results[form].json.diagnostics.map(({ rule, severity, raw, key }) => ({
    rule,
    severity,
    raw,
    key: sameKey(key),
  }));

describe('litsynth check on the .txt, .md, .docx and .pdf forms of one thesis', () => {
  test('every form is read and has errors (exit 1), without messages on stderr', () => {
    for (const form of forms)
      expect([form, results[form].status, results[form].stderr]).toEqual([form, 1, '']);
  });

  // pandoc's plain text, like Word's "save as text", puts the footnotes after the reference list;
  // the text reader moves each one after the paragraph with its marker, as .docx and .pdf do.
  test('the same citations, parsed and resolved alike', () => {
    expect(citationsOf('thesis.docx').length).toBeGreaterThan(15);
    expect(citationsOf('thesis.md')).toEqual(citationsOf('thesis.docx'));
    expect(citationsOf('thesis.pdf')).toEqual(citationsOf('thesis.docx'));
    expect(citationsOf('thesis.txt')).toEqual(citationsOf('thesis.docx'));
  });

  test('the same problems in every form', () => {
    expect(problemsOf('thesis.md')).toEqual(problemsOf('thesis.docx'));
    expect(problemsOf('thesis.pdf')).toEqual(problemsOf('thesis.docx'));
    expect(problemsOf('thesis.txt')).toEqual(problemsOf('thesis.docx'));
  });

  test('the problems planted in the fixture are found', () => {
    expect(problemsOf('thesis.docx')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: 'author-misspelled',
          severity: 'error',
          raw: 'Lundberg og Syltvik (2013)',
        }),
        expect.objectContaining({
          rule: 'year-mismatch',
          severity: 'error',
          raw: 'Natland et al. (2020)',
        }),
        expect.objectContaining({
          rule: 'secondary-source-missing',
          severity: 'error',
          raw: 'Søren Kirkegaard gjengitt i Melberg, 2017',
        }),
        expect.objectContaining({
          rule: 'quotation-without-page',
          severity: 'warning',
          raw: 'Natland et al., 2019',
        }),
        expect.objectContaining({
          rule: 'et-al-usage',
          severity: 'warning',
          raw: 'Lundberg et al., 2013',
        }),
      ]),
    );
  });

  test('pages agree in every form that has pages; Markdown has none', () => {
    const pages = (form: (typeof forms)[number]) =>
      results[form].json.diagnostics.map((diagnostic) => diagnostic.page ?? null);
    // The planted problems are all in chapter 3, on page 3.
    const chapter3 = results['thesis.docx'].json.diagnostics.filter(
      (diagnostic) => diagnostic.line >= 14 && diagnostic.line <= 17,
    );
    expect(chapter3.length).toBeGreaterThanOrEqual(5);
    expect(chapter3.map((diagnostic) => diagnostic.page)).toEqual(chapter3.map(() => 3));
    expect(pages('thesis.pdf')).toEqual(pages('thesis.docx'));
    expect(pages('thesis.txt')).toEqual(pages('thesis.docx'));
    expect(pages('thesis.md').every((page) => page === null)).toBe(true);
    const citationPages = (form: (typeof forms)[number]) =>
      results[form].json.citations.map((citation) => ({
        raw: citation.raw,
        page: citation.page ?? null,
      }));
    expect(citationPages('thesis.pdf')).toEqual(citationPages('thesis.docx'));
    expect(citationPages('thesis.txt')).toEqual(citationPages('thesis.docx'));
    expect(new Set(citationPages('thesis.docx').map((citation) => citation.page))).toEqual(
      new Set([1, 2, 3]),
    );
  });

  test('lines point into each file as given: paragraph numbers in .docx, PDF lines in .pdf', () => {
    const place = (form: (typeof forms)[number]) => {
      const diagnostic = results[form].json.diagnostics.find(
        (candidate) => candidate.rule === 'author-misspelled',
      );
      return (
        diagnostic && {
          line: diagnostic.line,
          column: diagnostic.column,
          page: diagnostic.page ?? null,
        }
      );
    };
    expect(forms.map((form) => [form, place(form)])).toEqual([
      ['thesis.txt', { line: 31, column: 27, page: 3 }],
      ['thesis.md', { line: 33, column: 27, page: null }],
      ['thesis.docx', { line: 16, column: 27, page: 3 }],
      ['thesis.pdf', { line: 42, column: 27, page: 3 }],
    ]);
  });
});
