import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { startLoads } from '../scripts/bench/bundle-loads.mjs';
import { root } from './litsynth-cli.js';

// What the installed (bundled) CLI reads, parses and compiles before a command does any work is
// most of a short run's cost (issue 10, docs/benchmarks.md "Check"): heavy libraries belong behind
// import(), loaded by the input that needs them.
const bundle = join(root, 'packages/cli/bundle');
const heavy = [
  'iconv-lite',
  'yaml',
  'js-yaml',
  'unified',
  'remark-parse',
  'remark-gfm',
  'micromark',
  'mdast-util-to-markdown',
  'ajv',
  'citeproc',
  '@citation-js/core',
  'mammoth',
  'pdfjs-dist',
  'fflate',
];

describe('what the bundled CLI loads at start', () => {
  it('check loads our own code and commander, none of the heavy libraries', () => {
    const loads = startLoads(bundle, 'check') as { bytes: number; packages: string[] };
    expect(loads.packages.filter((name) => heavy.includes(name))).toEqual([]);
    // 0.62 MB today (1.85 MB before the readers became lazy): a margin, not a target.
    expect(loads.bytes).toBeLessThan(900 * 1024);
  });
});
