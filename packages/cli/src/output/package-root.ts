import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// The CLI's code runs from dist/ (the workspace), or from bundle/ (the installed CLI), where it
// sits at another depth: in the bundle's CommonJS core (bundle/core.cjs), in a lazily loaded
// chunk (bundle/chunks/), or in the bin. Counting folders up from a module breaks as soon as the
// bundle is laid out differently, so the package folder is found by its package.json instead.

let found: string | undefined;

/** The CLI package's folder: the nearest folder above the running code whose package.json is litsynth's. */
export function cliPackageRoot(): string {
  if (found !== undefined) return found;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = readManifest(join(dir, 'package.json'));
    if (manifest?.name === 'litsynth') {
      found = dir;
      return dir;
    }
    if (dirname(dir) === dir)
      throw new Error(`litsynth: no package.json of litsynth above ${start}`);
  }
}

/** The folder of the running code inside the package: its dist/ or its bundle/. */
export function cliCodeFolder(): string {
  const root = cliPackageRoot();
  const below = relative(root, dirname(fileURLToPath(import.meta.url))).split(sep)[0] ?? '';
  return join(root, below);
}

/** The CLI's version, from its package.json. */
export function cliVersion(): string {
  const version = readManifest(join(cliPackageRoot(), 'package.json'))?.version;
  if (version === undefined)
    throw new Error(`litsynth: no version in ${cliPackageRoot()}/package.json`);
  return version;
}

function readManifest(file: string): { name?: string; version?: string } | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
  } catch {
    return undefined;
  }
}
