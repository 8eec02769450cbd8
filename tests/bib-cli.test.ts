import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `litsynth bib` end to end: the built CLI on the real study and on the clean fixture thesis.
const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'packages/cli/dist/bin.js');
const cache = mkdtempSync(join(tmpdir(), 'litsynth-bib-cache-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

function litsynth(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LITSYNTH_CACHE_DIR: cache },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('litsynth bib', () => {
  it('prints the clean thesis list in Norwegian APA 7: complete entries only, same-year works keep a and b', () => {
    const run = litsynth(['bib', 'tests/fixtures/clean-thesis', '--format', 'text']);
    expect(run.code).toEqual(0);
    expect(run.stdout).toEqual(
      [
        'Litteraturliste',
        '',
        'Dalland, O. (2017). Metode og oppgaveskriving. Gyldendal Akademisk.',
        '',
        'Eide, H. & Eide, T. (2016). Kommunikasjon i relasjoner. Gyldendal Akademisk.',
        '',
        'Skau, G. M. (2017a). Gode fagfolk vokser. Cappelen Damm Akademisk.',
        '',
      ].join('\n'),
    );
    // The chapter lacks editors, pages and publisher: in the to-do, still as 2017b.
    expect(
      run.stderr.split('\n').filter((line) => line.startsWith('  Mal') && line.includes('Skau')),
    ).toEqual([
      '  Mal: Skau, G. M. (2017b). Makt og hjelp. I [Redaktører] (Red.), Sosialt arbeid (s. [sider]). [Forlag].',
    ]);
  });

  it('prints the NAV study list with no stub and no marker; the to-do lists every incomplete entry with a template', () => {
    const run = litsynth(['bib', 'studies/nav-relasjon']);
    expect(run.code).toEqual(0);
    expect(run.stdout).toEqual(
      [
        '# Litteraturliste',
        '',
        'Arbeids- og sosialdepartementet. (2016). *NAV i en ny tid – for arbeid og aktivitet* (Meld. St. 33 (2015–2016)). https://www.regjeringen.no/no/dokumenter/meld.-st.-33-20152016/id2501017/',
        '',
        'Dalland, O. (2017). *Metode og oppgaveskriving*. Gyldendal Akademisk.',
        '',
        'Eide, S. B. & Skorstad, B. (2013). *Etikk – til refleksjon og handling i sosialt arbeid* (3. utg.). Gyldendal Akademisk.',
        '',
        'Ekspertgruppen for gjennomgang av NAV. (2015). *Et NAV med muligheter: Bedre brukermøter, større handlingsrom og tettere på arbeidsmarkedet* [Sluttrapport fra ekspertgruppen (leder: Sigrun Vågeng)]. Arbeids- og sosialdepartementet. https://www.regjeringen.no/no/dep/asd/org/nemnder-styrer-rad-og-utvalg/midlertidige-nemnder-rad-og-utvalg/Ekspertutvalget-som-skal-gjennomga-NAV/id753789/',
        '',
        // "Berg et al. (2015)" resolves to the edited book, the one fully verified entry of it.
        'Ellingsen, I. T., Levin, I., Berg, B. & Kleppe, L. C. (Red.). (2015). *Sosialt arbeid: En grunnbok*. Universitetsforlaget.',
        '',
        'Jenssen, A. G. (2009). *Brukermedvirkning i sosialtjenesten: En studie av sosialarbeidernes perspektiv* [Doktorgradsavhandling]. Norges teknisk-naturvitenskapelige universitet.',
        '',
        'Levin, I. (2004). *Hva er sosialt arbeid*. Universitetsforlaget.',
        '',
      ].join('\n'),
    );
    // The to-do on stderr: one block per entry kept out (a heading, then indented lines), each with
    // its place, what it lacks or what to confirm, and a template.
    const todo = run.stderr.split('\nSjekk av referanselisten\n')[0]!;
    const blocks = todo.split(/\n(?=\S)/).filter((block) => /^ {2}sources\//m.test(block));
    expect(blocks.length).toEqual(37);
    for (const block of blocks) {
      expect(block).toMatch(/\n {2}sources\/[\w.]+, linje \d+/);
      expect(block).toMatch(/\n {2}(Mangler|Bekreft): /);
      expect(block).toMatch(/\n {2}Mal( \([^)]+\))?: /);
    }
    const lines = todo.split('\n');
    // A year the tool does not know is missing, never "u.å."; the years one work is cited under are asked about.
    expect(
      blocks
        .map((block) => block.split('\n')[0])
        .filter((heading) => heading!.includes('år mangler')),
    ).toEqual([
      'Arbeids- og velferdsdirektoratet (år mangler)',
      'Liseth & Tellemann (år mangler)',
      'Riis-Johansen et al. (år mangler)',
    ]);
    expect(lines).toContain(
      '  Sitert under flere år: 2018 (linje 560, 576, 586, 1669), 2020 (linje 1504, 1529, 1541). Er det samme verk i ulike utgaver? Oppgi utgaven du har lest, med dens år, overalt.',
    );
    expect(lines).toContain(
      '  Mulig treff – bekreft: Helsedirektoratet. (u.å.). Brukermedvirkning. Hentet [dato], fra https://www.helsedirektoratet.no/tema/brukermedvirkning (Helsedirektoratets temaside, som endres over tid og ikke viser noen dato; oppgi datoen du leste den)',
    );
    expect(lines).toContain('  Mal: SNL. (2018b). Sosialarbeider. I Store norske leksikon. [URL]');
    expect(run.stdout).not.toContain('u.å.');
  });

  it('--final refuses the list (exit 1, nothing on stdout, no file) while an entry is incomplete, and names them', () => {
    const out = join(cache, 'final.md');
    const run = litsynth([
      'bib',
      'tests/fixtures/clean-thesis',
      '--final',
      '--out',
      out,
      '--lang',
      'en',
    ]);
    expect({ code: run.code, stdout: run.stdout, written: existsSync(out) }).toEqual({
      code: 1,
      stdout: '',
      written: false,
    });
    expect(run.stderr.split('\n').slice(0, 11)).toEqual([
      'litsynth: the reference list is not complete: 9 references lack data and are kept out of it:',
      '  Arbeids- og velferdsdirektoratet (2017) (tests/fixtures/clean-thesis/references.yaml, line 38)',
      '  Fellesorganisasjonen (2015) (tests/fixtures/clean-thesis/references.yaml, line 53)',
      '  Honneth (2008) (tests/fixtures/clean-thesis/references.yaml, line 58)',
      '  Lundberg & Syltevik (2013) (tests/fixtures/clean-thesis/references.yaml, line 14)',
      '  Melberg (2017) (tests/fixtures/clean-thesis/references.yaml, line 43)',
      '  Natland et al. (2019) (tests/fixtures/clean-thesis/references.yaml, line 20)',
      '  Skau (2017b) (tests/fixtures/clean-thesis/references.yaml, line 32)',
      '  Statistisk sentralbyrå (n.d.) (tests/fixtures/clean-thesis/references.yaml, line 63)',
      '  van Dijk (2012) (tests/fixtures/clean-thesis/references.yaml, line 48)',
      '',
    ]);
    const complete = join(cache, 'complete.yaml');
    writeFileSync(
      complete,
      '- {id: d, type: book, author: [{family: Dalland, given: Olav}], title: Metode, publisher: Gyldendal, issued: {date-parts: [[2017]]}}\n',
    );
    const passed = litsynth(['bib', '--bib', complete, '--final', '--format', 'text']);
    expect({ code: passed.code, stdout: passed.stdout, stderr: passed.stderr }).toEqual({
      code: 0,
      stdout: 'Litteraturliste\n\nDalland, O. (2017). Metode. Gyldendal.\n',
      stderr: '',
    });
  });

  it('writes --out atomically, in HTML with hanging indent, and says so on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'litsynth-bib-out-'));
    try {
      const out = join(dir, 'liste.html');
      const run = litsynth([
        'bib',
        '--bib',
        'tests/fixtures/clean-thesis/references.yaml',
        '--format',
        'html',
        '--out',
        out,
        '--lang',
        'en',
      ]);
      expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 0, stdout: '' });
      expect(run.stderr).toMatch(/^litsynth: wrote \d+ references to /);
      const html = readFileSync(out, 'utf8');
      expect(
        html.startsWith('<h2>References</h2>\n<div class="csl-bib-body" style="line-height: 2;">'),
      ).toBe(true);
      expect(html).toContain('style="padding-left: 2em; text-indent: -2em;"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the to-do and then the other problems of the listed entries on stderr, as litsynth check prints its own', () => {
    const run = litsynth([
      'bib',
      'tests/fixtures/clean-thesis',
      '--format',
      'text',
      '--lang',
      'en',
    ]);
    expect(run.code).toEqual(0);
    expect(run.stdout).not.toContain('bib-');
    const [todo, check] = run.stderr.split('Check of the reference list\n');
    expect(todo!.split('\n').slice(0, 10)).toEqual([
      'References to complete',
      '',
      'These 9 references are not in the reference list, because they lack data. Fill in what is missing at the line given, and make the list again.',
      '',
      'Arbeids- og velferdsdirektoratet (2017)',
      '',
      '  tests/fixtures/clean-thesis/references.yaml, line 38',
      '',
      '  Missing: publisher (institution)',
      '  Template: Arbeids- og velferdsdirektoratet. (2017). Nav-kontorenes oppfølging. [Utgiver].',
    ]);
    // What the to-do says (missing fields, a missing DOI, the letter of an entry in it) is not said
    // again; the rest is, with file and line.
    expect(todo!.split('\n').filter((line) => line.includes('DOI'))).toEqual([
      '  Missing: volume; pages (or article number); DOI (if the article has one)',
      '  Missing: volume; pages (or article number); DOI (if the article has one)',
    ]);
    expect(check).toEqual(
      [
        '',
        'Notes on form (1)',
        '',
        'tests/fixtures/clean-thesis/references.yaml',
        '    26:1  Several works by Skau from 2017: "Gode fagfolk vokser" is cited as Skau (2017a).  bib-author-year-collision',
        '',
        'Reference list: 0 errors, 0 warnings, 1 notes on form.',
        '',
      ].join('\n'),
    );
  });

  it('names the NAV study book cited under two edition years by its lines in the to-do, and says it once, with the list written to --out', () => {
    const run = litsynth(['bib', 'studies/nav-relasjon', '--out', join(cache, 'nav.md')]);
    expect(run.code).toEqual(0);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toEqual(`litsynth: skrev 7 referanser til ${join(cache, 'nav.md')}`);
    expect(lines[1]).toEqual('Referanser som må fullføres');
    const skau = lines.indexOf('Skau (2017)');
    expect(lines.slice(skau, skau + 5)).toEqual([
      'Skau (2017)',
      '',
      '  sources/references.yaml, linje 611 · delvis verifisert',
      '',
      '  Mangler: forlag',
    ]);
    expect(lines[skau + 5]).toEqual(
      '  Sitert under flere år: 2013 (linje 1092, 1108, 1457), 2017 (linje 1860). Er det samme verk i ulike utgaver? Oppgi utgaven du har lest, med dens år, overalt.',
    );
    // The check of the list says only what the to-do does not: no DOI, letter or edition of an entry in the to-do.
    const check = lines.slice(lines.indexOf('Sjekk av referanselisten'));
    expect(
      check.filter((line) => /bib-(missing-doi|author-year-collision|edition-years)/.test(line)),
    ).toEqual([]);
    expect(lines.at(-2)).toMatch(
      /^Referanseliste: 0 feil, \d+ advarsler, \d+ merknader om form\.$/,
    );
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
      expect(run.stderr).toMatch(
        /^Check of the reference list\n\nErrors \(1\)\n\n.*refs\.yaml\n {4}1:1 {2}.+ {2}bib-doi-invalid\n/,
      );
      expect(run.stderr).toMatch(/\nReference list: 1 errors, 0 warnings, 0 notes on form\.\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const cited = litsynth(['bib', 'studies/nav-relasjon', '--out', join(cache, 'cited.md')]);
    const all = litsynth(['bib', 'studies/nav-relasjon', '--all', '--out', join(cache, 'all.md')]);
    const count = (stderr: string) =>
      Number(/Referanseliste: \d+ feil, (\d+) advarsler/.exec(stderr)?.[1]);
    expect(count(all.stderr)).toBeGreaterThanOrEqual(count(cited.stderr));
  });

  it('exits 2 with a message for a missing study and for no input at all', () => {
    expect(litsynth(['bib', 'no-such-study'])).toMatchObject({ code: 2, stdout: '' });
    const none = litsynth(['bib', '--lang', 'en']);
    expect({ code: none.code, stderr: none.stderr }).toEqual({
      code: 2,
      stderr: 'litsynth: give a study folder or at least one --bib file\n',
    });
  });
});
