import type { PhrasingContent, Table, TableCell } from 'mdast';

/**
 * Writes an mdast table of text and break nodes (what `createTable` makes) as a GFM table.
 * mdast-util-to-markdown does the same at about 100 µs a row, which made the benchmark's tables
 * take 11 s (docs/decisions/tables-writers.md); this writer is checked against a GFM parser.
 */
export function tableToGfm(table: Table): string {
  const [header, ...body] = table.children;
  if (header === undefined) return '';
  const width = header.children.length;
  const line = (cells: readonly TableCell[]) => {
    const texts: string[] = [];
    for (let index = 0; index < width; index++) texts.push(cellToGfm(cells[index]));
    return `| ${texts.join(' | ')} |`;
  };
  const lines = [line(header.children), `| ${header.children.map(() => '-').join(' | ')} |`];
  for (const row of body) lines.push(line(row.children));
  return lines.join('\n');
}

function cellToGfm(cell: TableCell | undefined): string {
  if (cell === undefined) return '';
  let out = '';
  for (const node of cell.children) out += phrasingToGfm(node);
  return out;
}

function phrasingToGfm(node: PhrasingContent): string {
  if (node.type === 'text') return escapeText(node.value);
  // A GFM table cell is one line: a break inside it can only be written as HTML.
  if (node.type === 'break') return '<br>';
  if ('children' in node) return (node.children as PhrasingContent[]).map(phrasingToGfm).join('');
  return 'value' in node && typeof node.value === 'string' ? escapeText(node.value) : '';
}

// Characters that could start markup inside a cell: backslash escapes them (CommonMark allows
// escaping any ASCII punctuation). "&" only where it would start a character reference.
const markup = /[\\`*_[\]<>|~]|&(?=#?[\p{L}\p{N}]+;)/gu;

const markupOrBreak = /[\\`*_[\]<>|~\r\n]|&(?=#?[\p{L}\p{N}]+;)/u;

function escapeText(value: string): string {
  // Most cells hold plain words: one test spares them both replacements.
  if (!markupOrBreak.test(value)) return value;
  // Line breaks inside a text node cannot stand in a cell: they become spaces.
  return value.replace(/\r\n?|\n/g, ' ').replace(markup, '\\$&');
}
