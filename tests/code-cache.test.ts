import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './litsynth-cli.js';

// The installed CLI compiles its core with the V8 code cache the build made
// (packages/cli/src/output/load-core.ts). A Node whose V8 refuses that cache (another version)
// must still run correctly, and from its second run on from a cache of its own in the user's
// cache folder. Here: a copy of the bundle without its caches, or with a damaged one.
const bundle = join(root, 'packages/cli/bundle');
const work = mkdtempSync(join(tmpdir(), 'litsynth-code-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the installed package (bundle/ and package.json), the CSL data linked, without code caches. */
function copyWithoutCodeCache(name: string): string {
  const pkg = join(work, name);
  cpSync(bundle, join(pkg, 'bundle'), {
    recursive: true,
    filter: (source) => !source.endsWith('.v8cache') && !source.startsWith(join(bundle, 'csl')),
  });
  symlinkSync(join(bundle, 'csl'), join(pkg, 'bundle', 'csl'));
  cpSync(join(root, 'packages/cli/package.json'), join(pkg, 'package.json'));
  return join(pkg, 'bundle', 'litsynth.js');
}

function check(bin: string, env: Record<string, string>) {
  const run = spawnSync(
    process.execPath,
    [bin, 'check', 'studies/nav-relasjon', '--format', 'json'],
    {
      cwd: root,
      env: { ...process.env, LITSYNTH_NO_CACHE: '', LITSYNTH_REPORT_CODE_CACHE: '1', ...env },
      encoding: 'utf8',
    },
  );
  return { code: run.status, stdout: run.stdout, cache: run.stderr.split('\n')[0] };
}

const shipped = check(join(bundle, 'litsynth.js'), { LITSYNTH_NO_CACHE: '1' });

describe('the code cache of the installed CLI', () => {
  it('without a shipped cache: compiles, leaves a cache in the user cache folder, and uses it next time', () => {
    const bin = copyWithoutCodeCache('without');
    const cacheDir = join(work, 'without-cache');
    const first = check(bin, { LITSYNTH_CACHE_DIR: cacheDir });
    expect(first.cache).toBe('litsynth: code cache none');
    expect(readdirSync(join(cacheDir, 'code'))).toEqual([
      expect.stringMatching(/^core-.+-short-check-\d+-\d+\.v8cache$/),
    ]);
    const second = check(bin, { LITSYNTH_CACHE_DIR: cacheDir });
    expect(second.cache).toBe('litsynth: code cache accepted from the user cache');
    for (const run of [first, second]) {
      expect(run.code).toBe(shipped.code);
      expect(run.stdout).toBe(shipped.stdout);
    }
  });

  it('with a damaged shipped cache: V8 refuses it and the check runs as ever', () => {
    const bin = copyWithoutCodeCache('damaged');
    const shippedName = `core.short-run.${process.versions.v8}.v8cache`;
    writeFileSync(join(work, 'damaged', 'bundle', shippedName), 'not a code cache');
    const run = check(bin, { LITSYNTH_NO_CACHE: '1' });
    expect(run.cache).toBe('litsynth: code cache rejected');
    expect(run.code).toBe(shipped.code);
    expect(run.stdout).toBe(shipped.stdout);
  });

  it('with caches off (LITSYNTH_NO_CACHE): writes no cache of its own', () => {
    const bin = copyWithoutCodeCache('off');
    const cacheDir = join(work, 'off-cache');
    const run = check(bin, { LITSYNTH_NO_CACHE: '1', LITSYNTH_CACHE_DIR: cacheDir });
    expect(run.cache).toBe('litsynth: code cache none');
    expect(run.stdout).toBe(shipped.stdout);
    expect(existsSync(cacheDir)).toBe(false);
  });
});
