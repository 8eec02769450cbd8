import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The ground truth for the real theses (tests/real-theses/*.truth.yaml), used by
// scripts/bench/real-theses.mjs, is well-formed: its counts match the lists it holds, entries are
// numbered 1..n in list order, and every citation and problem points at entries that exist.

interface Entry {
  n: number;
  line: number;
  authors: string[];
  year: string;
  aliases?: string[];
}
interface Truth {
  thesis: string;
  referenceList: { heading: string; line: number; count: number; entries: Entry[] };
  citations: {
    count: number;
    items: Array<{ line: number; authors: string[]; year: string; entry: number | null }>;
  };
  problems: Array<{
    line: number;
    kind: string;
    severity: string;
    authors: string[];
    year: string;
    rules: string[];
    note: string;
    entries?: number[];
  }>;
}

const dir = join(import.meta.dirname, 'real-theses');
const files = readdirSync(dir).filter((name) => name.endsWith('.truth.yaml'));
const read = (name: string) => parse(readFileSync(join(dir, name), 'utf8')) as Truth;
const year = /^(\d{4}[a-z]?(-\d{4})?|u\.å\.|n\.d\.)$/;

describe('real-thesis ground truth', () => {
  it('has a file for each of the two theses, named after the thesis it describes', () => {
    expect(files.sort()).toEqual([
      'cirotzki-master-2026-en.truth.yaml',
      'storbukas-master-2018.truth.yaml',
    ]);
    expect(files.map((name) => read(name).thesis)).toEqual(
      files.map((name) => name.replace('.truth.yaml', '')),
    );
  });

  it.each(files)(
    '%s: the list count matches its entries, numbered 1..n in line order after the heading',
    (name) => {
      const { referenceList } = read(name);
      const { entries } = referenceList;
      expect(entries.length).toBe(referenceList.count);
      expect(entries.map((entry) => entry.n)).toEqual(entries.map((_, index) => index + 1));
      const lines = entries.map((entry) => entry.line);
      expect(
        lines.every(
          (line, index) => line > (index === 0 ? referenceList.line : (lines[index - 1] ?? 0)),
        ),
      ).toBe(true);
      const malformed = entries.filter(
        (entry) =>
          entry.authors.length === 0 ||
          entry.authors.some((author) => author.trim() === '') ||
          !year.test(entry.year),
      );
      expect(malformed).toEqual([]);
    },
  );

  it.each(files)(
    '%s: the citation count matches its items, every entry index exists, lines before the list',
    (name) => {
      const { referenceList, citations } = read(name);
      expect(citations.items.length).toBe(citations.count);
      const bad = citations.items.filter(
        (citation) =>
          (citation.entry !== null &&
            !(
              Number.isInteger(citation.entry) &&
              citation.entry >= 1 &&
              citation.entry <= referenceList.count
            )) ||
          citation.line >= referenceList.line ||
          citation.authors.length === 0 ||
          !year.test(citation.year),
      );
      expect(bad).toEqual([]);
    },
  );

  it.each(files)(
    "%s: a citation with an entry names that entry's first author (or an alias) and year",
    (name) => {
      const { referenceList, citations } = read(name);
      const fold = (text: string) =>
        text
          .normalize('NFKD')
          .replace(/\p{M}/gu, '')
          .replace(/\u2010/g, '-')
          .toLowerCase();
      const mismatched = citations.items.filter((citation) => {
        if (citation.entry === null) return false;
        const entry = referenceList.entries[citation.entry - 1];
        if (entry === undefined) return true;
        const names = [...entry.authors.slice(0, 1), ...(entry.aliases ?? [])].map(fold);
        return !names.includes(fold(citation.authors[0] ?? '')) || entry.year !== citation.year;
      });
      expect(mismatched).toEqual([]);
    },
  );

  it.each(files)('%s: every problem is complete and points at entries that exist', (name) => {
    const { referenceList, problems } = read(name);
    const bad = problems.filter(
      (problem) =>
        !Number.isInteger(problem.line) ||
        problem.kind === '' ||
        !['error', 'warning', 'info'].includes(problem.severity) ||
        problem.rules.length === 0 ||
        problem.note === '' ||
        (problem.entries ?? []).some((n) => !(n >= 1 && n <= referenceList.count)),
    );
    expect(bad).toEqual([]);
  });
});
