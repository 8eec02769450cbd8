import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  fastYamlDocument,
  readYamlDocument,
  type YamlDocument,
  type YamlPath,
} from './yaml-document.js';
import { parseYamlDocument } from './yaml-document-full.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Every path of a value: map keys and list indexes, the root first. */
function pathsOf(value: unknown, path: YamlPath = []): YamlPath[] {
  const paths: YamlPath[] = [path];
  if (Array.isArray(value))
    value.forEach((item, index) => paths.push(...pathsOf(item, [...path, index])));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...path, key]));
  return paths;
}

/** What a document answers for every path of its value, and for a few that do not exist. */
function answers(document: YamlDocument, value: unknown) {
  return pathsOf(value).map((path) => ({
    path,
    value: document.placeOf(path),
    key: document.placeOf(path, 'key'),
    missing: document.placeOf([...path, 'no-such-field']),
    unknown: document.unknownKeys(path, []),
    written:
      path.length > 0 ? document.placeOfKey(path.slice(0, -1), String(path.at(-1))) : undefined,
  }));
}

/** The fast path, when it takes the text, gives what yaml's document gives. */
function expectSameAsYaml(text: string, options: { firstLine?: number } = {}): boolean {
  const fast = fastYamlDocument(text, options);
  if (!fast) return false;
  const full = parseYamlDocument(text, options);
  expect(full.errors).toEqual([]);
  expect(fast.value()).toEqual(full.value());
  expect(answers(fast, fast.value())).toEqual(answers(full, full.value()));
  return true;
}

/** The YAML files of the repository: studies, templates, fixtures, the corpus. */
function repositoryYaml(): string[] {
  const found: string[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'dist')
        continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.ya?ml$/.test(entry.name) && entry.name !== 'pnpm-lock.yaml') found.push(path);
    }
  };
  for (const folder of ['studies', 'sources', 'packages']) visit(join(root, folder));
  return found;
}

describe('readYamlDocument', () => {
  it('reads every YAML file of the repository as yaml does, most of them the fast way', () => {
    const files = repositoryYaml();
    expect(files.length).toBeGreaterThan(20);
    const fast = files.filter((file) => expectSameAsYaml(readFileSync(file, 'utf8')));
    // The study files, templates and corpus are plain YAML: the fast path takes nearly all.
    expect(fast.length).toBeGreaterThan(files.length * 0.8);
    expect(fast.some((file) => file.endsWith(join('nav-relasjon', 'study.yaml')))).toBe(true);
  });

  it('reads the frontmatter of every source record as yaml does, below its first line', () => {
    const folder = join(root, 'sources');
    const records = readdirSync(folder).filter(
      (file) =>
        file.endsWith('.md') && readFileSync(join(folder, file), 'utf8').startsWith('---\n'),
    );
    expect(records.length).toBeGreaterThan(3);
    for (const file of records) {
      const text = readFileSync(join(folder, file), 'utf8');
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
      expect(expectSameAsYaml(frontmatter, { firstLine: 2 })).toBe(true);
    }
  });

  it('places quoted, block, flow and empty values as yaml does', () => {
    const texts = [
      'a: "q"\nb: |\n  t\nc:\nd: >-\n  x\n  y\n"e": 1\nf: [1, "2"]\ng: \'s\'\n',
      'list:\n  - a\n  - {x: 1, y: [2, 3]}\n  - - nested\n    - more\n',
      'text: >+ # comment\n  kept\n\nnext: plain words\n  continued\n',
      'nb: "Norsk tekst: med kolon"\nen: "Escapes \\u00e5 \\n"\n',
      'x: 1\r\ny: 2\r\n',
      '',
      '# only a comment\n',
      'a: 0o17\nb: 0x1f\nc: .inf\nd: -.5e3\ne: ~\nf: True\ng: 08\n',
    ];
    for (const text of texts) expect(expectSameAsYaml(text), JSON.stringify(text)).toBe(true);
  });

  it('leaves errors, aliases, tags, repeated keys and odd keys to yaml, with its messages', async () => {
    const texts = [
      'a: [1\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: 1\na: 2\n',
      '1: one\n',
      '<<: {a: 1}\n',
      '? [complex]\n: key\n',
      '--- 1\n--- 2\n',
      '%YAML 1.2\n---\na: 1\n',
      '\ufeffa: 1\n',
      'a: 1\rb: 2\n',
    ];
    for (const text of texts) {
      expect(fastYamlDocument(text), JSON.stringify(text)).toBeUndefined();
      const read = await readYamlDocument(text);
      const full = parseYamlDocument(text);
      expect(read.errors).toEqual(full.errors);
      if (full.errors.length === 0) expect(read.value()).toEqual(full.value());
    }
  });

  it('reads generated documents as yaml does, whatever their styles', () => {
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('æøå', 'Ola: Nordmann', '- dash', '#hash', 'a\nb', ' padded '),
    );
    const key = fc.stringMatching(/^[a-zæøå][a-zæøå0-9-]{0,8}$/);
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      ),
    }));
    const options = fc.record({
      collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<
        'any' | 'block' | 'flow'
      >,
      defaultStringType: fc.constantFrom(
        'PLAIN',
        'QUOTE_DOUBLE',
        'QUOTE_SINGLE',
        'BLOCK_LITERAL',
        'BLOCK_FOLDED',
      ) as fc.Arbitrary<
        'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED'
      >,
      indent: fc.integer({ min: 2, max: 4 }),
    });
    let taken = 0;
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), options, (data, style) => {
        if (expectSameAsYaml(stringify(data, style))) taken++;
      }),
      { numRuns: 400 },
    );
    expect(taken).toBeGreaterThan(300);
  });
});
