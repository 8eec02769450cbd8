import { describe, expect, it } from 'vitest';
import { analyseTextLayout } from './text-layout.js';
import { textToManuscript } from './text-to-manuscript.js';

const words = [
  'relasjon',
  'tillit',
  'veileder',
  'bruker',
  'møte',
  'samtale',
  'arbeid',
  'hjelp',
  'tid',
  'rom',
  'mål',
  'plan',
  'vilje',
  'makt',
];

/** A line of prose that no other line repeats, even with its digits ignored. */
function prose(seed: number): string {
  return `Her står ${words[seed % words.length]} og ${words[Math.floor(seed / words.length) % words.length]} i en lang setning som går videre`;
}

/** Synthetic pages of single-spaced extracted text: `lines` body lines, then the page number. */
function pages(
  count: number,
  lines: number,
  options: { first?: number; numberAfterEmpty?: boolean } = {},
): string {
  const first = options.first ?? 1;
  const out: string[] = [];
  for (let page = 0; page < count; page++) {
    for (let line = 0; line < lines; line++) out.push(prose((first + page) * lines + line));
    if (options.numberAfterEmpty && page % 2 === 1) out.push('');
    out.push(String(first + page), '');
  }
  return out.join('\n');
}

describe('analyseTextLayout: page numbers that count up without form feeds', () => {
  it('takes the counting numbers as footers even right under the last line, and numbers the pages', () => {
    const layout = analyseTextLayout(pages(4, 14, { first: 3, numberAfterEmpty: true }));
    const removed = [...layout.furniture]
      .sort((a, b) => a - b)
      .map((index) => layout.lines[index]?.text);
    expect(removed).toEqual(['3', '4', '5', '6']);
    expect(layout.pageSource).toBe('page-number-lines');
    // Line 1 is on page 3, line 16 (after the footer "3" and its empty line) on page 4.
    expect([layout.pages[0], layout.pages[14], layout.pages[16], layout.pages[33]]).toEqual([
      3, 3, 4, 5,
    ]);
  });

  it('keeps a number that does not fit the count as text (a table cell, a chapter number)', () => {
    const text = [pages(2, 14, { first: 7 }), '2', '', 'Teori', pages(2, 14, { first: 9 })].join(
      '\n',
    );
    const layout = analyseTextLayout(text);
    expect([...layout.furniture].map((index) => layout.lines[index]?.text).sort()).toEqual([
      '10',
      '7',
      '8',
      '9',
    ]);
  });

  it('finds no chain in numbers that follow each other too closely (a table)', () => {
    const table = ['Antall', '1', '', '2', '', '3', '', '4', '', 'Sum'].join('\n');
    const layout = analyseTextLayout(`Innledning her.\n\n${table}\n`);
    expect(layout.pageSource).toBeUndefined();
  });

  it('removes a running header of several lines that each page repeats above its text', () => {
    const page = (number: number) =>
      [
        'Masteroppgave i sosialt arbeid',
        'Høgskolen på Stedet',
        String(number),
        ...Array.from({ length: 14 }, (_, line) => prose(number * 20 + line)),
      ].join('\n');
    const layout = analyseTextLayout([1, 2, 3, 4].map(page).join('\n\f'));
    const removed = [...layout.furniture]
      .sort((a, b) => a - b)
      .map((index) => layout.lines[index]?.text);
    expect(removed).toEqual(
      [1, 2, 3, 4].flatMap((number) => [
        'Masteroppgave i sosialt arbeid',
        'Høgskolen på Stedet',
        String(number),
      ]),
    );
  });

  it('joins a citation broken by a page number and keeps its place in the file', () => {
    const text = [
      ...Array.from({ length: 13 }, (_, line) => prose(line)),
      'Dette er vist tidligere (Hansen &',
      '12',
      '',
      'Berg, 2019). Neste setning.',
      ...Array.from({ length: 13 }, (_, line) => prose(line + 20)),
      '13',
      '',
      ...Array.from({ length: 13 }, (_, line) => prose(line + 40)),
      '14',
    ].join('\n');
    const manuscript = textToManuscript(text, { path: 'side.txt' });
    const at = manuscript.text.indexOf('(Hansen & Berg, 2019)');
    expect(at).toBeGreaterThan(0);
    expect(manuscript.locate(at)).toEqual({ line: 14, column: 25, page: 12 });
    expect(manuscript.locate(at + '(Hansen & '.length)).toEqual({ line: 17, column: 1, page: 13 });
  });
});
