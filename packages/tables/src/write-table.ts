import type { Lang } from '@litsynth/common';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { tableRows } from './create-table.js';
import { tableToGfm } from './table-to-gfm.js';
import { tableToHtmlString } from './table-to-hast.js';
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
    children.push({
      type: 'paragraph',
      children: [
        {
          type: 'strong',
          children: [{ type: 'text', value: `${words.table[table.lang]} ${options.number}` }],
        },
      ],
    });
  }
  children.push({
    type: 'paragraph',
    children: [{ type: 'emphasis', children: [{ type: 'text', value: table.title }] }],
  });
  children.push(table.table);
  if (table.notes.length > 0) {
    const note: PhrasingContent[] = [
      { type: 'emphasis', children: [{ type: 'text', value: words.note[table.lang] }] },
      { type: 'text', value: ` ${table.notes.join(' ')}` },
    ];
    children.push({ type: 'paragraph', children: note });
  }
  return { type: 'root', children };
}

/** Writes tables as one GitHub-flavoured Markdown document, numbered from 1 in the given order. */
export function tablesToMarkdown(tables: readonly ThesisTable[]): string {
  return tables.map((table, index) => tableToMarkdown(table, { number: index + 1 })).join('\n');
}

/**
 * Writes a table as GitHub-flavoured Markdown: title and notes through mdast-util-to-markdown,
 * the table through `tableToGfm` (line breaks in cells as `<br>`).
 */
export function tableToMarkdown(table: ThesisTable, options: TableWriteOptions = {}): string {
  const { head, notes } = surroundings(table, options);
  const parts = [writeMarkdown(head).trimEnd(), tableToGfm(table.table)];
  if (notes) parts.push(writeMarkdown({ type: 'root', children: [notes] }).trimEnd());
  return `${parts.join('\n\n')}\n`;
}

function writeMarkdown(root: Root): string {
  return toMarkdown(root, { emphasis: '*', strong: '*' });
}

/** The mdast around a table: "Tabell N" and the title above, the notes paragraph below. */
function surroundings(
  table: ThesisTable,
  options: TableWriteOptions,
): { head: Root; notes: Paragraph | undefined } {
  const all = tableToMdast(table, options).children;
  const notes = table.notes.length > 0 ? (all.at(-1) as Paragraph) : undefined;
  return {
    head: {
      type: 'root',
      children: all.filter((node) => node.type === 'paragraph' && node !== notes),
    },
    notes,
  };
}

/**
 * Writes a table as a standalone HTML document (UTF-8, the table's language) with real header
 * cells: `<th scope="col">` for the header row and `<th scope="row">` for row headers.
 */
export function tableToHtml(table: ThesisTable, options: TableWriteOptions = {}): string {
  return htmlDocument([tableToHtmlSection(table, options)], table.lang, table.title);
}

/** Writes tables as one standalone HTML document, numbered from 1 in the given order. */
export function tablesToHtml(tables: readonly ThesisTable[], title: string): string {
  return htmlDocument(
    tables.map((table, index) => tableToHtmlSection(table, { number: index + 1 })),
    tables[0]?.lang ?? 'nb',
    title,
  );
}

/** One table as an HTML `<section>` (title, table, notes), without the document around it. */
export function tableToHtmlSection(table: ThesisTable, options: TableWriteOptions = {}): string {
  const { head, notes } = surroundings(table, options);
  const headHtml = toHtml(toHast(head) as HastRoot);
  const notesHtml = notes
    ? `\n${toHtml(toHast({ type: 'root', children: [notes] }) as HastRoot)}`
    : '';
  const id = toHtml(element('section', { id: table.id }, [])).slice(
    '<section'.length,
    -'></section>'.length,
  );
  return `<section${id}>${headHtml}\n${tableToHtmlString(table.table, table.rowHeaders)}${notesHtml}</section>`;
}

function htmlDocument(sections: readonly string[], lang: Lang, title: string): string {
  const head = toHtml(
    element('head', {}, [
      element('meta', { charset: 'utf-8' }, []),
      element('title', {}, [{ type: 'text', value: title }]),
      element('style', {}, [{ type: 'text', value: stylesheet }]),
    ]),
  );
  return `<!doctype html><html lang="${lang}">${head}<body>${sections.join('\n')}</body></html>\n`;
}

const stylesheet =
  'body{font-family:"Times New Roman",serif;font-size:12pt;margin:2em}table{border-collapse:collapse;margin:.5em 0 1em}' +
  'th,td{border-top:1px solid #000;border-bottom:1px solid #000;padding:.3em .5em;text-align:left;vertical-align:top}' +
  'thead th{border-bottom:2px solid #000}section{margin-bottom:2em}';

function element(
  tagName: string,
  properties: Element['properties'],
  children: ElementContent[],
): Element {
  return { type: 'element', tagName, properties, children };
}

/**
 * Writes a table as CSV the way Excel reads it: UTF-8 with a byte-order mark, CRLF line ends,
 * fields quoted when they hold the separator, a quote or a line break (quotes doubled).
 */
