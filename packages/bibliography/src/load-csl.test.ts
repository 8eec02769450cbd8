import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { importJsYaml, importYaml, loadCslText, loadCslYaml, loadCslYamlFast } from './load-csl.js';

// The fast path (js-yaml's events) must read exactly what yaml's document reads, lines included;
// whatever it is not sure of it leaves to the document path.
const read = [
  [
    'entries, an item on the line after its dash, anchors and tags, comments between',
    '- id: a\n  type: book\n  title: 1984\n  volume: 12\n  issued: {date-parts: [[2017]]}\n-\n  id: b\n  type: book\n\n# c\n- &x\n  id: c\n  type: book\n- !!map\n  id: d\n  type: book\n',
  ],
  [
    'a flow list over lines',
    '[{id: a, type: book}, {id: b, type: article},\n  {id: c, type: x}]\n',
  ],
  ['CRLF line ends', '- id: a\r\n  type: book\r\n- id: b\r\n  type: book\r\n'],
  ['document markers', '---\n- id: a\n  type: book\n...\n'],
  [
    'items that are no mapping, a duplicate id',
    '- foo\n- [1,2]\n- id: 1\n  type: book\n- id: 1\n  type: book\n',
  ],
  [
    'scalars of every style, numbers and words YAML 1.2 keeps as text',
    '- id: a\n  type: book\n  title: >\n    folded\n    text\n\n  note: |-\n    lit\n     more\n  abstract: "esc \\u00e9 \\t x"\n  page: 0x1F\n  volume: 1e3\n  issue: .inf\n  number: 1_000\n  edition: ~\n  language: yes\n  genre: 2001-01-01\n  medium: 12:30\n',
  ],
  [
    'a verification block',
    '- id: a\n  type: book\n  verification:\n    status: verified\n    evidence: [x, {nb: a, en: b}]\n    notes: []\n',
  ],
  ['an indented list', '  - id: a\n    type: book\n  - id: b\n    type: book\n'],
  ['an explicit key', '- ? id\n  : a\n  type: book\n'],
  ['quoted and multi-line scalars', '- id: "a"\n  type: \'book\'\n  title: "multi\n    line"\n'],
  ['an empty list', '[]\n'],
  [
    'aliases of an anchor that holds none',
    '- id: a\n  type: book\n  author: &n [{family: X}]\n- id: b\n  type: book\n  author: *n\n  editor: *n\n',
  ],
] as const;

// Texts the fast path leaves to yaml's document (which names the problem, or bounds aliases).
const left = [
  ['an item that is an alias', '- &e {id: a, type: book}\n- *e\n'],
  [
    'an alias inside an anchored node',
    '- id: a\n  type: book\n  a: &a [x]\n  b: &b [*a, *a]\n- id: b\n  type: book\n  c: *b\n',
  ],
  [
    'an anchor used more often than yaml allows',
    `- id: a\n  type: book\n  a: &a x\n  b: [${Array(101).fill('*a').join(', ')}]\n`,
  ],
  ['a syntax error', '- id: a\n  type: book\n  title: bad: colon\n- id: b\n  type: book\n'],
  ['a duplicate key', '- id: a\n  type: book\n  id: b\n'],
  ['a YAML 1.1 directive', '%YAML 1.1\n---\n- id: a\n  type: book\n  language: yes\n'],
  ['two documents', '- id: a\n  type: book\n---\n- id: b\n  type: book\n'],
  ['a mapping at the top', 'references:\n  - id: a\n    type: book\n'],
  ['an empty item', '- id: a\n  type: book\n-\n'],
  ['a byte order mark', '\ufeff- id: a\n  type: book\n'],
  ['a lone carriage return', '- id: a\r  type: book\n'],
  ['an empty text', ''],
] as const;

describe('loadCslYamlFast', () => {
  let jsYaml: typeof import('js-yaml');
  beforeAll(async () => {
    jsYaml = await importJsYaml();
    await importYaml();
  });

  test.each(read)('reads what the document reads: %s', (_, text) => {
    const fast = loadCslYamlFast(text, 'refs.yaml', jsYaml);
    expect(fast).toEqual(loadCslText(text, 'refs.yaml', 'YAML'));
  });

  test.each(left)('leaves the text to the document: %s', (_, text) => {
    expect(loadCslYamlFast(text, 'refs.yaml', jsYaml)).toBe(undefined);
  });

  test('reads the shared references of the repository as the document does', async () => {
    const file = new URL('../../../sources/references.yaml', import.meta.url);
    const text = readFileSync(file, 'utf8');
    const fast = loadCslYamlFast(text, 'references.yaml', jsYaml);
    expect(fast?.entries.length).toBeGreaterThan(30);
    expect(fast).toEqual(loadCslText(text, 'references.yaml', 'YAML'));
    expect(await loadCslYaml(text, 'references.yaml')).toEqual(fast);
  });
});
