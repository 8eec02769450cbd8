import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, root, writeModuleLoadRecorder } from './litsynth-cli.js';

// The cache of the loaded study (packages/cli/src/output/study-cache.ts): a repeated check of an
// unchanged study takes the study from the cache and must print exactly what a check without it prints.

let dir = '';
let preload = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'litsynth-check-cache-'));
  preload = await writeModuleLoadRecorder(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with the given cache folder (or LITSYNTH_NO_CACHE=1 when it is undefined). */
function check(
  args: string[],
  cache: string | undefined,
  options: { cwd?: string; traceLoads?: boolean } = {},
): Run {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LITSYNTH_CACHE_DIR: cache ?? '',
    LITSYNTH_NO_CACHE: cache === undefined ? '1' : '',
  };
  const result = spawnSync(
    process.execPath,
    [...(options.traceLoads ? ['--import', preload] : []), bin, 'check', ...args],
    {
      cwd: options.cwd ?? root,
      encoding: 'utf8',
      env,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const loaded = (run: Run, pattern: RegExp) =>
  run.stderr
    .split('\n')
    .filter((line) => line.startsWith('LOADED ') && pattern.test(line))
    .map((line) => line.slice('LOADED '.length));
// What the cache exists to skip: the study loaders, remark (for the record bodies) and yaml.
const loaders =
  /packages\/(study\/dist\/(index|load-study|study-config)|sources\/dist\/)|node_modules\/(unified|remark-parse|remark-frontmatter|yaml)\//;
const withoutLoads = (run: Run): Run => ({
  ...run,
  stderr: run.stderr
    .split('\n')
    .filter((line) => !line.startsWith('LOADED '))
    .join('\n'),
});

describe('litsynth check with the study cache', () => {
  it('prints the same JSON and pretty output for the real study cold, on a miss and on a hit, and skips the loaders on a hit', async () => {
    const cache = join(dir, 'cache-real');
    const json = ['studies/nav-relasjon', '--format', 'json'];
    const cold = check(json, undefined);
    const miss = check(json, cache, { traceLoads: true });
    expect(await readdir(cache)).toHaveLength(1);
    const hit = check(json, cache, { traceLoads: true });
    expect(cold.code).toBe(1);
    expect(cold.stderr).toBe('');
    expect(withoutLoads(miss)).toEqual(cold);
    expect(withoutLoads(hit)).toEqual(cold);
    expect(loaded(miss, loaders).length).toBeGreaterThan(0);
    expect(loaded(hit, loaders)).toEqual([]);

    const pretty = check(['studies/nav-relasjon'], cache);
    expect(pretty).toEqual(check(['studies/nav-relasjon'], undefined));
  });

  it('sees an edited bibliography file, and gives the same result after the cache is deleted', async () => {
    // A copy keeps the study's layout: study/ beside sources/ two levels up.
    const copy = join(dir, 'copy');
    await mkdir(join(copy, 'studies'), { recursive: true });
    await cp(join(root, 'studies/nav-relasjon'), join(copy, 'studies/nav-relasjon'), {
      recursive: true,
    });
    await cp(join(root, 'sources'), join(copy, 'sources'), { recursive: true });
    const cache = join(dir, 'cache-copy');
    const json = ['studies/nav-relasjon', '--format', 'json'];
    const first = check(json, cache, { cwd: copy });
    expect(check(json, cache, { cwd: copy })).toEqual(first);

    const references = join(copy, 'sources/references.yaml');
    const text = await readFile(references, 'utf8');
    expect(text).toContain('issued: {date-parts: [[2017]]}');
    await writeFile(
      references,
      text.replace('issued: {date-parts: [[2017]]}', 'issued: {date-parts: [[2016]]}'),
    );
    const edited = check(json, cache, { cwd: copy });
    expect(edited.stdout).not.toBe(first.stdout);
    expect(edited).toEqual(check(json, undefined, { cwd: copy }));
    expect(check(json, cache, { cwd: copy })).toEqual(edited);

    await rm(cache, { recursive: true });
    expect(check(json, cache, { cwd: copy })).toEqual(edited);

    // A missing manuscript is the loader's error (exit 2, study.yaml's line), as without the cache.
    await rm(join(copy, 'studies/nav-relasjon/manuscript.txt'));
    const missing = check(json, cache, { cwd: copy });
    expect(missing.code).toBe(2);
    expect(missing).toEqual(check(json, undefined, { cwd: copy }));
  });

  it('ignores a corrupt cache file, and writes none with LITSYNTH_NO_CACHE=1', async () => {
    const cache = join(dir, 'cache-corrupt');
    const json = ['studies/nav-relasjon', '--format', 'json'];
    const first = check(json, cache);
    const [file] = await readdir(cache);
    const valid = JSON.parse(await readFile(join(cache, file ?? ''), 'utf8')) as Record<
      string,
      unknown
    >;
    const wrongValue = JSON.stringify({ ...valid, value: { study: { config: {} } } });
    for (const garbage of [
      '{"format":1,',
      '{"format":1,"key":"x","files":[],"present":[],"value":{}}',
      '',
      'null',
      wrongValue,
    ]) {
      await writeFile(join(cache, file ?? ''), garbage);
      expect(check(json, cache)).toEqual(first);
    }

    const none = join(dir, 'cache-none');
    const env = { ...process.env, LITSYNTH_CACHE_DIR: none, LITSYNTH_NO_CACHE: '1' };
    const result = spawnSync(process.execPath, [bin, 'check', ...json], {
      cwd: root,
      encoding: 'utf8',
      env,
    });
    expect(result.stdout).toBe(first.stdout);
    await expect(readdir(none)).rejects.toThrow(/ENOENT/);
  });
});
