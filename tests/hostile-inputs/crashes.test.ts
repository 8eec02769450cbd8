import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  aliasBombYaml,
  emptyParagraphsDocx,
  manyEntriesYaml,
  nearIdenticalNamesBibtex,
  singleLineThesis,
  write,
} from './generate.mjs';
import { crashed, litsynth, refused, snapshot, workFolder } from './helpers.js';

// 3. Crashes: each of these ran Node out of memory or stack, or ended in "internal error".

let work: string;

beforeAll(() => {
  work = workFolder('crashes');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('inputs that crashed litsynth', () => {
  test('a 100 KB .docx of 63 MiB empty paragraphs is refused before it is parsed', () => {
    write(work, 'empty-paragraphs.docx', emptyParagraphsDocx(11_000_000));
    const before = snapshot(work);
    expect(litsynth(['check', 'empty-paragraphs.docx'], work)).toEqual(
      refused(
        'empty-paragraphs.docx: The .docx document is too large to read: its text is 62.9 MiB of XML; the limit is 24.0 MiB.',
      ),
    );
    write(work, 'many-paragraphs.docx', emptyParagraphsDocx(150_000));
    expect(litsynth(['check', 'many-paragraphs.docx'], work)).toEqual(
      refused(
        'many-paragraphs.docx: The .docx document is too large to read: it has 150,001 paragraphs; the limit is 100,000.',
      ),
    );
    expect(snapshot(work, ['many-paragraphs.docx'])).toEqual(before);
  });

  test('CSL fields of the wrong type are bibliography problems with their place, the rest is listed', () => {
    writeFileSync(
      join(work, 'wrong-types.yaml'),
      '- { id: a2020, type: book, title: Bok, author: [{ family: 123, given: Ola }], issued: { date-parts: [[2020]] } }\n' +
        '- { id: b2021, type: book, title: God, author: [{ family: Berg, given: Kari }], issued: { date-parts: [[2021]] }, publisher: Forlag }\n',
    );
    const run = litsynth(['bib', '--bib', 'wrong-types.yaml', '--all'], work);
    expect({ code: run.code, crashed: crashed(run), stdout: run.stdout }).toEqual({
      code: 1,
      crashed: false,
      stdout: '# References\n\nBerg, K. (2021). *God*. Forlag.\n',
    });
    expect(run.stderr).toContain(
      '    1:1  Entry not loaded: entry "a2020": "author[1].family" must be text, not the number 123  bib-entry-unreadable\n',
    );
  });

  test('a thesis on one line with 3,000 unresolved citations prints every problem, each line short', () => {
    write(work, 'one-line.txt', singleLineThesis(3000));
    write(
      work,
      'one.yaml',
      '- { id: berg2020, type: book, title: Bok, author: [{ family: Berg }], issued: { date-parts: [[2020]] } }\n',
    );
    const run = litsynth(['check', 'one-line.txt', '--bib', 'one.yaml'], work);
    expect({ code: run.code, crashed: crashed(run) }).toEqual({ code: 1, crashed: false });
    expect(run.stdout.split('\n').filter((line) => line.length > 200)).toEqual([]);
    expect(
      run.stdout.split('\n').filter((line) => line.endsWith('unresolved-citation')).length,
    ).toBe(3000);
    expect(run.stdout).toMatch(
      /\nSummary: 3000 citations \(0 exact, 0 fuzzy, 3000 unresolved\); 3001 errors/,
    );
  });

  test('1,000 near-identical BibTeX names: one report per spelling, no stack overflow', {
    timeout: 180_000,
  }, () => {
    // 1,000 names within two edits of each other made 500,000 pairs: push(...pairs) overflowed the stack.
    write(work, 'names.bib', nearIdenticalNamesBibtex(1000));
    const run = litsynth(['bib', '--bib', 'names.bib', '--all', '--format', 'text'], work, 120_000);
    expect({ code: run.code, crashed: crashed(run) }).toEqual({ code: 0, crashed: false });
    expect(run.stdout.split('\n').filter((line) => line.endsWith('Forlag.')).length).toBe(1000);
    expect(run.stderr).toContain(
      '(bib-name-variants) ×999 times: The same person seems to be spelled two ways in different entries.\n',
    );
    expect(run.stderr).toContain('\nReference list: 0 errors, 999 warnings, 0 notes on form.\n');
    // 500 works of one first author and year are more than a list can tell apart: refused before formatting.
    const sameName = Array.from(
      { length: 500 },
      (_, index) =>
        `@book{h${index}, author = {Hansen, Ola${index}}, title = {Bok ${index}}, year = {2020}}`,
    );
    write(work, 'same-name.bib', sameName.join('\n'));
    expect(litsynth(['bib', '--bib', 'same-name.bib', '--all'], work)).toEqual(
      refused(
        'same-name.bib:1: 500 works have the same first author and year (Hansen, 2020); a reference list can tell at most 100 apart.',
      ),
    );
  });

  test('50,000 entries are refused before they are parsed, naming the file', () => {
    write(work, 'library.yaml', manyEntriesYaml(50_000));
    expect(litsynth(['bib', '--bib', 'library.yaml'], work)).toEqual(
      refused(
        'library.yaml: the bibliography has 50,000 entries; the limit is 1,000 per file (export the works the thesis cites)',
      ),
    );
  });

  test('a YAML alias bomb in a bibliography or study.yaml is refused, naming the file', () => {
    write(
      work,
      'bomb.yaml',
      `- id: bomb\n  type: book\n  x-laughs:\n${aliasBombYaml().replace(/^/gm, '    ').trimEnd()}\n`,
    );
    expect(litsynth(['bib', '--bib', 'bomb.yaml'], work)).toEqual(
      refused('bomb.yaml: the YAML aliases (*name) expand to too much data (a "billion laughs"?)'),
    );
    write(
      work,
      'study.yaml',
      `id: bomb\ntitle: Bombe\nquestion: Hva?\nmanuscript: one-line.txt\n${aliasBombYaml()}`,
    );
    expect(litsynth(['check', '.'], work)).toEqual(
      refused(
        'study.yaml: study.yaml uses YAML aliases (*name) that expand to too much data (a "billion laughs"?).',
      ),
    );
  });
});
