import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'packages/cli/dist/bin.js');

function litsynth(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

const bibtex = `@article{Natland2019,
  author = {Natland, Sidsel and Bjerke, Erik and Torstensen, Tom B.},
  title = {Jeg fikk blankpusset håpet om at jeg hadde en framtid},
  journal = {Fontene forskning},
  year = {2019}
}

@article{lundberg,
  author = {Lundberg, Kjetil G. and Syltevik, Liv Johanne},
  title = {Everyday interaction at the front-line},
  journal = {Nordic Social Work Research},
  year = {2013}
}
`;

describe('litsynth init', () => {
  it('scaffolds a study whose study.yaml explains itself, and never overwrites', async () => {
    const work = await mkdtemp(join(tmpdir(), 'litsynth-init-'));
    const first = litsynth(['init', 'Min studie'], work);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const dir = join(work, 'Min studie');
    expect(await listFiles(dir)).toEqual([
      'coding.yaml',
      'concepts.yaml',
      'manuscript.md',
      'sources/README.md',
      'sources/references.yaml',
      'study.yaml',
    ]);
    const studyYaml = await readFile(join(dir, 'study.yaml'), 'utf8');
    const config = parse(studyYaml);
    expect(config).toMatchObject({
      id: 'min-studie',
      language: 'nb',
      style: 'norsk-apa-manual',
      locale: 'nb-NO',
      manuscript: 'manuscript.md',
      sourcesDir: 'sources',
      included: [],
      concepts: 'concepts.yaml',
      coding: 'coding.yaml',
    });
    // Every top-level field has a comment right above it (or above its group).
    const lines = studyYaml.split('\n');
    for (const [index, line] of lines.entries()) {
      if (
        /^[a-zA-Z]+:/.test(line) &&
        lines[index - 1]?.trim() !== '' &&
        !lines[index - 1]?.startsWith('#')
      ) {
        expect(
          lines.slice(Math.max(0, index - 2), index).some((previous) => previous.startsWith('#')),
        ).toBe(true);
      }
    }
    expect(parse(await readFile(join(dir, 'concepts.yaml'), 'utf8'))).toEqual({ theories: [] });
    expect(parse(await readFile(join(dir, 'coding.yaml'), 'utf8'))).toEqual({});

    const again = litsynth(['init', 'Min studie'], work);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      'litsynth: Min studie/study.yaml: Denne mappen har allerede en study.yaml; ingenting ble endret.\n',
    );
    expect(await readFile(join(dir, 'study.yaml'), 'utf8')).toBe(studyYaml);
  });

  it('keeps the files a folder already has', async () => {
    const work = await mkdtemp(join(tmpdir(), 'litsynth-init-'));
    await mkdir(join(work, 'thesis'));
    await writeFile(join(work, 'thesis', 'concepts.yaml'), '- id: mine\n');
    const result = litsynth(['init', 'thesis', '--lang', 'en'], work);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('= concepts.yaml (already there, not changed)');
    expect(await readFile(join(work, 'thesis', 'concepts.yaml'), 'utf8')).toBe('- id: mine\n');
    expect(parse(await readFile(join(work, 'thesis', 'study.yaml'), 'utf8'))).toMatchObject({
      language: 'en',
      style: 'apa',
      locale: 'en-US',
    });
  });
});

