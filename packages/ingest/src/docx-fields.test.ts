import { describe, expect, test } from 'vitest';
import { readWordSources } from './docx-word-sources.js';
import {
  decodeXmlText,
  fieldEndMarker as end,
  fieldNumberEnd,
  fieldStartMarker,
  markFieldCitations,
  readEndNoteCites,
  readInstruction,
} from './docx-fields.js';

const start = (number: number) => `${fieldStartMarker}${number}${fieldNumberEnd}`;

const run = (inner: string) => `<w:r>${inner}</w:r>`;
const fldChar = (type: string) => run(`<w:fldChar w:fldCharType="${type}"/>`);
const instr = (text: string) => run(`<w:instrText xml:space="preserve">${text}</w:instrText>`);
const shown = (text: string) => run(`<w:t>${text}</w:t>`);

const zotero = (json: object) =>
  ` ADDIN ZOTERO_ITEM CSL_CITATION ${JSON.stringify(json).replace(/"/g, '&quot;')} `;
const natlandData = {
  id: 7,
  type: 'article-journal',
  title: 'Opplevelser av god hjelp i møter med Nav',
  author: [{ family: 'Natland', given: 'Sidsel' }],
};

describe('markFieldCitations', () => {
  test('marks the displayed text of a Zotero field whose instruction is split over runs', () => {
    const instruction = zotero({
      citationItems: [{ id: 7, itemData: natlandData, locator: '12', label: 'page' }],
    });
    const xml = `<w:p>${shown('Som vist ')}${fldChar('begin')}${instr(instruction.slice(0, 30))}${instr(instruction.slice(30))}${fldChar('separate')}${shown('(Natland, 2019, s. 12)')}${fldChar('end')}</w:p>`;
    const marked = markFieldCitations(xml);
    expect(marked.xml).toEqual(
      `<w:p>${shown('Som vist ')}${fldChar('begin')}${instr(instruction.slice(0, 30))}${instr(instruction.slice(30))}` +
        `<w:r><w:fldChar w:fldCharType="separate"/><w:t>${start(0)}</w:t></w:r>${shown('(Natland, 2019, s. 12)')}` +
        `<w:r><w:t>${end}</w:t><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
    );
    expect(marked.fields).toEqual([
      {
        manager: 'zotero',
        items: [{ id: '7', item: { ...natlandData, id: '7' }, locator: '12', label: 'page' }],
      },
    ]);
  });

  test('leaves other fields (page numbers, hyperlinks, Zotero bibliography) alone, also nested ones', () => {
    const xml = `${fldChar('begin')}${instr(' PAGE ')}${fldChar('separate')}${shown('3')}${fldChar('end')}${fldChar('begin')}${instr(' ADDIN ZOTERO_BIBL {} CSL_BIBLIOGRAPHY ')}${fldChar('separate')}${shown('Natland, S. (2019).')}${fldChar('end')}`;
    expect(markFieldCitations(xml)).toEqual({ xml, fields: [] });
  });

  test('marks a simple field (w:fldSimple) too', () => {
    const instruction = zotero({ citationItems: [{ id: 7, itemData: natlandData }] });
    const xml = `<w:fldSimple w:instr="${instruction}">${shown('(Natland, 2019)')}</w:fldSimple>`;
    const marked = markFieldCitations(xml);
    expect(marked.xml).toEqual(
      `<w:fldSimple w:instr="${instruction}"><w:r><w:t>${start(0)}</w:t></w:r>${shown('(Natland, 2019)')}<w:r><w:t>${end}</w:t></w:r></w:fldSimple>`,
    );
    expect(marked.fields).toEqual([
      { manager: 'zotero', items: [{ id: '7', item: { ...natlandData, id: '7' } }] },
    ]);
  });

  test("reads EndNote's record from the nested EN.CITE.DATA field (base64 in w:fldData)", () => {
    const record =
      '<EndNote><Cite><Author>Natland</Author><Year>2019</Year><RecNum>12</RecNum><record><rec-number>12</rec-number><ref-type name="Journal Article">17</ref-type>' +
      '<contributors><authors><author><style face="normal">Natland, Sidsel</style></author></authors></contributors><titles><title>Opplevelser av god hjelp</title>' +
      '<secondary-title>Fontene forskning</secondary-title></titles><dates><year>2019</year></dates></record></Cite></EndNote>';
    const data = Buffer.from(record, 'utf8').toString('base64');
    const xml =
      fldChar('begin') +
      instr(' ADDIN EN.CITE ') +
      run(
        `<w:fldChar w:fldCharType="begin"><w:fldData xml:space="preserve">${data}</w:fldData></w:fldChar>`,
      ) +
      instr(' ADDIN EN.CITE.DATA ') +
      fldChar('end') +
      fldChar('separate') +
      shown('(Natland, 2019)') +
      fldChar('end');
    expect(markFieldCitations(xml).fields).toEqual([
      {
        manager: 'endnote',
        items: [
          {
            id: '12',
            item: {
              id: '12',
              type: 'article-journal',
              author: [{ family: 'Natland', given: 'Sidsel' }],
              title: 'Opplevelser av god hjelp',
              'container-title': 'Fontene forskning',
              issued: { 'date-parts': [[2019]] },
            },
          },
        ],
      },
    ]);
  });
});

describe("Word's own citation tool", () => {
  const sourcesXml =
    '<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"><b:Source><b:Tag>Dal17</b:Tag><b:SourceType>Book</b:SourceType>' +
    '<b:Author><b:Author><b:NameList><b:Person><b:Last>Dalland</b:Last><b:First>Olav</b:First></b:Person></b:NameList></b:Author></b:Author>' +
    '<b:Title>Metode og oppgaveskriving</b:Title><b:Year>2017</b:Year><b:Publisher>Gyldendal Akademisk</b:Publisher></b:Source>' +
    '<b:Source><b:Tag>Arb15</b:Tag><b:SourceType>Report</b:SourceType><b:Author><b:Author><b:Corporate>Arbeids- og velferdsdirektoratet</b:Corporate></b:Author></b:Author>' +
    '<b:Title>Rapport</b:Title><b:Year>2015</b:Year></b:Source></b:Sources>';

  test('reads the source list into CSL items, persons and organisations', () => {
    expect([...readWordSources(sourcesXml)]).toEqual([
      [
        'Dal17',
        {
          id: 'Dal17',
          type: 'book',
          author: [{ family: 'Dalland', given: 'Olav' }],
          title: 'Metode og oppgaveskriving',
          publisher: 'Gyldendal Akademisk',
          issued: { 'date-parts': [[2017]] },
        },
      ],
      [
        'Arb15',
        {
          id: 'Arb15',
          type: 'report',
          author: [{ literal: 'Arbeids- og velferdsdirektoratet' }],
          title: 'Rapport',
          issued: { 'date-parts': [[2015]] },
        },
      ],
    ]);
  });

  test('a CITATION field with a page and a second source; a tag missing from the list is reported', () => {
    const sources = readWordSources(sourcesXml);
    expect(readInstruction(' CITATION Dal17 \\p 152 \\m Arb15 \\l 1044 ', '', sources)).toEqual({
      manager: 'word',
      items: [
        { id: 'Dal17', item: sources.get('Dal17'), locator: '152', label: 'page' },
        { id: 'Arb15', item: sources.get('Arb15') },
      ],
    });
    expect(readInstruction(' CITATION Hal09 \\l 1044 ', '', sources)).toEqual({
      manager: 'word',
      reason: "the source Hal09 is not in the document's source list",
    });
  });
});

describe('readInstruction and readEndNoteCites', () => {
  test('reports a Mendeley field whose data is not JSON, instead of failing', () => {
    expect(readInstruction(' ADDIN CSL_CITATION {"citationItems": [ ', '')).toEqual({
      manager: 'mendeley',
      reason: 'no citation data in the field',
    });
    expect(readInstruction(' ADDIN CSL_CITATION {"citationItems": [} ', '')).toEqual({
      manager: 'mendeley',
      reason: 'the citation data in the field is not valid JSON',
    });
  });

  test('maps an EndNote record with an organisation, pages cited and a DOI', () => {
    const xml =
      '<EndNote><Cite><Author>Arbeids- og velferdsdirektoratet</Author><Year>2020</Year><RecNum>3</RecNum><Pages>6</Pages><record><ref-type name="Report">27</ref-type>' +
      '<contributors><authors><author>Arbeids- og velferdsdirektoratet</author></authors></contributors><titles><title>Rapport &amp; mer</title></titles>' +
      '<electronic-resource-num>10.1000/eksempel</electronic-resource-num><dates><year>2020</year></dates></record></Cite></EndNote>';
    expect(readEndNoteCites(xml)).toEqual([
      {
        id: '3',
        item: {
          id: '3',
          type: 'report',
          author: [{ literal: 'Arbeids- og velferdsdirektoratet' }],
          title: 'Rapport & mer',
          DOI: '10.1000/eksempel',
          issued: { 'date-parts': [[2020]] },
        },
        locator: '6',
        label: 'page',
      },
    ]);
  });

  test('decodes entities, and survives a character reference out of range', () => {
    expect(decodeXmlText('&lt;a&gt; &amp; &#248; &#x00E5; &#x110000;')).toEqual('<a> & ø å \ufffd');
  });
});
