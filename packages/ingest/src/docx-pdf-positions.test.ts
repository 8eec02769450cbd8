import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { expect, test } from 'vitest';
import { docxToManuscript } from './docx.js';
import { pdfToManuscript, readPdfPages } from './pdf.js';
import { linesOfPages } from './pdf-layout.js';

// Every letter of the normalised text points at the same letter in the file: in a PDF at its
// line and column, in a .docx at its paragraph and column.

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url)));

test('every letter of a PDF manuscript is located at that letter of its PDF line', async () => {
  for (const name of ['thesis.pdf', 'thesis-justified.pdf', 'thesis-chromium.pdf']) {
    const manuscript = await pdfToManuscript(fixture(name), name);
    const lines = linesOfPages(await readPdfPages(fixture(name), name)).flat();
    const wrong: string[] = [];
    for (let offset = 0; offset < manuscript.text.length; offset++) {
      const char = manuscript.text[offset] as string;
      if (!/\p{L}/u.test(char)) continue;
      const place = manuscript.locate(offset);
      const line = lines[place.line - 1];
      if (line?.text[place.column - 1] !== char || line.page !== place.page)
        wrong.push(`${offset} ${char} → ${JSON.stringify(place)}`);
    }
    expect([name, wrong]).toEqual([name, []]);
  }
});

test('every letter of a .docx body paragraph is located at that letter of its paragraph', async () => {
  const manuscript = await docxToManuscript(fixture('thesis.docx'), 'thesis.docx');
  // mammoth's raw text: each paragraph of the body followed by a blank line, footnotes after.
  const paragraphs = (
    await mammoth.extractRawText({ buffer: Buffer.from(fixture('thesis.docx')) })
  ).value.split('\n\n');
  const wrong: string[] = [];
  let checked = 0;
  for (let offset = 0; offset < manuscript.text.length; offset++) {
    const char = manuscript.text[offset] as string;
    const place = manuscript.locate(offset);
    if (!/\p{L}/u.test(char) || place.line > 23) continue;
    checked++;
    if (paragraphs[place.line - 1]?.[place.column - 1] !== char)
      wrong.push(`${offset} ${char} → ${JSON.stringify(place)}`);
  }
  expect(checked).toBeGreaterThan(2000);
  expect(wrong).toEqual([]);
});
