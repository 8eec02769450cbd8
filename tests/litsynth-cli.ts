import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

// How the end-to-end tests run the CLI: the built bin, as a user would, in a child process.

/** The repository root: where the CLI runs unless a test gives another folder. */
export const root = resolve(import.meta.dirname, '..');

/** The built CLI (`npx -y pnpm@10 build` first). */
export const bin = join(root, 'packages/cli/dist/bin.js');

/** Runs `litsynth` with the arguments in `cwd` (default: the repository root): exit code, stdout and stderr. */
export function litsynth(
  args: readonly string[],
  cwd = root,
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Writes a preload script (for `node --import <it>`) that prints "LOADED <url or path>" on stderr
 * for every module the process loads: ES modules through a load hook, CommonJS modules (also those
 * required from CommonJS) from the require cache at exit. Returns its path.
 */
export async function writeModuleLoadRecorder(dir: string): Promise<string> {
  const preload = join(dir, 'record-loads.mjs');
  const hook =
    "export async function load(url, context, next) { process.stderr.write('LOADED ' + url + '\\n'); return next(url, context); }";
  await writeFile(
    preload,
    [
      "import { createRequire, register } from 'node:module';",
      `register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));`,
      'const cache = createRequire(import.meta.url).cache;',
      "process.on('exit', () => { for (const file of Object.keys(cache)) process.stderr.write('LOADED ' + file + '\\n'); });",
    ].join('\n'),
  );
  return preload;
}
