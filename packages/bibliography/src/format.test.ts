import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { formatReferenceList, loadReferenceWriters } from './format.js';
import { loadBibliographyFile } from './test-load-file.js';
import type { BibEntry, CslItem } from './types.js';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
const { entries } = await loadBibliographyFile(fixture('entry-types.yaml'));
const byId = (id: string): BibEntry => entries.find((entry) => entry.id === id)!;

async function formatOne(id: string, style: string): Promise<string> {
  const list = await formatReferenceList([byId(id)], { style, format: 'text' });
  return list.entries[0]!.text;
}

/** A value with its entry trees left out (the tests assert their serialisations instead). */
function withoutTrees<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, field) => (key === 'tree' ? undefined : field)));
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
      // The publisher is the author: APA 7 leaves it out.
      'Arbeids- og velferdsdirektoratet. (2017). Brukermøter i NAV (NAV-rapport Nr. 3/2017). https://www.nav.no/rapport',
      'Arbeids- og velferdsdirektoratet. (2017). Brukermøter i NAV (NAV-Rapport No. 3/2017). https://www.nav.no/rapport',
    ],
    [
      'webpage',
      // The site name is the author: APA 7 leaves it out.
      'Helsedirektoratet. (2017, 1. mars). Brukermedvirkning. https://www.helsedirektoratet.no/tema/brukermedvirkning',
      'Helsedirektoratet. (2017, March 1). Brukermedvirkning. https://www.helsedirektoratet.no/tema/brukermedvirkning',
    ],
    [
      'thesis',
      // The genre "Doktoravhandling" as the locale labels a doctoral thesis.
      'Jensen, A. G. (2009). Brukermedvirkning i sosialtjenesten: En studie [Doktorgradsavhandling]. Norges teknisk-naturvitenskapelige universitet.',
      'Jensen, A. G. (2009). Brukermedvirkning i sosialtjenesten: En studie [Doctoral dissertation]. Norges teknisk-naturvitenskapelige universitet.',
    ],
  ];
  test.each(cases)('%s in norsk-apa-manual (nb-NO)', async (id, norwegian) => {
    expect(await formatOne(id, 'norsk-apa-manual')).toEqual(norwegian);
  });
  test.each(cases)('%s in apa (en-US)', async (id, _norwegian, english) => {
    expect(await formatOne(id, 'apa')).toEqual(english);
  });
});

/** An entry from CSL fields, with an optional verification block. */
function entry(
  id: string,
  fields: Omit<CslItem, 'id'>,
  verification?: BibEntry['verification'],
  line = 1,
): BibEntry {
  return {
    id,
    item: { ...fields, id } as CslItem,
    ...(verification ? { verification } : {}),
    origin: { file: 'references.yaml', line },
  };
}

const year = (value: number) => ({ 'date-parts': [[value]] });

