import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { citeprocHtmlToMarkdown, formatReferenceList } from './format.js';
import { loadBibliographyFile } from './load.js';
import type { BibEntry } from './types.js';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
const { entries } = await loadBibliographyFile(fixture('entry-types.yaml'));
const byId = (id: string): BibEntry => entries.find((entry) => entry.id === id)!;

async function formatOne(id: string, style: string): Promise<string> {
  const list = await formatReferenceList([byId(id)], { style, format: 'text' });
  return list.entries[0]!.text;
}

describe('formatReferenceList, one entry of each type', () => {
  const cases: Array<[string, string, string]> = [
    [
      'article',
      'Nordmann, K. & Hansen, P. O. (2020). Relasjoner i NAV: En kvalitativ studie. Tidsskrift for velferdsforskning, 23(2), 86–99. https://doi.org/10.5555/tfv.2020.02',
      'Nordmann, K., & Hansen, P. O. (2020). Relasjoner i NAV: En kvalitativ studie. Tidsskrift for velferdsforskning, 23(2), 86–99. https://doi.org/10.5555/tfv.2020.02',
    ],
    [
      'book',
      'Nordmann, O. (2017). Metode i praksis (6. utg.). Gyldendal Akademisk.',
      'Nordmann, O. (2017). Metode i praksis (6th ed.). Gyldendal Akademisk.',
    ],
    [
      'edited',
      'Berg, A. & Dahl, L. (Red.). (2015). Sosialt arbeid: En innføring. Universitetsforlaget.',
      'Berg, A., & Dahl, L. (Eds.). (2015). Sosialt arbeid: En innføring. Universitetsforlaget.',
    ],
    [
      'chapter',
      'Lie, I. (2015). Anerkjennelse i møte med brukere. I A. Berg & L. Dahl (Red.), Sosialt arbeid: En innføring (s. 95–110). Universitetsforlaget.',
      'Lie, I. (2015). Anerkjennelse i møte med brukere. In A. Berg & L. Dahl (Eds.), Sosialt arbeid: En innføring (pp. 95–110). Universitetsforlaget.',
    ],
    [
      'report',
      'Arbeids- og velferdsdirektoratet. (2017). Brukermøter i NAV (NAV-rapport Nr. 3/2017). Arbeids- og velferdsdirektoratet. https://www.nav.no/rapport',
      'Arbeids- og velferdsdirektoratet. (2017). Brukermøter i NAV (NAV-Rapport No. 3/2017). Arbeids- og velferdsdirektoratet. https://www.nav.no/rapport',
    ],
    [
      'webpage',
      'Helsedirektoratet. (2017, 1. mars). Brukermedvirkning. Helsedirektoratet. https://www.helsedirektoratet.no/tema/brukermedvirkning',
      'Helsedirektoratet. (2017, March 1). Brukermedvirkning. Helsedirektoratet. https://www.helsedirektoratet.no/tema/brukermedvirkning',
    ],
    [
      'thesis',
      'Jensen, A. G. (2009). Brukermedvirkning i sosialtjenesten: En studie [Doktoravhandling]. Norges teknisk-naturvitenskapelige universitet.',
      'Jensen, A. G. (2009). Brukermedvirkning i sosialtjenesten: En studie [Doktoravhandling]. Norges teknisk-naturvitenskapelige universitet.',
    ],
  ];
  test.each(cases)('%s in norsk-apa-manual (nb-NO)', async (id, norwegian) => {
    expect(await formatOne(id, 'norsk-apa-manual')).toEqual(norwegian);
  });
  test.each(cases)('%s in apa (en-US)', async (id, _norwegian, english) => {
    expect(await formatOne(id, 'apa')).toEqual(english);
  });
});

