import fc from 'fast-check';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Nodes, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toHast } from 'mdast-util-to-hast';
import { gfmTable } from 'micromark-extension-gfm-table';
import { describe, expect, it } from 'vitest';
import { createTable, tableRows } from './create-table.js';
import { tableToGfm } from './table-to-gfm.js';
import { tableToHastElement, tableToHtmlString } from './table-to-hast.js';
import { neutraliseCsvCell, renderTableFiles, tableToCsv } from './write-table.js';

// Text with everything that could become markup, entities, quotes and separators.
const characters = [...'abcæøåXYZ 019 \\`*_[]<>|~&#;!()-.:,"\'«»=+/'];
const line = fc
  .array(fc.constantFrom(...characters), { maxLength: 12 })
  .map((chars) => chars.join(''));
const cell = fc.oneof(line, fc.array(line, { minLength: 1, maxLength: 3 }));
const tableArbitrary = fc.integer({ min: 1, max: 4 }).chain((width) =>
  fc.record({
    header: fc.array(line, { minLength: width, maxLength: width }),
    rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 4 }),
    rowHeaders: fc.boolean(),
  }),
);
const build = (input: {
  header: string[];
  rows: Array<Array<string | string[]>>;
  rowHeaders: boolean;
}) => createTable({ id: 't', lang: 'nb', title: 't', ...input });

/** The text of a parsed cell: what a reader of the rendered table sees, `<br>` as a line break. */
function parsedText(node: Nodes): string {
  if (node.type === 'html') return node.value === '<br>' ? '\n' : node.value;
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(parsedText).join('');
  return '';
}

describe('tableToGfm', () => {
  it('writes tables that a GFM parser reads back to the same cells', () => {
    fc.assert(
      fc.property(tableArbitrary, (input) => {
        const table = build(input);
        const tree = fromMarkdown(tableToGfm(table.table), {
          extensions: [gfmTable()],
          mdastExtensions: [gfmTableFromMarkdown()],
        });
        const parsed = tree.children[0] as Table;
        const { columns, rows } = tableRows(table);
        expect(parsed.type).toBe('table');
        expect(parsed.children.map((row) => row.children.map(parsedText))).toEqual([
          columns,
          ...rows,
        ]);
      }),
      { numRuns: 300 },
    );
  });
});

/** The reference: mdast-util-to-hast, with the scopes added afterwards. */
function referenceHast(table: Table, rowHeaders: boolean): Element {
  const root = toHast(table) as Element;
  const visit = (node: Element, section: string | undefined) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'th' && section === 'thead') child.properties = { scope: 'col' };
      if (child.tagName === 'tr' && section === 'tbody' && rowHeaders) {
        const first = child.children.find((c): c is Element => c.type === 'element');
        if (first) {
          first.tagName = 'th';
          first.properties = { scope: 'row' };
        }
      }
      visit(
        child,
        child.tagName === 'thead' || child.tagName === 'tbody' ? child.tagName : section,
      );
    }
  };
  visit(root, undefined);
  return root;
}

describe('tableToHastElement', () => {
  it('gives the HTML of mdast-util-to-hast, with header scopes, as a tree and as a string', () => {
    fc.assert(
      fc.property(tableArbitrary, (input) => {
        const table = build(input);
        const ours: HastRoot = {
          type: 'root',
          children: [tableToHastElement(table.table, input.rowHeaders)],
        };
        const reference: HastRoot = {
          type: 'root',
          children: [referenceHast(table.table, input.rowHeaders) as ElementContent],
        };
        expect(toHtml(ours)).toBe(toHtml(reference));
        expect(tableToHtmlString(table.table, input.rowHeaders)).toBe(toHtml(reference));
      }),
      { numRuns: 300 },
    );
  });
});

/** A small RFC 4180 reader, to check that every cell comes back as written. */
function readCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index++;
    } else field += char;
  }
  return rows;
}

describe('tableToCsv', () => {
  for (const separator of [',', ';'] as const) {
    it(`starts with a BOM, ends lines with CRLF and keeps every cell (separator ${separator})`, () => {
      fc.assert(
        fc.property(tableArbitrary, (input) => {
          const table = build(input);
          const csv = tableToCsv(table, { separator });
          expect(csv.startsWith('\uFEFF')).toBe(true);
          expect(csv.endsWith('\r\n')).toBe(true);
          const { columns, rows } = tableRows(table);
          expect(readCsv(csv.slice(1), separator)).toEqual(
            [columns, ...rows].map((row) => row.map(neutraliseCsvCell)),
          );
        }),
        { numRuns: 200 },
      );
    });
  }

  it('neutralises cells a spreadsheet would run as formulas, as OWASP advises', () => {
    const cells = [
      '=HYPERLINK("http://x","klikk")',
      '+1+2',
      '-2+3',
      '@SUM(A1)',
      '\tfane',
      '\rretur',
      'Berg (2020)',
      '–',
      ' =ikke først',
    ];
    expect(cells.map(neutraliseCsvCell)).toEqual([
      '\'=HYPERLINK("http://x","klikk")',
      "'+1+2",
      "'-2+3",
      "'@SUM(A1)",
      "'\tfane",
      "'\rretur",
      'Berg (2020)',
      '–',
      ' =ikke først',
    ]);
  });
});

describe('renderTableFiles', () => {
  it('gives every table its own files, even when ids make the same file name', () => {
    const table = (id: string) =>
      createTable({ id, lang: 'en', title: id, header: ['a'], rows: [] });
    const csv = (files: ReturnType<typeof renderTableFiles>) =>
      files.map((file) => file.file).filter((file) => file.endsWith('.csv'));
    const inFolder = renderTableFiles(
      [table('a/b'), table('a-b'), table('tables'), table('Ø'), table('Blåbær'), table('«»')],
      { name: 'tables', title: 'T', tableDir: 'tables' },
    );
    expect(inFolder.slice(0, 3).map((file) => file.file)).toEqual([
      'tables.md',
      'tables.html',
      'tables.json',
    ]);
    expect(csv(inFolder)).toEqual([
      'tables/a-b.csv',
      'tables/a-b-2.csv',
      'tables/tables.csv',
      'tables/O.csv',
      'tables/Blabaer.csv',
      'tables/table.csv',
    ]);
    const beside = renderTableFiles([table('tables')], { name: 'tables', title: 'T' });
    expect(beside.map((file) => file.file)).toEqual([
      'tables.md',
      'tables.html',
      'tables.json',
      'tables-2.md',
      'tables-2.html',
      'tables-2.csv',
      'tables-2.json',
    ]);
  });
});
