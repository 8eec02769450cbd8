import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toHast } from 'mdast-util-to-hast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { tableRows } from './create-table.js';
import type { CsvOptions, TableJson, TableWriteOptions, ThesisTable } from './types.js';

const words = {
  table: { nb: 'Tabell', en: 'Table' },
  note: { nb: 'Merknad.', en: 'Note.' },
};

/**
 * The table as an mdast document in APA 7 layout: "Tabell N" in bold, the title in italics,
 * the table, and the notes after "Merknad.".
 */
export function tableToMdast(table: ThesisTable, options: TableWriteOptions = {}): Root {
  const children: RootContent[] = [];
  if (options.number !== undefined) {
    children.push({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: `${words.table[table.lang]} ${options.number}` }] }] });
  }
  children.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: table.title }] }] });
  children.push(table.table);
  if (table.notes.length > 0) {
    const note: PhrasingContent[] = [{ type: 'emphasis', children: [{ type: 'text', value: words.note[table.lang] }] }, { type: 'text', value: ` ${table.notes.join(' ')}` }];
    children.push({ type: 'paragraph', children: note });
  }
  return { type: 'root', children };
}

/** Writes tables as one GitHub-flavoured Markdown document, numbered from 1 in the given order. */
export function tablesToMarkdown(tables: readonly ThesisTable[]): string {
  const root: Root = { type: 'root', children: tables.flatMap((table, index) => tableToMdast(table, { number: index + 1 }).children) };
  return writeMarkdown(root);
}

/** Writes a table as GitHub-flavoured Markdown (line breaks in cells as `<br>`). */
export function tableToMarkdown(table: ThesisTable, options: TableWriteOptions = {}): string {
  return writeMarkdown(tableToMdast(table, options));
}

function writeMarkdown(root: Root): string {
  return toMarkdown(root, {
    // Unpadded pipes: cells of findings are long, and padding every row to the widest would
    // make the file unreadable and every diff touch every line.
    extensions: [gfmTableToMarkdown({ tablePipeAlign: false })],
    // A GFM table cell is one line: a break inside it can only be written as HTML.
    handlers: { break: () => '<br>' },
    emphasis: '*',
    strong: '*',
  });
}

/**
 * Writes a table as a standalone HTML document (UTF-8, the table's language) with real header
 * cells: `<th scope="col">` for the header row and `<th scope="row">` for row headers.
 */
export function tableToHtml(table: ThesisTable, options: TableWriteOptions = {}): string {
  return htmlDocument([{ table, number: options.number }], table.title);
}

/** Writes tables as one standalone HTML document, numbered from 1 in the given order. */
export function tablesToHtml(tables: readonly ThesisTable[], title: string): string {
  return htmlDocument(tables.map((table, index) => ({ table, number: index + 1 })), title);
}

function htmlDocument(parts: ReadonlyArray<{ table: ThesisTable; number: number | undefined }>, title: string): string {
  const lang = parts[0]?.table.lang ?? 'nb';
  const body: ElementContent[] = parts.map(({ table, number }) => {
    const tree = toHast(tableToMdast(table, number === undefined ? {} : { number })) as HastRoot;
    markHeaderCells(tree, table.rowHeaders);
    return element('section', { id: table.id }, tree.children as ElementContent[]);
  });
  const document: HastRoot = {
    type: 'root',
    children: [
      { type: 'doctype' },
      element('html', { lang }, [
        element('head', {}, [
          element('meta', { charset: 'utf-8' }, []),
          element('title', {}, [{ type: 'text', value: title }]),
          element('style', {}, [{ type: 'text', value: stylesheet }]),
        ]),
        element('body', {}, body),
      ]),
    ],
  };
  return `${toHtml(document)}\n`;
}

const stylesheet =
  'body{font-family:"Times New Roman",serif;font-size:12pt;margin:2em}table{border-collapse:collapse;margin:.5em 0 1em}' +
  'th,td{border-top:1px solid #000;border-bottom:1px solid #000;padding:.3em .5em;text-align:left;vertical-align:top}' +
  'thead th{border-bottom:2px solid #000}section{margin-bottom:2em}';

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function markHeaderCells(tree: HastRoot, rowHeaders: boolean): void {
  const visit = (node: HastRoot | Element, section: string | undefined) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'th' && section === 'thead') child.properties = { ...child.properties, scope: 'col' };
      if (child.tagName === 'tr' && section === 'tbody' && rowHeaders) {
        const first = child.children.find((cell): cell is Element => cell.type === 'element');
        if (first && first.tagName === 'td') {
          first.tagName = 'th';
          first.properties = { ...first.properties, scope: 'row' };
        }
      }
      visit(child, child.tagName === 'thead' || child.tagName === 'tbody' ? child.tagName : section);
    }
  };
  visit(tree, undefined);
}

/**
 * Writes a table as CSV the way Excel reads it: UTF-8 with a byte-order mark, CRLF line ends,
 * fields quoted when they hold the separator, a quote or a line break (quotes doubled).
 */
export function tableToCsv(table: ThesisTable, options: CsvOptions = {}): string {
  const separator = options.separator ?? ',';
  const { columns, rows } = tableRows(table);
  const field = (value: string) =>
    value.includes(separator) || /["\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
  const lines = [columns, ...rows].map((row) => row.map(field).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The table as plain JSON data (see `TableJson`). */
export function tableToJsonData(table: ThesisTable): TableJson {
  const { columns, rows } = tableRows(table);
  return { id: table.id, lang: table.lang, title: table.title, columns, rows, notes: [...table.notes] };
}

/** Writes a table as pretty-printed JSON (see `TableJson`), ending with a newline. */
export function tableToJson(table: ThesisTable): string {
  return `${JSON.stringify(tableToJsonData(table), null, 2)}\n`;
}
