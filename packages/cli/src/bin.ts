#!/usr/bin/env node
import { main } from './run-cli.js';

// `pnpm litsynth …` runs in the workspace root; the paths the user typed are relative to the
// folder they stand in, which the package manager passes as INIT_CWD.
if (process.env.npm_lifecycle_event === 'litsynth' && process.env.INIT_CWD)
  process.chdir(process.env.INIT_CWD);

await main();
