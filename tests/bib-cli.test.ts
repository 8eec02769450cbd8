import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `litsynth bib` end to end: the built CLI on the real study and on the clean fixture thesis.
const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'packages/cli/dist/bin.js');
const cache = mkdtempSync(join(tmpdir(), 'litsynth-bib-cache-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

function litsynth(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LITSYNTH_CACHE_DIR: cache } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('litsynth bib', () => {
  it('prints the clean thesis list in Norwegian APA 7, same-year works with a and b', () => {
    const run = litsynth(['bib', 'tests/fixtures/clean-thesis', '--format', 'text']);
    expect(run.code).toEqual(0);
    const lines = run.stdout.split('\n').filter((line) => line.startsWith('Skau') || line.startsWith('Dalland'));
    expect(lines).toEqual([
      'Dalland, O. (2017). Metode og oppgaveskriving. Gyldendal Akademisk.',
      'Skau, G. M. (2017a). Gode fagfolk vokser. Cappelen Damm Akademisk.',
      'Skau, G. M. (2017b). Makt og hjelp. I Sosialt arbeid.',
    ]);
  });

  it('lists every cited work of the NAV study, marks the unverified ones and explains them', () => {
    const run = litsynth(['bib', 'studies/nav-relasjon']);
    expect(run.code).toEqual(0);
    const entries = run.stdout.split('\n## ')[0]!.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(entries.length).toBeGreaterThanOrEqual(40);
    expect(entries).toContain('Levin, I. (2004). *Hva er sosialt arbeid*. Universitetsforlaget.');
    expect(entries).toContain('Tufte. (2011). [ikke verifisert]');
    expect(entries.filter((line) => line.startsWith('SNL.'))).toEqual([
      'SNL. (2018a). bruker. I *Store norske leksikon*. [ikke verifisert]',
      'SNL. (2018b). sosialarbeider. I *Store norske leksikon*. [ikke verifisert]',
    ]);
    expect(run.stdout).toContain('## Referanser som ikke er fullt verifisert');
  });

  it('writes --out atomically, in HTML with hanging indent, and says so on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'litsynth-bib-out-'));
    try {
      const out = join(dir, 'liste.html');
      const run = litsynth(['bib', '--bib', 'tests/fixtures/clean-thesis/references.yaml', '--format', 'html', '--out', out, '--lang', 'en']);
      expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 0, stdout: '' });
      expect(run.stderr).toMatch(/^litsynth: wrote \d+ references to /);
      const html = readFileSync(out, 'utf8');
      expect(html.startsWith('<h2>References</h2>\n<div class="csl-bib-body" style="line-height: 2;">')).toBe(true);
      expect(html).toContain('style="padding-left: 2em; text-indent: -2em;"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the integrity problems of the listed entries on stderr, as litsynth check prints its own, and keeps stdout the list', () => {
    const run = litsynth(['bib', 'tests/fixtures/clean-thesis', '--format', 'text', '--lang', 'en']);
    expect(run.code).toEqual(0);
    expect(run.stdout).not.toContain('bib-');
    expect(run.stderr).toEqual(
      [
        'Check of the reference list',
        '',
        'Warnings (9)',
        '',
        'bib-missing-field ×9 times: A field APA 7 requires for this kind of work is missing (journal, volume and pages; publisher; editors, book title and pages for chapters; publisher for reports; URL and date for web pages).',
        '    tests/fixtures/clean-thesis/references.yaml, lines 14, 20, 32, 38, 43, 48, 53, 58, 63',
        '    for example:',
        '      14: Lundberg & Syltevik (2013) — Lundberg & Syltevik (2013) (article-journal) lacks volume, pages (or article number).',
        '      20: Natland et al. (2019) — Natland et al. (2019) (article-journal) lacks volume, pages (or article number).',
        '      32: Skau (2017) — Skau (2017) (chapter) lacks editor(s), pages, publisher.',
        '      38: Arbeids- og velferdsdirektoratet (2017) — Arbeids- og velferdsdirektoratet (2017) (report) lacks publisher (institution).',
        '      43: Melberg (2017) — Melberg (2017) (book) lacks publisher.',
        '      48: van Dijk (2012) — van Dijk (2012) (book) lacks publisher.',
        '      53: Fellesorganisasjonen (2015) — Fellesorganisasjonen (2015) (report) lacks publisher (institution).',
        '      58: Honneth (2008) — Honneth (2008) (book) lacks publisher.',
        '',
        'Notes on form (4)',
        '',
        'tests/fixtures/clean-thesis/references.yaml',
        '    14:1  The journal article Lundberg & Syltevik (2013) has no DOI; add it if the article has one.  bib-missing-doi',
        '    20:1  The journal article Natland et al. (2019) has no DOI; add it if the article has one.  bib-missing-doi',
        '    26:1  Several works by Skau from 2017: skau2017a is cited as Skau (2017a).  bib-author-year-collision',
        '    32:1  Several works by Skau from 2017: skau2017b is cited as Skau (2017b).  bib-author-year-collision',
        '',
        'Reference list: 0 errors, 9 warnings, 4 notes on form.',
        '',
      ].join('\n'),
    );
  });

  it('names the NAV study entries that lack fields and the book cited under two edition years, with file and line', () => {
    const run = litsynth(['bib', 'studies/nav-relasjon', '--out', join(cache, 'nav.md')]);
    expect(run.code).toEqual(0);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toMatch(/^litsynth: skrev \d+ referanser til /);
    expect(lines[1]).toEqual('Sjekk av referanselisten');
    expect(lines).toContain('    494:1  «Gode fagfolk vokser» finnes under flere år: skau2013 (2013), skau2017 (2017).  bib-edition-years');
    expect(lines).toContain('bib-missing-field ×5 ganger: En opplysning APA 7 krever for denne typen verk mangler (tidsskrift, årgang og sider; forlag; redaktører, boktittel og sider for kapitler; utgiver for rapporter; URL og dato for nettsider).');
    expect(lines).toContain('    sources/references.yaml, linje 479, 494');
    expect(lines.at(-2)).toMatch(/^Referanseliste: 0 feil, \d+ advarsler, \d+ merknader om form\.$/);
  });

  it('exits 1 for an error in an entry (an invalid DOI), still printing the list; --all adds the uncited entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'litsynth-bib-doi-'));
    try {
      const file = join(dir, 'refs.yaml');
      writeFileSync(
        file,
        [
          '- id: hansen2020',
          '  type: book',
          '  title: Relasjoner i NAV',
          '  author: [{ family: Hansen, given: Kari }]',
          '  issued: { date-parts: [[2020]] }',
          '  publisher: Universitetsforlaget',
          '  DOI: "not a doi"',
          '',
        ].join('\n'),
      );
      const run = litsynth(['bib', '--bib', file, '--format', 'text', '--lang', 'en']);
      expect(run.code).toEqual(1);
      expect(run.stdout).toContain('Hansen, K. (2020). Relasjoner i NAV. Universitetsforlaget.');
      expect(run.stderr).toMatch(/^Check of the reference list\n\nErrors \(1\)\n\n.*refs\.yaml\n {4}1:1 {2}.+ {2}bib-doi-invalid\n/);
      expect(run.stderr).toMatch(/\nReference list: 1 errors, 0 warnings, 0 notes on form\.\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const cited = litsynth(['bib', 'studies/nav-relasjon', '--out', join(cache, 'cited.md')]);
    const all = litsynth(['bib', 'studies/nav-relasjon', '--all', '--out', join(cache, 'all.md')]);
    const count = (stderr: string) => Number(/Referanseliste: \d+ feil, (\d+) advarsler/.exec(stderr)?.[1]);
    expect(count(all.stderr)).toBeGreaterThanOrEqual(count(cited.stderr));
  });

  it('exits 2 with a message for a missing study and for no input at all', () => {
    expect(litsynth(['bib', 'no-such-study'])).toMatchObject({ code: 2, stdout: '' });
    const none = litsynth(['bib', '--lang', 'en']);
    expect({ code: none.code, stderr: none.stderr }).toEqual({ code: 2, stderr: 'litsynth: give a study folder or at least one --bib file\n' });
  });
});
