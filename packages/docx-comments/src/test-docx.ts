import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const namespaces =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"';

/** What a test document has besides its body. */
export interface TestDocxParts {
  /** The w:footnote elements (without the separators, which are added). */
  footnotes?: string;
  /** The w:comment elements of an existing comments part. */
  comments?: string;
  /** The w:style elements of styles.xml. */
  styles?: string;
}

/** A minimal .docx, as Word lays it out, with the given body XML (the content of w:body). */
export function makeDocx(body: string, parts: TestDocxParts = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const overrides = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
  ];
  const relationships: string[] = [];
  const add = (name: string, text: string) => {
    files[name] = strToU8(text);
  };
  if (parts.footnotes !== undefined) {
    add(
      'word/footnotes.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes ${namespaces}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>${parts.footnotes}</w:footnotes>`,
    );
    overrides.push(
      '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>',
    );
    relationships.push(
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>',
    );
  }
  if (parts.comments !== undefined) {
    add(
      'word/comments.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments ${namespaces}>${parts.comments}</w:comments>`,
    );
    overrides.push(
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>',
    );
    relationships.push(
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>',
    );
  }
  if (parts.styles !== undefined) {
    add(
      'word/styles.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${namespaces}>${parts.styles}</w:styles>`,
    );
    overrides.push(
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
    );
    relationships.push(
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
    );
  }
  const content: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${namespaces}><w:body>${body}<w:sectPr/></w:body></w:document>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join('')}</Relationships>`,
    ),
    ...files,
  };
  return zipSync(content, { mtime: new Date(1980, 0, 1) });
}

/** The parts of a .docx as text. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** The content of w:body without the final w:sectPr (what makeDocx was given, as it is now). */
export function bodyOf(bytes: Uint8Array): string {
  const xml = docxParts(bytes)['word/document.xml'] ?? '';
  return xml.slice(xml.indexOf('<w:body>') + 8, xml.lastIndexOf('<w:sectPr/>'));
}

/** Parses every XML part strictly; returns the problems found (none for a well-formed package). */
export function xmlProblems(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  for (const [name, text] of Object.entries(docxParts(bytes))) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const report = (level: string) => (message: string) =>
      problems.push(`${name}: ${level}: ${message}`);
    new DOMParser({
      errorHandler: {
        warning: report('warning'),
        error: report('error'),
        fatalError: report('fatal'),
      },
    }).parseFromString(text, 'text/xml');
  }
  return problems;
}

/** A paragraph of plain runs: `r('text')` → a run. */
export function r(text: string, properties = ''): string {
  return `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
}
