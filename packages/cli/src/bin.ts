#!/usr/bin/env node
import { chooseCompilersForRun } from './output/optimising-compiler.js';
import { main } from './run-cli.js';

// `pnpm litsynth …` runs in the workspace root; the paths the user typed are relative to the
// folder they stand in, which the package manager passes as INIT_CWD.
if (process.env.npm_lifecycle_event === 'litsynth' && process.env.INIT_CWD)
  process.chdir(process.env.INIT_CWD);

// Before a command's work is loaded: a short run is faster without V8's optimising compilers.
chooseCompilersForRun(process.argv.slice(2));

await main();
