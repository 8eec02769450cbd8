import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, root } from './litsynth-cli.js';

// The installable CLI, as a user gets it: `npm pack` of packages/cli, the tarball installed
// globally (into a private prefix) with the network off, then `litsynth` run from a folder that
// knows nothing of this repository. It must find what the repository's CLI finds.

let work: string;
let installed: string;

const run = (command: string, args: readonly string[], cwd: string) => {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      npm_config_cache: join(work, 'npm-cache'),
      npm_config_update_notifier: 'false',
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

const bibtex = `@book{dalland2017,
  author = {Dalland, Olav},
  title = {Metode og oppgaveskriving},
  publisher = {Gyldendal Akademisk},
  year = {2017}
}
@book{eide2017,
  author = {Eide, Hilde and Eide, Tom},
  title = {Kommunikasjon i relasjoner: Personorientering, samhandling, etikk},
  edition = {3},
  publisher = {Gyldendal Akademisk},
  year = {2017}
}
`;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'litsynth-install-'));
  const pack = run(
    'npm',
    ['pack', join(root, 'packages/cli'), '--pack-destination', work, '--json'],
    work,
  );
  expect(pack.code, pack.stderr).toBe(0);
  const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
  const prefix = join(work, 'prefix');
  const install = run(
    'npm',
    [
      'install',
      '-g',
      '--prefix',
      prefix,
      '--offline',
      '--no-audit',
      '--no-fund',
      join(work, filename),
    ],
    work,
  );
  expect(install.code, install.stderr).toBe(0);
  installed = join(prefix, 'bin', 'litsynth');
}, 240_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the installed litsynth', () => {
  it('is a tarball named for the package, with no dependency to fetch', async () => {
    const manifest = JSON.parse(
      await readFile(join(root, 'packages/cli/package.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect([manifest.name, manifest.dependencies, manifest.bin]).toEqual([
      'litsynth',
      undefined,
      { litsynth: './bundle/litsynth.js' },
    ]);
    expect(run(installed, ['--version'], work)).toEqual({
      code: 0,
      stdout: `${manifest.version}\n`,
      stderr: '',
    });
  });

  it('checks a .docx and a .pdf with a .bib from any folder, as the repository CLI does', async () => {
    const folder = join(work, 'Nedlastinger');
    await cp(join(root, 'tests/fixtures/formats'), folder, { recursive: true });
    await writeFile(join(folder, 'referanser.bib'), bibtex);
    for (const manuscript of ['thesis.docx', 'thesis.pdf']) {
      const args = ['check', manuscript, '--bib', 'referanser.bib', '--format', 'json'];
      const fromInstall = run(installed, args, folder);
      const fromRepository = run(process.execPath, [bin, ...args], folder);
      expect(fromInstall.stderr).toBe('');
      expect([fromInstall.code, JSON.parse(fromInstall.stdout)]).toEqual([
        fromRepository.code,
        JSON.parse(fromRepository.stdout),
      ]);
      expect(fromInstall.code).toBe(1);
    }
  });

  it('builds a study into --out from any folder, writing what the repository CLI writes', async () => {
    const folder = join(work, 'prosjekt');
    await cp(join(root, 'studies/nav-relasjon'), join(folder, 'studies/nav-relasjon'), {
      recursive: true,
      filter: (source) => !source.endsWith('/out'),
    });
    await cp(join(root, 'sources'), join(folder, 'sources'), { recursive: true });
    const fromInstall = run(
      installed,
      ['build', 'studies/nav-relasjon', '--out', 'ut-installert', '--quiet'],
      folder,
    );
    const fromRepository = run(
      process.execPath,
      [bin, 'build', 'studies/nav-relasjon', '--out', 'ut-repo', '--quiet'],
      folder,
    );
    expect([fromInstall.code, fromInstall.stderr]).toEqual([0, '']);
    expect(fromRepository.code).toBe(0);
    const files = async (dir: string) =>
      (await readdir(join(folder, dir), { recursive: true })).sort();
    expect(await files('ut-installert')).toEqual(await files('ut-repo'));
    for (const file of ['check.json', 'report.html', 'references.md', 'matrix.json']) {
      expect(await readFile(join(folder, 'ut-installert', file), 'utf8')).toBe(
        await readFile(join(folder, 'ut-repo', file), 'utf8'),
      );
    }
  });
});
