import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeZip } from './fixtures/bad-input/zip.js';
import { litsynth, root } from './litsynth-cli.js';

// `litsynth check FILE.docx|FILE.pdf` (pretty) quotes the sentence of each finding and places it
// where a supervisor finds it: the paragraph and heading of a Word document, the page of a PDF
// (issue 10, item 4). Text manuscripts keep their line:column and quoted line.

const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const main = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const relationships = 'http://schemas.openxmlformats.org/package/2006/relationships';
const officeDocument = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal Word document: paragraphs with an optional style (Heading1, Heading2). */
function wordDocument(paragraphs: Array<[string, string?]>): Uint8Array {
  const encode = (text: string) => new TextEncoder().encode(text);
  const body = paragraphs
    .map(
      ([text, style]) =>
        `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`,
    )
    .join('');
  const heading = (level: number) =>
    `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/></w:style>`;
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: encode(
        `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: encode(
        `${xml}<Relationships xmlns="${relationships}"><Relationship Id="rId1" Type="${officeDocument}/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
    },
    {
      name: 'word/_rels/document.xml.rels',
      data: encode(
        `${xml}<Relationships xmlns="${relationships}"><Relationship Id="rId1" Type="${officeDocument}/styles" Target="styles.xml"/></Relationships>`,
      ),
    },
    {
      name: 'word/styles.xml',
      data: encode(`${xml}<w:styles xmlns:w="${main}">${heading(1)}${heading(2)}</w:styles>`),
    },
    {
      name: 'word/document.xml',
      data: encode(`${xml}<w:document xmlns:w="${main}"><w:body>${body}</w:body></w:document>`),
    },
  ]);
}

let work = '';

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'litsynth-passages-'));
  writeFileSync(
    join(work, 'oppgave.docx'),
    wordDocument([
      ['1 Innledning', 'Heading1'],
      ['Temaet er relasjoner i NAV.'],
      ['2.1 Metode', 'Heading2'],
      [
        `Dette er første setning. Relasjonen er viktig for brukeren (Berg, 2020). ${'Mange ord følger her etter kilden, '.repeat(5)}til slutt. Siste setning.`,
      ],
    ]),
  );
  writeFileSync(
    join(work, 'referanser.bib'),
    '@book{skau2013, author = {Skau, Greta Marie}, title = {Gode fagfolk vokser}, year = {2013}, publisher = {Cappelen Damm}}\n',
  );
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** The lines of a finding: its place and message, the quoted sentence and the mark under it. */
function findingOf(output: string, rule: string): string[] {
  const lines = output.split('\n');
  const at = lines.findIndex((line) => line.startsWith('    ') && line.endsWith(`  ${rule}`));
  return at < 0 ? [] : lines.slice(at, at + 3);
}

describe('litsynth check of a .docx quotes the sentence, by paragraph and heading', () => {
  it('in Norwegian and in English', () => {
    const nb = litsynth(['check', 'oppgave.docx', '--bib', 'referanser.bib', '--lang', 'nb'], work);
    expect(nb.code).toBe(1);
    expect(findingOf(nb.stdout, 'unresolved-citation')).toEqual([
      '    avsnitt 4 under «2.1 Metode»  Fant ingen oppføring for Berg (2020).  unresolved-citation',
      '      │ Relasjonen er viktig for brukeren (Berg, 2020).',
      '      │                                    ^^^^^^^^^^',
    ]);
    const en = litsynth(['check', 'oppgave.docx', '--bib', 'referanser.bib', '--lang', 'en'], work);
    expect(findingOf(en.stdout, 'unresolved-citation')).toEqual([
      '    paragraph 4 under "2.1 Metode"  No entry found for Berg (2020).  unresolved-citation',
      '      │ Relasjonen er viktig for brukeren (Berg, 2020).',
      '      │                                    ^^^^^^^^^^',
    ]);
  });

  it('keeps line:column and the quoted line for a text manuscript', () => {
    writeFileSync(
      join(work, 'oppgave.txt'),
      'Innledning\n\nRelasjonen er viktig for brukeren (Berg, 2020).\n',
    );
    const text = litsynth(
      ['check', 'oppgave.txt', '--bib', 'referanser.bib', '--lang', 'en'],
      work,
    );
    expect(findingOf(text.stdout, 'unresolved-citation')).toEqual([
      '    3:36  No entry found for Berg (2020).  unresolved-citation',
      '      3 │ Relasjonen er viktig for brukeren (Berg, 2020).',
      '        │                                    ^^^^^^^^^^',
    ]);
  });
});

// Read from ../shared/real-theses at test time, never copied; only pages and shapes are asserted.
const pdf = join(root, '../shared/real-theses/storbukas-master-2018.pdf');

describe('litsynth check of a real PDF places each finding by its page', () => {
  it('quotes a sentence under every finding, on the page the JSON gives', () => {
    const pretty = litsynth(['check', pdf, '--lang', 'en']);
    const json = JSON.parse(litsynth(['check', pdf, '--format', 'json']).stdout) as {
      diagnostics: Array<{ rule: string; page?: number; raw?: string }>;
    };
    expect([0, 1]).toContain(pretty.code);
    const lines = pretty.stdout.split('\n');
    // Each finding of the manuscript: "    p. N  message  rule", then "      │ sentence".
    const findings = lines.flatMap((line, index) => {
      const place = /^ {4}p\. (\d+) {2}.* {2}([a-z-]+)$/.exec(line);
      return place
        ? [{ page: Number(place[1]), rule: place[2], quote: lines[index + 1] ?? '' }]
        : [];
    });
    expect(findings.length).toBeGreaterThan(5);
    const pagesOf = (rule: string) =>
      new Set(json.diagnostics.filter((d) => d.rule === rule).map((d) => d.page));
    for (const finding of findings) {
      expect(pagesOf(finding.rule ?? '').has(finding.page)).toBe(true);
      expect(finding.quote).toMatch(/^ {6}│ \S/);
      // Shortened around the citation: a line a terminal can show.
      expect(finding.quote.length).toBeLessThanOrEqual(8 + 120 + 4);
    }
    // No finding of the manuscript is placed by a PDF line number any more.
    expect(lines.filter((line) => /^ {4}\d+:\d+ /.test(line))).toEqual([]);
    // The one citation without an entry: Hayes (2018), in the appendix on page 70, marked.
    const unresolved = findingOf(pretty.stdout, 'unresolved-citation');
    expect(unresolved[0]).toMatch(/^ {4}p\. 70 {2}/);
    expect(unresolved[2]).toMatch(new RegExp(`^ {6}│ +\\^{${'Hayes (2018)'.length}}$`));
  });
});
