#!/usr/bin/env node
import { startWithoutOptimisingCompiler } from './output/optimising-compiler.js';
import { main } from './run-cli.js';

// Before a command's work is loaded: a short run is faster without V8's optimising compiler.
startWithoutOptimisingCompiler();

// `pnpm litsynth …` runs in the workspace root; the paths the user typed are relative to the
// folder they stand in, which the package manager passes as INIT_CWD.
if (process.env.npm_lifecycle_event === 'litsynth' && process.env.INIT_CWD)
  process.chdir(process.env.INIT_CWD);

await main();
