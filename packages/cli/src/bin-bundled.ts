#!/usr/bin/env node
// Entry of the bundled, installable CLI (scripts/bundle-cli.mjs): the same program as bin.ts, from
// the bundle's CommonJS core (bundle/core.cjs) with its V8 code cache, and with the CSL styles and
// locales read from the copy that ships beside the bundle.
import { fileURLToPath } from 'node:url';
import { loadCore } from './output/load-core.js';
import { chooseCompilersForRun } from './output/optimising-compiler.js';

// Before the program is loaded: a short run is faster without V8's optimising compilers, and the
// code cache is the one made for the same flags.
const args = process.argv.slice(2);
const short = chooseCompilersForRun(args);

process.env.LITSYNTH_CSL_DIR ??= fileURLToPath(new URL('./csl/', import.meta.url));
const core = loadCore(
  fileURLToPath(new URL('./core.cjs', import.meta.url)),
  short ? 'short' : 'long',
  args,
);
// For the tests and the benchmark: whether this start used the code cache.
if (process.env.LITSYNTH_REPORT_CODE_CACHE === '1')
  process.stderr.write(`litsynth: code cache ${core.codeCache}\n`);
await (core.exports as typeof import('./run-cli.js')).main();
