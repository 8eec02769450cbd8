import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textToManuscript } from './text-to-manuscript.js';
import type { Manuscript } from './types.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/text/${name}`, import.meta.url), 'utf8');
}

/** Each block as [kind, text, line, column, page] of its first character. */
function summary(
  manuscript: Manuscript,
): Array<[string, string, number, number, number | undefined]> {
  return manuscript.blocks.map((block) => {
    const place = manuscript.locate(block.start);
    return [
      block.kind,
      manuscript.text.slice(block.start, block.end),
      place.line,
      place.column,
      place.page,
    ];
  });
}

describe('textToManuscript', () => {
  it('reads double-spaced text copied from a PDF: page breaks, footer, hyphenation, blocks', () => {
    const manuscript = textToManuscript(fixture('pdf-copy.txt'), { path: 'pdf-copy.txt' });
    expect(summary(manuscript)).toEqual([
      ['heading', '1.0 Innledning', 1, 2, 3],
      [
        'paragraph',
        'Relasjonen mellom bruker og veileder er sentral i sosialt arbeid (Natland et al., 2020). Anerkjennelsespraksis i Arbeids- og velferdsdirektoratet er viktig for brukere med rus, - og psykiske utfordringer.',
        5,
        1,
        3,
      ],
      [
        'paragraph',
        'Eide og Eide (2017, s.80) skriver om kommunikasjon på NAV-kontoret i perioden 2009-2011.',
        14,
        2,
        4,
      ],
      ['heading', '1.1 Bakgrunn', 22, 1, 4],
      ['paragraph', 'En deltaker sa:', 24, 1, 4],
      [
        'block-quote',
        '«Det er jo sånn at vi må trekke kølapp for å få kølapp. Når min saksbehandler har gjort sin jobb, så skal forvaltningen gjøre sin.»',
        25,
        2,
        5,
      ],
      ['list-item', '- Empati; leve seg inn i den andre', 31, 1, 5],
      ['list-item', '- Tillit', 33, 1, 5],
      [
        'paragraph',
        'Relasjonen bygges gjennom videre arbeid med bruker (Dalland, 2017).',
        37,
        1,
        5,
      ],
      ['heading', '2.0 Metode', 48, 2, 7],
      ['paragraph', 'Dette er en litteraturstudie.', 52, 1, 7],
    ]);
    // The footer ("Kandidatnummer: 1234", "5") ends page 5; the text after it is on page 6.
    expect(manuscript.locate(manuscript.text.indexOf('videre arbeid'))).toEqual({
      line: 47,
      column: 1,
      page: 6,
    });
    expect(manuscript.locate(manuscript.text.indexOf('2020)'))).toEqual({
      line: 7,
      column: 1,
      page: 3,
    });
    expect(manuscript.locate(manuscript.text.indexOf('praksis i'))).toEqual({
      line: 9,
      column: 1,
      page: 3,
    });
    expect(manuscript.notes.map((note) => note.en)).toEqual([
      '2 page header, footer or page-number line(s) were left out of the text (line 43, 45).',
      'Pages are counted from the page breaks of the copied PDF text and the page number printed in it.',
    ]);
  });

  it('reads ordinary text: headings, an indented block quote and a reference list one entry a line', () => {
    const manuscript = textToManuscript(fixture('plain.txt'), { path: 'plain.txt' });
    expect(
      summary(manuscript).map(([kind, text, line, column]) => [
        kind,
        text.slice(0, 40),
        line,
        column,
      ]),
    ).toEqual([
      ['heading', 'Sammendrag', 1, 1],
      ['paragraph', 'Denne oppgaven handler om relasjoner (Lu', 3, 1],
      ['heading', '1 Innledning', 5, 1],
      ['paragraph', 'Relasjonen er viktig for brukere som møt', 7, 1],
      ['block-quote', 'Dette er et sitat som er rykket inn ford', 11, 5],
      ['paragraph', 'Etter sitatet fortsetter teksten.', 14, 1],
      ['heading', 'Litteraturliste', 16, 1],
      ['paragraph', 'Dalland, O. (2017). Metode og oppgaveskr', 18, 1],
    ]);
    expect(manuscript.hasPages).toBe(false);
    const list = manuscript.referenceList;
    expect(list?.heading.text).toBe('Litteraturliste');
    expect(
      list?.entries.map((entry) => [
        entry.authors,
        entry.year,
        entry.title,
        manuscript.locate(entry.start).line,
      ]),
    ).toEqual([
      [['Dalland'], '2017', 'Metode og oppgaveskriving', 18],
      [
        ['Eide', 'Eide'],
        '2017',
        'Kommunikasjon i relasjoner: Personorientering, samhandling, etikk',
        19,
      ],
      [['Ellingsen', 'Levin', 'Berg', 'Kleppe'], '2015', 'Sosialt arbeid: En grunnbok', 20],
      [['Helsedirektoratet'], 'u.å.', 'Brukermedvirkning', 22],
    ]);
    for (const entry of list?.entries ?? [])
      expect(manuscript.text.slice(entry.start, entry.end)).toBe(entry.raw);
  });

  it('counts pages from form feeds and drops the running header', () => {
    const manuscript = textToManuscript(fixture('form-feed.txt'), { path: 'form-feed.txt' });
    expect(summary(manuscript)).toEqual([
      ['heading', '1 Innledning', 2, 1, 1],
      ['paragraph', 'Første side (Dalland, 2017). Andre side med mer tekst. Tredje side.', 3, 1, 1],
    ]);
    expect(manuscript.locate(manuscript.text.indexOf('Andre'))).toEqual({
      line: 5,
      column: 1,
      page: 2,
    });
    expect(manuscript.locate(manuscript.text.indexOf('Tredje'))).toEqual({
      line: 7,
      column: 1,
      page: 3,
    });
  });

  it('keeps one long line per paragraph with empty lines between as separate paragraphs', () => {
    const paragraphs = [
      'Relasjonen mellom bruker og veileder er viktig (Natland et al., 2020). Den bygger på tillit.',
      'Kommunikasjon er mer enn ord (Eide & Eide, 2017). Veilederen må lytte.',
      'Brukermedvirkning krever tid (Dalland, 2017). Det tar tid å bygge tillit.',
      'Makt er til stede i alle relasjoner. Veilederen forvalter ytelser.',
      'Anerkjennelse gir mestring. Bruker blir sett.',
      'Hjelp til selvhjelp er målet. Bruker skal klare seg selv.',
      'Oppsummert er relasjonen sentral. Den må bygges bevisst.',
    ];
    const manuscript = textToManuscript(paragraphs.join('\n\n'), { path: 'word-export.txt' });
    expect(manuscript.blocks.map((block) => manuscript.text.slice(block.start, block.end))).toEqual(
      paragraphs,
    );
  });

  it('maps CRLF files to the same lines and columns as LF files', () => {
    const lf = textToManuscript(fixture('pdf-copy.txt'), { path: 'lf.txt' });
    const crlf = textToManuscript(fixture('pdf-copy.txt').replace(/\n/gu, '\r\n'), {
      path: 'crlf.txt',
    });
    expect(crlf.text).toBe(lf.text);
    for (const offset of [0, 100, 250, crlf.text.indexOf('videre'), crlf.text.length]) {
      expect(crlf.locate(offset)).toEqual(lf.locate(offset));
    }
  });

  it('composes decomposed (NFD) text and keeps every column of the original', () => {
    const nfc = 'Skåland og Røysum (2019) skriver om møtet på NAV-kontoret.';
    const nfd = nfc.normalize('NFD');
    const manuscript = textToManuscript(`${nfd}\n`, { path: 'nfd.txt' });
    expect(manuscript.text).toBe(nfc);
    // "Skåland" is 8 code units in NFD: everything after it is one column further right.
    expect(manuscript.locate(nfc.indexOf('og'))).toEqual({ line: 1, column: 10 });
    expect(manuscript.locate(nfc.indexOf('Røysum'))).toEqual({ line: 1, column: 13 });
    expect(manuscript.locate(nfc.indexOf('møtet'))).toEqual({
      line: 1,
      column: nfd.indexOf('mø'.normalize('NFD')) + 1,
    });
  });

  it('takes neither a table of contents for headings nor a value repeated in a table for a running header', () => {
    const text = [
      'Innholdsfortegnelse',
      '',
      '1.0 Innledning ........ 3',
      '2.1 Valg av metode\t7',
      '',
      '1.0 Innledning',
      '',
      'Forfatter og år',
      'Kvalitativ studie',
      'Natland et al. (2020)',
      'Kvalitativ studie',
      'Lundberg og Syltevik (2013)',
      'Kvalitativ studie',
    ].join('\n');
    const manuscript = textToManuscript(text, { path: 'toc.txt' });
    expect(manuscript.headings.map((heading) => heading.text)).toEqual([
      'Innholdsfortegnelse',
      'Innledning',
    ]);
    expect(manuscript.text.match(/Kvalitativ studie/gu)).toHaveLength(3);
    expect(manuscript.notes).toEqual([]);
  });

  it('drops a running header that repeats once a page', () => {
    const page = (number: number): string[] => [
      'Relasjoner i NAV – bacheloroppgave',
      ...Array.from(
        { length: 20 },
        (_, line) => `Linje ${line + 1} på side ${number} handler om tillit og`,
      ),
      'respekt.',
      '',
    ];
    const manuscript = textToManuscript([1, 2, 3].flatMap(page).join('\n'), { path: 'header.txt' });
    expect(manuscript.text).not.toContain('bacheloroppgave');
    expect(manuscript.notes.map((note) => note.en)).toEqual([
      '3 page header, footer or page-number line(s) were left out of the text (line 1, 24, 47).',
    ]);
  });

  it('splits a double-spaced reference list into entries at the lines that start one', () => {
    const text = [
      'Litteraturliste ',
      'Dalland, O. (2017). Metode og oppgaveskriving. ',
      'Gyldendal Akademisk. ',
      'Eide, H. & Eide, T. (2017). Kommunikasjon i relasjoner: Personorientering, ',
      'samhandling, etikk (3. utg.). Gyldendal Akademisk. ',
      'Ellingsen, I. T., Levin, I., Berg, B. & ',
      'Kleppe, L. C. (2015). Sosialt arbeid: En grunnbok. Universitetsforlaget. ',
      'Helsedirektoratet. (u.å.). Brukermedvirkning. ',
    ].join('\n\n');
    // After the double-spaced body of the PDF-copy fixture (52 lines), as in a real thesis.
    const manuscript = textToManuscript(`${fixture('pdf-copy.txt')}\n${text}\n`, {
      path: 'references.txt',
    });
    expect(
      manuscript.referenceList?.entries.map((entry) => [
        entry.raw,
        manuscript.locate(entry.start).line,
      ]),
    ).toEqual([
      ['Dalland, O. (2017). Metode og oppgaveskriving. Gyldendal Akademisk.', 56],
      [
        'Eide, H. & Eide, T. (2017). Kommunikasjon i relasjoner: Personorientering, samhandling, etikk (3. utg.). Gyldendal Akademisk.',
        60,
      ],
      [
        'Ellingsen, I. T., Levin, I., Berg, B. & Kleppe, L. C. (2015). Sosialt arbeid: En grunnbok. Universitetsforlaget.',
        64,
      ],
      ['Helsedirektoratet. (u.å.). Brukermedvirkning.', 68],
    ]);
  });

  it('leaves out page numbers standing alone, roman ones too, and no number inside a sentence', () => {
    const text = [
      'Forord',
      '',
      'Takk til veilederen min.',
      '',
      'iii',
      '',
      '1 Innledning',
      '',
      'Det var 27',
      'deltakere i studien.',
      '',
      '- 4 -',
      '',
      'Side 5 av 40',
      '',
      'vi',
      '',
    ].join('\n');
    const manuscript = textToManuscript(text, { path: 'numbers.txt' });
    expect(manuscript.text).toBe(
      'Forord\n\nTakk til veilederen min.\n\n1 Innledning\n\nDet var 27 deltakere i studien. vi',
    );
    expect(manuscript.notes.map((note) => note.en)).toEqual([
      '3 page header, footer or page-number line(s) were left out of the text (line 5, 12, 14).',
    ]);
    // Two page numbers that disagree with the page breaks they imply fix no page.
    expect(manuscript.hasPages).toBe(false);
  });

  it('keeps the lines of a reference entry with a hanging indent together', () => {
    const text = [
      'Referanser',
      '',
      'Eide, H. & Eide, T. (2017). Kommunikasjon i relasjoner: Personorientering,',
      '    samhandling, etikk (3. utg.). Gyldendal Akademisk.',
      'Levin, I. (2004). Hva er sosialt arbeid. Universitetsforlaget.',
      '',
    ].join('\n');
    const manuscript = textToManuscript(text, { path: 'hanging.txt' });
    expect(manuscript.blocks.map((block) => block.kind)).toEqual(['heading', 'paragraph']);
    expect(
      manuscript.referenceList?.entries.map((entry) => [entry.authors, entry.year, entry.title]),
    ).toEqual([
      [
        ['Eide', 'Eide'],
        '2017',
        'Kommunikasjon i relasjoner: Personorientering, samhandling, etikk',
      ],
      [['Levin'], '2004', 'Hva er sosialt arbeid'],
    ]);
  });

  it('takes each line for a paragraph in text saved from Word (one long line a paragraph, no empty lines)', () => {
    const paragraphs = [
      'Relasjonen mellom bruker og veileder er viktig for at bruker skal oppleve god hjelp (Natland et al., 2020). Den bygger på tillit, respekt og anerkjennelse, og den tar tid å bygge.',
      'Kommunikasjon er mer enn ord, og veilederen må lytte aktivt og stille gode spørsmål (Eide & Eide, 2017). Det krever ro, tålmodighet og innlevelse i brukerens situasjon.',
      'Brukermedvirkning krever at veilederen gir rom for brukerens egne mål og ønsker (Dalland, 2017). Det er likevel ikke alltid lett å få til i praksis i et travelt NAV-kontor.',
    ];
    const manuscript = textToManuscript(['1 Innledning', ...paragraphs].join('\r\n'), {
      path: 'word.txt',
    });
    expect(
      manuscript.blocks.map((block) => [block.kind, manuscript.text.slice(block.start, block.end)]),
    ).toEqual([
      ['heading', '1 Innledning'],
      ...paragraphs.map((paragraph) => ['paragraph', paragraph]),
    ]);
  });

  it('tells a block quote (every line indented) from a paragraph with an indented first line', () => {
    const text = [
      '1 Innledning',
      '\tRelasjonen mellom bruker og veileder er viktig',
      'for at bruker skal oppleve god hjelp (Natland et al., 2020).',
      '',
      '    Dette er et sitat som er rykket inn fordi det er langt, og',
      '    derfor står det som et blokksitat (Eide & Eide, 2017, s. 80).',
      'Teksten fortsetter rett under sitatet.',
    ].join('\n');
    const manuscript = textToManuscript(text, { path: 'indent.txt' });
    expect(
      manuscript.blocks.map((block) => [
        block.kind,
        manuscript.text.slice(block.start, Math.min(block.end, block.start + 20)),
      ]),
    ).toEqual([
      ['heading', '1 Innledning'],
      ['paragraph', 'Relasjonen mellom br'],
      ['block-quote', 'Dette er et sitat so'],
      ['paragraph', 'Teksten fortsetter r'],
    ]);
  });
});
