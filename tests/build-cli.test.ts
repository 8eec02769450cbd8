import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, litsynth, root } from './litsynth-cli.js';

async function snapshot(dir: string): Promise<Map<string, { bytes: string; mtime: number }>> {
  const files = new Map<string, { bytes: string; mtime: number }>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length + 1), {
      bytes: await readFile(path, 'latin1'),
      mtime: (await stat(path)).mtimeMs,
    });
  }
  return files;
}

describe('litsynth build', () => {
  it('builds the real study, and a second run rewrites nothing', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'litsynth-build-')), 'out');
    const first = litsynth(['build', 'studies/nav-relasjon', '--out', out]);
    // The thesis has errors: they are the result, reported in the summary, not a failed build.
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    const lines = first.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^Bygget nav-relasjon på \\d+,\\d s → ${out}/$`));
    expect(lines[1]).toMatch(/^ {2}\d+ fil\(er\) skrevet, 0 uendret$/);
    expect(lines[2]).toMatch(
      /^ {2}Kildesjekk: \d+ henvisninger, \d+ feil, \d+ advarsler, \d+ merknader om form \(.*check\.txt\)$/,
    );
    expect(lines[3]).toMatch(
      /^ {2}Referanseliste: \d+ feil, \d+ advarsler, \d+ merknader om form \(.*bibliography-check\.json\)$/,
    );
    expect(lines[4]).toBe(
      `  Litteraturlisten er ikke ferdig: 7 referanser i listen, 37 må fullføres (${join(out, 'references-todo.md')})`,
    );
    // A line for every group of problems: the records, the concepts, the coding and the matrix too.
    expect(lines[5]).toMatch(
      /^ {2}Kildeposter: 4 artikler, \d+ funn; \d+ feil, \d+ advarsler, \d+ merknader \(.*check\.txt\)$/,
    );
    expect(lines[6]).toMatch(
      /^ {2}Begreper: \d+ begreper i 9 teorier; 0 feil, \d+ advarsler, \d+ merknader \(.*report\.html\)$/,
    );
    expect(lines[7]).toMatch(
      /^ {2}Koding: \d+ koblinger; 0 feil, \d+ advarsler, \d+ merknader \(.*report\.html\)$/,
    );
    expect(lines[8]).toMatch(
      /^ {2}Matrise: (\d+) av \d+ funn og \d+ av \d+ begreper i matrisen; 0 feil, \d+ advarsler, \d+ merknader \(.*report\.html\)$/,
    );
    expect(lines.slice(9)).toEqual([
      `  Endringer: første bygg av studien (${join(out, 'changes.json')})`,
      `  Rapport: ${join(out, 'report.html')}`,
    ]);

    const files = await snapshot(out);
    const names = [...files.keys()].sort();
    for (const expected of [
      'bibliography-check.json',
      'changes.json',
      'check.json',
      'check.txt',
      'matrix.json',
      'references.html',
      'references.md',
      'references-todo.md',
      'report.html',
      'tables.html',
      'tables.md',
    ]) {
      expect(names).toContain(expected);
    }
    for (const table of ['article-matrix', 'search-history', 'discussion-map']) {
      for (const extension of ['md', 'html', 'csv', 'json'])
        expect(names).toContain(`tables/${table}.${extension}`);
    }
    expect(names.filter((name) => name.includes('.tmp'))).toEqual([]);
    const check = JSON.parse(files.get('check.json')!.bytes) as {
      version: number;
      diagnostics: unknown[];
    };
    expect(check.version).toBe(1);
    expect(check.diagnostics.length).toBeGreaterThan(0);

    // check.json and check.txt are what `litsynth check` prints; the reference list is what `litsynth bib` prints.
    const latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
    expect(files.get('check.json')?.bytes).toBe(
      latin1(litsynth(['check', 'studies/nav-relasjon', '--format', 'json']).stdout),
    );
    expect(files.get('check.txt')?.bytes).toBe(
      latin1(litsynth(['check', 'studies/nav-relasjon']).stdout),
    );
    const bib = litsynth(['bib', 'studies/nav-relasjon']);
    expect(files.get('references.md')?.bytes).toBe(latin1(bib.stdout));

    // bibliography-check.json holds the integrity problems `litsynth bib` prints on stderr, counted in the summary.
    const bibliography = JSON.parse(
      Buffer.from(files.get('bibliography-check.json')!.bytes, 'latin1').toString('utf8'),
    ) as {
      version: number;
      entries: string[];
      diagnostics: Array<{ rule: string; file: string; line: number; key: string }>;
      summary: { errors: number; warnings: number; infos: number; rules: Record<string, number> };
    };
    expect(bibliography.version).toBe(1);
    expect(bibliography.entries.length).toBeGreaterThanOrEqual(40);
    const { errors, warnings, infos } = bibliography.summary;
    expect(lines[3]).toContain(
      `Referanseliste: ${errors} feil, ${warnings} advarsler, ${infos} merknader om form`,
    );
    expect(bib.stderr).toContain(
      `Referanseliste: ${errors} feil, ${warnings} advarsler, ${infos} merknader om form.`,
    );
    // What the to-do says (references-todo.md: what is missing, a DOI, the years a work is cited
    // under) is not counted again as problems.
    expect(bibliography.summary.rules['bib-missing-field']).toBeUndefined();
    expect(
      bibliography.diagnostics.filter((diagnostic) =>
        /^bib-(missing-doi|edition-years|author-year-collision)$/.test(diagnostic.rule),
      ),
    ).toEqual([]);
    const todo = Buffer.from(files.get('references-todo.md')!.bytes, 'latin1').toString('utf8');
    expect(todo.split('\n').slice(0, 3)).toEqual([
      '# Referanser som må fullføres',
      '',
      'Disse 37 referansene er ikke med i litteraturlisten, fordi de mangler opplysninger. Fyll inn det som mangler på linjen som er oppgitt, og lag listen på nytt.',
    ]);
    expect(todo.split('\n').filter((line) => line.startsWith('## ')).length).toBe(38);

    // The matrix and table files are those `litsynth matrix` and `litsynth tables` write.
    const separate = join(await mkdtemp(join(tmpdir(), 'litsynth-build-')), 'out');
    litsynth(['matrix', 'studies/nav-relasjon', '--out', separate]);
    litsynth(['tables', 'studies/nav-relasjon', '--out', separate]);
    const separateFiles = await snapshot(separate);
    expect(separateFiles.size).toBeGreaterThan(10);
    for (const [name, file] of separateFiles)
      expect({ name, bytes: files.get(name)?.bytes }).toEqual({ name, bytes: file.bytes });

    // report.html numbers the tables as tables.md does.
    const numbered = [
      ...(files.get('tables.md')?.bytes ?? '').matchAll(/^\*\*(Tabell \d+)\*\*\n\n\*(.+)\*$/gm),
    ].map((match) => `${match[1]}: ${match[2]}`);
    const listed = [
      ...(files.get('report.html')?.bytes ?? '').matchAll(
        /<a href="#table-[^"]*">(Tabell \d+: [^<]*)<\/a>/g,
      ),
    ].map((match) => match[1]);
    expect(numbered.length).toBeGreaterThan(5);
    expect(listed).toEqual(numbered);

    const second = litsynth(['build', 'studies/nav-relasjon', '--out', out]);
    expect(second.code).toBe(0);
    // The build stamp (input and output hashes) is the one file besides the outputs.
    expect(names).toContain('.litsynth-build.json');
    expect(second.stdout.split('\n')[1]).toBe(`  0 fil(er) skrevet, ${files.size - 1} uendret`);
    // Byte-identical and untouched: no timestamps inside, no rewrite of unchanged files.
    expect(await snapshot(out)).toEqual(files);
  });

  it('rebuilds what an input change touches, and only that', async () => {
    const study = join(await mkdtemp(join(tmpdir(), 'litsynth-build-')), 'study');
    await cp(join(root, 'tests/fixtures/hostile-study'), study, { recursive: true });
    expect(litsynth(['build', study, '--quiet']).code).toBe(0);
    const before = await snapshot(join(study, 'out'));
    const manuscript = join(study, 'manuscript.txt');
    await writeFile(
      manuscript,
      `${await readFile(manuscript, 'utf8')}\nEt nytt avsnitt om tillit (Hacker, 2020).\n`,
    );
    const result = litsynth(['build', study]);
    expect(result.code).toBe(0);
    const after = await snapshot(join(study, 'out'));
    const changed = [...after.keys()]
      .filter((name) => after.get(name)?.bytes !== before.get(name)?.bytes)
      .sort();
    // The check and the report change; the tables and the reference list do not.
    expect(changed).toEqual(
      expect.arrayContaining(['.litsynth-build.json', 'check.json', 'check.txt', 'report.html']),
    );
    expect(changed).not.toContain('tables/article-matrix.csv');
    expect(changed).not.toContain('references.md');
    expect(result.stdout.split('\n')[1]).toBe(
      `  ${changed.length - 1} fil(er) skrevet, ${after.size - changed.length} uendret`,
    );
    expect(after.get('report.html')?.bytes).toContain('Et nytt avsnitt om tillit');
  });

  it('says what changed since the last build, in the summary and in changes.json', async () => {
    const study = join(await mkdtemp(join(tmpdir(), 'litsynth-build-')), 'study');
    await cp(join(root, 'tests/fixtures/hostile-study'), study, { recursive: true });
    expect(litsynth(['build', study, '--quiet']).code).toBe(0);
    const manuscript = join(study, 'manuscript.txt');
    const original = await readFile(manuscript, 'utf8');
    // One problem added (a wrong year), one fixed (the citation of an unknown author goes).
    await writeFile(
      manuscript,
      `${original.replace(' (Ukjent, 2018)', '')}\nEt nytt avsnitt om tillit (Hacker, 2021).\n`,
    );
    const result = litsynth(['build', study]);
    expect(result.code).toBe(0);
    const changes = JSON.parse(await readFile(join(study, 'out', 'changes.json'), 'utf8')) as {
      previousBuild: boolean;
      problems: {
        added: Array<{ rule: string; line: number }>;
        fixed: Array<{ rule: string; line: number }>;
        changed: Array<{ rule: string; line: number }>;
      };
      tables: { changed: Array<{ id: string }> };
    };
    expect({
      previousBuild: changes.previousBuild,
      added: changes.problems.added.map(({ rule, line }) => `${line} ${rule}`),
      fixed: changes.problems.fixed.map(({ rule, line }) => `${line} ${rule}`),
      // The inconsistent citation of Hacker now lists one more year: changed, not new.
      changed: changes.problems.changed.map(({ rule, line }) => `${line} ${rule}`),
    }).toEqual({
      previousBuild: true,
      // The new citation has the wrong year, and is one more form of the inconsistently cited work.
      added: ['16 inconsistent-citation', '16 year-mismatch'],
      fixed: ['10 unresolved-citation'],
      changed: ['5 inconsistent-citation'],
    });
    const summary = result.stdout.split('\n');
    const at = summary.findIndex((line) => line.startsWith('  Endringer siden forrige bygg: '));
    const check = JSON.parse(await readFile(join(study, 'out', 'check.json'), 'utf8')) as {
      diagnostics: Array<{ rule: string; line: number; message: string }>;
    };
    const added = check.diagnostics
      .filter((diagnostic) => diagnostic.line === 16 && diagnostic.rule !== 'no-reference-list')
      .map((diagnostic) => `    + ${join(study, 'manuscript.txt')}:16: ${diagnostic.message}`);
    expect(summary.slice(at, at + 3)).toEqual([
      `  Endringer siden forrige bygg: 2 nye problemer, 1 rettet, 1 endret; 0 matriseceller endret; 0 tabeller endret (${join(study, 'out', 'changes.json')})`,
      ...added,
    ]);
  });

  // `script` (util-linux, essential in Debian) runs the build on a pseudo-terminal.
  it.skipIf(!existsSync('/usr/bin/script'))('shows progress per part on a terminal', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'litsynth-build-')), 'out');
    const command = `${process.execPath} ${bin} build tests/fixtures/hostile-study --out ${out} --lang en`;
    const result = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const lines = result.stdout
      .split(/\r?\n|\r/)
      .map((line) => line.replace(/\u001b\[K/g, '').trim());
    const done = lines
      .filter((line) => line.startsWith('✓'))
      .map((line) => line.replace(/ \(\d+ ms\)$/, ''));
    expect(done).toEqual([
      '✓ source check',
      '✓ reference list',
      '✓ tables',
      '✓ report',
      '✓ writing',
    ]);
  });

  it('is silent with --quiet and speaks English with --lang en', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'litsynth-build-')), 'out');
    expect(litsynth(['build', 'studies/nav-relasjon', '--out', out, '--quiet'])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    const english = litsynth(['build', 'studies/nav-relasjon', '--out', out, '--lang', 'en']);
    expect(english.code).toBe(0);
    expect(english.stdout).toMatch(/^Built nav-relasjon in \d+\.\d s → /);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toMatch(
      /^<!doctype html><html lang="en">/,
    );
  });

  it('writes the check as `litsynth check` prints it also for a typed reference list and a misspelt rule setting, each problem once', async () => {
    const study = join(await mkdtemp(join(tmpdir(), 'litsynth-build-')), 'study');
    await cp(join(root, 'tests/fixtures/clean-thesis'), study, { recursive: true });
    // A cited work left out of the thesis's own list, and a rule setting that names no rule.
    const manuscript = await readFile(join(study, 'manuscript.md'), 'utf8');
    await writeFile(
      join(study, 'manuscript.md'),
      manuscript.replace(/^Dalland, O\. \(2017\).*\n\n/m, ''),
    );
    await writeFile(
      join(study, 'study.yaml'),
      `${await readFile(join(study, 'study.yaml'), 'utf8')}rules:\n  locatr-form: warn\n`,
    );

    expect(litsynth(['build', study, '--quiet']).code).toBe(0);
    const check = litsynth(['check', study, '--format', 'json']);
    expect(await readFile(join(study, 'out', 'check.json'), 'utf8')).toBe(check.stdout);
    expect(await readFile(join(study, 'out', 'check.txt'), 'utf8')).toBe(
      litsynth(['check', study]).stdout,
    );
    const rules = (
      JSON.parse(check.stdout) as { diagnostics: Array<{ rule: string; line: number }> }
    ).diagnostics.map(({ rule, line }) => `${line} ${rule}`);
    expect(rules).toEqual(['31 bib-typed-entry-missing', '16 unknown-rule-setting']);
    const report = await readFile(join(study, 'out', 'report.html'), 'utf8');
    // The problems of the entries themselves (bibliography-check.json, less what the to-do says) join them, each once too.
    const entryRules = (
      JSON.parse(await readFile(join(study, 'out', 'bibliography-check.json'), 'utf8')) as {
        diagnostics: Array<{ rule: string }>;
      }
    ).diagnostics.map(({ rule }) => `data-rule="${rule}"`);
    expect(entryRules.length).toBe(1);
    expect(report.match(/data-rule="[^"]*"/g)?.sort()).toEqual(
      [
        'data-rule="bib-typed-entry-missing"',
        'data-rule="unknown-rule-setting"',
        ...entryRules,
      ].sort(),
    );
  });

  it('still writes the other parts when one fails, and says which', async () => {
    const study = join(await mkdtemp(join(tmpdir(), 'litsynth-build-')), 'study');
    await cp(join(root, 'tests/fixtures/hostile-study'), study, { recursive: true });
    await cp(join(root, 'tests/fixtures/bad-input/encrypted.pdf'), join(study, 'thesis.pdf'));
    const config = await readFile(join(study, 'study.yaml'), 'utf8');
    await writeFile(
      join(study, 'study.yaml'),
      config.replace('manuscript: manuscript.txt', 'manuscript: thesis.pdf'),
    );

    const result = litsynth(['build', study, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^litsynth: source check: .*thesis\.pdf: .+\n$/);
    expect(result.stdout).toContain('part(s) failed');
    const names = [...(await snapshot(join(study, 'out'))).keys()];
    expect(names).toContain('references.md');
    expect(names).toContain('tables/article-matrix.csv');
    expect(names).not.toContain('check.json');
    const report = await readFile(join(study, 'out', 'report.html'), 'utf8');
    expect(report).toContain('<h3>Parts that could not be built</h3>');
  });

  it('refuses a folder that is not a study, and an output folder that is a file, with exit 2 and no stack trace', async () => {
    const result = litsynth(['build', 'packages']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^litsynth: packages.*: .*study\.yaml.*\n$/);
    expect(existsSync(join(root, 'packages', 'out'))).toBe(false);

    const file = join(await mkdtemp(join(tmpdir(), 'litsynth-build-')), 'report.html');
    await writeFile(file, 'mine');
    const onFile = litsynth([
      'build',
      'tests/fixtures/hostile-study',
      '--out',
      file,
      '--lang',
      'en',
    ]);
    expect(onFile).toEqual({
      code: 2,
      stdout: '',
      stderr: `litsynth: ${file}: The output folder is a file; give a folder with --out.\n`,
    });
    expect(await readFile(file, 'utf8')).toBe('mine');
  });
});
