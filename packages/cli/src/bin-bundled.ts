#!/usr/bin/env node
// Entry of the bundled, installable CLI (scripts/bundle-cli.mjs): the same program as bin.ts,
// with the CSL styles and locales read from the copy that ships beside the bundle.
import { fileURLToPath } from 'node:url';
import { chooseCompilersForRun } from './output/optimising-compiler.js';
import { main } from './run-cli.js';

// Before a command's work is loaded: a short run is faster without V8's optimising compilers.
chooseCompilersForRun(process.argv.slice(2));

process.env.LITSYNTH_CSL_DIR ??= fileURLToPath(new URL('./csl/', import.meta.url));
await main();
