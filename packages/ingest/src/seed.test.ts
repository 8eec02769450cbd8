import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readManuscriptFile } from './test-read-manuscript.js';
import { textToManuscript } from './text-to-manuscript.js';
import type { Manuscript } from './types.js';

// The real thesis of the bundled study: text a student copied out of a PDF (see
// docs/decisions/ingest-plain-text-layout.md for what its layout tells).
const seedPath = fileURLToPath(
  new URL('../../../studies/nav-relasjon/manuscript.txt', import.meta.url),
);

describe('the NAV thesis (studies/nav-relasjon)', () => {
  let manuscript: Manuscript;
  let original: string[];
  beforeAll(async () => {
    manuscript = await readManuscriptFile(seedPath);
    original = (await readFile(seedPath, 'utf8')).split('\n');
  });

  it('finds every numbered heading with its level', () => {
    expect(
      manuscript.headings.map((heading) => `${heading.level} ${heading.number} ${heading.text}`),
    ).toEqual([
      '1 1.0 Innledning',
      '2 1.1 Bakgrunn for valg av tema',
      '2 1.2 Presentasjon av problemstilling',
      '2 1.3 Begrepsavklaring',
      '3 1.3.1 Sosialarbeider',
      '3 1.3.2 Bruker',
      '3 1.3.3 Krise og livskrise',
      '2 1.4 Oppgavens formål',
      '2 1.5 Oppgavens oppbygging',
      '1 2.0 Metode',
      '2 2.1 Valg av metode',
      '2 2.2 Datainnsamling',
      '2 2.3 Kildekritikk',
      '1 3.0 Empiri',
      '1 4.0 Teori',
      '2 4.1 NAV',
      '3 4.1.1 NAV-Reformen',
      '3 4.1.2 Bruker og Digitalisering i NAV',
      '2 4.2 Yrkesetiske prinsipper',
      '2 4.3 Kommunikasjonsteori',
      '2 4.4 Relasjonskompetansen',
      '3 4.4.1 Empati - Tillit',
      '3 4.4.2 Anerkjennelse',
      '2 4.5 Makt – hjelp og kontroll',
      '2 4.6 Brukermedvirkning',
      '2 4.7 Hjelp til selvhjelp',
      '1 5.0 Drøfting',
      '2 5.1 Relasjonens betydning for endringsprosessen',
      '2 5.2 Relasjon og NAV-reformen',
      '2 5.3 Møtet mellom sosialarbeider og bruker',
      '2 5.4 Forskjeller og likheter hos artiklene',
      '1 6.0 Oppsummering/Konklusjon',
    ]);
  });

  it('joins citations broken across lines into one run of text and maps them back', () => {
    expect(manuscript.text).toContain(
      'helse- og sosiale tjenester (Natland et al., 2020). Det ble',
    );
    expect(manuscript.text).toContain(
      'hensikt/mål med samtalen. Eide & Eide, 2016, s.80 God kommunikasjon',
    );
    const natland =
      manuscript.text.indexOf('sosiale tjenester (Natland et al., 2020)') +
      'sosiale tjenester ('.length;
    expect(manuscript.locate(natland)).toEqual({ line: 438, column: 79, page: 11 });
    expect(manuscript.locate(natland + 'Natland et al., '.length)).toEqual({
      line: 440,
      column: 1,
      page: 11,
    });
    const eide =
      manuscript.text.indexOf('samtalen. Eide & Eide, 2016, s.80 God') + 'samtalen. '.length;
    expect(manuscript.locate(eide)).toEqual({ line: 839, column: 84, page: 18 });
    expect(manuscript.locate(eide + 'Eide & '.length)).toEqual({ line: 840, column: 2, page: 19 });
    expect(manuscript.sectionAt(eide)?.text).toBe('Kommunikasjonsteori');
  });

  it('undoes line-end hyphenation but keeps hyphens that belong to the words', () => {
    const joined =
      manuscript.text.indexOf('teorien. Anerkjennelsespraksis på individnivå') + 'teorien. '.length;
    expect(joined).toBeGreaterThan(0);
    expect(manuscript.locate(joined)).toEqual({ line: 1431, column: 73, page: 29 });
    expect(manuscript.locate(joined + 'Anerkjennelses'.length)).toEqual({
      line: 1433,
      column: 1,
      page: 29,
    });
    expect(manuscript.text).toContain('bli til én arbeids-og-velferdsforvaltning');
    expect(manuscript.text).toContain('brukere med rus, - og psykiskproblematikk');
    expect(manuscript.text).toContain('(Arbeids- og velferdsdirektoratet, s.6)');
  });

  it('leaves out the one page footer and numbers the pages from it', () => {
    expect(manuscript.text).not.toContain('Kandidatnummer');
    expect(manuscript.text).toContain(
      'sosialarbeidere har hatt i lokal-kontoret har blitt flyttet',
    );
    const before = manuscript.text.indexOf('hatt i lokal-kontoret');
    expect(manuscript.locate(before)).toEqual({ line: 1332, column: 86, page: 27 });
    expect(manuscript.locate(before + 'hatt i '.length)).toEqual({
      line: 1340,
      column: 1,
      page: 28,
    });
    expect(manuscript.locate(0)).toEqual({ line: 1, column: 2, page: 3 });
    expect(manuscript.locate(manuscript.text.length - 1).page).toBe(36);
    expect(manuscript.hasPages).toBe(true);
    expect(manuscript.notes.map((note) => note.en)).toEqual([
      '2 page header, footer or page-number line(s) were left out of the text (line 1336, 1338).',
      'Pages are counted from the page breaks of the copied PDF text and the page number printed in it.',
    ]);
  });

  it('keeps the quotations of 5.2 as block quotes and the bullet points as list items', () => {
    const kinds = manuscript.blocks.map(
      (block) => `${block.kind}: ${manuscript.text.slice(block.start, block.start + 30)}`,
    );
    expect(kinds.filter((kind) => kind.startsWith('block-quote'))).toEqual([
      'block-quote: «Det er jo sånn at vi må trekk',
      'block-quote: «På sentralbordet har de ingen',
      'block-quote: «Folk vil glemme det du sier, ',
    ]);
    expect(kinds.filter((kind) => kind.startsWith('list-item'))).toEqual([
      'list-item: - Relasjonens betydning i møte',
      'list-item: - I søket etter vitenskapelige',
      'list-item: - Empati; leve seg inn i den a',
      'list-item: - Møte den andre med ubetinget',
      'list-item: - Selv å være genuin/autentisk',
      'list-item: - En stadfester og bekrefter d',
      'list-item: - En formidler til den andre a',
      'list-item: - En har respekt for den andre',
      'list-item: - Bekreftelse og anerkjennelse',
    ]);
  });

  it('reads its own normalised text back unchanged', () => {
    const again = textToManuscript(manuscript.text, { path: 'normalised.txt' });
    expect(again.text).toBe(manuscript.text);
    expect(again.blocks).toEqual(manuscript.blocks);
    expect(again.headings).toEqual(manuscript.headings);
  });

  it('has no reference list', () => {
    expect(manuscript.referenceList).toBeNull();
  });

  it('points every character that is not a join at the same character of the file', () => {
    let checked = 0;
    for (let offset = 0; offset < manuscript.text.length; offset++) {
      const char = manuscript.text[offset] as string;
      if (/\s/u.test(char)) continue;
      const place = manuscript.locate(offset);
      // The thesis has decomposed letters ("a" + combining ring): compare composed characters.
      const line = original[place.line - 1] ?? '';
      const run = /\P{M}\p{M}*|\p{M}/uy;
      run.lastIndex = place.column - 1;
      expect(run.exec(line)?.[0].normalize('NFC')[0]).toBe(char);
      checked++;
    }
    expect(checked).toBeGreaterThan(50_000);
  });
});
