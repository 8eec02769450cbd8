import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The library packages are to run anywhere, a browser included (issue 10): only the CLI (its Node
// adapter reads and writes the disk) and the web app's build config may import Node's built-ins.
// The web app's own sources run in a browser and are held to the same rule as the libraries.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packages = join(root, 'packages');
/** Packages allowed to import Node built-ins: the CLI is the Node adapter. */
const nodeSide = new Set(['cli']);

/**
 * The library files that import a Node built-in: none any more (issue 10 emptied the list; the
 * reading and writing of files is the CLI's, in packages/cli/src/output). A new import fails.
 */
const stillImportingNode: Record<string, string[]> = {};

/** Node's built-ins by every name an import may use: `node:fs`, `fs`, `fs/promises`. */
const builtins = new Set(
  builtinModules.flatMap((name) => (name.startsWith('node:') ? [name] : [name, `node:${name}`])),
);
function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtins.has(specifier);
}

/** The TypeScript files of a folder, tests and test helpers (`*.test.ts`, `test-*.ts`) left out. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .filter((file) => !/\.test\.ts$/.test(file) && !/(^|[\\/])test-[^\\/]+\.ts$/.test(file))
    .map((file) => join(folder, file));
}

/** Every module a file imports: static and dynamic imports, re-exports, require calls. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((imported) => imported.fileName);
}

/** The library files importing a built-in, and which (sorted), as the allow-list has them. */
function nodeImportsOfLibraries(): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const name of readdirSync(packages).sort()) {
    if (nodeSide.has(name)) continue;
    let files: string[];
    try {
      files = sourceFiles(join(packages, name, 'src'));
    } catch {
      continue; // not a package with sources
    }
    for (const file of files.sort()) {
      const node = [...new Set(importsOf(file).filter(isBuiltin))].sort();
      if (node.length > 0) found[relative(packages, file).split('\\').join('/')] = node;
    }
  }
  return found;
}

describe('the library packages run without Node', () => {
  it('import no Node built-in beyond the shrinking list of today', () => {
    expect(nodeImportsOfLibraries()).toEqual(stillImportingNode);
  });

  it('would see an import of a built-in in any form', () => {
    const specifiers = (code: string) =>
      ts
        .preProcessFile(code, true, true)
        .importedFiles.map((imported) => imported.fileName)
        .filter(isBuiltin);
    expect(
      specifiers(
        [
          "import { join } from 'node:path';",
          "import { readFile } from 'fs/promises';",
          "export { createHash } from 'crypto';",
          "const zlib = await import('node:zlib');",
          "const os = require('os');",
          "import { parse } from 'yaml';",
          "import { x } from './path.js';",
        ].join('\n'),
      ),
    ).toEqual(['node:path', 'fs/promises', 'crypto', 'node:zlib', 'os']);
  });
});