describe('formatReferenceList, whole documents', () => {
  const unverified = entry(
    'tufte2011',
    { type: 'document', author: [{ family: 'Tufte' }], issued: year(2011) },
    {
      status: 'unverified',
      evidence: [{ nb: 'oppgaven, linje 241', en: 'the thesis, line 241' }],
      notes: [{ nb: 'Søkt etter, ikke funnet.', en: 'Searched, not found.' }],
    },
  );

  test('Markdown: the list holds the complete entries only, sorted, italics as *…*, no marker', async () => {
    const list = await formatReferenceList([byId('book'), unverified, byId('article')], {
      format: 'md',
    });
    expect(list.output).toEqual(
      [
        '# Litteraturliste',
        '',
        'Nordmann, K. & Hansen, P. O. (2020). Relasjoner i NAV: En kvalitativ studie. *Tidsskrift for velferdsforskning*, *23*(2), 86–99. https://doi.org/10.5555/tfv.2020.02',
        '',
        'Nordmann, O. (2017). *Metode i praksis* (6. utg.). Gyldendal Akademisk.',
        '',
      ].join('\n'),
    );
    expect(list.entries.map((formatted) => [formatted.id, formatted.unverified])).toEqual([
      ['article', false],
      ['book', false],
    ]);
  });

  test('the to-do: what is missing, templates for the kinds of work it may be, the notes, in Norwegian', async () => {
    const list = await formatReferenceList([byId('book'), unverified], { format: 'md' });
    expect(withoutTrees(list.todo.entries)).toEqual([
      {
        id: 'tufte2011',
        citedAs: { nb: 'Tufte (2011)', en: 'Tufte (2011)' },
        origin: { file: 'references.yaml', line: 1 },
        status: 'unverified',
        missing: [
          {
            nb: 'type verk (bok, kapittel, artikkel, rapport, nettside …)',
            en: 'kind of work (book, chapter, article, report, web page …)',
          },
          { nb: 'tittel', en: 'title' },
          { nb: 'fornavn eller initialer: Tufte', en: 'given names or initials: Tufte' },
        ],
        unconfirmed: [],
        templates: [
          { kind: { nb: 'bok', en: 'book' }, text: 'Tufte, [X.]. (2011). *[Tittel]*. [Forlag].' },
          {
            kind: { nb: 'tidsskriftartikkel', en: 'journal article' },
            text: 'Tufte, [X.]. (2011). [Tittel]. *[Tidsskrift]*, *[årgang]*, [sider].',
          },
        ],
        candidates: [],
        citedYears: [],
        notes: [{ nb: 'Søkt etter, ikke funnet.', en: 'Searched, not found.' }],
      },
    ]);
    expect(list.todo.output).toEqual(
      [
        '# Referanser som må fullføres',
        '',
        'Denne referansen er ikke med i litteraturlisten, fordi den mangler opplysninger. Fyll inn det som mangler på linjen som er oppgitt, og lag listen på nytt.',
        '',
        '## Tufte (2011)',
        '',
        'references.yaml, linje 1 · ikke verifisert',
        '',
        '- **Mangler:** type verk (bok, kapittel, artikkel, rapport, nettside …); tittel; fornavn eller initialer: Tufte',
        '- **Mal (bok):** Tufte, [X.]. (2011). *[Tittel]*. [Forlag].',
        '- **Mal (tidsskriftartikkel):** Tufte, [X.]. (2011). [Tittel]. *[Tidsskrift]*, *[årgang]*, [sider].',
        '- **Merknader:** Søkt etter, ikke funnet.',
        '',
      ].join('\n'),
    );
  });

  test('the to-do names the works the records give as possible matches, and the years the work is cited under', async () => {
    const eide = entry(
      'eide2005',
      { type: 'document', author: [{ family: 'Eide' }, { family: 'Eide' }], issued: year(2005) },
      {
        status: 'unverified',
        evidence: [],
        notes: [],
        candidates: [
          {
            item: {
              id: 'eide2005~1',
              type: 'book',
              author: [
                { family: 'Eide', given: 'Tom' },
                { family: 'Eide', given: 'Hilde' },
              ],
              title: 'Kommunikasjon i praksis',
              publisher: 'Gyldendal Akademisk',
              issued: year(2004),
            },
            evidence: ['https://example.org/review'],
            notes: [{ nb: 'funnet i en anmeldelse', en: 'found in a review' }],
          },
        ],
      },
    );
    const later = entry(
      'eide2016',
      { type: 'document', author: [{ family: 'Eide' }, { family: 'Eide' }], issued: year(2016) },
      { status: 'unverified', evidence: [], notes: [] },
      9,
    );
    const citations = [
      { key: 'eide2005', year: '2005', line: 941 },
      { key: 'eide2005', year: '2005', line: 959 },
      { key: 'eide2016', year: '2016', line: 829 },
    ];
    const list = await formatReferenceList([eide, later], { format: 'text', citations });
    expect(
      withoutTrees(list.todo.entries.map((todo) => [todo.id, todo.candidates, todo.citedYears])),
    ).toEqual([
      [
        'eide2005',
        [
          {
            text: 'Eide, T. & Eide, H. (2004). Kommunikasjon i praksis. Gyldendal Akademisk.',
            evidence: ['https://example.org/review'],
            notes: [{ nb: 'funnet i en anmeldelse', en: 'found in a review' }],
          },
        ],
        [
          { year: '2005', lines: [941, 959], id: 'eide2005' },
          { year: '2016', lines: [829], id: 'eide2016' },
        ],
      ],
      [
        'eide2016',
        [],
        [
          { year: '2005', lines: [941, 959], id: 'eide2005' },
          { year: '2016', lines: [829], id: 'eide2016' },
        ],
      ],
    ]);
    expect(
      list.todo.output
        .split('\n')
        .filter((line) => line.includes('Sitert') || line.includes('Mulig treff')),
    ).toEqual([
      '  Sitert under flere år: 2005 (linje 941, 959), 2016 (linje 829). Er det samme verk i ulike utgaver? Oppgi utgaven du har lest, med dens år, overalt.',
      '  Mulig treff – bekreft: Eide, T. & Eide, H. (2004). Kommunikasjon i praksis. Gyldendal Akademisk. (funnet i en anmeldelse)',
      '  Sitert under flere år: 2005 (linje 941, 959), 2016 (linje 829). Er det samme verk i ulike utgaver? Oppgi utgaven du har lest, med dens år, overalt.',
    ]);
  });

  test('a year nobody knows is missing, never "u.å."; the years it is cited under are asked for', async () => {
    const riis = entry(
      'riis',
      {
        type: 'article-journal',
        author: [{ family: 'Riis-Johansen', given: 'Anne' }],
        title: 'Interaksjon med brukere',
      },
      { status: 'unverified', evidence: [], notes: [] },
    );
    const citations = [
      { key: 'riis', year: '2018', line: 560 },
      { key: 'riis', year: '2020', line: 1504 },
    ];
    const list = await formatReferenceList([riis], { format: 'text', citations });
    const [todo] = list.todo.entries;
    expect(
      withoutTrees([
        todo?.citedAs,
        todo?.missing.map((name) => name.nb),
        todo?.templates,
        todo?.citedYears,
      ]),
    ).toEqual([
      { nb: 'Riis-Johansen (år mangler)', en: 'Riis-Johansen (year missing)' },
      [
        'tidsskrift',
        'årgang (volume)',
        'sider (eller artikkelnummer)',
        'år',
        'DOI (om artikkelen har en)',
      ],
      [
        {
          text: 'Riis-Johansen, A. ([år]). Interaksjon med brukere. [Tidsskrift], [årgang], [sider].',
        },
      ],
      [
        { year: '2018', lines: [560], id: 'riis' },
        { year: '2020', lines: [1504], id: 'riis' },
      ],
    ]);
  });

  test('a partly verified complete entry is listed, and the to-do says what to check in it', async () => {
    const dalland = entry(
      'dalland2017',
      {
        type: 'book',
        author: [{ family: 'Dalland', given: 'Olav' }],
        title: 'Metode og oppgaveskriving',
        publisher: 'Gyldendal Akademisk',
        issued: year(2017),
      },
      {
        status: 'partly-verified',
        evidence: [],
        notes: [{ nb: 'Utgavenummeret er ikke bekreftet.', en: 'Edition number not verified.' }],
      },
    );
    const list = await formatReferenceList([dalland], { format: 'text', lang: 'en' });
    expect(list.entries).toEqual([
      {
        id: 'dalland2017',
        tree: [
          { type: 'text', value: 'Dalland, O. (2017). ' },
          {
            type: 'element',
            tagName: 'i',
            properties: {},
            children: [{ type: 'text', value: 'Metode og oppgaveskriving' }],
          },
          { type: 'text', value: '. Gyldendal Akademisk.' },
        ],
        text: 'Dalland, O. (2017). Metode og oppgaveskriving. Gyldendal Akademisk.',
        unverified: true,
      },
    ]);
    expect(list.todo.entries).toEqual([]);
    expect(list.todo.output).toEqual(
      [
        'References to complete',
        '',
        'In the list – check against the work',
        '',
        'These references are in the reference list, but some of their data is not confirmed. Check them against the work before submission.',
        '',
        '  Dalland (2017) (references.yaml, line 1): Edition number not verified.',
        '',
      ].join('\n'),
    );
  });

  test('HTML: hanging indent, DOI as a link, English heading with --lang en; the to-do in its own format', async () => {
    const list = await formatReferenceList([byId('article'), unverified], {
      format: 'html',
      todoFormat: 'text',
      lang: 'en',
    });
    expect(list.output).toEqual(
      [
        '<h2>References</h2>',
        '<div class="csl-bib-body" style="line-height: 2;">',
        '  <div class="csl-entry" data-id="article" style="padding-left: 2em; text-indent: -2em;">Nordmann, K. &amp; Hansen, P. O. (2020). Relasjoner i NAV: En kvalitativ studie. <i>Tidsskrift for velferdsforskning</i>, <i>23</i>(2), 86–99. <a href="https://doi.org/10.5555/tfv.2020.02">https://doi.org/10.5555/tfv.2020.02</a></div>',
        '</div>',
        '',
      ].join('\n'),
    );
    // The placeholders are in the style's language (nb-NO here), the to-do's words in English.
    expect(list.todo.entries[0]?.templates[0]?.text).toEqual(
      'Tufte, [X.]. (2011). <i>[Tittel]</i>. [Forlag].',
    );
    expect(list.todo.output.split('\n').slice(0, 8)).toEqual([
      'References to complete',
      '',
      'This reference is not in the reference list, because it lacks data. Fill in what is missing at the line given, and make the list again.',
      '',
      'Tufte (2011)',
      '',
      '  references.yaml, line 1 · unverified',
      '',
    ]);
  });

  test('same author and year get a and b in title order, as the check assigns them, also when one is left out of the list', async () => {
    const snl = (id: string, title: string, url?: string): BibEntry =>
      entry(id, {
        type: 'entry-encyclopedia',
        author: [{ literal: 'SNL' }],
        title,
        'container-title': 'Store norske leksikon',
        issued: year(2018),
        ...(url ? { URL: url } : {}),
      });
    const list = await formatReferenceList(
      [snl('snl-s', 'sosialarbeider', 'https://snl.no/sosialarbeider'), snl('snl-b', 'bruker')],
      { format: 'text' },
    );
    expect(list.entries.map((formatted) => formatted.text)).toEqual([
      'SNL. (2018b). Sosialarbeider. I Store norske leksikon. https://snl.no/sosialarbeider',
    ]);
    expect(list.todo.entries.map((todo) => todo.templates[0]?.text)).toEqual([
      'SNL. (2018a). Bruker. I Store norske leksikon. [URL]',
    ]);
  });

  test('a DOI stored as a URL is printed once, as https://doi.org/…', async () => {
    const withUrl = {
      ...byId('article'),
      item: { ...byId('article').item, DOI: 'https://dx.doi.org/10.5555/tfv.2020.02' },
    };
    const list = await formatReferenceList([withUrl], { format: 'text' });
    expect(list.entries[0]!.text.endsWith(' 86–99. https://doi.org/10.5555/tfv.2020.02')).toBe(
      true,
    );
  });
});

