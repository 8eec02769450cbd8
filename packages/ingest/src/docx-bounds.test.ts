import { describe, expect, test } from 'vitest';
import { refuseOversizedDocx, textParts } from './docx-bounds.js';
import { BoundedZip } from './docx-zip.js';
import { makeZip } from './test-docx-zip.js';

const text = (value: string) => new TextEncoder().encode(value);
const limits = { maxTextPartBytes: 4096, maxParagraphs: 10, maxElements: 40 };
const body = (paragraphs: string) => `<w:document><w:body>${paragraphs}</w:body></w:document>`;

function zipOf(documentXml: string, footnotesXml?: string): BoundedZip {
  const parts = [{ name: 'word/document.xml', data: text(documentXml) }];
  if (footnotesXml) parts.push({ name: 'word/footnotes.xml', data: text(footnotesXml) });
  return BoundedZip.open(makeZip(parts), 'thesis.docx');
}

function refusal(zip: BoundedZip): string | null {
  try {
    refuseOversizedDocx(zip, textParts(zip, 'word/document.xml'), 'thesis.docx', limits);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('refuseOversizedDocx', () => {
  test('admits a document within every limit, footnotes counted with the body', () => {
    expect(
      refusal(
        zipOf(
          body('<w:p><w:r><w:t>Tekst</w:t></w:r></w:p>'.repeat(5)),
          '<w:footnotes><w:p/></w:footnotes>',
        ),
      ),
    ).toBeNull();
  });

  test('refuses by declared size before unpacking, then by paragraphs, then by elements', () => {
    expect([
      refusal(zipOf(body(`<w:p><w:r><w:t>${'x'.repeat(5000)}</w:t></w:r></w:p>`))),
      refusal(
        zipOf(body('<w:p/>'.repeat(8)), `<w:footnotes>${'<w:p></w:p>'.repeat(3)}</w:footnotes>`),
      ),
      refusal(zipOf(body(`<w:p>${'<w:r><w:t>a</w:t></w:r>'.repeat(20)}</w:p>`))),
    ]).toEqual([
      'The .docx document is too large to read: its text is 5 KiB of XML; the limit is 4 KiB.',
      'The .docx document is too large to read: it has 11 paragraphs; the limit is 10.',
      'The .docx document is too large to read: its text has 43 XML elements; the limit is 40.',
    ]);
  });
});
