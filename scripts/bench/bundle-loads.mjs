#!/usr/bin/env node
// What the installed (bundled) CLI loads before a command does any work: the static import closure
// of the bin and of a command's chunk in packages/cli/bundle, with its bytes and the npm packages
// inside (esbuild marks each bundled module with a `// node_modules/...` comment). Every byte here
// is read, parsed and compiled at each start, so heavy libraries belong behind import().
// Usage: node scripts/bench/bundle-loads.mjs [command=check] [bundle=packages/cli/bundle]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The chunk files loaded statically from `entry` (entry included), in load order. */
export function staticClosure(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    // Static imports only: `import ... from "./x.js"`, `import "./x.js"`, `export ... from "./x.js"`.
    for (const match of source.matchAll(
      /^(?:import|export)\b[^;'"()]*?["'](\.{1,2}\/[^"']+)["']/gm,
    ))
      visit(resolve(dirname(file), match[1]));
  };
  visit(entry);
  return [...seen];
}

/** The npm packages bundled inside a chunk, from esbuild's module comments. */
export function packagesIn(file) {
  const names = new Set();
  for (const match of readFileSync(file, 'utf8').matchAll(
    /^\/\/ (?:\.\.\/)*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//gm,
  ))
    names.add(match[1]);
  return names;
}

/** The command's chunk (`chunks/check-HASH.js`) in a bundle folder. */
export function commandChunk(bundle, command) {
  const name = readdirSync(join(bundle, 'chunks')).find((file) =>
    new RegExp(`^${command}-[A-Z0-9]+\\.js$`).test(file),
  );
  if (!name) throw new Error(`no chunk of the command ${command} in ${bundle}`);
  return join(bundle, 'chunks', name);
}

/** What starting `command` loads: files, bytes and packages of the bin's and the command's closures. */
export function startLoads(bundle, command) {
  const files = new Set([
    ...staticClosure(join(bundle, 'litsynth.js')),
    ...staticClosure(commandChunk(bundle, command)),
  ]);
  const packages = new Set();
  let bytes = 0;
  for (const file of files) {
    bytes += statSync(file).size;
    for (const name of packagesIn(file)) packages.add(name);
  }
  return { files: [...files], bytes, packages: [...packages].sort() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const command = process.argv[2] ?? 'check';
  const bundle = resolve(process.argv[3] ?? join(root, 'packages/cli/bundle'));
  const loads = startLoads(bundle, command);
  console.log(
    `${command}: ${loads.files.length} files, ${(loads.bytes / 1024).toFixed(0)} KiB loaded at start`,
  );
  for (const file of loads.files)
    console.log(
      `  ${(statSync(file).size / 1024).toFixed(0).padStart(5)} KiB  ${file.slice(bundle.length + 1)}  ${[...packagesIn(file)].join(' ')}`,
    );
}
