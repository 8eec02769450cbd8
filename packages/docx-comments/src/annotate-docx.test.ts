import { describe, expect, it } from 'vitest';
import { annotateDocx } from './annotate-docx.js';
import { bodyOf, docxParts, makeDocx, r, xmlProblems } from './test-docx.js';

const comment = (
  paragraph: number,
  text: string,
  extra: { occurrence?: number; column?: number; paragraphText?: string } = {},
) => ({
  paragraph,
  ...(extra.paragraphText === undefined ? {} : { paragraphText: extra.paragraphText }),
  anchor: {
    text,
    ...(extra.occurrence === undefined ? {} : { occurrence: extra.occurrence }),
    ...(extra.column === undefined ? {} : { column: extra.column }),
  },
  body: [`About ${text}`],
});

describe('annotateDocx', () => {
  it('splits runs of different formatting at the citation, each piece keeping its properties', () => {
    const docx = makeDocx(
      `<w:p>${r('Relasjoner (Nat')}${r('land et al., 20', '<w:i/>')}${r('19) er viktige.')}</w:p>`,
    );
    const result = annotateDocx(docx, { comments: [comment(1, 'Natland et al., 2019')] });
    expect(result.placements).toEqual(['text']);
    expect(bodyOf(result.bytes)).toMatchInlineSnapshot(
      `"<w:p><w:r><w:t xml:space="preserve">Relasjoner (</w:t></w:r><w:commentRangeStart w:id="1"/><w:r><w:t xml:space="preserve">Nat</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">land et al., 20</w:t></w:r><w:r><w:t xml:space="preserve">19</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r><w:r><w:t xml:space="preserve">) er viktige.</w:t></w:r></w:p>"`,
    );
    expect(xmlProblems(result.bytes)).toEqual([]);
  });

  it('anchors on the text of a hyperlink, the marks outside the link when the citation is all of it', () => {
    const docx = makeDocx(
      `<w:p>${r('Se ')}<w:hyperlink r:id="rId9"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>Natland et al. (2019)</w:t></w:r></w:hyperlink>${r(' her.')}</w:p>`,
    );
    const result = annotateDocx(docx, { comments: [comment(1, 'Natland et al. (2019)')] });
    expect(bodyOf(result.bytes)).toMatchInlineSnapshot(
      `"<w:p><w:r><w:t xml:space="preserve">Se </w:t></w:r><w:commentRangeStart w:id="1"/><w:hyperlink r:id="rId9"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>Natland et al. (2019)</w:t></w:r></w:hyperlink><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> her.</w:t></w:r></w:p>"`,
    );
  });

  it('anchors inside a hyperlink on part of its text, the reference after the link', () => {
    const docx = makeDocx(
      `<w:p><w:hyperlink r:id="rId9"><w:r><w:t xml:space="preserve">Se Natland et al. (2019)</w:t></w:r><w:r><w:t xml:space="preserve"> her</w:t></w:r></w:hyperlink>${r('.')}</w:p>`,
    );
    const result = annotateDocx(docx, { comments: [comment(1, 'Natland et al. (2019)')] });
    expect(bodyOf(result.bytes)).toMatchInlineSnapshot(
      `"<w:p><w:hyperlink r:id="rId9"><w:r><w:t xml:space="preserve">Se </w:t></w:r><w:commentRangeStart w:id="1"/><w:r><w:t xml:space="preserve">Natland et al. (2019)</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:t xml:space="preserve"> her</w:t></w:r></w:hyperlink><w:r><w:commentReference w:id="1"/></w:r><w:r><w:t xml:space="preserve">.</w:t></w:r></w:p>"`,
    );
  });

  it("anchors a citation in a reference manager's field on the whole field, which stays as it was", () => {
    const field =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_ITEM CSL_CITATION {"citationItems":[]} </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>(Bray et al., 2024; Hanahan, 2022)</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const docx = makeDocx(`<w:p>${r('Kreft er vanlig ')}${field}${r('.')}</w:p>`);
    const result = annotateDocx(docx, { comments: [comment(1, 'Hanahan, 2022')] });
    expect(bodyOf(result.bytes)).toMatchInlineSnapshot(
      `"<w:p><w:r><w:t xml:space="preserve">Kreft er vanlig </w:t></w:r><w:commentRangeStart w:id="1"/><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_ITEM CSL_CITATION {"citationItems":[]} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>(Bray et al., 2024; Hanahan, 2022)</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r><w:r><w:t xml:space="preserve">.</w:t></w:r></w:p>"`,
    );
  });

  it('anchors across a bookmark and proofing marks, and on escaped text', () => {
    const docx = makeDocx(
      `<w:p>${r('Ifølge (Lundberg &amp; ')}<w:proofErr w:type="spellStart"/>${r('Syltevik')}<w:proofErr w:type="spellEnd"/><w:bookmarkStart w:id="0" w:name="_Ref1"/>${r(', 2013) går det.')}<w:bookmarkEnd w:id="0"/></w:p>`,
    );
    const result = annotateDocx(docx, { comments: [comment(1, 'Lundberg & Syltevik, 2013')] });
    expect(bodyOf(result.bytes)).toMatchInlineSnapshot(
      `"<w:p><w:r><w:t xml:space="preserve">Ifølge (</w:t></w:r><w:commentRangeStart w:id="1"/><w:r><w:t xml:space="preserve">Lundberg &amp; </w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t xml:space="preserve">Syltevik</w:t></w:r><w:proofErr w:type="spellEnd"/><w:bookmarkStart w:id="0" w:name="_Ref1"/><w:r><w:t xml:space="preserve">, 2013</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r><w:r><w:t xml:space="preserve">) går det.</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>"`,
    );
  });

  describe('a place in a footnote (notes numbered after the body, as ingest does)', () => {
    const docx = makeDocx(
      `<w:p>${r('Første.')}<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r></w:p><w:p>${r('Andre.')}</w:p>`,
      {
        footnotes: `<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>${r(' Se Natland et al. (2019).')}</w:p></w:footnote>`,
      },
    );

    it("is commented on the note's reference mark by default, saying which note and what in it", () => {
      const result = annotateDocx(docx, {
        comments: [comment(3, 'Natland et al. (2019)')],
        lang: 'en',
      });
      expect(result.placements).toEqual(['note-reference']);
      expect(bodyOf(result.bytes)).toMatchInlineSnapshot(
        `"<w:p><w:r><w:t xml:space="preserve">Første.</w:t></w:r><w:commentRangeStart w:id="2"/><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Andre.</w:t></w:r></w:p>"`,
      );
      const comments = docxParts(result.bytes)['word/comments.xml'] ?? '';
      expect(comments.slice(comments.indexOf('<w:comment '))).toBe(
        '<w:comment w:id="2" w:author="litsynth" w:initials="LS"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">About footnote 1: “Natland et al. (2019)”.</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">About Natland et al. (2019)</w:t></w:r></w:p></w:comment></w:comments>',
      );
      expect(docxParts(result.bytes)['word/footnotes.xml']).toBe(
        docxParts(docx)['word/footnotes.xml'],
      );
    });

    it('is commented inside the note when asked (Word allows it)', () => {
      const result = annotateDocx(docx, {
        comments: [comment(3, 'Natland et al. (2019)')],
        commentsInNotes: true,
      });
      expect(result.placements).toEqual(['text']);
      const footnotes = docxParts(result.bytes)['word/footnotes.xml'] ?? '';
      expect(footnotes.slice(footnotes.indexOf('<w:footnote w:id="1">'))).toMatchInlineSnapshot(
        `"<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Se </w:t></w:r><w:commentRangeStart w:id="2"/><w:r><w:t xml:space="preserve">Natland et al. (2019)</w:t></w:r><w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r><w:r><w:t xml:space="preserve">.</w:t></w:r></w:p></w:footnote></w:footnotes>"`,
      );
      expect(docxParts(result.bytes)['word/document.xml']).toBe(
        docxParts(docx)['word/document.xml'],
      );
    });
  });

  it('picks the occurrence asked for when the same citation stands twice in a paragraph', () => {
    const docx = makeDocx(`<w:p>${r('Først (Eide, 2019), så igjen (Eide, 2019).')}</w:p>`);
    const result = annotateDocx(docx, { comments: [comment(1, 'Eide, 2019', { occurrence: 1 })] });
    expect(bodyOf(result.bytes)).toMatchInlineSnapshot(
      `"<w:p><w:r><w:t xml:space="preserve">Først (Eide, 2019), så igjen (</w:t></w:r><w:commentRangeStart w:id="1"/><w:r><w:t xml:space="preserve">Eide, 2019</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r><w:r><w:t xml:space="preserve">).</w:t></w:r></w:p>"`,
    );
  });

  it('marks two comments on one citation, and one in the same run as another', () => {
    const docx = makeDocx(`<w:p>${r('Hanahan og Weinberg (2000) og Bower (2014).')}</w:p>`);
    const result = annotateDocx(docx, {
      comments: [
        comment(1, 'Hanahan og Weinberg (2000)'),
        comment(1, 'Hanahan og Weinberg (2000)'),
        comment(1, 'Bower (2014)'),
      ],
    });
    expect(bodyOf(result.bytes)).toMatchInlineSnapshot(
      `"<w:p><w:commentRangeStart w:id="1"/><w:commentRangeStart w:id="2"/><w:r><w:t xml:space="preserve">Hanahan og Weinberg (2000)</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r><w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r><w:r><w:t xml:space="preserve"> og </w:t></w:r><w:commentRangeStart w:id="3"/><w:r><w:t xml:space="preserve">Bower (2014)</w:t></w:r><w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r><w:r><w:t xml:space="preserve">.</w:t></w:r></w:p>"`,
    );
    expect(xmlProblems(result.bytes)).toEqual([]);
  });

  it('leaves deleted text out and reads inserted text, as ingest does (tracked changes kept)', () => {
    const docx = makeDocx(
      `<w:p>${r('Se (')}<w:del w:id="5" w:author="A"><w:r><w:delText>Nattland</w:delText></w:r></w:del><w:ins w:id="6" w:author="A"><w:r><w:t>Natland</w:t></w:r></w:ins>${r(', 2019).')}</w:p>`,
    );
    const result = annotateDocx(docx, { comments: [comment(1, 'Natland, 2019')] });
    expect(bodyOf(result.bytes)).toMatchInlineSnapshot(
      `"<w:p><w:r><w:t xml:space="preserve">Se (</w:t></w:r><w:del w:id="5" w:author="A"><w:r><w:delText>Nattland</w:delText></w:r></w:del><w:commentRangeStart w:id="7"/><w:ins w:id="6" w:author="A"><w:r><w:t>Natland</w:t></w:r></w:ins><w:r><w:t xml:space="preserve">, 2019</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r><w:r><w:t xml:space="preserve">).</w:t></w:r></w:p>"`,
    );
  });

  it('counts paragraphs as ingest does: table cells, a deleted paragraph mark joins the next, text boxes after their paragraph', () => {
    const cell = (text: string) => `<w:tc><w:p>${r(text)}</w:p></w:tc>`;
    const textBox = `<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p>${r('Boks (Eide, 2019)')}</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
    const docx = makeDocx(
      `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr>${r('Delt ')}</w:p><w:p>${r('avsnitt (Eide, 2019).')}</w:p>` +
        `<w:tbl><w:tr>${cell('Celle A')}${cell('Celle (Bower, 2014)')}</w:tr></w:tbl><w:p>${r('Med boks.')}${textBox}</w:p>`,
    );
    const result = annotateDocx(docx, {
      comments: [comment(1, 'Delt avsnitt'), comment(3, 'Bower, 2014'), comment(5, 'Eide, 2019')],
      lang: 'en',
    });
    expect(result.placements).toEqual(['text', 'text', 'paragraph-fallback']);
    expect(bodyOf(result.bytes)).toMatchInlineSnapshot(
      `"<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr><w:commentRangeStart w:id="2"/><w:r><w:t xml:space="preserve">Delt </w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">avsnitt</w:t></w:r><w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r><w:r><w:t xml:space="preserve"> (Eide, 2019).</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">Celle A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve">Celle (</w:t></w:r><w:commentRangeStart w:id="3"/><w:r><w:t xml:space="preserve">Bower, 2014</w:t></w:r><w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r><w:r><w:t xml:space="preserve">)</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:commentRangeStart w:id="4"/><w:r><w:t xml:space="preserve">Med boks.</w:t></w:r><w:commentRangeEnd w:id="4"/><w:r><w:commentReference w:id="4"/></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t xml:space="preserve">Boks (Eide, 2019)</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"`,
    );
    expect(docxParts(result.bytes)['word/comments.xml']).toContain(
      'The place is in a text box; the comment is on the paragraph that holds the text box.',
    );
  });

  it('puts the comment on the paragraph, and says so, when the text is not there', () => {
    const docx = makeDocx(`<w:p>${r('Ingen henvisning her.')}</w:p>`);
    const result = annotateDocx(docx, {
      comments: [comment(1, 'Natland, 2019', { paragraphText: 'Ingen henvisning her.' })],
      lang: 'nb',
    });
    expect(result.placements).toEqual(['paragraph-fallback']);
    const comments = docxParts(result.bytes)['word/comments.xml'] ?? '';
    expect(comments.slice(comments.indexOf('<w:comment '))).toMatchInlineSnapshot(
      `"<w:comment w:id="1" w:author="litsynth" w:initials="LS"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">About Natland, 2019</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">litsynth fant ikke «Natland, 2019» nøyaktig i avsnittet; merknaden gjelder hele avsnittet.</w:t></w:r></w:p></w:comment></w:comments>"`,
    );
    expect(bodyOf(result.bytes)).toBe(
      '<w:p><w:commentRangeStart w:id="1"/><w:r><w:t xml:space="preserve">Ingen henvisning her.</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p>',
    );
  });

  it('finds the paragraph by its text when the numbers disagree, and marks an empty paragraph', () => {
    const docx = makeDocx(`<w:p/><w:p>${r('Første (Eide, 2019).')}</w:p><w:p></w:p>`);
    const result = annotateDocx(docx, {
      comments: [
        comment(1, 'Eide, 2019', { paragraphText: 'Første (Eide, 2019).' }),
        { paragraph: 1, body: ['Tomt'] },
        { paragraph: 3, body: ['Tomt'] },
      ],
    });
    expect(result.placements).toEqual(['text', 'paragraph', 'paragraph']);
    expect(bodyOf(result.bytes)).toMatchInlineSnapshot(
      `"<w:p><w:commentRangeStart w:id="2"/><w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Første (</w:t></w:r><w:commentRangeStart w:id="1"/><w:r><w:t xml:space="preserve">Eide, 2019</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r><w:r><w:t xml:space="preserve">).</w:t></w:r></w:p><w:p><w:commentRangeStart w:id="3"/><w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r></w:p>"`,
    );
  });

  it('adds to existing comments with fresh ids and keeps them; uses the comment styles the document has', () => {
    const existing =
      '<w:comment w:id="4" w:author="Veileder" w:initials="V"><w:p><w:r><w:t>Bra!</w:t></w:r></w:p></w:comment>';
    const docx = makeDocx(
      `<w:p><w:commentRangeStart w:id="4"/>${r('Tekst (Eide, 2019).')}<w:commentRangeEnd w:id="4"/><w:r><w:commentReference w:id="4"/></w:r></w:p>`,
      {
        comments: existing,
        styles:
          '<w:style w:type="character" w:styleId="CommentReference"/><w:style w:type="paragraph" w:styleId="CommentText"/>',
      },
    );
    const result = annotateDocx(docx, { comments: [comment(1, 'Eide, 2019')] });
    const after = docxParts(result.bytes);
    const before = docxParts(docx);
    expect(after['word/comments.xml']).toBe(
      (before['word/comments.xml'] ?? '').replace(
        '</w:comments>',
        '<w:comment w:id="5" w:author="litsynth" w:initials="LS"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">About Eide, 2019</w:t></w:r></w:p></w:comment></w:comments>',
      ),
    );
    expect(after['[Content_Types].xml']).toBe(before['[Content_Types].xml']);
    expect(after['word/_rels/document.xml.rels']).toBe(before['word/_rels/document.xml.rels']);
    expect(bodyOf(result.bytes)).toContain(
      '<w:commentRangeEnd w:id="5"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="5"/></w:r>',
    );
  });

  it('adds comments.xml, its relationship and its content type when the document has no comments', () => {
    const docx = makeDocx(`<w:p>${r('Tekst (Eide, 2019).')}</w:p>`);
    const result = annotateDocx(docx, {
      comments: [comment(1, 'Eide, 2019')],
      date: '2026-05-01T10:00:00Z',
    });
    const after = docxParts(result.bytes);
    expect(Object.keys(after)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/_rels/document.xml.rels',
      'word/comments.xml',
    ]);
    expect(after['word/_rels/document.xml.rels']).toContain(
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
    );
    expect(after['[Content_Types].xml']).toContain(
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
    );
    expect(after['word/comments.xml']).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="1" w:author="litsynth" w:date="2026-05-01T10:00:00Z" w:initials="LS"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">About Eide, 2019</w:t></w:r></w:p></w:comment></w:comments>',
    );
    expect(xmlProblems(result.bytes)).toEqual([]);
  });

  it('writes the same bytes for the same input (no time stamps)', () => {
    const docx = makeDocx(`<w:p>${r('Tekst (Eide, 2019).')}</w:p>`);
    const options = { comments: [comment(1, 'Eide, 2019')] };
    expect(annotateDocx(docx, options).bytes).toEqual(annotateDocx(docx, options).bytes);
  });

  it('refuses what is no .docx with a LitsynthError', () => {
    const refusal = (bytes: Uint8Array) => {
      try {
        annotateDocx(bytes, { comments: [] });
        return 'accepted';
      } catch (error) {
        return `${(error as { code?: string }).code}: ${(error as Error).message}`;
      }
    };
    expect(refusal(new TextEncoder().encode('plain text'))).toBe(
      'unsupported-format: The .docx document cannot be annotated: it is not a zip archive.',
    );
    expect(refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toBe(
      'unsupported-format: The .docx document cannot be annotated: it is a password-protected Word document or an old .doc file; save it as .docx without a password.',
    );
    expect(refusal(makeDocx('<w:p>'))).toBe(
      'unsupported-format: The .docx document is damaged: its part word/document.xml is not well-formed XML (the end tag </w:body> does not match).',
    );
    expect(refusal(makeDocx(`<w:p>${r('x')}</w:p>`).slice(0, 200))).toBe(
      'unsupported-format: The .docx document cannot be annotated: it is not a zip archive.',
    );
  });

  it('refuses a part that unpacks to more than its header declares', () => {
    const docx = makeDocx(`<w:p>${r('x'.repeat(5000))}</w:p>`);
    // Declare 1000 bytes for word/document.xml in its local header and in the central directory.
    const view = new DataView(docx.buffer, docx.byteOffset, docx.byteLength);
    const name = new TextEncoder().encode('word/document.xml');
    const at = (from: number) =>
      docx.findIndex(
        (_, index) => index >= from && name.every((byte, k) => docx[index + k] === byte),
      );
    const local = at(0) - 30;
    const central = at(local + 31) - 46;
    view.setUint32(local + 22, 1000, true);
    view.setUint32(central + 24, 1000, true);
    expect(() => annotateDocx(docx, { comments: [] })).toThrow(
      'The .docx document is refused: its part word/document.xml unpacks to another size than it declares.',
    );
  });

  it('refuses a part that unpacks to more than the limit before unpacking it', () => {
    const docx = makeDocx(`<w:p>${r('x'.repeat(5000))}</w:p>`);
    expect(() =>
      annotateDocx(docx, {
        comments: [],
        limits: { maxEntryBytes: 4000, maxTotalBytes: 1e6, maxEntries: 100 },
      }),
    ).toThrow(
      'The .docx document is refused: its part word/document.xml unpacks to more than the limit (a "zip bomb"?).',
    );
  });
});
