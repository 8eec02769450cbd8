import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadBibliographyText } from '@litsynth/bibliography';
import { readManuscriptBytes } from '@litsynth/ingest';
import { describe, expect, it } from 'vitest';
import { checkManuscript } from './check-manuscript.js';
import { entriesFromFields } from './field-entries.js';

// A .docx made with Zotero (committed by ingest): two paragraphs citing Natland et al. (2019) and
// Lundberg & Syltevik (2013) through Zotero fields, and a reference list that lists only Lundberg.
const zotero = fileURLToPath(
  new URL('../../ingest/fixtures/formats/fields-zotero.docx', import.meta.url),
);

const readManuscript = async (path: string) =>
  readManuscriptBytes(new Uint8Array(await readFile(path)), path);

describe('citations in reference-manager fields of a .docx', () => {
  it('turns the works stored in the fields into unverified entries, one per work', async () => {
    const manuscript = await readManuscript(zotero);
    const entries = entriesFromFields(manuscript);
    expect(entries.map(({ id, origin, verification }) => ({ id, origin, verification }))).toEqual([
      {
        id: 'natland2019',
        origin: { file: zotero, line: 2 },
        verification: {
          status: 'unverified',
          evidence: [],
          notes: [
            `Stored by Zotero in a citation field of ${zotero} (line 2); not checked against a record.`,
          ],
        },
      },
      {
        id: 'lundberg2013',
        origin: { file: zotero, line: 3 },
        verification: {
          status: 'unverified',
          evidence: [],
          notes: [
            `Stored by Zotero in a citation field of ${zotero} (line 3); not checked against a record.`,
          ],
        },
      },
    ]);
    expect(entries[1]?.item).toEqual({
      id: 'lundberg2013',
      type: 'article-journal',
      title:
        'Brukererfaringer med Nav i reformperioden: Kompleks organisasjon, bakkebyråkrati og ustabile relasjoner',
      'container-title': 'Fontene forskning',
      author: [
        { family: 'Lundberg', given: 'Kjetil G.' },
        { family: 'Syltevik', given: 'Liv Johanne' },
      ],
      issued: { 'date-parts': [[2013, 12, 4]] },
    });
  });

  it('checks a .docx alone against its fields: citations resolve, are marked, and the typed list is compared', async () => {
    const manuscript = await readManuscript(zotero);
    const result = checkManuscript({ manuscript, entries: [] });
    expect(
      result.citations.map(({ raw, key, match, field }) => ({ raw, key, match, field })),
    ).toEqual([
      {
        raw: 'Natland et al., 2019',
        key: 'natland2019',
        match: 'exact',
        field: { manager: 'zotero', ids: ['natland2019'] },
      },
      {
        raw: 'Lundberg & Syltevik, 2013, s. 3',
        key: 'lundberg2013',
        match: 'exact',
        field: { manager: 'zotero', ids: ['lundberg2013', 'natland2019'] },
      },
      {
        raw: 'Natland et al., 2019',
        key: 'natland2019',
        match: 'exact',
        field: { manager: 'zotero', ids: ['lundberg2013', 'natland2019'] },
      },
    ]);
    // The typed list lacks Natland et al. (2019): a finding only the fields' entries make possible.
    expect(result.diagnostics.map(({ rule, line, key }) => ({ rule, line, key }))).toEqual([
      { rule: 'bib-typed-entry-missing', line: 4, key: 'natland2019' },
    ]);
    expect(result.entriesFromFields?.map((entry) => entry.id)).toEqual([
      'natland2019',
      'lundberg2013',
    ]);
    expect(result.notes).toEqual([
      {
        nb: 'Ingen bibliografi ble gitt: 2 verk som Zotero har lagret i dokumentets henvisningsfelt, ble brukt som bibliografi (ikke kontrollert mot noen kilde).',
        en: "No bibliography was given: the 2 works Zotero stored in the document's citation fields were used as the bibliography (not checked against any record).",
      },
    ]);
  });

  it('uses a given bibliography instead of the fields, and still marks the field citations', async () => {
    const manuscript = await readManuscript(zotero);
    const { entries } = await loadBibliographyText(
      [
        '- id: natland-2019',
        '  type: article-journal',
        '  author: [{ family: Natland }, { family: Bjerke }, { family: Torstensen }]',
        '  issued: { date-parts: [[2019]] }',
        '',
      ].join('\n'),
      'references.yaml',
      '.yaml',
    );
    const result = checkManuscript({ manuscript, entries });
    expect(result.entriesFromFields).toBeUndefined();
    expect(result.notes).toBeUndefined();
    // Lundberg & Syltevik (2013) is not in the given file: it resolves to the typed list's entry.
    expect(
      result.citations.map(({ key, match, field }) => ({ key, match, manager: field?.manager })),
    ).toEqual([
      { key: 'natland-2019', match: 'exact', manager: 'zotero' },
      { key: 'list-5', match: 'exact', manager: 'zotero' },
      { key: 'natland-2019', match: 'exact', manager: 'zotero' },
    ]);
  });

  it('notes fields whose displayed text holds no author–date citation ("[1]")', async () => {
    const manuscript = await readManuscript(zotero);
    const stored = manuscript.fieldCitations?.[0]?.items ?? [];
    // The heading "Innledning" (offsets 0–10) stands in for a field showing a numbered style's text.
    manuscript.fieldCitations = [
      ...(manuscript.fieldCitations ?? []),
      { start: 0, end: 10, manager: 'zotero', items: stored },
    ];
    const { entries } = await loadBibliographyText(
      '- id: skau2017\n  type: book\n  author: [{ family: Skau }]\n  issued: { date-parts: [[2017]] }\n',
      'references.yaml',
      '.yaml',
    );
    expect(checkManuscript({ manuscript, entries }).notes).toEqual([
      {
        nb: '1 henvisningsfelt viser tekst som ikke er en forfatter–år-henvisning (først «Innledning», linje 1); verkene i det ble ikke kontrollert.',
        en: '1 citation field shows text that is not an author–date citation (first "Innledning", line 1); the works in it were not checked.',
      },
    ]);
  });

  it('leaves out stored names and dates of the wrong shape, and works without an id', async () => {
    const manuscript = await readManuscript(zotero);
    manuscript.fieldCitations = [
      {
        start: 0,
        end: 1,
        manager: 'mendeley',
        items: [
          {
            id: 'm1',
            item: {
              id: '',
              type: 'book',
              title: 'Uten id',
              author: 'Natland',
              issued: { 'date-parts': 'x', literal: '2019' },
            },
          },
          {
            id: 'm2',
            item: {
              id: 'm2',
              type: 'book',
              author: [null, { family: 'Skau' }, { given: 'Bare fornavn' }],
              issued: 7,
            },
          },
        ],
      },
    ];
    expect(entriesFromFields(manuscript).map((entry) => entry.item)).toEqual([
      { id: 'm1', type: 'book', title: 'Uten id', issued: { literal: '2019' } },
      { id: 'm2', type: 'book', author: [{ family: 'Skau' }] },
    ]);
  });
});
