import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isLitsynthError } from '@litsynth/common';
import { docxToManuscript } from './docx.js';
import { markFieldCitations } from './docx-fields.js';
import { BoundedZip } from './docx-zip.js';
import { pdfToManuscript } from './pdf.js';
import { makeZip } from './test-docx-zip.js';
import { layoutToBlocks, linesOfPages } from './pdf-layout.js';

// Damaged files of every kind: the readers return a manuscript or throw a LitsynthError, never
// anything else (no TypeError, no RangeError, no hang), and every offset they return lies in the text.

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url)));

/** Runs a reader; returns 'ok', or 'refused' for a LitsynthError; rethrows anything else. */
async function outcome(
  read: () => Promise<{ text: string; blocks: Array<{ start: number; end: number }> }>,
): Promise<string> {
  try {
    const manuscript = await read();
    for (const block of manuscript.blocks) {
      if (!(block.start >= 0 && block.start <= block.end && block.end <= manuscript.text.length))
        throw new Error('block outside the text');
    }
    return 'ok';
  } catch (error) {
    if (isLitsynthError(error)) return 'refused';
    throw error;
  }
}

/** The bytes with some of them overwritten: a file damaged in transfer or on disk. */
const damaged = (bytes: Uint8Array) =>
  fc
    .array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 20,
    })
    .map((changes) => {
      const copy = bytes.slice();
      for (const [index, value] of changes) copy[index] = value;
      return copy;
    });

describe('the .docx and .pdf readers on damaged input', () => {
  test('BoundedZip.open on arbitrary bytes: a zip or a LitsynthError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          BoundedZip.open(bytes, 'random.docx');
        } catch (error) {
          expect(isLitsynthError(error)).toBe(true);
        }
      }),
    );
  });

  test('docxToManuscript on a damaged .docx: a manuscript or a LitsynthError', async () => {
    const docx = fixture('fields-zotero.docx');
    await fc.assert(
      fc.asyncProperty(damaged(docx), async (bytes) => {
        expect(['ok', 'refused']).toContain(
          await outcome(() => docxToManuscript(bytes, 'damaged.docx')),
        );
      }),
      { numRuns: 60 },
    );
  });

  test('docxToManuscript on a .docx whose document.xml is cut or spliced: a manuscript or a LitsynthError', async () => {
    const zip = BoundedZip.open(fixture('fields-zotero.docx'), 'fields-zotero.docx');
    const xml = zip.readText('word/document.xml');
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: xml.length }),
        fc.nat({ max: xml.length }),
        fc.string({ maxLength: 20 }),
        async (from, to, insert) => {
          const [start, end] = from <= to ? [from, to] : [to, from];
          const changed = xml.slice(0, start) + insert + xml.slice(end);
          const bytes = makeZip(
            zip.names().map((name) => ({
              name,
              data:
                name === 'word/document.xml' ? new TextEncoder().encode(changed) : zip.read(name),
            })),
          );
          expect(['ok', 'refused']).toContain(
            await outcome(() => docxToManuscript(bytes, 'spliced.docx')),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  test('pdfToManuscript on a damaged .pdf: a manuscript or a LitsynthError', async () => {
    const pdf = fixture('thesis.pdf');
    await fc.assert(
      fc.asyncProperty(damaged(pdf), async (bytes) => {
        expect(['ok', 'refused']).toContain(
          await outcome(() => pdfToManuscript(bytes, 'damaged.pdf')),
        );
      }),
      { numRuns: 25 },
    );
  });

  test('markFieldCitations on arbitrary text keeps the text and pairs its markers', () => {
    const token = fc.constantFrom(
      '<w:fldChar w:fldCharType="begin"/>',
      '<w:fldChar w:fldCharType="separate"/>',
      '<w:fldChar w:fldCharType="end"/>',
      '<w:instrText> ADDIN ZOTERO_ITEM CSL_CITATION {"citationItems":[{"id":1,"itemData":{"id":1,"type":"book"}}]}</w:instrText>',
      '<w:instrText> ADDIN EN.CITE </w:instrText>',
      '<w:fldSimple w:instr=" ADDIN CSL_CITATION {}">',
      '</w:fldSimple>',
      '<w:t>tekst</w:t>',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(token, fc.string({ maxLength: 5 })), { maxLength: 30 }),
        (parts) => {
          const xml = parts.join('');
          const marked = markFieldCitations(xml);
          const starts = [...marked.xml].filter((char) => char === '\uE000').length;
          const ends = [...marked.xml].filter((char) => char === '\uE001').length;
          expect(starts).toBe(marked.fields.length);
          expect(ends).toBeLessThanOrEqual(starts);
          expect(
            marked.xml.replace(
              /<w:r><w:t>(?:\uE000\d+\uE003|\uE001)<\/w:t><\/w:r>|<w:t>(?:\uE000\d+\uE003|\uE001)<\/w:t>/g,
              '',
            ),
          ).toEqual(xml);
        },
      ),
    );
  });

  test('the PDF layout on arbitrary text items: blocks made of the lines it was given', () => {
    const item = fc.record({
      text: fc.string({ minLength: 1, maxLength: 12 }),
      x: fc.integer({ min: 0, max: 600 }),
      y: fc.integer({ min: 0, max: 842 }),
      width: fc.integer({ min: 0, max: 400 }),
      height: fc.constantFrom(0, 7, 10, 12, 16),
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ height: fc.constant(842), items: fc.array(item, { maxLength: 25 }) }),
          { maxLength: 4 },
        ),
        (pages) => {
          const lines = linesOfPages(pages);
          const layout = layoutToBlocks(lines);
          const used = layout.blocks.flatMap((block) => block.spans.map((span) => span.line));
          const removed = layout.removed.map((line) => line.number);
          // Every line is used once or removed as page furniture.
          expect([...used, ...removed].sort((a, b) => a - b)).toEqual(
            lines.flat().map((line) => line.number),
          );
        },
      ),
    );
  });
});
