import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  cleanStudy,
  elementsOf,
  filesIn,
  type HtmlNode,
  litsynth,
  parseHtml,
  refused,
  workFolder,
} from './helpers.js';

// 5. Wrong or silent: each of these gave a wrong result without a word.

let work: string;
const berg =
  '- { id: berg2020, type: book, title: Bok, author: [{ family: Berg, given: Ola }], issued: { date-parts: [[2020]] }, publisher: Forlag }\n';

beforeAll(() => {
  work = workFolder('silent');
  writeFileSync(join(work, 'berg.yaml'), berg);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function textOf(node: HtmlNode): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');
}

/** The check of a manuscript as JSON: its notes and the authors of the citations found. */
function checked(file: string): { notes: string[]; citations: string[] } {
  const run = litsynth(['check', file, '--bib', 'berg.yaml', '--format', 'json'], work);
  const json = JSON.parse(run.stdout) as {
    notes: string[];
    citations: Array<{ authors: string[]; key: string | null }>;
  };
  return {
    notes: json.notes,
    citations: json.citations.map(
      (citation) => `${citation.authors.join(' & ')} → ${citation.key}`,
    ),
  };
}

describe('decoding says what it guessed and loses no citation', () => {
  test('one invalid byte in a UTF-8 file: read as UTF-8, the byte named, æøå intact', () => {
    writeFileSync(
      join(work, 'byte.txt'),
      Buffer.concat([
        Buffer.from('Innledning\n\nTillit på Nav-kontoret (Berg, 2020) og '),
        Buffer.from([0xff]),
        Buffer.from(' blåbær.\n'),
      ]),
    );
    expect(checked('byte.txt')).toEqual({
      notes: [
        'The file is UTF-8, but 1 byte is not valid UTF-8 (the first at line 3, column 40); it was read as �.',
      ],
      citations: ['Berg → berg2020'],
    });
  });

  test('a NUL after 8 KiB and a bidi override inside a citation: the citation is found and the characters named', () => {
    writeFileSync(
      join(work, 'hidden.txt'),
      `Innledning\n\n${'Tekst uten kilder.\n'.repeat(600)}Tillit (Be\u202erg, 2020) og\u0000 mer.\n`,
    );
    expect(checked('hidden.txt')).toEqual({
      notes: [
        'The file has 2 invisible control characters (NUL or text-direction controls, the first at line 603, column 11); they were removed from the text that is checked.',
      ],
      citations: ['Berg → berg2020'],
    });
  });

  test('UTF-16 without a byte-order mark is read, not called binary', () => {
    writeFileSync(
      join(work, 'utf16.txt'),
      Buffer.from('Innledning\n\nTillit bygges over tid (Berg, 2020).\n', 'utf16le'),
    );
    expect(checked('utf16.txt')).toEqual({
      notes: [
        'The file has no byte-order mark but looks like UTF-16 (little endian); it was read as such. Save it as UTF-8 to be sure.',
      ],
      citations: ['Berg → berg2020'],
    });
  });
});

describe('study.yaml mistakes are named before anything is written', () => {
  test('a folder as manuscript "is a folder"', () => {
    const study = cleanStudy(join(work, 'folder'), (yaml) =>
      yaml.replace('manuscript: manuscript.md', 'manuscript: kapitler'),
    );
    mkdirSync(join(study, 'kapitler'));
    expect(litsynth(['check', study], work)).toEqual(
      refused(
        `${join(study, 'study.yaml')}:11:13: The manuscript folder/study/kapitler named in study.yaml is a folder, not a file.`,
      ),
    );
  });

  test('an invalid style fails check and build, and build writes nothing', () => {
    const study = cleanStudy(join(work, 'style'), (yaml) => `${yaml}style: apa-9\n`);
    const message = refused(
      `${join(study, 'study.yaml')}:15:8: study.yaml: unknown CSL style "apa-9": give a style id such as norsk-apa-manual or apa, or a .csl file`,
    );
    expect(litsynth(['check', study], work)).toEqual(message);
    expect(litsynth(['build', study, '--out', join(work, 'style-out')], work)).toEqual(message);
    expect(existsSync(join(work, 'style-out'))).toBe(false);
  });

  test('paths outside the study tree are refused unless --allow-outside-study is given', () => {
    const study = cleanStudy(join(work, 'outside'), (yaml) =>
      yaml.replace('  - references.yaml', '  - /etc/passwd.yaml'),
    );
    const run = litsynth(['build', study, '--out', join(work, 'outside-out')], work);
    expect(run).toEqual(
      refused(
        `${join(study, 'study.yaml')}:13:5: The bibliography file /etc/passwd.yaml named in study.yaml lies outside the study's folder tree (outside/study); pass --allow-outside-study to read it.`,
      ),
    );
    expect(existsSync(join(work, 'outside-out'))).toBe(false);
    // With the flag the path is read (and found missing, here).
    expect(litsynth(['check', study, '--allow-outside-study'], work).stderr).toContain(
      '/etc/passwd.yaml named in study.yaml does not exist.',
    );
  });
});

describe('outputs say what they hold', () => {
  test('report.html lists evidence that is not a URL as text, not as an empty bullet', async () => {
    const study = cleanStudy(join(work, 'evidence'));
    writeFileSync(
      join(study, 'references.yaml'),
      readFileSync(join(study, 'references.yaml'), 'utf8').replace(
        '- id: dalland2017\n',
        "- id: dalland2017\n  verification: { status: partly-verified, evidence: ['the thesis, line 3', 'https://example.org/dalland'], notes: [] }\n",
      ),
    );
    expect(
      litsynth(['build', study, '--out', join(work, 'evidence-out'), '--quiet'], work).code,
    ).toBe(0);
    const tree = await parseHtml(readFileSync(join(work, 'evidence-out', 'report.html'), 'utf8'));
    const entry = elementsOf(tree).find((element) => element.properties?.id === 'ref-dalland2017');
    const details = elementsOf(entry ?? { type: 'root' }).find(
      (element) => element.tagName === 'details',
    );
    const items = elementsOf(details ?? { type: 'root' })
      .filter((element) => element.tagName === 'li')
      .map((element) => ({
        text: textOf(element),
        link: elementsOf(element).find((child) => child.tagName === 'a')?.properties?.href ?? null,
      }));
    expect(items).toEqual([
      { text: 'the thesis, line 3', link: null },
      { text: 'https://example.org/dalland', link: 'https://example.org/dalland' },
    ]);
  });

  test('CSV cells a spreadsheet would run are neutralised', () => {
    const study = cleanStudy(
      join(work, 'csv'),
      (yaml) =>
        `${yaml}search:\n  - database: '=HYPERLINK("http://x.example","klikk")'\n    terms: ['+tillit', '@SUM(A1)', '-relasjon']\n`,
    );
    expect(litsynth(['tables', study, '--out', join(work, 'csv-out')], work).code).toBe(0);
    const csv = readFileSync(join(work, 'csv-out', 'tables', 'search-history.csv'), 'utf8');
    expect(csv.split('\r\n')[1]).toBe(
      '"\'=HYPERLINK(""http://x.example"",""klikk"")";–;"\'+tillit, @SUM(A1), -relasjon";–;–;–;–;–;–;–',
    );
  });

  test('a temporary file left by a killed run is removed by the next one', () => {
    const study = cleanStudy(join(work, 'stale'));
    const out = join(work, 'stale-out');
    mkdirSync(out);
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(out, `.report.html.${ended}.0a1b2c3d4e5f.tmp`), 'half a report');
    expect(litsynth(['build', study, '--out', out, '--quiet'], work).code).toBe(0);
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(filesIn(out)).toContain('report.html');
  });
});
