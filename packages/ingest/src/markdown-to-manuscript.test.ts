import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownToManuscript } from './markdown-to-manuscript.js';

const source = readFileSync(new URL('../fixtures/markdown/thesis.md', import.meta.url), 'utf8');

const manuscript = await markdownToManuscript(source, { path: 'thesis.md' });

describe('markdownToManuscript', () => {
  it('turns headings, paragraphs, block quotes, list items and table cells into blocks', () => {
    expect(manuscript.format).toBe('md');
    expect(
      manuscript.blocks.map((block) => {
        const place = manuscript.locate(block.start);
        return [
          block.kind,
          manuscript.text.slice(block.start, block.end),
          place.line,
          place.column,
        ];
      }),
    ).toEqual([
      ['heading', '1 Innledning', 5, 3],
      [
        'paragraph',
        'Relasjonen mellom bruker og veileder er sentral (Natland et al., 2020). Eide & Eide (2017) skriver om *kommunikasjon*.',
        7,
        1,
      ],
      ['heading', '1.1 Bakgrunn', 10, 4],
      [
        'block-quote',
        '«Det er jo sånn at vi må trekke kølapp for å få kølapp. Når min saksbehandler har gjort sin jobb, så skal forvaltningen gjøre sin.» (Lundberg & Syltevik, 2013)',
        12,
        3,
      ],
      ['list-item', 'Empati (Eide & Eide, 2017)', 15, 3],
      ['list-item', 'Tillit og respekt', 16, 3],
      ['paragraph', 'Artikkel', 18, 3],
      ['paragraph', 'År', 18, 14],
      ['paragraph', 'Natland et al.', 20, 3],
      ['paragraph', '2020', 20, 20],
      ['heading', 'Litteraturliste', 26, 4],
      ['paragraph', 'Dalland, O. (2017). Metode og oppgaveskriving. Gyldendal Akademisk.', 28, 1],
      [
        'paragraph',
        'Eide, H. & Eide, T. (2017). Kommunikasjon i relasjoner: Personorientering, samhandling, etikk (3. utg.). Gyldendal Akademisk.',
        30,
        1,
      ],
    ]);
    expect(
      manuscript.headings.map((heading) => [heading.level, heading.number, heading.text]),
    ).toEqual([
      [1, '1', 'Innledning'],
      [2, '1.1', 'Bakgrunn'],
      [2, undefined, 'Litteraturliste'],
    ]);
  });

  it('maps text after emphasis, entities, escapes and quote markers to the source', () => {
    const text = manuscript.text;
    expect(manuscript.locate(text.indexOf('2020)'))).toEqual({ line: 8, column: 1 });
    // "&amp;" is one "&" in the text; the Eide after it is still found in its column.
    expect(manuscript.locate(text.indexOf('& Eide (2017)'))).toEqual({ line: 8, column: 13 });
    expect(manuscript.locate(text.indexOf('Eide (2017)'))).toEqual({ line: 8, column: 19 });
    expect(manuscript.locate(text.indexOf('*kommunikasjon*'))).toEqual({ line: 8, column: 43 });
    expect(manuscript.locate(text.indexOf('sin jobb'))).toEqual({ line: 13, column: 3 });
    expect(manuscript.sectionAt(text.indexOf('Tillit'))?.text).toBe('Bakgrunn');
  });

  it('reads the reference list and leaves code blocks and front matter out', () => {
    expect(
      manuscript.referenceList?.entries.map((entry) => [entry.authors, entry.year, entry.title]),
    ).toEqual([
      [['Dalland'], '2017', 'Metode og oppgaveskriving'],
      [
        ['Eide', 'Eide'],
        '2017',
        'Kommunikasjon i relasjoner: Personorientering, samhandling, etikk',
      ],
    ]);
    expect(manuscript.text).not.toContain('Ikke, 1999');
    expect(manuscript.text).not.toContain('title:');
  });

  it('maps CRLF Markdown to the same places', async () => {
    const crlf = await markdownToManuscript(source.replace(/\n/gu, '\r\n'), { path: 'crlf.md' });
    expect(crlf.text).toBe(manuscript.text);
    for (const offset of [0, 40, 200, crlf.text.length - 1])
      expect(crlf.locate(offset)).toEqual(manuscript.locate(offset));
  });
});
