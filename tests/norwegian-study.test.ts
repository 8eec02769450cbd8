import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bin, root } from './litsynth-cli.js';

// A Norwegian nursing student's first study, as the issue walked it: `init`, `add` from a Zotero
// (Better BibTeX) export, then everything written in Norwegian only — findings, characteristics,
// concepts, coding — with the Norwegian field names and relations. It must build with every
// concept and every finding in the matrix, and nothing dropped.

/** Runs litsynth as a student with a Norwegian locale would. */
function litsynth(args: readonly string[], cwd: string) {
  const env = { ...process.env, LANG: 'nb_NO.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The findings of a record, written where add's example says, above its comment. */
async function writeFindings(
  file: string,
  characteristics: string,
  findings: string,
): Promise<void> {
  const text = await readFile(file, 'utf8');
  await writeFile(
    file,
    text
      .replace(/characteristics:\n(?: {2}\w+: ukjent\n)+/, `characteristics:\n${characteristics}`)
      .replace(
        'Skriv et kort sammendrag av artikkelen med egne ord.',
        'Artikkelen handler om brukermøter i Nav.',
      )
      .replace('## Funn\n', `## Funn\n\n${findings}\n`),
  );
}

const concepts = `teorier:
  - id: relasjon
    navn: Relasjonsteori
    kilde: eideeide2017
    begreper:
      - id: tillit
        navn: Tillit
        definisjon: Å våge å gi seg over i den andres hender.
        side: 44
        ordformer: [tillit*]
      - id: relasjonskompetanse
        navn: Relasjonskompetanse
        definisjon: { nb: Evnen til å forstå og samhandle med brukeren på en god måte. }
        ordformer: [relasjonskompetanse]
      - id: makt
        navn: Makt
        definisjon: Hjelperens overtak i møtet med den som trenger hjelp.
        ordformer: [makt, maktubalanse, avmakt]
`;

const coding = `berg2021-tillit:
  - begrep: tillit
    relasjon: støtter
    merknad: Drøftet i 5.1.
berg2021-tid:
  - begrep: tillit
    relasjon: nyanserer
  - begrep: relasjonskompetanse
    relasjon: støtter
sorensen2020-kompetanse:
  - { begrep: relasjonskompetanse, relasjon: støtter }
dahl2019-makt:
  - { begrep: makt, relasjon: støtter }
  - { begrep: tillit, relasjon: utfordrer }
`;

const references = `- id: eideeide2017
  type: book
  title: Kommunikasjon i relasjoner
  author:
    - { family: Eide, given: Hilde }
    - { family: Eide, given: Tom }
  issued: { date-parts: [[2017]] }
  edition: 3
  publisher: Gyldendal Akademisk
  verification:
    status: verified
    evidence: [tittelsiden i boka]
    notes: []
`;

const manuscript = `# 1.0 Innledning

Tillit er grunnlaget for god hjelp i Nav (Eide & Eide, 2017, s. 44).

# 2.0 Metode

Oppgaven er en litteraturstudie med tre artikler.

# 3.0 Resultater

Berg og Lie (2021) fant at brukerne la vekt på tillit til veilederen. Sørensen et al. (2020)
beskriver relasjonskompetanse hos veiledere, og Dahl (2019) viser hvordan makt preger møtet.

# 4.0 Teori

Eide og Eide (2017) beskriver tillit, relasjonskompetanse og makt i hjelperelasjonen.

# 5.0 Drøfting

Tillit tar tid å bygge, og relasjonskompetanse hos veilederen gjør det lettere (Berg & Lie, 2021).

Veiledere med relasjonskompetanse bygger bedre relasjoner (Sørensen et al., 2020).

Maktubalansen i møtet kan svekke tilliten (Dahl, 2019).

# 6.0 Avslutning

Relasjonen betyr mye.

# Litteraturliste

Berg, K. & Lie, O. (2021). Tillit i møte med Nav: en kvalitativ studie av brukeres erfaringer. *Tidsskrift for velferdsforskning*, *24*(2), 112–127. https://doi.org/10.18261/tfv.2021.02.03

Dahl, E. (2019). Makt og avmakt i brukermøtet. *Tidsskrift for psykisk helsearbeid*, *9*(3), 201–212.

Eide, H. & Eide, T. (2017). *Kommunikasjon i relasjoner* (3. utg.). Gyldendal Akademisk.

Sørensen, M., Hagen, P. & Nilsen, A. (2020). Relasjonskompetanse hos veiledere i Nav. *Fontene forskning*, *13*(1), 45–58. https://example.org/fontene/2020/sorensen
`;

describe('a Norwegian-only study made with init and add from a Zotero export', () => {
  it('builds with every concept and every finding in the matrix', async () => {
    const work = await mkdtemp(join(tmpdir(), 'litsynth-norsk-'));
    const study = join(work, 'studie');
    expect(litsynth(['init', 'studie'], work)).toMatchObject({ code: 0, stderr: '' });
    await writeFile(
      join(work, 'zotero.bib'),
      await readFile(join(root, 'tests/fixtures/norwegian-study/zotero.bib'), 'utf8'),
    );

    const added = litsynth(['add', 'studie', 'zotero.bib'], work);
    expect(added).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        '3 ny(e) kildepost(er) av 3 oppføring(er) i zotero.bib:',
        '  + studie/sources/berg2021.md',
        '  + studie/sources/sorensen2020.md',
        '  + studie/sources/dahl2019.md',
        '',
        'Ført opp under included i study.yaml: berg2021, sorensen2020, dahl2019 (bruk --not-included for å la være).',
        'Fyll inn kjennetegn og funn i kildepostene (se eksempelet nederst i hver post).',
        '',
      ].join('\n'),
    });
    // Sørensen from "S{\o}rensen"; the record speaks Norwegian.
    const sorensen = await readFile(join(study, 'sources/sorensen2020.md'), 'utf8');
    expect(sorensen).toContain('family: Sørensen');
    expect(sorensen).toContain('# Sørensen mfl. (2020)');

    const studyYaml = join(study, 'study.yaml');
    await writeFile(
      studyYaml,
      (await readFile(studyYaml, 'utf8'))
        .replace('title: Tittel på oppgaven (fyll inn)', 'title: Tillit i møte med Nav')
        .replace(
          'question: Problemstillingen (fyll inn)',
          'question: Hvordan kan veiledere i Nav bygge tillit hos brukerne?',
        ),
    );
    await writeFile(join(study, 'sources/references.yaml'), references);
    await writeFile(join(study, 'concepts.yaml'), concepts);
    await writeFile(join(study, 'coding.yaml'), coding);
    await writeFindings(
      join(study, 'sources/berg2021.md'),
      '  aim: { nb: Å undersøke hvordan brukere beskriver tillit til veilederen }\n  design: Kvalitativ\n  dataCollection: Intervjuer\n  participants: 12 brukere\n  setting: Nav-kontorer\n  country: Norge\n  peerReviewed: true\n',
      '### Tillit til veilederen {#berg2021-tillit page=118}\n\nnb: Brukerne la vekt på at de kunne stole på veilederen.\n\n### Tillit tar tid {#berg2021-tid page=121}\n\nnb: Tilliten vokste over flere møter med den samme veilederen.\n',
    );
    await writeFindings(
      join(study, 'sources/sorensen2020.md'),
      '  aim: Å beskrive relasjonskompetanse hos veiledere\n  design: Kvalitativ\n  dataCollection: Fokusgrupper\n  participants: 18 veiledere\n  setting: Nav\n  country: Norge\n  peerReviewed: ukjent\n',
      '### Kompetanse i møtet {#sorensen2020-kompetanse}\n\nnb: Veilederne beskrev relasjonskompetanse som noe de lærte i praksis.\n',
    );
    await writeFindings(
      join(study, 'sources/dahl2019.md'),
      '  aim: Å undersøke makt i brukermøter\n  design: Kvalitativ\n  dataCollection: Observasjon\n  participants: ukjent\n  setting: Nav\n  country: Norge\n  peerReviewed: true\n',
      '### Makt i møtet {#dahl2019-makt page=205}\n\nnb: Brukerne opplevde at veilederen hadde makten i samtalen.\n',
    );

    await writeFile(join(study, 'manuscript.md'), manuscript);

    const built = litsynth(['build', 'studie'], work);
    expect({ code: built.code, stderr: built.stderr }).toEqual({ code: 0, stderr: '' });
    const summary = built.stdout.split('\n');
    expect(
      summary.filter((line) => /^ {2}(Kildeposter|Begreper|Koding|Matrise):/.test(line)),
    ).toEqual([
      '  Kildeposter: 3 artikler, 4 funn; 0 feil, 0 advarsler, 0 merknader (studie/out/check.txt)',
      '  Begreper: 3 begreper i 1 teorier; 0 feil, 0 advarsler, 0 merknader (studie/out/report.html)',
      '  Koding: 6 koblinger; 0 feil, 0 advarsler, 0 merknader (studie/out/report.html)',
      '  Matrise: 4 av 4 funn og 3 av 3 begreper i matrisen; 0 feil, 0 advarsler, 0 merknader (studie/out/report.html)',
    ]);
    expect(summary).not.toContain('  Mangler ennå:');
    expect(summary[2]).toBe(
      '  Kildesjekk: 8 henvisninger, 0 feil, 0 advarsler, 0 merknader om form (studie/out/check.txt)',
    );

    // The matrix holds every finding and every concept, in Norwegian only.
    const matrix = JSON.parse(await readFile(join(study, 'out/matrix.json'), 'utf8')) as {
      concepts: string[];
      matrix: {
        findings: Array<{ findingId: string; links: unknown[] }>;
        gaps: { conceptsWithoutFindings: string[]; findingsWithoutConcepts: unknown[] };
      };
    };
    expect(matrix.concepts).toEqual(['tillit', 'relasjonskompetanse', 'makt']);
    expect(
      matrix.matrix.findings.map((finding) => [finding.findingId, finding.links.length]),
    ).toEqual([
      ['berg2021-tillit', 1],
      ['berg2021-tid', 2],
      ['sorensen2020-kompetanse', 1],
      ['dahl2019-makt', 2],
    ]);
    expect(matrix.matrix.gaps).toEqual({
      conceptsWithoutFindings: [],
      findingsWithoutConcepts: [],
    });
    // No problem in the records, concepts or coding the student wrote (add's own example included).
    const check = JSON.parse(await readFile(join(study, 'out/check.json'), 'utf8')) as {
      diagnostics: Array<{ rule: string; file: string }>;
    };
    expect(
      check.diagnostics.filter((diagnostic) =>
        /^(source-record|concepts|coding)-/.test(diagnostic.rule),
      ),
    ).toEqual([]);
    // A Norwegian study's tables split in Norwegian Excel.
    const csv = await readFile(join(study, 'out/tables/article-matrix.csv'), 'utf8');
    expect(csv.split('\n')[0]?.split(';').length).toBeGreaterThan(4);
    expect(
      (await readFile(join(study, 'out/report.html'), 'utf8')).startsWith(
        '<!doctype html><html lang="nb">',
      ),
    ).toBe(true);

    // In English, what was written in Norwegian only shows as it is, marked.
    const english = litsynth(['build', 'studie', '--lang', 'en', '--out', join(work, 'en')], work);
    expect(english.code).toBe(0);
    const table = (await readFile(join(work, 'en/tables/discussion-tillit.md'), 'utf8')).split(
      '\n',
    );
    expect(table.filter((line) => line.startsWith('| Berg'))[1]).toBe(
      '| Berg and Lie (2021) | Tillit tar tid (nb): Tilliten vokste over flere møter med den samme veilederen. (nb) (p. 121) | nuances | Eide and Eide (2017) | 5.0, line 20 |',
    );
  });

  it('leaves study.yaml as it was with --not-included', async () => {
    const work = await mkdtemp(join(tmpdir(), 'litsynth-norsk-'));
    expect(litsynth(['init', 'studie'], work).code).toBe(0);
    const before = await readFile(join(work, 'studie/study.yaml'), 'utf8');
    await writeFile(
      join(work, 'zotero.bib'),
      await readFile(join(root, 'tests/fixtures/norwegian-study/zotero.bib'), 'utf8'),
    );
    const added = litsynth(['add', 'studie', 'zotero.bib', '--not-included'], work);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(
      'Ikke ført opp under included i study.yaml (--not-included): berg2021, sorensen2020, dahl2019.',
    );
    expect(await readFile(join(work, 'studie/study.yaml'), 'utf8')).toBe(before);
    expect(parse(before).included).toEqual([]);
  });
});
