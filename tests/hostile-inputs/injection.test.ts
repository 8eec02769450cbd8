import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  activeParts,
  cleanStudy,
  crashed,
  elementsOf,
  litsynth,
  parseHtml,
  snapshot,
  workFolder,
} from './helpers.js';

// 1. Script injection: a DOI or URL with quotes or markup must stay text in every HTML and
// Markdown output; only http(s) and doi: values become links.

let work: string;
let study: string;
// Complete entries (they are listed, not sent to the to-do), each with a hostile DOI or URL.
const journal = "'container-title': Tidsskrift, volume: '1', issue: '2', page: 3-4";
const hostileEntries = `
- { id: quote2020, type: article-journal, title: Sitat, author: [{ family: Quote, given: Ola }], issued: { date-parts: [[2020]] }, ${journal}, DOI: '10.1234/x"onmouseover="alert(1)' }
- { id: script2021, type: article-journal, title: Skript, author: [{ family: Script, given: Ola }], issued: { date-parts: [[2021]] }, ${journal}, DOI: '10.1234/<script>alert(2)</script>' }
- { id: breakout2022, type: webpage, title: Ut, author: [{ family: Breakout, given: Ola }], issued: { date-parts: [[2022]] }, 'container-title': Nettsted, URL: 'https://example.com/"><img src=x onerror=alert(3)>' }
- { id: noscheme2023, type: webpage, title: Uten, author: [{ family: Noscheme, given: Ola }], issued: { date-parts: [[2023]] }, 'container-title': Nettsted, URL: 'www.example.com/side' }
- { id: js2024, type: webpage, title: JS, author: [{ family: Js, given: Ola }], issued: { date-parts: [[2024]] }, 'container-title': Nettsted, URL: 'javascript:alert(4)' }
`;

beforeAll(() => {
  work = workFolder('injection');
  study = cleanStudy(work);
  writeFileSync(
    join(study, 'references.yaml'),
    readFileSync(join(study, 'references.yaml'), 'utf8') + hostileEntries,
  );
  const manuscript = readFileSync(join(study, 'manuscript.md'), 'utf8');
  writeFileSync(
    join(study, 'manuscript.md'),
    manuscript.replace(
      '## 1 Innledning\n\n',
      '## 1 Innledning\n\nSe (Quote, 2020; Script, 2021; Breakout, 2022; Noscheme, 2023; Js, 2024).\n\n',
    ),
  );
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('HTML and Markdown outputs keep hostile DOIs and URLs inert', () => {
  test('bib --format html: no handler, no script, links only to http(s); a URL without a scheme is no doi.org link', async () => {
    const before = snapshot(work);
    const run = litsynth(
      ['bib', '--bib', join(study, 'references.yaml'), '--all', '--format', 'html'],
      work,
    );
    expect({ code: run.code, crashed: crashed(run) }).toEqual({ code: 0, crashed: false });
    const tree = await parseHtml(run.stdout);
    expect(activeParts(tree)).toEqual([]);
    const links = elementsOf(tree)
      .filter((element) => element.tagName === 'a')
      .map((element) => element.properties?.href);
    expect(links).toEqual([
      'https://example.com/%22%3E%3Cimg%20src=x%20onerror=alert(3)%3E',
      'https://doi.org/10.1234/x%22onmouseover=%22alert(1)',
      'https://doi.org/10.1234/%3Cscript%3Ealert(2)%3C/script%3E',
    ]);
    expect(snapshot(work)).toEqual(before);
  });

  test('build: references.html and report.html run nothing; references.md holds no HTML', async () => {
    const run = litsynth(['build', study, '--out', join(work, 'out'), '--quiet'], work);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    for (const file of ['references.html', 'report.html']) {
      const tree = await parseHtml(readFileSync(join(work, 'out', file), 'utf8'));
      expect({ file, active: activeParts(tree) }).toEqual({ file, active: [] });
      // report.html has exactly its own pinned script.
      expect(elementsOf(tree).filter((element) => element.tagName === 'script').length).toBe(
        file === 'report.html' ? 1 : 0,
      );
    }
    const markdown = readFileSync(join(work, 'out', 'references.md'), 'utf8');
    // Markup only escaped (\\<script>), never raw.
    expect(markdown.match(/(?<!\\)<(?!https?:)[a-z/!]/gi)).toBeNull();
    expect(markdown.split('\n').filter((line) => /Noscheme|Js,/.test(line))).toEqual([
      'Js, O. (2024). *JS*. Nettsted. javascript:alert(4)',
      'Noscheme, O. (2023). *Uten*. Nettsted. www.example.com/side',
    ]);
  });
});