// Each form the Norwegian APA 7 manual (Sikt, "Norsk APA-manual", after APA 7th) prescribes and a
// plain CSL rendering got wrong in the NAV study's list (issue 13); docs/reference-list-forms.md
// names the rule behind each.
describe('Norwegian APA 7 forms', () => {
  const one = async (item: BibEntry, options: { lang?: 'nb' | 'en'; style?: string } = {}) => {
    const list = await formatReferenceList([item], { format: 'md', ...options });
    return {
      listed: list.entries.map((formatted) => formatted.text),
      templates: list.todo.entries.flatMap((todo) =>
        todo.templates.map((template) => template.text),
      ),
    };
  };

  test('a Meld. St. names its genre once, in its number, and the ministry that wrote it is not repeated as publisher', async () => {
    const meld = entry('meld', {
      type: 'report',
      genre: 'Melding til Stortinget',
      number: 'Meld. St. 33 (2015–2016)',
      author: [{ literal: 'Arbeids- og sosialdepartementet' }],
      title: 'NAV i en ny tid – for arbeid og aktivitet',
      publisher: 'Arbeids- og sosialdepartementet',
      issued: year(2016),
      URL: 'https://www.regjeringen.no/no/dokumenter/meld.-st.-33-20152016/id2501017/',
    });
    expect(await one(meld)).toEqual({
      listed: [
        'Arbeids- og sosialdepartementet. (2016). *NAV i en ny tid – for arbeid og aktivitet* (Meld. St. 33 (2015–2016)). https://www.regjeringen.no/no/dokumenter/meld.-st.-33-20152016/id2501017/',
      ],
      templates: [],
    });
  });

  test("a group author's abbreviation stays out of the list, and the group is not repeated as publisher", async () => {
    const fo = entry('fo', {
      type: 'report',
      author: [{ literal: 'Fellesorganisasjonen (FO)' }],
      title: 'Yrkesetisk grunnlagsdokument',
      publisher: 'Fellesorganisasjonen',
      issued: year(2015),
      URL: 'https://www.fo.no/yrkesetikk/',
    });
    expect(await one(fo)).toEqual({
      listed: [
        'Fellesorganisasjonen. (2015). *Yrkesetisk grunnlagsdokument*. https://www.fo.no/yrkesetikk/',
      ],
      templates: [],
    });
  });

  test('an issue without a volume is not printed in the volume place: the volume is asked for', async () => {
    const article = entry('tph', {
      type: 'article-journal',
      author: [{ family: 'Stenbrenden', given: 'A.' }],
      title: 'Sterke møter',
      'container-title': 'Tidsskrift for psykisk helsearbeid',
      issue: '2–3',
      page: '108–119',
      issued: year(2018),
    });
    expect(await one(article)).toEqual({
      listed: [],
      templates: [
        'Stenbrenden, A. (2018). Sterke møter. *Tidsskrift for psykisk helsearbeid*, *[årgang]*(2–3), 108–119.',
      ],
    });
  });

  test('an encyclopedia article starts with a capital and needs its URL', async () => {
    const snl = entry('snl', {
      type: 'entry-encyclopedia',
      author: [{ literal: 'SNL' }],
      title: 'sosialarbeider',
      'container-title': 'Store norske leksikon',
      issued: year(2018),
    });
    expect(await one(snl)).toEqual({
      listed: [],
      templates: ['SNL. (2018). Sosialarbeider. I *Store norske leksikon*. [URL]'],
    });
    const withUrl = entry('snl', { ...snl.item, URL: 'https://snl.no/sosialarbeider' });
    expect(await one(withUrl)).toEqual({
      listed: [
        'SNL. (2018). Sosialarbeider. I *Store norske leksikon*. https://snl.no/sosialarbeider',
      ],
      templates: [],
    });
  });

  test('an undated page that changes gives the date it was read', async () => {
    const page = entry('hdir', {
      type: 'webpage',
      author: [{ literal: 'Helsedirektoratet' }],
      title: 'Brukermedvirkning',
      URL: 'https://www.helsedirektoratet.no/tema/brukermedvirkning',
      issued: { literal: 'u.å.' },
    });
    expect(await one(page)).toEqual({
      listed: [],
      templates: [
        'Helsedirektoratet. (u.å.). *Brukermedvirkning*. Hentet [dato], fra https://www.helsedirektoratet.no/tema/brukermedvirkning',
      ],
    });
    const read = entry('hdir', { ...page.item, accessed: { 'date-parts': [[2021, 5, 3]] } });
    expect(await one(read)).toEqual({
      listed: [
        'Helsedirektoratet. (u.å.). *Brukermedvirkning*. Hentet 3. mai 2021, fra https://www.helsedirektoratet.no/tema/brukermedvirkning',
      ],
      templates: [],
    });
    expect(await one(read, { lang: 'en', style: 'apa' })).toEqual({
      listed: [
        'Helsedirektoratet. (n.d.). *Brukermedvirkning*. Retrieved May 3, 2021, from https://www.helsedirektoratet.no/tema/brukermedvirkning',
      ],
      templates: [],
    });
  });

  test("one author's works are listed oldest first; a namesake without initials waits in the to-do instead of sorting first", async () => {
    const book = entry('levin2004', {
      type: 'book',
      author: [{ family: 'Levin', given: 'Irene' }],
      title: 'Hva er sosialt arbeid',
      publisher: 'Universitetsforlaget',
      issued: year(2004),
    });
    const chapter = (given?: string) =>
      entry(
        'levin2015',
        {
          type: 'chapter',
          author: [{ family: 'Levin', ...(given ? { given } : {}) }],
          title: 'Kapittel',
          'container-title': 'Sosialt arbeid',
          editor: [{ family: 'Ellingsen', given: 'Ingunn Tollisen' }],
          page: '1–10',
          publisher: 'Universitetsforlaget',
          issued: year(2015),
        },
        { status: 'verified', evidence: [], notes: [] },
      );
    const complete = await formatReferenceList([chapter('Irene'), book], { format: 'text' });
    expect(complete.entries.map((formatted) => formatted.id)).toEqual(['levin2004', 'levin2015']);
    const stub = await formatReferenceList([chapter(), book], { format: 'text' });
    expect([
      stub.entries.map((formatted) => formatted.id),
      stub.todo.entries.map((todo) => todo.id),
    ]).toEqual([['levin2004'], ['levin2015']]);
  });

  test('a doctoral thesis is labelled as the locale labels it, however the record spells its genre', async () => {
    const thesis = (genre: string) =>
      entry('jenssen', {
        type: 'thesis',
        genre,
        author: [{ family: 'Jenssen', given: 'Anne Grete' }],
        title: 'Brukermedvirkning i sosialtjenesten',
        publisher: 'NTNU',
        issued: year(2009),
      });
    expect((await one(thesis('Doktoravhandling (ph.d.)'))).listed).toEqual([
      'Jenssen, A. G. (2009). *Brukermedvirkning i sosialtjenesten* [Doktorgradsavhandling]. NTNU.',
    ]);
    expect((await one(thesis('PhD thesis'))).listed).toEqual([
      'Jenssen, A. G. (2009). *Brukermedvirkning i sosialtjenesten* [Doktorgradsavhandling]. NTNU.',
    ]);
    expect((await one(thesis('Masteroppgave'), { style: 'apa' })).listed).toEqual([
      'Jenssen, A. G. (2009). *Brukermedvirkning i sosialtjenesten* [Master’s thesis]. NTNU.',
    ]);
  });

  test('"u.å." only for a work that has no date; a work whose year is unknown is in the to-do', async () => {
    const undated = entry('ssb', {
      type: 'report',
      author: [{ literal: 'Statistisk sentralbyrå' }],
      title: 'Sosialhjelp',
      publisher: 'SSB',
      issued: { literal: 'u.å.' },
    });
    expect(await one(undated)).toEqual({
      listed: ['Statistisk sentralbyrå. (u.å.). *Sosialhjelp*. SSB.'],
      templates: [],
    });
    const unknown = entry('ssb', {
      type: 'report',
      author: [{ literal: 'Statistisk sentralbyrå' }],
      title: 'Sosialhjelp',
      publisher: 'SSB',
    });
    expect(await one(unknown)).toEqual({
      listed: [],
      templates: ['Statistisk sentralbyrå. ([år]). *Sosialhjelp*. SSB.'],
    });
  });

  test('an edited book is listed under its editors, with (Red.)', async () => {
    expect((await one(byId('edited'))).listed).toEqual([
      'Berg, A. & Dahl, L. (Red.). (2015). *Sosialt arbeid: En innføring*. Universitetsforlaget.',
    ]);
  });
});