describe('litsynth add', () => {
  it('creates one record skeleton per entry, and skips records that exist', async () => {
    const work = await mkdtemp(join(tmpdir(), 'litsynth-add-'));
    expect(litsynth(['init', 'study'], work).code).toBe(0);
    await writeFile(join(work, 'articles.bib'), bibtex);

    const first = litsynth(['add', 'study', 'articles.bib', '--lang', 'en'], work);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      [
        '2 new source record(s) from 2 entries in articles.bib:',
        '  + study/sources/natland2019.md',
        '  + study/sources/lundberg2013.md',
        '',
        'Listed under included in study.yaml: natland2019, lundberg2013 (use --not-included to leave them out).',
        'Fill in the characteristics and findings of the records (see the example at the end of each).',
        '',
      ].join('\n'),
    );
    // Only the list changed in study.yaml: every comment is still there.
    const studyYaml = await readFile(join(work, 'study/study.yaml'), 'utf8');
    expect(parse(studyYaml).included).toEqual(['natland2019', 'lundberg2013']);
    expect(studyYaml.split('\n').filter((line) => line.startsWith('#')).length).toBeGreaterThan(20);
    const record = await readFile(join(work, 'study/sources/natland2019.md'), 'utf8');
    const frontmatter = parse(record.split('---\n')[1] ?? '');
    expect(frontmatter).toEqual({
      id: 'natland2019',
      entry: {
        type: 'article-journal',
        title: 'Jeg fikk blankpusset håpet om at jeg hadde en framtid',
        'container-title': 'Fontene forskning',
        author: [
          { family: 'Natland', given: 'Sidsel' },
          { family: 'Bjerke', given: 'Erik' },
          { family: 'Torstensen', given: 'Tom B.' },
        ],
        issued: { 'date-parts': [[2019]] },
        verification: {
          status: 'unverified',
          evidence: [],
          notes: [
            {
              nb: 'Laget med litsynth add fra articles.bib (linje 1); ingen opplysning er ennå kontrollert mot artikkelen.',
              en: 'Created with litsynth add from articles.bib (line 1); no field has been confirmed against the article yet.',
            },
          ],
        },
      },
      characteristics: {
        aim: 'unknown',
        design: 'unknown',
        dataCollection: 'unknown',
        participants: 'unknown',
        setting: 'unknown',
        country: 'unknown',
        peerReviewed: 'unknown',
      },
    });
    expect(record).toContain('# Natland et al. (2019)');
    // Editors find the record schema through the comment on the first line.
    const schema = /^# yaml-language-server: \$schema=(.+)$/.exec(record.split('\n')[1] ?? '')?.[1];
    expect(
      schema && JSON.parse(await readFile(join(work, 'study/sources', schema), 'utf8')).title,
    ).toBe('litsynth source record frontmatter');

    await writeFile(join(work, 'study/sources/lundberg2013.md'), 'my own notes\n');
    const again = litsynth(['add', 'study', 'articles.bib'], work);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      '= study/sources/lundberg2013.md finnes fra før og ble ikke endret (articles.bib:8)',
    );
    expect(again.stdout).toContain('Står allerede under included: natland2019, lundberg2013.');
    expect(await readFile(join(work, 'study/study.yaml'), 'utf8')).toBe(studyYaml);
    expect(await readFile(join(work, 'study/sources/lundberg2013.md'), 'utf8')).toBe(
      'my own notes\n',
    );
    expect(await readFile(join(work, 'study/sources/natland2019.md'), 'utf8')).toBe(record);
  });

  it('makes records that a build reads, from RIS too', async () => {
    const work = await mkdtemp(join(tmpdir(), 'litsynth-add-'));
    expect(litsynth(['init', 'study'], work).code).toBe(0);
    await writeFile(
      join(work, 'article.ris'),
      'TY  - JOUR\nAU  - Røkenes, Odd Harald\nAU  - Hanssen, Per-Halvard\nTI  - Bære eller briste\nT2  - Tidsskrift\nPY  - 2012\nER  - \n',
    );
    const added = litsynth(['add', 'study', 'article.ris', '--lang', 'en'], work);
    expect(added.code).toBe(0);
    expect(added.stdout.split('\n')[1]).toBe('  + study/sources/rokenes2012.md');
    // add listed the record under included: the study builds with it as it is.
    expect(parse(await readFile(join(work, 'study/study.yaml'), 'utf8')).included).toEqual([
      'rokenes2012',
    ]);

    const built = litsynth(['build', 'study', '--quiet'], work);
    expect(built).toEqual({ code: 0, stdout: '', stderr: '' });
    const check = JSON.parse(await readFile(join(work, 'study/out/check.json'), 'utf8')) as {
      diagnostics: Array<{ rule: string; file: string }>;
    };
    // The skeleton is a valid record: it only lacks the findings the student is to write.
    expect(
      check.diagnostics
        .filter((diagnostic) => diagnostic.file.endsWith('rokenes2012.md'))
        .map((diagnostic) => diagnostic.rule)
        .sort(),
    ).toEqual(['source-record-no-findings', 'uncited-entry']);
  });

  it('refuses a folder that is not a study and a file that is not a bibliography', async () => {
    const work = await mkdtemp(join(tmpdir(), 'litsynth-add-'));
    await writeFile(join(work, 'articles.bib'), bibtex);
    const notStudy = litsynth(['add', '.', 'articles.bib'], work);
    expect(notStudy.code).toBe(2);
    expect(notStudy.stderr).toBe(
      'litsynth: .: Ikke en studiemappe: den har ingen study.yaml (lag en med litsynth init).\n',
    );
    expect(litsynth(['init', 'study'], work).code).toBe(0);
    await writeFile(join(work, 'notes.txt'), 'hello');
    const wrongFormat = litsynth(['add', 'study', 'notes.txt', '--lang', 'en'], work);
    expect(wrongFormat.code).toBe(2);
    expect(wrongFormat.stderr).toMatch(/^litsynth: notes\.txt: unknown bibliography format/);
    expect(await listFiles(join(work, 'study/sources'))).toEqual(['README.md', 'references.yaml']);
  });
});
