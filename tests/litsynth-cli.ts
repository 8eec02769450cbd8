import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

// How the end-to-end tests run the CLI: the built bin, as a user would, in a child process.

/** The repository root: where the CLI runs unless a test gives another folder. */
export const root = resolve(import.meta.dirname, '..');

/** The built CLI (`npx -y pnpm@10 build` first). */
export const bin = join(root, 'packages/cli/dist/bin.js');

/** Runs `litsynth` with the arguments in `cwd` (default: the repository root): exit code, stdout and stderr. */
export function litsynth(args: readonly string[], cwd = root): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
