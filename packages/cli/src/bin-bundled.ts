#!/usr/bin/env node
// Entry of the bundled, installable CLI (scripts/bundle-cli.mjs): the same program as bin.ts,
// with the CSL styles and locales read from the copy that ships beside the bundle.
import { fileURLToPath } from 'node:url';
import { main } from './run-cli.js';

process.env.LITSYNTH_CSL_DIR ??= fileURLToPath(new URL('./csl/', import.meta.url));
await main();
