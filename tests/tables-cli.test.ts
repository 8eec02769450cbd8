import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { litsynth, root } from './litsynth-cli.js';

// End to end: `litsynth matrix` and `litsynth tables` (the built CLI) on a small study with broken
// parts and on the real study. Expected files are whole outputs, read and committed; rewrite them
// with UPDATE_EXPECTED=1 and read the diff before committing.
const brokenStudy = 'tests/fixtures/tables-broken-study';
const realStudy = 'studies/nav-relasjon';

/** Every file under a folder, by relative path, as bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(dir.length + 1), readFileSync(path));
    }
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Compares chosen output files with the expected ones in `expectedDir` (or rewrites them). */
function expectFiles(outDir: string, expectedDir: string, files: readonly string[]): void {
  for (const file of files) {
    const actual = readFileSync(join(outDir, file), 'utf8');
    const expectedPath = join(root, expectedDir, file);
    if (process.env.UPDATE_EXPECTED) {
      mkdirSync(dirname(expectedPath), { recursive: true });
      writeFileSync(expectedPath, actual);
      continue;
    }
    expect(existsSync(expectedPath), `${expectedDir}/${file} exists`).toBe(true);
    expect(actual, `${expectedDir}/${file}`).toBe(readFileSync(expectedPath, 'utf8'));
  }
}

const tempOut = () => join(mkdtempSync(join(tmpdir(), 'litsynth-tables-')), 'out');
const places = (stderr: string) =>
  [...stderr.matchAll(/^ {4}(\d+):(\d+) {2}.*? {2}([a-z-]+)$/gm)].map(
    (match) => `${match[1]}:${match[2]} ${match[3]}`,
  );

describe('litsynth tables and litsynth matrix on a study with broken parts', () => {
  it('reports each problem with file and line, builds the rest, and builds it the same twice', () => {
    const before = tree(join(root, brokenStudy));
    const out = tempOut();
    const tables = litsynth(['tables', brokenStudy, '--out', out, '--csv-separator', ';']);
    expect(tables.code).toBe(1);
    expect(tables.stderr).toContain(`${brokenStudy}/coding.yaml`);
    expect(tables.stderr).toContain(`${brokenStudy}/sources/broken2021.md`);
    expect(places(tables.stderr)).toEqual([
      '12:5 coding-unknown-concept',
      '14:1 coding-unknown-finding',
      '6:3 source-record-frontmatter',
      '7:1 source-record-frontmatter',
      '16:13 concepts-unknown-source',
      '5:1 source-missing-from-results',
      '26:1 concept-without-findings',
    ]);
    expect(tables.stdout.split('\n').slice(0, 4)).toEqual([
      `Skrev 23 filer til ${out}:`,
      `  ${out}/tables.md`,
      `  ${out}/tables.html`,
      `  ${out}/tables.json`,
    ]);
    const matrix = litsynth(['matrix', brokenStudy, '--out', out]);
    expect(matrix.code).toBe(1);
    expect(matrix.stdout.split('\n')[0]).toBe(`Skrev 19 filer til ${out}:`);
    expectFiles(out, 'tests/fixtures/tables-expected/broken-study', [
      'tables.md',
      'tables.html',
      'tables.json',
      'tables/search-history.csv',
      'tables/article-matrix.csv',
      'matrix.md',
      'matrix.json',
    ]);
    const files = tree(out);
    expect([...files.keys()].filter((name) => name.includes('.tmp'))).toEqual([]);

    // Deterministic: a second build into another folder gives byte-identical files.
    const again = tempOut();
    litsynth(['tables', brokenStudy, '--out', again, '--csv-separator', ';']);
    litsynth(['matrix', brokenStudy, '--out', again]);
    expect(tree(again)).toEqual(files);
    // The inputs are never changed.
    expect(tree(join(root, brokenStudy))).toEqual(before);
  });

  it('writes English tables with --lang en', () => {
    const out = tempOut();
    const result = litsynth(['tables', brokenStudy, '--out', out, '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(`Wrote 23 files to ${out}:`);
    expectFiles(out, 'tests/fixtures/tables-expected/broken-study-en', ['tables.md']);
  });

  it('refuses a bad separator, an output folder that is a file and a missing study with exit 2 and a message', () => {
    expect(litsynth(['tables', brokenStudy, '--out', tempOut(), '--csv-separator', '|'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'litsynth: --csv-separator må være «,» eller «;», ikke «|».\n',
    });
    const file = join(mkdtempSync(join(tmpdir(), 'litsynth-tables-')), 'a-file');
    writeFileSync(file, 'not a folder');
    expect(litsynth(['tables', brokenStudy, '--out', file])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(
        /^litsynth: .*a-file: Utdatamappen er en fil; oppgi en mappe med --out\.\n$/,
      ),
    });
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
    const missing = litsynth(['matrix', 'tests/fixtures/no-such-study']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'litsynth: tests/fixtures/no-such-study: Studiemappen finnes ikke.\n',
    );
  });
});

describe('litsynth tables and litsynth matrix on a study without articles or concepts', () => {
  it('writes the search history and the article matrix, saying they are empty; matrix refuses', () => {
    const out = tempOut();
    const tables = litsynth(['tables', 'tests/fixtures/tables-empty-study', '--out', out]);
    expect(tables.code).toBe(0);
    expect(tables.stderr).toBe('');
    expect(tables.stdout.split('\n')[0]).toBe(`Skrev 11 filer til ${out}:`);
    expectFiles(out, 'tests/fixtures/tables-expected/empty-study', ['tables.md']);
    expect(litsynth(['matrix', 'tests/fixtures/tables-empty-study', '--out', out])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'litsynth: tests/fixtures/tables-empty-study/study.yaml: Studien har ingen begrepsfil (concepts: i study.yaml); det finnes ingen matrise å bygge.\n',
    });
  });
});

describe('litsynth tables and litsynth matrix on the real study', () => {
  it('builds the tables a supervisor expects, the same twice', () => {
    const out = tempOut();
    expect(litsynth(['tables', realStudy, '--out', out, '--csv-separator', ';']).code).toBe(0);
    expect(litsynth(['matrix', realStudy, '--out', out]).code).toBe(0);
    expectFiles(out, 'tests/fixtures/tables-expected/nav-relasjon', [
      'tables.md',
      'matrix.md',
      'tables/article-matrix.csv',
    ]);
    const again = tempOut();
    litsynth(['tables', realStudy, '--out', again, '--csv-separator', ';']);
    litsynth(['matrix', realStudy, '--out', again]);
    expect(tree(again)).toEqual(tree(out));
  });
});
