#!/usr/bin/env node
// What the installed (bundled) CLI loads before a command does any work: the bin (with its static
// imports), the CommonJS core (bundle/core.cjs, all of the program but the vendor libraries) and
// the core's V8 code cache for the run's compiler flags (made by this Node's V8), with their bytes and the npm packages
// inside the core (esbuild marks each bundled module with a `// node_modules/...` comment). The
// core is read whole at every start; its modules run only when first required or imported, and
// the code cache spares parsing and compiling what the build's training run ran. The vendor
// libraries (bundle/vendor/) are read only by the input that needs them.
// Usage: node scripts/bench/bundle-loads.mjs [flags=short|long] [bundle=packages/cli/bundle]
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The files loaded statically from `entry` (entry included), in load order. */
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

/** The npm packages bundled inside a file, from esbuild's module comments. */
export function packagesIn(file) {
  const names = new Set();
  for (const match of readFileSync(file, 'utf8').matchAll(
    /^\/\/ (?:\.\.\/)*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//gm,
  ))
    names.add(match[1]);
  return names;
}

/** What every start reads (bin, core, the code cache of `flags`): files, bytes and the core's packages. */
export function startLoads(bundle, flags = 'short') {
  const files = [
    ...staticClosure(join(bundle, 'litsynth.js')),
    join(bundle, 'core.cjs'),
    join(bundle, `core.${flags}-run.${process.versions.v8}.v8cache`),
  ];
  const packages = new Set();
  let bytes = 0;
  for (const file of files) {
    bytes += statSync(file).size;
    if (file.endsWith('.js') || file.endsWith('.cjs'))
      for (const name of packagesIn(file)) packages.add(name);
  }
  return { files, bytes, packages: [...packages].sort() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flags = process.argv[2] ?? 'short';
  const bundle = resolve(process.argv[3] ?? join(root, 'packages/cli/bundle'));
  const loads = startLoads(bundle, flags);
  console.log(
    `${flags} run: ${loads.files.length} files, ${(loads.bytes / 1024).toFixed(0)} KiB read at start`,
  );
  for (const file of loads.files)
    console.log(
      `  ${(statSync(file).size / 1024).toFixed(0).padStart(5)} KiB  ${file.slice(bundle.length + 1)}`,
    );
  console.log(`  packages in the core: ${loads.packages.join(' ')}`);
}
