import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { docxToManuscript } from './docx.js';
import { pdfToManuscript } from './pdf.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url)));
const badInput = (name: string) =>
  new Uint8Array(
    readFileSync(new URL(`../../../tests/fixtures/bad-input/${name}`, import.meta.url)),
  );

/** A minimal PDF, one content stream per page, Helvetica as font; offsets computed for the xref. */
function minimalPdf(pages: string[]): Uint8Array {
  const objects: string[] = [];
  const pageIds = pages.map((_, index) => 4 + index * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  pages.forEach((content, index) => {
    const id = pageIds[index] as number;
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = pdf.length;
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++)
    pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

const textLine = (x: number, y: number, text: string, size = 12) =>
  `BT /F1 ${size} Tf ${x} ${y} Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;

describe('pdfToManuscript', () => {
  test('reads the fixture thesis (LibreOffice PDF with header, page numbers, hyphenation, a footnote) to the same text as its .docx', async () => {
    const pdf = await pdfToManuscript(fixture('thesis.pdf'), 'thesis.pdf');
    const docx = await docxToManuscript(fixture('thesis.docx'), 'thesis.docx');
    expect(pdf.text).toEqual(docx.text);
    expect(pdf.blocks.map((block) => block.kind)).toEqual(docx.blocks.map((block) => block.kind));
    expect(pdf.headings.map(({ text, number, level }) => ({ text, number, level }))).toEqual(
      docx.headings.map(({ text, number, level }) => ({ text, number, level })),
    );
    expect(pdf.notes).toEqual([
      {
        nb: 'I en PDF er «linje» linjens nummer i hele PDF-en (alle tekstlinjer på alle sider telles, også topp- og bunntekst) og «side» PDF-siden.',
        en: 'In a PDF, "line" is the line number in the whole PDF (every text line of every page counts, headers and footers too) and "page" the PDF page.',
      },
      {
        nb: '6 linjer med topptekst, bunntekst og sidetall ble fjernet.',
        en: '6 lines of running headers, footers and page numbers were removed.',
      },
    ]);
  });

  test('reads a thesis-template layout (justified, 1.5 line spacing, paragraphs told apart by first-line indent only)', async () => {
    const pdf = await pdfToManuscript(fixture('thesis-justified.pdf'), 'thesis-justified.pdf');
    const docx = await docxToManuscript(fixture('thesis-justified.docx'), 'thesis-justified.docx');
    expect(pdf.text).toEqual(docx.text);
    expect(pdf.blocks.map((block) => block.kind)).toEqual(docx.blocks.map((block) => block.kind));
    // The longer layout runs over four pages: the reference list starts on page 3 and ends on 4.
    expect(pdf.headings.map((heading) => [heading.text, pdf.locate(heading.start).page])).toEqual([
      ['Innledning', 1],
      ['Problemstilling', 1],
      ['Avgrensning', 1],
      ['Metode', 2],
      ['Resultater og drøfting', 3],
      ['Referanser', 3],
    ]);
    const lastEntry = pdf.referenceList?.entries.at(-1);
    expect(lastEntry && pdf.locate(lastEntry.start).page).toBe(4);
  });

  test('reads a PDF printed by Chromium (another producer, with its own date/title header and URL/page footer)', async () => {
    const pdf = await pdfToManuscript(fixture('thesis-chromium.pdf'), 'thesis-chromium.pdf');
    const docx = await docxToManuscript(fixture('thesis.docx'), 'thesis.docx');
    // HTML shows the footnote as a numbered note with a back link after its paragraph.
    const htmlNote =
      '1. Studien bygger på intervjuer med åtte kvinner og bruker anerkjennelsesteori (Stenbrenden et al., 2018).↩';
    const wordNote =
      'Studien bygger på intervjuer med åtte kvinner og bruker anerkjennelsesteori (Stenbrenden et al., 2018).';
    expect(pdf.text.replace(htmlNote, wordNote)).toEqual(docx.text);
    expect(pdf.notes.map((note) => note.en).slice(1)).toEqual([
      '8 lines of running headers, footers and page numbers were removed.',
    ]);
    expect(pdf.headings.map((heading) => [heading.text, pdf.locate(heading.start).page])).toEqual([
      ['Innledning', 1],
      ['Problemstilling', 1],
      ['Avgrensning', 1],
      ['Metode', 2],
      ['Resultater og drøfting', 3],
      ['Referanser', 3],
    ]);
    const lastEntry = pdf.referenceList?.entries.at(-1);
    expect(lastEntry && pdf.locate(lastEntry.start).page).toBe(4);
  });

  test('reads the 100-page thesis (34 chapters, 102 PDF pages) to the same text and blocks as its .docx', async () => {
    const pdf = await pdfToManuscript(fixture('thesis-100.pdf'), 'thesis-100.pdf');
    const docx = await docxToManuscript(fixture('thesis-100.docx'), 'thesis-100.docx');
    expect(pdf.text).toEqual(docx.text);
    expect(pdf.blocks.map((block) => [block.kind, block.start, block.end])).toEqual(
      docx.blocks.map((block) => [block.kind, block.start, block.end]),
    );
    expect(pdf.locate(pdf.text.length - 1).page).toBe(102);
  });

  test('gives every position its PDF page, and line = line of the whole PDF', async () => {
    const pdf = await pdfToManuscript(fixture('thesis.pdf'), 'thesis.pdf');
    const place = (needle: string) => pdf.locate(pdf.text.indexOf(needle));
    expect(pdf.hasPages).toBe(true);
    expect(place('(Natland et al., 2019)')).toEqual({ line: 5, column: 32, page: 1 });
    expect(place('(Dalland, 2017)')).toEqual({ line: 25, column: 22, page: 2 });
    expect(place('(Eide & Eide, 2017, s. 12–14)')).toEqual({ line: 51, column: 37, page: 3 });
    // "bru-" / "keren": the word is joined, and its second half maps to the next line.
    expect(pdf.text).toContain('opplever hjelpen');
    expect(place('keren opplever')).toEqual({ line: 5, column: 1, page: 1 });
  });

  test('reads a PDF with an owner password only (restrictions, no password to open)', async () => {
    const pdf = await pdfToManuscript(
      fixture('owner-password-only.pdf'),
      'owner-password-only.pdf',
    );
    const plain = await pdfToManuscript(fixture('thesis.pdf'), 'thesis.pdf');
    expect(pdf.text).toEqual(plain.text);
  });

  test('refuses a password-protected PDF with an "encrypted" error', async () => {
    await expect(pdfToManuscript(badInput('encrypted.pdf'), 'encrypted.pdf')).rejects.toMatchObject(
      {
        name: 'LitsynthError',
        code: 'encrypted',
        file: 'encrypted.pdf',
        message: 'The PDF is password-protected. Save or export it without a password.',
        messageNb: 'PDF-en er passordbeskyttet. Lagre eller eksporter den uten passord.',
      },
    );
  });

  test('refuses a file that is not a PDF, a cut-off PDF, and a PDF without text', async () => {
    await expect(
      pdfToManuscript(new TextEncoder().encode('Bare tekst'), 'a.pdf'),
    ).rejects.toMatchObject({
      code: 'unsupported-format',
      message: 'The file is not a PDF (it does not start with %PDF).',
    });
    await expect(
      pdfToManuscript(fixture('thesis.pdf').subarray(0, 2000), 'cut.pdf'),
    ).rejects.toMatchObject({
      code: 'unsupported-format',
      file: 'cut.pdf',
    });
    await expect(pdfToManuscript(minimalPdf(['']), 'scan.pdf')).rejects.toMatchObject({
      code: 'empty-file',
      message: 'The PDF has no text layer (is it a scan? Run text recognition (OCR) on it first).',
    });
  });

  test('a minimal hand-made PDF: lines joined into a paragraph, the lone page number removed', async () => {
    const pdf = await pdfToManuscript(
      minimalPdf([
        [
          textLine(72, 760, 'Relasjonen er viktig for om brukeren'),
          textLine(72, 746, 'opplever hjelpen som god (Natland'),
          textLine(72, 732, 'et al., 2019).'),
          textLine(290, 40, '1'),
        ].join('\n'),
      ]),
      'minimal.pdf',
    );
    expect(pdf.text).toEqual(
      'Relasjonen er viktig for om brukeren opplever hjelpen som god (Natland et al., 2019).',
    );
    expect(pdf.locate(pdf.text.indexOf('et al.'))).toEqual({ line: 3, column: 1, page: 1 });
  });
});