describe('bounds, checked before anything is formatted', () => {
  const book = (id: string, family: string, given: string): BibEntry => ({
    id,
    item: {
      id,
      type: 'book',
      title: `Bok ${id}`,
      author: [{ family, given }],
      issued: { 'date-parts': [[2020]] },
    },
    origin: { file: 'library.yaml', line: Number(id.slice(1)) + 1 },
  });

  test('more than 2,000 entries in one list', async () => {
    const entries = Array.from({ length: 2001 }, (_, index) =>
      book(`e${index}`, `Forfatter${index}`, 'Ola'),
    );
    await expect(formatReferenceList(entries)).rejects.toMatchObject({
      code: 'too-large',
      file: 'library.yaml',
      message:
        'The reference list would have 2,001 entries; litsynth formats at most 2,000 at once (list the cited works, without --all).',
    });
  });

  test('more than 100 works of one first author and year', async () => {
    const entries = Array.from({ length: 101 }, (_, index) =>
      book(`e${index}`, 'Hansen', `Ola${index}`),
    );
    await expect(formatReferenceList(entries)).rejects.toMatchObject({
      code: 'too-large',
      file: 'library.yaml',
      line: 1,
      message:
        '101 works have the same first author and year (Hansen, 2020); a reference list can tell at most 100 apart.',
    });
  });
});