describe('formatReferenceList, whole documents', () => {
  const unverified: BibEntry = {
    id: 'tufte2011',
    item: { id: 'tufte2011', type: 'document', author: [{ family: 'Tufte' }], issued: { 'date-parts': [[2011]] } },
    verification: { status: 'unverified', evidence: ['the thesis, line 241'], notes: ['Searched, not found.'] },
    origin: { file: 'references.yaml', line: 1 },
  };

  test('Markdown: sorted, italics as *…*, unverified entries marked and explained', async () => {
    const list = await formatReferenceList([byId('book'), unverified, byId('article')], { format: 'md' });
    expect(list.output).toEqual(
      [
        '# Litteraturliste',
        '',
        'Nordmann, K. & Hansen, P. O. (2020). Relasjoner i NAV: En kvalitativ studie. *Tidsskrift for velferdsforskning*, *23*(2), 86–99. https://doi.org/10.5555/tfv.2020.02',
        '',
        'Nordmann, O. (2017). *Metode i praksis* (6. utg.). Gyldendal Akademisk.',
        '',
        'Tufte. (2011). [ikke verifisert]',
        '',
        '## Referanser som ikke er fullt verifisert',
        '',
        'Disse referansene mangler opplysninger ingen kilde har bekreftet. Sjekk dem mot verket selv før innlevering.',
        '',
        '- `tufte2011` (ikke verifisert): Searched, not found.',
        '',
      ].join('\n'),
    );
    expect(list.entries.map((entry) => [entry.id, entry.unverified])).toEqual([
      ['article', false],
      ['book', false],
      ['tufte2011', true],
    ]);
  });

  test('HTML: hanging indent, DOI as a link, English labels with --lang en', async () => {
    const list = await formatReferenceList([byId('article'), unverified], { format: 'html', lang: 'en' });
    expect(list.output).toEqual(
      [
        '<h2>References</h2>',
        '<div class="csl-bib-body" style="line-height: 2;">',
        '  <div class="csl-entry" data-id="article" style="padding-left: 2em; text-indent: -2em;">Nordmann, K. &#38; Hansen, P. O. (2020). Relasjoner i NAV: En kvalitativ studie. <i>Tidsskrift for velferdsforskning</i>, <i>23</i>(2), 86–99. <a href="https://doi.org/10.5555/tfv.2020.02">https://doi.org/10.5555/tfv.2020.02</a></div>',
        '  <div class="csl-entry" data-id="tufte2011" style="padding-left: 2em; text-indent: -2em;">Tufte. (2011). <span class="litsynth-unverified">[unverified]</span></div>',
        '</div>',
        '<h3>References not fully verified</h3>',
        '<p>These references lack data no source has confirmed. Check them against the work itself before submission.</p>',
        '<ul>',
        '  <li><code>tufte2011</code> (unverified): Searched, not found.</li>',
        '</ul>',
        '',
      ].join('\n'),
    );
  });

  test('same author and year get a and b in title order, as the check assigns them', async () => {
    const snl = (id: string, title: string): BibEntry => ({
      id,
      item: { id, type: 'entry-encyclopedia', author: [{ literal: 'SNL' }], title, 'container-title': 'Store norske leksikon', issued: { 'date-parts': [[2018]] } },
      origin: { file: 'references.yaml', line: 1 },
    });
    const list = await formatReferenceList([snl('snl-s', 'sosialarbeider'), snl('snl-b', 'bruker')], { format: 'text' });
    expect(list.entries.map((entry) => entry.text)).toEqual([
      'SNL. (2018a). bruker. I Store norske leksikon.',
      'SNL. (2018b). sosialarbeider. I Store norske leksikon.',
    ]);
  });

  test('a DOI stored as a URL is printed once, as https://doi.org/…', async () => {
    const entry = { ...byId('article'), item: { ...byId('article').item, DOI: 'https://dx.doi.org/10.5555/tfv.2020.02' } };
    const list = await formatReferenceList([entry], { format: 'text' });
    expect(list.entries[0]!.text.endsWith(' 86–99. https://doi.org/10.5555/tfv.2020.02')).toBe(true);
  });
});

describe('styles and locales', () => {
  test('a .csl file gives the same list as the style id it holds', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { resolveStyle } = await import('./styles.js');
    const dir = mkdtempSync(join(tmpdir(), 'litsynth-csl-'));
    try {
      const file = join(dir, 'min-stil.csl');
      writeFileSync(file, resolveStyle('norsk-apa-manual').xml);
      const fromFile = await formatReferenceList([byId('chapter')], { style: file, locale: 'nb-NO', format: 'text' });
      expect(fromFile.entries[0]!.text).toEqual(await formatOne('chapter', 'norsk-apa-manual'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an unknown style or locale is a usage error that names it', async () => {
    await expect(formatReferenceList([byId('book')], { style: 'no-such-style' })).rejects.toMatchObject({
      code: 'usage',
      message: 'unknown CSL style "no-such-style": give a style id such as norsk-apa-manual or apa, or a .csl file',
    });
    await expect(formatReferenceList([byId('book')], { locale: 'xx-XX' })).rejects.toMatchObject({ code: 'usage' });
    await expect(formatReferenceList([byId('book')], { style: 'missing.csl' })).rejects.toMatchObject({ code: 'file-not-found', file: 'missing.csl' });
  });
});

describe('citeprocHtmlToMarkdown', () => {
  test.each([
    ['<i>Metode</i> (6. utg.). <i>X</i>', '*Metode* (6. utg.). *X*'],
    ['<i>Tittel </i>og mer', '*Tittel* og mer'],
    ['I<i> Boka</i>.', 'I *Boka*.'],
    ['<i></i>tom', 'tom'],
    ['<b>fet</b> &#38; <span style="font-style:italic;">kursiv</span>', '**fet** & *kursiv*'],
    ['a_b *c* https://x.org/a_b', 'a\\_b \\*c\\* https://x.org/a_b'],
  ])('%s', (html, markdown) => {
    expect(citeprocHtmlToMarkdown(html)).toEqual(markdown);
  });
});
