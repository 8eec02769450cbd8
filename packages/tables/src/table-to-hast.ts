import type { Element, ElementContent } from 'hast';
import type { PhrasingContent, Table, TableRow } from 'mdast';

const newline = (): ElementContent => ({ type: 'text', value: '\n' });

/**
 * Turns an mdast table of text and break nodes into a hast `<table>` with real header cells:
 * `<th scope="col">` in the header row and, with `rowHeaders`, `<th scope="row">` first in each
 * body row. Gives the same HTML as mdast-util-to-hast plus the scopes, in a tenth of the time
 * (docs/decisions/tables-writers.md).
 */
export function tableToHastElement(table: Table, rowHeaders: boolean): Element {
  const [header, ...body] = table.children;
  const children: ElementContent[] = [newline()];
  if (header !== undefined) {
    children.push(
      element('thead', [newline(), row(header, 'head', rowHeaders), newline()]),
      newline(),
    );
    if (body.length > 0) {
      const rows: ElementContent[] = [newline()];
      for (const bodyRow of body) rows.push(row(bodyRow, 'body', rowHeaders), newline());
      children.push(element('tbody', rows), newline());
    }
  }
  return element('table', children);
}

function row(tableRow: TableRow, part: 'head' | 'body', rowHeaders: boolean): Element {
  const cells: ElementContent[] = [newline()];
  tableRow.children.forEach((cell, index) => {
    const content = cell.children.flatMap(phrasingToHast);
    if (part === 'head') cells.push(element('th', content, { scope: 'col' }));
    else if (rowHeaders && index === 0) cells.push(element('th', content, { scope: 'row' }));
    else cells.push(element('td', content));
    cells.push(newline());
  });
  return element('tr', cells);
}

function phrasingToHast(node: PhrasingContent): ElementContent[] {
  if (node.type === 'text') return [{ type: 'text', value: node.value }];
  if (node.type === 'break') return [element('br', []), newline()];
  if ('children' in node) return (node.children as PhrasingContent[]).flatMap(phrasingToHast);
  return 'value' in node && typeof node.value === 'string'
    ? [{ type: 'text', value: node.value }]
    : [];
}

function element(
  tagName: string,
  children: ElementContent[],
  properties: Element['properties'] = {},
): Element {
  return { type: 'element', tagName, properties, children };
}

/**
 * Writes an mdast table of text and break nodes straight to HTML: byte for byte what
 * hast-util-to-html makes of `tableToHastElement` (checked in writers.test.ts), without building
 * the tree; the benchmark's 200,000 cells made the tree the slowest part of writing HTML.
 */
export function tableToHtmlString(table: Table, rowHeaders: boolean): string {
  const [header, ...body] = table.children;
  if (header === undefined) return '<table>\n</table>';
  let html = `<table>\n<thead>\n${rowHtml(header, 'head', rowHeaders)}\n</thead>\n`;
  if (body.length > 0) {
    html += '<tbody>\n';
    for (const bodyRow of body) html += `${rowHtml(bodyRow, 'body', rowHeaders)}\n`;
    html += '</tbody>\n';
  }
  return `${html}</table>`;
}

function rowHtml(tableRow: TableRow, part: 'head' | 'body', rowHeaders: boolean): string {
  let html = '<tr>\n';
  tableRow.children.forEach((cell, index) => {
    const content = cell.children.map(phrasingHtml).join('');
    if (part === 'head') html += `<th scope="col">${content}</th>\n`;
    else if (rowHeaders && index === 0) html += `<th scope="row">${content}</th>\n`;
    else html += `<td>${content}</td>\n`;
  });
  return `${html}</tr>`;
}

function phrasingHtml(node: PhrasingContent): string {
  if (node.type === 'text') return escapeHtml(node.value);
  if (node.type === 'break') return '<br>\n';
  if ('children' in node) return (node.children as PhrasingContent[]).map(phrasingHtml).join('');
  return 'value' in node && typeof node.value === 'string' ? escapeHtml(node.value) : '';
}

// hast-util-to-html escapes "&" and "<" in text, as hexadecimal character references.
function escapeHtml(value: string): string {
  if (!value.includes('&') && !value.includes('<')) return value;
  return value.replace(/[&<]/g, (char) => (char === '&' ? '&#x26;' : '&#x3C;'));
}
