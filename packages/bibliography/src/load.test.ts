import { fileURLToPath } from 'node:url';
import { isLitsynthError, type Diagnostic } from '@litsynth/common';
import { describe, expect, test } from 'vitest';
import { loadBibliographyText } from './load.js';
import { loadBibliographyFile } from './test-load-file.js';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/load/${name}`, import.meta.url));

/** What a test checks of a diagnostic: rule, line, key and the English message. */
const brief = (diagnostics: Diagnostic[]) =>
  diagnostics.map((diagnostic) => ({
    rule: diagnostic.rule,
    line: diagnostic.line,
    key: diagnostic.key,
    message: diagnostic.message.en,
  }));

async function loadError(
  name: string,
): Promise<{ code: string; line: number | undefined; message: string }> {
  try {
    await loadBibliographyFile(fixture(name));
  } catch (error) {
    if (isLitsynthError(error))
      return { code: error.code, line: error.line, message: error.message };
    throw error;
  }
  throw new Error(`${name} loaded without an error`);
}

describe('loadBibliographyFile, valid files', () => {
  test('BibTeX/BibLaTeX: @string macros, -- page ranges, BibLaTeX journaltitle and date', async () => {
    const { entries, diagnostics } = await loadBibliographyFile(fixture('valid.bib'));
    expect(diagnostics).toEqual([]);
    expect(entries.map((entry) => ({ ...entry, origin: entry.origin.line }))).toEqual([
      {
        id: 'nordmann2017',
        origin: 4,
        item: {
          id: 'nordmann2017',
          type: 'book',
          author: [{ family: 'Nordmann', given: 'Ola' }],
          title: 'Metode i praksis',
          edition: '6',
          publisher: 'Gyldendal Akademisk',
          issued: { 'date-parts': [[2017]] },
        },
      },
      {
        id: 'nordmann2020',
        origin: 12,
        item: {
          id: 'nordmann2020',
          type: 'article-journal',
          author: [
            { family: 'Nordmann', given: 'Kari' },
            { family: 'Hansen', given: 'Per Ove' },
          ],
          title: 'Relasjoner i NAV',
          'container-title': 'Tidsskrift for velferdsforskning',
          volume: '23',
          issue: '2',
          page: '86-99',
          issued: { 'date-parts': [[2020]] },
          DOI: '10.5555/tfv.2020.02',
        },
      },
    ]);
  });

  test('BibTeX from Zotero (Better BibTeX), JabRef and Google Scholar: every LaTeX letter and command decoded', async () => {
    const { entries, diagnostics } = await loadBibliographyFile(fixture('zotero-export.bib'));
    expect(diagnostics).toEqual([]);
    const year = (value: number) => ({ 'date-parts': [[value]] });
    expect(entries.map((entry) => ({ line: entry.origin.line, item: entry.item }))).toEqual([
      {
        line: 5,
        item: {
          id: 'asheimRelasjonsarbeidNAVKvalitativ2021',
          type: 'article-journal',
          title:
            'Relasjonsarbeid i NAV: En kvalitativ studie av veilederes erfaringer – og brukernes',
          'title-short': 'Relasjonsarbeid i NAV',
          author: [
            { family: 'Åsheim', given: 'Kari' },
            { family: 'Øvrebø', given: 'Pål Magne' },
            { family: 'Ærø', given: 'Tor' },
          ],
          issued: year(2021),
          'container-title': 'Tidsskrift for velferdsforskning',
          volume: '24',
          issue: '2',
          page: '86-99',
          ISSN: '0809-2052',
          DOI: '10.18261/issn.0809-2052-2021-02-01',
          accessed: { 'date-parts': [[2023, 3, 14]] },
          language: 'norsk',
          keyword: 'NAV,relasjon',
        },
      },
      {
        line: 22,
        item: {
          id: 'skaarGodeMoter2019',
          type: 'book',
          title: 'Gode møter: Kommunikasjon i helse- og sosialfag',
          author: [
            { family: 'Skår', given: 'Ragnhild' },
            { family: 'Lillevåg', given: 'Åse' },
          ],
          issued: year(2019),
          edition: '3',
          publisher: 'Fagbokforlaget',
          'publisher-place': 'Bergen',
          ISBN: '978-82-450-0000-0',
        },
      },
      {
        line: 32,
        item: {
          id: 'bjornstadAnerkjennelsePraksis2018',
          type: 'chapter',
          title: 'Anerkjennelse i praksis — «å bli sett»',
          'container-title': 'Sosialt arbeid i Norden',
          author: [{ family: 'Bjørnstad', given: 'Øystein' }],
          editor: [
            { family: 'Grønning', given: 'Bodil' },
            { family: 'Müller', given: 'Jörg' },
          ],
          issued: year(2018),
          page: '45-67',
          publisher: 'Natur & Kultur',
          'publisher-place': 'Stockholm',
        },
      },
      {
        line: 43,
        item: {
          id: 'skramestoBrukermedvirkning2016',
          type: 'thesis',
          genre: 'Doktorgradsavhandling',
          title: 'Brukermedvirkning i NAV – fra ord til handling',
          author: [{ family: 'Skråmestø', given: 'Hege' }],
          issued: year(2016),
          publisher: 'Universitetet i Tromsø – Norges arktiske universitet',
        },
      },
      {
        line: 51,
        item: {
          id: 'natland2019jeg',
          type: 'article-journal',
          title: '«Jeg fikk blankpusset håpet»: Opplevelser av god hjelp i møter med Nav',
          author: [
            { family: 'Natland', given: 'Sidsel' },
            { family: 'Bjerke', given: 'Erik' },
            { family: 'Torstensen', given: 'Tom B' },
          ],
          issued: year(2019),
          'container-title': 'Fontene forskning',
        },
      },
      {
        line: 58,
        item: {
          id: 'dvorakOmsorg2015',
          type: 'book',
          title: 'Omsorg på tvers: Økonomi, etikk og <i>caring</i> i Skandinavia … og Europa',
          author: [
            { family: 'Dvořák', given: 'Renée' },
            { family: 'François', given: 'Émile' },
            { family: 'Straße', given: 'Hans-Jürgen' },
            { family: 'Łukasiewicz', given: 'Jan' },
          ],
          issued: year(2015),
          publisher: 'Cappelen Damm Akademisk',
          note: 'Se §\u00a03 og s.\u00a012–14; © 2015',
        },
      },
    ]);
  });

  test('CSL-JSON keeps the line of each entry', async () => {
    const { entries, diagnostics } = await loadBibliographyFile(fixture('valid.json'));
    expect(diagnostics).toEqual([]);
    expect(entries.map((entry) => [entry.id, entry.origin.line, entry.item.type])).toEqual([
      ['nordmann2017', 2, 'book'],
      ['snl2018', 10, 'entry-encyclopedia'],
    ]);
  });

  test('CSL-YAML reads the verification block apart from the CSL item', async () => {
    const { entries, diagnostics } = await loadBibliographyFile(fixture('valid.yaml'));
    expect(diagnostics).toEqual([]);
    expect(entries[0]).toEqual({
      id: 'nordmann2017',
      item: {
        id: 'nordmann2017',
        type: 'book',
        author: [{ family: 'Nordmann', given: 'Ola' }],
        title: 'Metode i praksis',
        issued: { 'date-parts': [[2017]] },
      },
      verification: {
        status: 'partly-verified',
        evidence: ["the publisher's page"],
        notes: ['Edition not confirmed.'],
      },
      origin: { file: fixture('valid.yaml'), line: 2 },
    });
    expect(entries[1]?.verification).toBeUndefined();
  });

  test('CSL-YAML under a references: key (pandoc metadata)', async () => {
    const { entries } = await loadBibliographyFile(fixture('references-key.yaml'));
    expect(entries.map((entry) => [entry.id, entry.origin.line])).toEqual([['nordmann2017', 2]]);
  });

  test('RIS with CRLF line ends: ID tag as id, else family name + year; DOI kept', async () => {
    const { entries, diagnostics } = await loadBibliographyFile(fixture('valid.ris'));
    expect(diagnostics).toEqual([]);
    expect(
      entries.map((entry) => ({
        id: entry.id,
        line: entry.origin.line,
        doi: entry.item.DOI,
        title: entry.item.title,
        type: entry.item.type,
      })),
    ).toEqual([
      {
        id: 'nordmann2020',
        line: 1,
        doi: '10.5555/tfv.2020.02',
        title: 'Relasjoner i NAV',
        type: 'article-journal',
      },
      { id: 'nordmann2017', line: 14, doi: undefined, title: 'Metode i praksis', type: 'book' },
    ]);
  });
});

describe('loadBibliographyFile, malformed entries: named with their line, the valid ones still load', () => {
  test('BibTeX: unbalanced braces, duplicate key, missing comma after the key', async () => {
    const { entries, diagnostics } = await loadBibliographyFile(fixture('broken.bib'));
    expect(entries.map((entry) => [entry.id, entry.origin.line])).toEqual([
      ['good1', 1],
      ['good2', 12],
      ['good3', 31],
    ]);
    expect(brief(diagnostics)).toEqual([
      {
        rule: 'bib-entry-unreadable',
        line: 7,
        key: 'unbalanced',
        message:
          'Entry not loaded: @book{unbalanced}: unbalanced braces: the entry starting here is not closed before the next entry (line 12)',
      },
      {
        rule: 'bib-duplicate-id',
        line: 19,
        key: 'good2',
        message:
          'The id "good2" is already used by the entry at line 12; this entry is not loaded.',
      },
      {
        rule: 'bib-entry-unreadable',
        line: 25,
        key: undefined,
        message: 'Entry not loaded: @book entry without a citation key',
      },
    ]);
  });

  test('CSL-JSON: no id, no type, duplicate id, names not a list', async () => {
    const { entries, diagnostics } = await loadBibliographyFile(fixture('broken.json'));
    expect(entries.map((entry) => entry.id)).toEqual(['good1', 'good2']);
    expect(brief(diagnostics)).toEqual([
      {
        rule: 'bib-entry-unreadable',
        line: 3,
        key: undefined,
        message: 'Entry not loaded: entry without an "id"',
      },
      {
        rule: 'bib-entry-unreadable',
        line: 4,
        key: 'notype',
        message: 'Entry not loaded: entry "notype" has no CSL "type"',
      },
      {
        rule: 'bib-duplicate-id',
        line: 5,
        key: 'good1',
        message: 'The id "good1" is already used by the entry at line 2; this entry is not loaded.',
      },
      {
        rule: 'bib-entry-unreadable',
        line: 6,
        key: 'badnames',
        message: 'Entry not loaded: entry "badnames": "author" must be a list of names, not text',
      },
    ]);
  });

  test('CSL-YAML with fields of the wrong type: each entry named with its line and field, the others load', async () => {
    const yaml = [
      '- { id: number, type: book, title: T, author: [{ family: 123, given: Ola }] }',
      '- { id: nested, type: book, title: [Liste], author: [{ family: Berg }] }',
      '- { id: year, type: book, title: T, issued: { date-parts: [[tjue]] } }',
      '- { id: notname, type: book, editor: [Berg] }',
      '- { id: orwell, type: book, title: 1984, volume: 2, author: [{ family: Orwell }] }',
    ].join('\n');
    const { entries, diagnostics } = await loadBibliographyText(yaml, 'wrong.yaml', '.yaml');
    expect(entries.map((entry) => [entry.id, entry.item.title, entry.item.volume])).toEqual([
      ['orwell', '1984', 2],
    ]);
    expect(brief(diagnostics)).toEqual([
      {
        rule: 'bib-entry-unreadable',
        line: 1,
        key: 'number',
        message:
          'Entry not loaded: entry "number": "author[1].family" must be text, not the number 123',
      },
      {
        rule: 'bib-entry-unreadable',
        line: 2,
        key: 'nested',
        message: 'Entry not loaded: entry "nested": "title" must be text, not a list',
      },
      {
        rule: 'bib-entry-unreadable',
        line: 3,
        key: 'year',
        message:
          'Entry not loaded: entry "year": "issued.date-parts" must be a list of [year, month, day] lists of numbers, not a list',
      },
      {
        rule: 'bib-entry-unreadable',
        line: 4,
        key: 'notname',
        message:
          'Entry not loaded: entry "notname": "editor[1]" must be a name ({family, given} or {literal}), not text',
      },
    ]);
  });

  test('a YAML alias bomb is refused, naming the file; a few harmless aliases are read', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [index, name] of [...'bcdefghi'].entries())
      levels.push(`${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(', ')}]`);
    const bomb = `- id: bomb\n  type: book\n  x-laughs:\n${levels.map((line) => `    ${line}`).join('\n')}\n`;
    await expect(loadBibliographyText(bomb, 'bomb.yaml', '.yaml')).rejects.toMatchObject({
      code: 'too-large',
      file: 'bomb.yaml',
      message: 'the YAML aliases (*name) expand to too much data (a "billion laughs"?)',
    });
    const reuse =
      '- { id: a, type: book, author: &team [{ family: Berg }, { family: Dahl }] }\n- { id: b, type: book, author: *team }\n';
    expect(
      (await loadBibliographyText(reuse, 'team.yaml', '.yaml')).entries.map(
        (entry) => entry.item.author,
      ),
    ).toEqual([
      [{ family: 'Berg' }, { family: 'Dahl' }],
      [{ family: 'Berg' }, { family: 'Dahl' }],
    ]);
  });

  test('more than 1,000 entries in one file are refused before they are parsed, in every format', async () => {
    const count = 1001;
    const texts: Array<[string, string]> = [
      [
        '.yaml',
        Array.from(
          { length: count },
          (_, index) => `- id: e${index}\n  type: book\n  author:\n    - family: A`,
        ).join('\n'),
      ],
      [
        '.json',
        JSON.stringify(
          Array.from({ length: count }, (_, index) => ({
            id: `e${index}`,
            type: 'book',
            author: [{ family: 'A' }, { family: 'B' }],
          })),
        ),
      ],
      [
        '.bib',
        Array.from({ length: count }, (_, index) => `@book{e${index}, title={T}}`).join('\n'),
      ],
      ['.ris', Array.from({ length: count }, () => 'TY  - BOOK\nER  - ').join('\n')],
    ];
    for (const [extension, text] of texts) {
      await expect(
        loadBibliographyText(text, `library${extension}`, extension),
      ).rejects.toMatchObject({
        code: 'too-large',
        file: `library${extension}`,
        message:
          'the bibliography has 1,001 entries; the limit is 1,000 per file (export the works the thesis cites)',
      });
    }
    // 1,000 with several names each are admitted (names are not entries).
    const json = JSON.stringify(
      Array.from({ length: 1000 }, (_, index) => ({
        id: `e${index}`,
        type: 'book',
        author: [{ family: 'A' }, { family: 'B' }],
      })),
    );
    expect((await loadBibliographyText(json, 'library.json', '.json')).entries).toHaveLength(1000);
  });

  test('CSL-JSON with a syntax error in one entry: that entry is named, the others load', async () => {
    const { entries, diagnostics } = await loadBibliographyFile(fixture('syntax.json'));
    expect(entries.map((entry) => [entry.id, entry.origin.line])).toEqual([
      ['good1', 2],
      ['good2', 4],
    ]);
    expect(brief(diagnostics)).toEqual([
      {
        rule: 'bib-entry-unreadable',
        line: 3,
        key: undefined,
        message: 'Entry not loaded: invalid JSON: Unexpected double-quoted-scalar token',
      },
    ]);
  });

  test('CSL-YAML: invalid YAML in one entry, bad verification, a note that YAML read as a mapping, not a mapping', async () => {
    const { entries, diagnostics } = await loadBibliographyFile(fixture('broken.yaml'));
    // An entry whose verification block is bad still loads, without a verification.
    expect(entries.map((entry) => [entry.id, entry.verification])).toEqual([
      ['good1', undefined],
      ['badstatus', undefined],
      ['badnotes', undefined],
      ['good2', undefined],
    ]);
    expect(brief(diagnostics)).toEqual([
      {
        rule: 'bib-entry-unreadable',
        line: 4,
        key: undefined,
        message:
          'Entry not loaded: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      },
      {
        rule: 'bib-entry-unreadable',
        line: 7,
        key: 'badstatus',
        message:
          'The verification of entry "badstatus" is not read: verification status must be one of verified, partly-verified, unverified',
      },
      {
        rule: 'bib-entry-unreadable',
        line: 11,
        key: 'badnotes',
        message:
          'The verification of entry "badnotes" is not read: verification notes must be a list of texts, or of {nb, en} pairs (quote texts that contain ": " or ",")',
      },
      {
        rule: 'bib-entry-unreadable',
        line: 18,
        key: undefined,
        message: 'Entry not loaded: an entry must be a mapping of CSL fields',
      },
    ]);
  });

  test('RIS: a record cut off by the next record and one cut off at the end of the file', async () => {
    const { entries, diagnostics } = await loadBibliographyFile(fixture('broken.ris'));
    expect(entries.map((entry) => [entry.id, entry.origin.line, entry.item.title])).toEqual([
      ['nordmann2017', 1, 'Metode i praksis'],
      ['lie2016', 11, 'Etter'],
    ]);
    const cutOff =
      'Entry not loaded: the RIS record is cut off: no "ER  - " line before the next record or the end of the file';
    expect(brief(diagnostics)).toEqual([
      { rule: 'bib-entry-unreadable', line: 7, key: undefined, message: cutOff },
      { rule: 'bib-entry-unreadable', line: 17, key: undefined, message: cutOff },
    ]);
  });
});

describe('loadBibliographyFile, unusable files are a LitsynthError', () => {
  test.each([
    ['empty.yaml', { code: 'empty-file', line: undefined }],
    [
      'mapping.yaml',
      {
        code: 'unsupported-format',
        line: undefined,
        message:
          'not a CSL bibliography: expected a list of entries (or "references:" with a list)',
      },
    ],
    [
      'not-bibtex.bib',
      {
        code: 'unsupported-format',
        line: undefined,
        message: 'not a BibTeX file: no @type{key, …} entry found',
      },
    ],
    [
      'not-ris.ris',
      {
        code: 'unsupported-format',
        line: undefined,
        message: 'not a RIS file: no "TY  - " line found',
      },
    ],
    ['missing.bib', { code: 'file-not-found', line: undefined }],
    ['binary.bib', { code: 'binary-file', line: undefined }],
    [
      'valid.txt',
      {
        code: 'unsupported-format',
        line: undefined,
        message: 'unknown bibliography format ".txt": use .bib, .json, .yaml or .ris',
      },
    ],
  ])('%s', async (name, expected) => {
    const error = await loadError(name);
    expect(error).toMatchObject(expected);
  });
});
