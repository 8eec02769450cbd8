import type { PhrasingContent, Table, TableCell, TableRow } from 'mdast';
import type { CellContent, CreateTableOptions, ThesisTable } from './types.js';

/** Builds a thesis table (mdast) from a header and rows of plain text cells. */
export function createTable(options: CreateTableOptions): ThesisTable {
  const width = options.header.length;
  const row = (cells: readonly CellContent[]): TableRow => {
    const padded = [...cells];
    while (padded.length < width) padded.push('');
    return { type: 'tableRow', children: padded.slice(0, width).map(cellNode) };
  };
  const table: Table = {
    type: 'table',
    align: options.header.map(() => null),
    children: [row(options.header), ...options.rows.map(row)],
  };
  return {
    id: options.id,
    lang: options.lang,
    title: options.title,
    table,
    notes: [...(options.notes ?? [])],
    rowHeaders: options.rowHeaders ?? false,
  };
}

function cellNode(content: CellContent): TableCell {
  // Lines of a cell are trimmed: white space at the edge of a cell means nothing in a table, and a
  // line break inside a string starts a new line just as an array item does.
  const lines =
    typeof content === 'string' && !/[\r\n]/.test(content)
      ? [content.trim()]
      : (typeof content === 'string' ? [content] : content)
          .flatMap((line) => line.split(/\r\n?|\n/))
          .map((line) => line.trim());
  const children: PhrasingContent[] = [];
  lines.forEach((line, index) => {
    if (index > 0) children.push({ type: 'break' });
    if (line !== '') children.push({ type: 'text', value: line });
  });
  return { type: 'tableCell', children };
}

/** The text of a cell: its lines joined with "\n". */
export function cellText(cell: TableCell): string {
  return cell.children.map(phrasingText).join('');
}

function phrasingText(node: PhrasingContent): string {
  if (node.type === 'break') return '\n';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as PhrasingContent[]).map(phrasingText).join('');
  return '';
}

/** The header and body rows of a table as plain strings. */
export function tableRows(table: ThesisTable): { columns: string[]; rows: string[][] } {
  const [header, ...body] = table.table.children;
  return {
    columns: header ? header.children.map(cellText) : [],
    rows: body.map((row) => row.children.map(cellText)),
  };
}
