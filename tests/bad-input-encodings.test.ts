import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// Text as it really arrives: from old Windows tools (Windows-1252, ISO-8859-1), saved as
// "Unicode" by Word or Notepad (UTF-16 with a byte-order mark), from a Mac (decomposed letters,
// NFD), with Windows line endings. Each must give the findings of the same text in UTF-8.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/dist/bin.js');
const thesis = readFileSync(join(root, 'tests/fixtures/formats/thesis.txt'), 'utf8');
let work: string;

interface CheckJson {
  notes: unknown[];
  citations: Array<{
    raw: string;
    authors: string[];
    year: string | null;
    key: string | null;
    match: string;
    line: number;
    column: number;
    page?: number | null;
  }>;
  diagnostics: Array<{
    rule: string;
    severity: string;
    raw: string | null;
    key: string | null;
    line: number;
    column: number;
    page?: number | null;
  }>;
}

function check(
  file: string,
  bib = 'references.yaml',
): { status: number | null; json: CheckJson; stderr: string } {
  const result = spawnSync(
    process.execPath,
    [bin, 'check', file, '--bib', bib, '--format', 'json', '--lang', 'en'],
    { cwd: work, encoding: 'utf8' },
  );
  return {
    status: result.status,
    json: JSON.parse(result.stdout || '{}') as CheckJson,
    stderr: result.stderr,
  };
}

/** Windows-1252: Latin-1 plus typographic characters in 0x80–0x9F (here the en dash, 0x96). */
function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      if (char === '–') return 0x96;
      const code = char.codePointAt(0) ?? 0;
      if (code > 0xff) throw new Error(`not in Windows-1252: ${char}`);
      return code;
    }),
  );
}

function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  bytes.swap16();
  return bytes;
}

// Findings without lines and columns (they shift where the file's characters do).
const findings = (json: CheckJson) => ({
  citations: json.citations.map(({ raw, authors, year, key, match, page }) => ({
    raw,
    authors,
    year,
    key,
    match,
    page,
  })),
  diagnostics: json.diagnostics.map(({ rule, severity, raw, key, page }) => ({
    rule,
    severity,
    raw,
    key,
    page,
  })),
});
const places = (json: CheckJson) =>
  json.diagnostics.map(({ rule, line, column, page }) => ({ rule, line, column, page }));

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'litsynth-encodings-'));
  copyFileSync(join(root, 'tests/fixtures/formats/references.yaml'), join(work, 'references.yaml'));
  writeFileSync(join(work, 'utf8.txt'), thesis);
  writeFileSync(join(work, 'utf8-bom.txt'), `\ufeff${thesis}`);
  writeFileSync(join(work, 'windows-1252.txt'), windows1252(thesis));
  // ISO-8859-1 has no en dash: the writer would have typed a hyphen.
  writeFileSync(join(work, 'utf8-hyphen.txt'), thesis.replaceAll('–', '-'));
  writeFileSync(join(work, 'iso-8859-1.txt'), Buffer.from(thesis.replaceAll('–', '-'), 'latin1'));
  writeFileSync(
    join(work, 'utf-16le.txt'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(thesis, 'utf16le')]),
  );
  writeFileSync(
    join(work, 'utf-16be.txt'),
    Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(thesis)]),
  );
  writeFileSync(join(work, 'crlf.txt'), thesis.replace(/\n/g, '\r\n'));
  writeFileSync(join(work, 'nfd.txt'), thesis.normalize('NFD'));
  // A made-up work (not a real source) for name matching: the entry is written composed (NFC),
  // the thesis decomposed (NFD, as macOS file names and some PDF exports give it), and the reverse.
  const entry = (name: string) =>
    `- id: odegard2020\n  type: report\n  title: Testoppføring for navnesammenligning\n  author: [{family: ${name}, given: Åse}]\n  issued: {date-parts: [[2020]]}\n`;
  const text = (name: string) =>
    `1 Innledning\n\nRelasjonen har stor betydning for brukeren (${name}, 2020).\n`;
  writeFileSync(join(work, 'name-nfc.yaml'), entry('Ødegård'.normalize('NFC')));
  writeFileSync(join(work, 'name-nfd.yaml'), entry('Ødegård'.normalize('NFD')));
  writeFileSync(join(work, 'name-nfc.txt'), text('Ødegård'.normalize('NFC')));
  writeFileSync(join(work, 'name-nfd.txt'), text('Ødegård'.normalize('NFD')));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('text in the encodings theses really arrive in', () => {
  test('the UTF-8 thesis is the baseline: read, with findings', () => {
    const baseline = check('utf8.txt');
    expect([baseline.status, baseline.stderr]).toEqual([1, '']);
    expect(baseline.json.citations.length).toBeGreaterThan(15);
  });

  test('UTF-8 with a byte-order mark: the same findings at the same places', () => {
    const baseline = check('utf8.txt').json;
    const withBom = check('utf8-bom.txt').json;
    expect(findings(withBom)).toEqual(findings(baseline));
    expect(places(withBom)).toEqual(places(baseline));
  });

  test('Windows-1252: the same findings, and a note that says how the file was read', () => {
    const result = check('windows-1252.txt');
    expect(result.status).toBe(1);
    expect(findings(result.json)).toEqual(findings(check('utf8.txt').json));
    expect(places(result.json)).toEqual(places(check('utf8.txt').json));
    expect(JSON.stringify(result.json.notes)).toContain('windows-1252');
  });

  test('ISO-8859-1: the same findings as the same text in UTF-8', () => {
    const result = check('iso-8859-1.txt');
    expect(findings(result.json)).toEqual(findings(check('utf8-hyphen.txt').json));
    expect(JSON.stringify(result.json.notes)).toContain('iso-8859-1');
  });

  test('UTF-16 with a byte-order mark, little and big endian', () => {
    const baseline = check('utf8.txt').json;
    for (const file of ['utf-16le.txt', 'utf-16be.txt']) {
      const result = check(file);
      expect([file, result.status, findings(result.json)]).toEqual([file, 1, findings(baseline)]);
      expect(places(result.json)).toEqual(places(baseline));
    }
  });

  test('Windows line endings (CRLF): the same findings on the same lines and columns', () => {
    const baseline = check('utf8.txt').json;
    const crlf = check('crlf.txt').json;
    expect(findings(crlf)).toEqual(findings(baseline));
    expect(places(crlf)).toEqual(places(baseline));
  });

  test('decomposed Unicode (NFD): the same findings, quoted in composed form', () => {
    expect(findings(check('nfd.txt').json)).toEqual(findings(check('utf8.txt').json));
  });

  test('a decomposed author name matches its composed entry exactly, and the reverse', () => {
    for (const [file, bib] of [
      ['name-nfd.txt', 'name-nfc.yaml'],
      ['name-nfc.txt', 'name-nfd.yaml'],
      ['name-nfc.txt', 'name-nfc.yaml'],
    ] as const) {
      const result = check(file, bib);
      const citations = result.json.citations.map(({ raw, authors, year, key, match }) => ({
        raw,
        authors,
        year,
        key,
        match,
      }));
      // No problem is reported about the citation (the thesis has no reference list: that is reported).
      const aboutCitation = result.json.diagnostics.filter((diagnostic) => diagnostic.raw !== null);
      expect([file, bib, citations, aboutCitation]).toEqual([
        file,
        bib,
        [
          {
            raw: 'Ødegård, 2020',
            authors: ['Ødegård'],
            year: '2020',
            key: 'odegard2020',
            match: 'exact',
          },
        ],
        [],
      ]);
    }
  });
});
