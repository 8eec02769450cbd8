import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliCodeFolder } from './package-root.js';

// Caches are keyed by the code that made them. The code is either the built workspace (the CLI's
// dist/ and one dist/ per package) or the installed, bundled CLI (everything in its bundle/).

/** A folder of running code, and whether its dependencies sit in a node_modules beside it. */
export interface CodeFolder {
  path: string;
  /** The files that are code: all of a dist/ folder; the JavaScript of the bundle (.js, .cjs), not its CSL data. */
  files: string[];
  bundled: boolean;
}

/**
 * The folders of the running litsynth code: the CLI's and the given workspace packages' dist/
 * folders, or the bundle folder when the CLI runs bundled (the packages then cannot be resolved).
 */
export async function codeFolders(packages: readonly string[]): Promise<CodeFolder[]> {
  const ownRoot = cliCodeFolder();
  let paths: string[];
  let bundled = false;
  try {
    paths = [ownRoot, ...packages.map((name) => dirname(fileURLToPath(import.meta.resolve(name))))];
  } catch {
    paths = [ownRoot];
    bundled = true;
  }
  return Promise.all(
    paths.map(async (path) => {
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      const files = entries
        .filter((entry) => entry.isFile() && (!bundled || /\.c?js$/.test(entry.name)))
        .map((entry) => join(entry.parentPath, entry.name))
        .sort();
      return { path, files, bundled };
    }),
  );
}
