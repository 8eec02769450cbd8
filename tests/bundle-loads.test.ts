import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { startLoads } from '../scripts/bench/bundle-loads.mjs';
import { root, writeModuleLoadRecorder } from './litsynth-cli.js';

// What the installed (bundled) CLI reads before a command does any work is most of a short run's
// cost (issue 10, docs/benchmarks.md "Check"): the core and its code cache, never the vendor
// libraries, which only the input that needs them loads (docs/decisions/cli-bundle.md).
const bundle = join(root, 'packages/cli/bundle');
const vendor = ['citeproc', '@citation-js/core', 'mammoth', 'pdfjs-dist'];

describe('what the bundled CLI loads at start', () => {
  it('reads the bin, the core and its code cache; the vendor libraries are not in the core', () => {
    const loads = startLoads(bundle, 'short') as {
      files: string[];
      bytes: number;
      packages: string[];
    };
    expect(loads.files.map((file) => file.slice(bundle.length + 1))).toEqual([
      'litsynth.js',
      'core.cjs',
      `core.short-run.${process.versions.v8}.v8cache`,
    ]);
    expect(loads.packages.filter((name) => vendor.includes(name))).toEqual([]);
    expect(loads.packages).toContain('commander');
    // 3.9 MB today (core 2.7, cache 1.2): a margin, not a target.
    expect(loads.bytes).toBeLessThan(5 * 1024 * 1024);
  });

  it('writes the core in ASCII, which the loader reads without decoding UTF-8', () => {
    const core = readFileSync(join(bundle, 'core.cjs'));
    const lines = core.toString('utf8').split('\n');
    expect(
      lines.filter((line) => /[^\x00-\x7f]/.test(line)).map((line) => line.slice(0, 120)),
    ).toEqual([]);
  });

  it('a check reads no vendor library; a BibTeX file loads citation-js from bundle/vendor/', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'litsynth-bundle-loads-'));
    try {
      const recorder = await writeModuleLoadRecorder(dir);
      const loaded = (args: string[]) => {
        const run = spawnSync(
          process.execPath,
          ['--import', recorder, join(bundle, 'litsynth.js'), ...args],
          { cwd: root, env: { ...process.env, LITSYNTH_NO_CACHE: '1' }, encoding: 'utf8' },
        );
        return run.stderr
          .split('\n')
          .filter((line) => line.includes('/bundle/vendor/'))
          .map((line) => line.replace(/^.*\/bundle\//, ''));
      };
      expect(loaded(['check', 'studies/nav-relasjon', '--format', 'json'])).toEqual([]);
      const bib = 'packages/bibliography/src/fixtures/load/valid.bib';
      expect(loaded(['bib', '--bib', bib])).toContain('vendor/citation-js-core.js');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['a check (short run)', ['check', 'studies/nav-relasjon', '--format', 'json']],
    ['a reference list (long run)', ['bib', 'studies/nav-relasjon']],
  ])('%s runs with the code cache the build made', (_name, args) => {
    const run = spawnSync(process.execPath, [join(bundle, 'litsynth.js'), ...args], {
      cwd: root,
      env: { ...process.env, LITSYNTH_NO_CACHE: '1', LITSYNTH_REPORT_CODE_CACHE: '1' },
      encoding: 'utf8',
    });
    expect(run.stderr.split('\n')[0]).toBe('litsynth: code cache accepted');
  });
});