describe('hostile DOIs and URLs', () => {
  const hostile = (
    id: string,
    type: string,
    field: 'DOI' | 'URL',
    value: string,
    extra: Record<string, unknown> = {},
  ): BibEntry => ({
    id,
    item: {
      id,
      type,
      title: 'Side',
      author: [{ family: id, given: 'Ola' }],
      issued: { 'date-parts': [[2020]] },
      [field]: value,
      ...extra,
    },
    verification: { status: 'verified', evidence: [], notes: [] },
    origin: { file: 'references.yaml', line: 1 },
  });
  const journal = { 'container-title': 'Tidsskrift', volume: '1', issue: '2', page: '3-4' };
  const entries = [
    hostile('Aquote', 'article-journal', 'DOI', '10.1234/x"onmouseover="alert(1)', journal),
    hostile('Bscript', 'article-journal', 'DOI', '10.1234/<script>alert(2)</script>', journal),
    hostile('Cbreak', 'webpage', 'URL', 'https://example.com/"><script>alert(3)</script>', {
      'container-title': 'Nettsted',
    }),
    hostile('Dnoscheme', 'webpage', 'URL', 'www.example.com/side', {
      'container-title': 'Nettsted',
    }),
    hostile('Ejs', 'webpage', 'URL', 'javascript:alert(4)', { 'container-title': 'Nettsted' }),
  ];

  test('HTML: a link only to an http(s) URL or a DOI, its href percent-encoded; the rest is text', async () => {
    const list = await formatReferenceList(entries, { format: 'html', lang: 'en' });
    expect(list.entries.map((entry) => entry.text)).toEqual([
      'Aquote, O. (2020). Side. <i>Tidsskrift</i>, <i>1</i>(2), 3–4. <a href="https://doi.org/10.1234/x%22onmouseover=%22alert(1)">https://doi.org/10.1234/x"onmouseover="alert(1)</a>',
      'Bscript, O. (2020). Side. <i>Tidsskrift</i>, <i>1</i>(2), 3–4. <a href="https://doi.org/10.1234/%3Cscript%3Ealert(2)%3C/script%3E">https://doi.org/10.1234/&lt;script>alert(2)&lt;/script></a>',
      'Cbreak, O. (2020). <i>Side</i>. Nettsted. <a href="https://example.com/%22%3E%3Cscript%3Ealert(3)%3C/script%3E">https://example.com/">&lt;script>alert(3)&lt;/script></a>',
      'Dnoscheme, O. (2020). <i>Side</i>. Nettsted. www.example.com/side',
      'Ejs, O. (2020). <i>Side</i>. Nettsted. javascript:alert(4)',
    ]);
  });

  test('Markdown: no raw HTML, links only to http(s) URLs and DOIs', async () => {
    const list = await formatReferenceList(entries, { format: 'md', lang: 'en' });
    expect(list.entries.map((entry) => entry.text)).toEqual([
      'Aquote, O. (2020). Side. *Tidsskrift*, *1*(2), 3–4. [https://doi.org/10.1234/x"onmouseover="alert(1)](https://doi.org/10.1234/x%22onmouseover=%22alert\\(1\\))',
      'Bscript, O. (2020). Side. *Tidsskrift*, *1*(2), 3–4. [https://doi.org/10.1234/\\<script>alert(2)\\</script>](https://doi.org/10.1234/%3Cscript%3Ealert\\(2\\)%3C/script%3E)',
      'Cbreak, O. (2020). *Side*. Nettsted. [https://example.com/">\\<script>alert(3)\\</script>](https://example.com/%22%3E%3Cscript%3Ealert\\(3\\)%3C/script%3E)',
      'Dnoscheme, O. (2020). *Side*. Nettsted. www.example.com/side',
      'Ejs, O. (2020). *Side*. Nettsted. javascript:alert(4)',
    ]);
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
      const fromFile = await formatReferenceList([byId('chapter')], {
        style: file,
        locale: 'nb-NO',
        format: 'text',
      });
      expect(fromFile.entries[0]!.text).toEqual(await formatOne('chapter', 'norsk-apa-manual'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a style given as XML under an id (no file system) gives the same list as the installed style', async () => {
    const { registerCslResource, resolveStyle } = await import('./styles.js');
    registerCslResource('style', 'norsk-apa-given', resolveStyle('norsk-apa-manual').xml);
    expect(resolveStyle('norsk-apa-given')).toEqual({
      name: 'norsk-apa-given',
      xml: resolveStyle('norsk-apa-manual').xml,
    });
    const given = await formatReferenceList([byId('chapter')], {
      style: 'norsk-apa-given',
      locale: 'nb-NO',
      format: 'text',
    });
    expect(given.entries[0]!.text).toEqual(await formatOne('chapter', 'norsk-apa-manual'));
  });

  test('an unknown style or locale is a usage error that names it', async () => {
    await expect(
      formatReferenceList([byId('book')], { style: 'no-such-style' }),
    ).rejects.toMatchObject({
      code: 'usage',
      message:
        'unknown CSL style "no-such-style": give a style id such as norsk-apa-manual or apa, or a .csl file',
    });
    await expect(formatReferenceList([byId('book')], { locale: 'xx-XX' })).rejects.toMatchObject({
      code: 'usage',
    });
    await expect(
      formatReferenceList([byId('book')], { style: 'missing.csl' }),
    ).rejects.toMatchObject({ code: 'file-not-found', file: 'missing.csl' });
  });
});

describe('an entry tree as Markdown', () => {
  test.each([
    ['<i>Metode</i> (6. utg.). <i>X</i>', '*Metode* (6. utg.). *X*'],
    ['<i>Tittel </i>og mer', '*Tittel* og mer'],
    ['I<i> Boka</i>.', 'I *Boka*.'],
    ['<i></i>tom', 'tom'],
    ['<b>fet</b> &#38; <span style="font-style:italic;">kursiv</span>', '**fet** & *kursiv*'],
    // An underscore inside a word makes no emphasis (CommonMark): it stays as it is.
    ['a_b *c* https://x.org/a_b', 'a_b \\*c\\* https://x.org/a_b'],
  ])('%s', async (html, markdown) => {
    const { entryTree, entryTreeToMarkdown } = await loadReferenceWriters();
    expect(entryTreeToMarkdown(entryTree(`<div class="csl-entry">${html}</div>`))).toEqual(
      markdown,
    );
  });
});
