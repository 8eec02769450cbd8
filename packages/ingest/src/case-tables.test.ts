import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decideLineJoin } from './line-join.js';
import type { LineJoin } from './line-join.js';
import { parseReferenceEntry } from './reference-list.js';

function table<T>(name: string): T[] {
  return parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T[];
}

interface LineJoinCase {
  before: string;
  after: string;
  spaceAfter?: boolean;
  expected: LineJoin;
}

describe('decideLineJoin (fixtures/line-joins.yaml)', () => {
  it.each(table<LineJoinCase>('line-joins.yaml'))('"$before" + "$after" → $expected', (row) => {
    expect(decideLineJoin(row.before, row.after, row.spaceAfter ?? false)).toBe(row.expected);
  });
});

interface EntryCase {
  raw: string;
  authors: string[];
  year: string | null;
  title: string | null;
}

describe('parseReferenceEntry (fixtures/reference-entries.yaml)', () => {
  it.each(table<EntryCase>('reference-entries.yaml'))('$raw', (row) => {
    expect(parseReferenceEntry(row.raw, 10)).toEqual({
      raw: row.raw,
      start: 10,
      end: 10 + row.raw.length,
      authors: row.authors,
      year: row.year,
      title: row.title,
    });
  });
});
