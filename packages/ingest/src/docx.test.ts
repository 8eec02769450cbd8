import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { docxToManuscript } from './docx.js';
import { BoundedZip } from './docx-zip.js';
import { makeZip } from './test-docx-zip.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url)));

/** The fixture .docx with some of its parts changed. */
function withParts(name: string, changes: Record<string, (xml: string) => string>): Uint8Array {
  const zip = BoundedZip.open(fixture(name), name);
  return makeZip(
    zip.names().map((entry) => {
      const change = changes[entry];
      return {
        name: entry,
        data: change ? new TextEncoder().encode(change(zip.readText(entry))) : zip.read(entry),
      };
    }),
  );
}

/** The fixture .docx with its document.xml changed. */
function withDocumentXml(name: string, change: (xml: string) => string): Uint8Array {
  return withParts(name, { 'word/document.xml': change });
}

describe('docxToManuscript', () => {
  test('reads headings, paragraphs, the block quotation, the footnote and the reference list', async () => {
    const manuscript = await docxToManuscript(fixture('thesis.docx'), 'thesis.docx');
    expect(manuscript.headings.map(({ text, number, level }) => ({ text, number, level }))).toEqual(
      [
        { text: 'Innledning', number: '1', level: 1 },
        { text: 'Problemstilling', number: '1.1', level: 2 },
        { text: 'Avgrensning', number: '1.2', level: 2 },
        { text: 'Metode', number: '2', level: 1 },
        { text: 'Resultater og drøfting', number: '3', level: 1 },
        { text: 'Referanser', number: undefined, level: 1 },
      ],
    );
    expect(manuscript.blocks.map((block) => [block.kind, manuscript.locate(block.start)])).toEqual([
      ['heading', { line: 1, column: 1, page: 1 }],
      ['paragraph', { line: 2, column: 1, page: 1 }],
      ['paragraph', { line: 3, column: 1, page: 1 }],
      // The footnote follows the paragraph that refers to it; its paragraph number comes after the body's.
      ['paragraph', { line: 24, column: 2, page: 1 }],
      ['heading', { line: 4, column: 1, page: 1 }],
      ['paragraph', { line: 5, column: 1, page: 1 }],
      ['heading', { line: 6, column: 1, page: 1 }],
      ['paragraph', { line: 7, column: 1, page: 1 }],
      ['heading', { line: 9, column: 1, page: 2 }],
      ['paragraph', { line: 10, column: 1, page: 2 }],
      ['paragraph', { line: 11, column: 1, page: 2 }],
      ['heading', { line: 13, column: 1, page: 3 }],
      ['paragraph', { line: 14, column: 1, page: 3 }],
      ['block-quote', { line: 15, column: 1, page: 3 }],
      ['paragraph', { line: 16, column: 1, page: 3 }],
      ['paragraph', { line: 17, column: 1, page: 3 }],
      ['heading', { line: 18, column: 1, page: 3 }],
      ['paragraph', { line: 19, column: 1, page: 3 }],
      ['paragraph', { line: 20, column: 1, page: 3 }],
      ['paragraph', { line: 21, column: 1, page: 3 }],
      ['paragraph', { line: 22, column: 1, page: 3 }],
      ['paragraph', { line: 23, column: 1, page: 3 }],
    ]);
    expect(
      manuscript.referenceList?.entries.map((entry) => [
        entry.raw.slice(0, entry.raw.indexOf(')') + 1),
        manuscript.locate(entry.start),
      ]),
    ).toEqual([
      ['Dalland, O. (2017)', { line: 19, column: 1, page: 3 }],
      ['Eide, H. & Eide, T. (2017)', { line: 20, column: 1, page: 3 }],
      ['Lundberg, K. G. & Syltevik, L. J. (2013)', { line: 21, column: 1, page: 3 }],
      ['Natland, S., Bjerke, E. & Torstensen, T. B. (2019)', { line: 22, column: 1, page: 3 }],
      ['Stenbrenden, Haukland & Knutsen (2018)', { line: 23, column: 1, page: 3 }],
    ]);
    const footnote = manuscript.blocks[3];
    expect(footnote && manuscript.text.slice(footnote.start, footnote.end)).toEqual(
      'Studien bygger på intervjuer med åtte kvinner og bruker anerkjennelsesteori (Stenbrenden et al., 2018).',
    );
    // The footnote reference itself ("[1]" in Word) leaves no trace in the text.
    expect(manuscript.text).toContain('trodd og anerkjent. Et godt møte');
    expect(manuscript.notes).toEqual([
      {
        nb: 'I et Word-dokument er «linje» avsnittets nummer (alle avsnitt telles, også tomme; fotnoter etter brødteksten) og «kolonne» tegnet i avsnittet.',
        en: 'In a Word document, "line" is the paragraph number (every paragraph counts, empty ones too; footnotes after the body) and "column" the character in the paragraph.',
      },
      {
        nb: 'Sidetallene er regnet fra de manuelle sideskiftene i dokumentet.',
        en: 'Page numbers are counted from the manual page breaks in the document.',
      },
    ]);
    expect(manuscript.fieldCitations).toEqual([]);
  });

  test('reads the same document as LibreOffice saves it (other styles, other XML) to the same text and places', async () => {
    const pandoc = await docxToManuscript(fixture('thesis.docx'), 'thesis.docx');
    const libreOffice = await docxToManuscript(
      fixture('thesis-libreoffice.docx'),
      'thesis-libreoffice.docx',
    );
    expect(libreOffice.text).toEqual(pandoc.text);
    expect(
      libreOffice.blocks.map((block) => [block.kind, libreOffice.locate(block.start)]),
    ).toEqual(pandoc.blocks.map((block) => [block.kind, pandoc.locate(block.start)]));
  });

  test("takes pages from Word's last rendered page breaks when the document has them", async () => {
    const bytes = withDocumentXml('thesis.docx', (xml) =>
      xml
        .replace(/<w:p><w:r><w:br w:type="page" ?\/><\/w:r><\/w:p>/g, '')
        // Word notes where each page began when it last laid the document out, mid-paragraph too.
        .replace(
          '(Dalland, 2017).',
          '(Dalland, 2017).</w:t></w:r><w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve"> ',
        ),
    );
    const manuscript = await docxToManuscript(bytes, 'rendered.docx');
    const place = (needle: string) => manuscript.locate(manuscript.text.indexOf(needle));
    expect(place('(Dalland, 2017)')).toEqual({ line: 9, column: 93, page: 1 });
    expect(place('Søket ble gjort')).toEqual({ line: 9, column: 111, page: 2 });
    expect(place('(Eide & Eide, 2017, s. 12–14)')).toEqual({ line: 15, column: 246, page: 2 });
    expect(manuscript.notes.map((note) => note.en).slice(1)).toEqual([
      "Page numbers are Word's page breaks from when the document was last saved; another printout may differ slightly.",
    ]);
  });

  test('counts a paragraph set to begin on a new page ("page break before") as a page break', async () => {
    const bytes = withDocumentXml('thesis.docx', (xml) =>
      xml
        .replace(/<w:p><w:r><w:br w:type="page" ?\/><\/w:r><\/w:p>/g, '')
        .replace(
          /<w:pPr><w:pStyle w:val="Heading1" \/>/g,
          '<w:pPr><w:pStyle w:val="Heading1" /><w:pageBreakBefore/>',
        ),
    );
    const manuscript = await docxToManuscript(bytes, 'page-break-before.docx');
    expect(
      manuscript.headings.map((heading) => [heading.text, manuscript.locate(heading.start).page]),
    ).toEqual([
      ['Innledning', 1],
      ['Problemstilling', 1],
      ['Avgrensning', 1],
      ['Metode', 2],
      ['Resultater og drøfting', 3],
      ['Referanser', 4],
    ]);
  });

  test('reads tracked changes as accepted (deleted text gone, inserted text kept) and leaves comments out', async () => {
    const bytes = withDocumentXml('thesis.docx', (xml) =>
      xml.replace(
        'Hvordan kan veiledere i Nav bygge gode relasjoner til brukerne sine?',
        'Hvordan kan veiledere i Nav bygge </w:t></w:r>' +
          '<w:del w:id="91" w:author="Veileder"><w:r><w:delText>dårlige</w:delText></w:r></w:del>' +
          '<w:ins w:id="92" w:author="Veileder"><w:r><w:t>gode</w:t></w:r></w:ins>' +
          '<w:commentRangeStart w:id="93"/><w:r><w:t xml:space="preserve"> relasjoner til brukerne sine?</w:t></w:r>' +
          '<w:commentRangeEnd w:id="93"/><w:r><w:commentReference w:id="93"/></w:r><w:r><w:t>',
      ),
    );
    const manuscript = await docxToManuscript(bytes, 'tracked.docx');
    const question = manuscript.blocks[5];
    expect(question && manuscript.text.slice(question.start, question.end)).toEqual(
      'Hvordan kan veiledere i Nav bygge gode relasjoner til brukerne sine?',
    );
  });

  test('finds headings a student made by hand (Normal style, bold or larger), and the reference list under one', async () => {
    const bytes = withDocumentXml('thesis.docx', (xml) =>
      xml.replace(
        /<w:p><w:pPr><w:pStyle w:val="Heading([12])" \/><\/w:pPr>([\s\S]*?)<\/w:p>/g,
        (_, level: string, content: string) => {
          const format =
            level === '1' ? '<w:rPr><w:sz w:val="32"/></w:rPr>' : '<w:rPr><w:b/></w:rPr>';
          return `<w:p><w:pPr><w:pStyle w:val="Normal" /></w:pPr>${content.replaceAll('<w:r>', `<w:r>${format}`)}</w:p>`;
        },
      ),
    );
    const manuscript = await docxToManuscript(bytes, 'by-hand.docx');
    expect(manuscript.headings.map(({ text, number, level }) => ({ text, number, level }))).toEqual(
      [
        { text: 'Innledning', number: '1', level: 1 },
        { text: 'Problemstilling', number: '1.1', level: 2 },
        { text: 'Avgrensning', number: '1.2', level: 2 },
        { text: 'Metode', number: '2', level: 1 },
        { text: 'Resultater og drøfting', number: '3', level: 1 },
        { text: 'Referanser', number: undefined, level: 1 },
      ],
    );
    expect(manuscript.referenceList?.entries).toHaveLength(5);
  });

  test('takes no bold table cell and no paragraph of prose in a heading style for a heading', async () => {
    const cell = (text: string) =>
      `<w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const prose =
      'Dette er et helt avsnitt med vanlig tekst som ved en feil fikk stilen Overskrift 2 i Word, og det handler om tillit over tid.';
    const bytes = withDocumentXml('thesis.docx', (xml) =>
      xml.replace(
        /(<w:p><w:pPr><w:pStyle w:val="Heading1" \/><\/w:pPr>)/,
        `<w:tbl><w:tr>${cell('Variabel')}${cell('Antall')}</w:tr></w:tbl><w:p><w:pPr><w:pStyle w:val="Heading2" /></w:pPr><w:r><w:t>${prose}</w:t></w:r></w:p>$1`,
      ),
    );
    const manuscript = await docxToManuscript(bytes, 'tables.docx');
    expect(manuscript.headings.map((heading) => heading.text)).toEqual([
      'Innledning',
      'Problemstilling',
      'Avgrensning',
      'Metode',
      'Resultater og drøfting',
      'Referanser',
    ]);
    expect(
      manuscript.blocks
        .filter((block) =>
          ['Variabel', 'Antall', prose].includes(manuscript.text.slice(block.start, block.end)),
        )
        .map((block) => block.kind),
    ).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });

  test("reads Word's non-breaking hyphen as a hyphen, so that hyphenated names still match", async () => {
    const bytes = withDocumentXml('thesis.docx', (xml) =>
      xml.replace(
        'Stenbrenden et al. (2018) fant',
        'Riis</w:t></w:r><w:r><w:noBreakHyphen/></w:r><w:r><w:t xml:space="preserve">Johansen et al. (2018) fant',
      ),
    );
    const manuscript = await docxToManuscript(bytes, 'hyphen.docx');
    expect(manuscript.text).toContain('bruker og veileder. Riis-Johansen et al. (2018) fant at');
  });

  test('counts "page break before" set in a paragraph style (chapter headings of a template)', async () => {
    const bytes = withParts('thesis.docx', {
      'word/document.xml': (xml) =>
        xml.replace(/<w:p><w:r><w:br w:type="page" ?\/><\/w:r><\/w:p>/g, ''),
      'word/styles.xml': (xml) =>
        xml.replace(
          /(<w:style w:styleId="Heading1" w:type="paragraph">[\s\S]*?<w:pPr>)/,
          '$1<w:pageBreakBefore />',
        ),
    });
    const manuscript = await docxToManuscript(bytes, 'style-break.docx');
    expect(
      manuscript.headings.map((heading) => [heading.text, manuscript.locate(heading.start).page]),
    ).toEqual([
      ['Innledning', 1],
      ['Problemstilling', 1],
      ['Avgrensning', 1],
      ['Metode', 2],
      ['Resultater og drøfting', 3],
      ['Referanser', 4],
    ]);
  });

  test('counts section breaks that start a new page, not continuous ones', async () => {
    let breaks = 0;
    const bytes = withDocumentXml('thesis.docx', (xml) =>
      xml.replace(/<w:p><w:r><w:br w:type="page" ?\/><\/w:r><\/w:p>/g, () =>
        // Word keeps a section's properties in its last paragraph; the first break here is continuous.
        breaks++ === 0
          ? '<w:p><w:pPr><w:sectPr><w:type w:val="continuous"/></w:sectPr></w:pPr></w:p>'
          : '<w:p><w:pPr><w:sectPr><w:type w:val="nextPage"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:pPr></w:p>',
      ),
    );
    const manuscript = await docxToManuscript(bytes, 'sections.docx');
    expect(
      manuscript.headings.map((heading) => [heading.text, manuscript.locate(heading.start).page]),
    ).toEqual([
      ['Innledning', 1],
      ['Problemstilling', 1],
      ['Avgrensning', 1],
      ['Metode', 1],
      ['Resultater og drøfting', 2],
      ['Referanser', 2],
    ]);
  });

  test('a document without page breaks has no pages', async () => {
    const bytes = withDocumentXml('thesis.docx', (xml) =>
      xml.replace(/<w:p><w:r><w:br w:type="page" ?\/><\/w:r><\/w:p>/g, ''),
    );
    const manuscript = await docxToManuscript(bytes, 'no-pages.docx');
    expect(manuscript.hasPages).toBe(false);
    expect(manuscript.locate(0)).toEqual({ line: 1, column: 1 });
  });

  test('reads Zotero citation fields with their embedded entries', async () => {
    const manuscript = await docxToManuscript(fixture('fields-zotero.docx'), 'fields-zotero.docx');
    const natland = {
      id: 'natland2019',
      type: 'article-journal',
      title:
        '«Jeg fikk blankpusset håpet om at jeg hadde en framtid»: Opplevelser av god hjelp i møter med Nav',
      'container-title': 'Fontene forskning',
      author: [
        { family: 'Natland', given: 'Sidsel' },
        { family: 'Bjerke', given: 'Erik' },
        { family: 'Torstensen', given: 'Tom B.' },
      ],
      issued: { 'date-parts': [[2019, 6, 5]] },
    };
    const lundberg = {
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
    };
    expect(manuscript.fieldCitations).toEqual([
      { start: 78, end: 100, manager: 'zotero', items: [{ id: 'natland2019', item: natland }] },
      {
        start: 140,
        end: 195,
        manager: 'zotero',
        items: [
          { id: 'lundberg2013', item: lundberg, locator: '3', label: 'page' },
          { id: 'natland2019', item: natland },
        ],
      },
    ]);
    expect(
      manuscript.fieldCitations.map((field) => manuscript.text.slice(field.start, field.end)),
    ).toEqual([
      '(Natland et al., 2019)',
      '(Lundberg & Syltevik, 2013, s. 3; Natland et al., 2019)',
    ]);
  });

  test('a citation field in a footnote keeps its own entry, whatever the order of notes and body fields', async () => {
    const instruction = JSON.stringify({
      citationItems: [
        {
          id: 'dalland2017',
          itemData: {
            id: 'dalland2017',
            type: 'book',
            title: 'Metode og oppgaveskriving',
            author: [{ family: 'Dalland', given: 'Olav' }],
          },
        },
      ],
    }).replace(/"/g, '&quot;');
    const field =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
      `<w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_ITEM CSL_CITATION ${instruction} </w:instrText></w:r>` +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>(Dalland, 2017)</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const bytes = withParts('fields-zotero.docx', {
      // The note is referred to from the paragraph of the first body field, before the second.
      'word/document.xml': (xml) =>
        xml.replace(
          'opplever hjelpen som god</w:t></w:r>',
          'opplever hjelpen som god</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r>',
        ),
      'word/footnotes.xml': (xml) =>
        xml.replace(
          '</w:footnotes>',
          `<w:footnote w:id="7"><w:p><w:r><w:t xml:space="preserve">Om metode, se </w:t></w:r>${field}<w:r><w:t>.</w:t></w:r></w:p></w:footnote></w:footnotes>`,
        ),
    });
    const manuscript = await docxToManuscript(bytes, 'note-field.docx');
    expect(
      manuscript.fieldCitations.map((citation) => [
        manuscript.text.slice(citation.start, citation.end),
        citation.items.map((item) => item.id),
      ]),
    ).toEqual([
      ['(Natland et al., 2019)', ['natland2019']],
      ['(Dalland, 2017)', ['dalland2017']],
      ['(Lundberg & Syltevik, 2013, s. 3; Natland et al., 2019)', ['lundberg2013', 'natland2019']],
    ]);
  });

  test('reads Mendeley (field and Mendeley Cite content control), EndNote and Word citations the same way', async () => {
    const summary = async (name: string) => {
      const manuscript = await docxToManuscript(fixture(name), name);
      return manuscript.fieldCitations.map((field) => ({
        manager: field.manager,
        text: manuscript.text.slice(field.start, field.end),
        works: field.items.map((item) => [
          item.id,
          item.locator,
          item.item.type,
          (item.item.author as Array<{ family: string }>)[0]?.family,
        ]),
      }));
    };
    const works = [
      {
        text: '(Natland et al., 2019)',
        works: [['natland2019', undefined, 'article-journal', 'Natland']],
      },
      {
        text: '(Lundberg & Syltevik, 2013, s. 3; Natland et al., 2019)',
        works: [
          ['lundberg2013', '3', 'article-journal', 'Lundberg'],
          ['natland2019', undefined, 'article-journal', 'Natland'],
        ],
      },
    ];
    expect(await summary('fields-mendeley.docx')).toEqual(
      works.map((work) => ({ manager: 'mendeley', ...work })),
    );
    // Mendeley Cite keeps the same data in a content control (w:sdt) tagged MENDELEY_CITATION_v3_<base64>.
    expect(await summary('fields-mendeley-cite.docx')).toEqual(
      works.map((work) => ({ manager: 'mendeley', ...work })),
    );
    expect(await summary('fields-endnote.docx')).toEqual(
      works.map((work) => ({ manager: 'endnote', ...work })),
    );
    // Word's own citation tool: CITATION fields by tag, the entries in its source list (customXml).
    expect(await summary('fields-word.docx')).toEqual(
      works.map((work) => ({ manager: 'word', ...work })),
    );
  });

  test('refuses what is not a Word document, with the reason', async () => {
    await expect(
      docxToManuscript(new TextEncoder().encode('Ren tekst'), 'a.docx'),
    ).rejects.toMatchObject({
      code: 'unsupported-format',
      file: 'a.docx',
      message: 'The file is not a .docx document (it is not a zip archive).',
    });
    await expect(
      docxToManuscript(
        makeZip([{ name: 'mimetype', data: new TextEncoder().encode('application/epub+zip') }]),
        'book.docx',
      ),
    ).rejects.toMatchObject({
      code: 'unsupported-format',
      message: 'The file is a zip archive but not a Word document (it has no word/document.xml).',
    });
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(docxToManuscript(ole, 'locked.docx')).rejects.toMatchObject({
      code: 'unsupported-format',
      message:
        'The file is a password-protected Word document or an old .doc file. Save it as .docx without a password.',
    });
    const broken = withDocumentXml('thesis.docx', (xml) => xml.slice(0, xml.length / 2));
    await expect(docxToManuscript(broken, 'broken.docx')).rejects.toMatchObject({
      code: 'unsupported-format',
      file: 'broken.docx',
    });
    const empty = withDocumentXml('thesis.docx', (xml) =>
      xml.replace(/<w:body>[\s\S]*<\/w:body>/, '<w:body><w:p/></w:body>'),
    );
    await expect(docxToManuscript(empty, 'empty.docx')).rejects.toMatchObject({
      code: 'empty-file',
      message: 'The .docx document has no text.',
    });
  });
});
