// Once the page has loaded and the browser is idle, the worker checks a few tiny documents of its
// own making: one of each format and bibliography syntax. That loads every part the first real
// check may need (pdf.js, mammoth, yaml, citation-js, the style), so the page keeps working when
// the network goes away, and the first real check runs on warm code. A Markdown thesis (rare in
// the browser: students hand in Word or PDF files) loads remark when one is chosen; warming it up
// too would take what loads before the first file over 1 MB gzipped (docs/decisions/web-vite.md).
import { zipSync } from 'fflate';
import { analyse, type InputFile, present } from './run-check.js';

const encode = (text: string) => new TextEncoder().encode(text);

const thesisText =
  'Innledning\n\nTillit tar tid (Natland mfl., 2019). Det viser også Lundberg og Syltevik (2013, s. 4).\n';

/** A one-page PDF with one line of text (Helvetica), offsets computed for its cross-reference table. */
function tinyPdf(): Uint8Array {
  const content = 'BT /F1 12 Tf 72 720 Td (Tillit tar tid \\(Natland mfl., 2019\\).) Tj ET';
  const objects = [
    '',
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
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
  return encode(pdf);
}

/** A .docx with a heading and one paragraph. */
function tinyDocx(): Uint8Array {
  const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const paragraph = (text: string, style?: string) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  return zipSync({
    '[Content_Types].xml': encode(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': encode(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': encode(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${w}"><w:body>${paragraph('Innledning', 'Heading1')}${paragraph('Tillit tar tid (Natland mfl., 2019).')}</w:body></w:document>`,
    ),
  });
}

const bibtex =
  '@article{natland2019,\n  author = {Natland, Sidsel and Tveit, Marte},\n  title = {Tillit},\n  journal = {Tidsskrift},\n  year = {2019}\n}\n';
const ris =
  'TY  - JOUR\nAU  - Lundberg, Kjetil\nAU  - Syltevik, Liv Johanne\nTI  - Samhandling\nPY  - 2013\nER  - \n';
const yaml =
  '- id: natland2019\n  type: article-journal\n  author:\n    - family: Natland\n      given: Sidsel\n  title: Tillit\n  issued:\n    date-parts: [[2019]]\n';

/**
 * Checks the tiny documents (errors are ignored: this only loads and warms code). Before each one
 * it waits while `busy()` says a real check is running: the user's file goes first.
 */
export async function warmUp(busy: () => boolean): Promise<void> {
  const bibliographies: InputFile[] = [
    { name: 'warm.bib', bytes: encode(bibtex) },
    { name: 'warm.ris', bytes: encode(ris) },
    { name: 'warm.yaml', bytes: encode(yaml) },
  ];
  const manuscripts: InputFile[] = [
    { name: 'warm.txt', bytes: encode(thesisText) },
    { name: 'warm.docx', bytes: tinyDocx() },
    { name: 'warm.pdf', bytes: tinyPdf() },
  ];
  for (const [index, manuscript] of manuscripts.entries()) {
    while (busy()) await new Promise((resume) => setTimeout(resume, 50));
    try {
      const analysis = await analyse({
        manuscript,
        bibliographies: index === 0 ? bibliographies : [],
      });
      if (index === 0) await present(analysis, 'nb');
    } catch {
      // Nothing to report: a real check of such a file says what is wrong with it.
    }
  }
}