export function tableToCsv(table: ThesisTable, options: CsvOptions = {}): string {
  const { columns, rows } = tableRows(table);
  return rowsToCsv(columns, rows, options.separator ?? ',');
}

// A field needs quotes when it holds the separator, a quote or a line break, or starts or ends
// with white space (which spreadsheet programs would otherwise drop).
const needsQuotes = { ',': /[",\r\n]|^\s|\s$/, ';': /[";\r\n]|^\s|\s$/ } as const;

/**
 * A cell as a spreadsheet must not run it: a cell starting with =, +, -, @, tab or carriage return
 * is a formula to Excel and LibreOffice ("CSV injection"); as OWASP advises, it gets a leading '
 * and is quoted.
 */
export function neutraliseCsvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function rowsToCsv(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  separator: ',' | ';',
): string {
  const pattern = needsQuotes[separator];
  const field = (raw: string) => {
    const value = neutraliseCsvCell(raw);
    return value !== raw || pattern.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  let csv = `\uFEFF${columns.map(field).join(separator)}\r\n`;
  for (const row of rows) csv += `${row.map(field).join(separator)}\r\n`;
  return csv;
}

/** The table as plain JSON data (see `TableJson`). */
export function tableToJsonData(table: ThesisTable): TableJson {
  const { columns, rows } = tableRows(table);
  return {
    id: table.id,
    lang: table.lang,
    title: table.title,
    columns,
    rows,
    notes: [...table.notes],
  };
}

/** Writes a table as pretty-printed JSON (see `TableJson`), ending with a newline. */
export function tableToJson(table: ThesisTable): string {
  return `${JSON.stringify(tableToJsonData(table), null, 2)}\n`;
}

/** One generated file: its name (relative to the output folder) and its content. */
export interface TableFile {
  file: string;
  data: string;
}

/** Options of `renderTableFiles`. */
export interface RenderTableFilesOptions {
  /** Base name of the combined files ("tables" → tables.md, tables.html, tables.json). */
  name: string;
  /** Title of the combined HTML document. */
  title: string;
  separator?: ',' | ';';
  /** Folder of the per-table files, relative to the output folder ("tables"); default: beside the combined files. */
  tableDir?: string;
  /** Whether to write the combined `<name>.json` (default true). */
  combinedJson?: boolean;
}

/**
 * Renders tables to files in every format: `<id>.md`, `.html`, `.csv`, `.json` per table (in
 * `tableDir`), and the combined `<name>.md`, `.html`, `.json` with the tables numbered from 1 in the
 * given order.
 * Each table is rendered once; the combined documents reuse the parts.
 */
export function renderTableFiles(
  tables: readonly ThesisTable[],
  options: RenderTableFilesOptions,
): TableFile[] {
  const separator = options.separator ?? ',';
  const markdown: string[] = [];
  const sections: string[] = [];
  const json: TableJson[] = [];
  const perTable: TableFile[] = [];
  // Without a folder of their own, the per-table files must not take the combined files' name.
  const usedNames = new Set(options.tableDir ? [] : [options.name]);
  tables.forEach((table, index) => {
    const number = index + 1;
    let name = fileSafeId(table.id);
    // Two ids may make the same file name ("a/b", "a-b"): the later one gets a number.
    for (let count = 2; usedNames.has(name); count++) name = `${fileSafeId(table.id)}-${count}`;
    usedNames.add(name);
    const base = options.tableDir ? `${options.tableDir}/${name}` : name;
    const md = tableToMarkdown(table, { number });
    const section = tableToHtmlSection(table, { number });
    const data = tableToJsonData(table);
    markdown.push(md);
    sections.push(section);
    json.push(data);
    perTable.push(
      { file: `${base}.md`, data: md },
      { file: `${base}.html`, data: htmlDocument([section], table.lang, table.title) },
      { file: `${base}.csv`, data: rowsToCsv(data.columns, data.rows, separator) },
      { file: `${base}.json`, data: `${JSON.stringify(data, null, 2)}\n` },
    );
  });
  const combined: TableFile[] = [
    { file: `${options.name}.md`, data: markdown.join('\n') },
    {
      file: `${options.name}.html`,
      data: htmlDocument(sections, tables[0]?.lang ?? 'nb', options.title),
    },
  ];
  if (options.combinedJson !== false)
    combined.push({ file: `${options.name}.json`, data: `${JSON.stringify(json, null, 2)}\n` });
  return [...combined, ...perTable];
}

/** A table id as a file name: letters, digits, "-" and "_" kept, anything else as "-". */
function fileSafeId(id: string): string {
  // Norwegian letters that do not decompose are spelt out as Norwegians do in ASCII.
  const spelt = id.replace(
    /[æÆøØ]/g,
    (letter) => ({ æ: 'ae', Æ: 'Ae', ø: 'o', Ø: 'O' })[letter as 'æ'] ?? letter,
  );
  const name = spelt
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name || 'table';
}
