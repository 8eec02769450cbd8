#!/usr/bin/env node
// Benchmark of `litsynth build` on the real study (studies/nav-relasjon): the whole build into a
// fresh output folder (every file written), and a re-run on unchanged input (nothing written).
// Peers measured in the same run, each in a fresh process: bare `node` start-up, and
// `litsynth check` of the same study (the part every build starts with). The figure is the
// median of several runs.
//
//   node scripts/bench/build-study.mjs [--runs 7]
//
// Needs the built packages (npx -y pnpm@10 build).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'packages/cli/dist/bin.js');
const study = 'studies/nav-relasjon';
const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 7;

/** Runs a command in a fresh process and returns its wall time in milliseconds. */
function time(command, commandArgs, okCodes = [0]) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, commandArgs, { cwd: root, encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (!okCodes.includes(result.status)) throw new Error(`${commandArgs.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const work = mkdtempSync(join(tmpdir(), 'litsynth-bench-build-'));
const samples = { node: [], check: [], fresh: [], unchanged: [] };
try {
  // One warm-up run of each, so the file-system cache is the same for all.
  time(process.execPath, ['-e', '']);
  time(process.execPath, [cli, 'build', study, '--out', join(work, 'warm'), '--quiet']);
  for (let run = 0; run < runs; run++) {
    // Interleaved, so that load from other processes falls on all of them alike.
    samples.node.push(time(process.execPath, ['-e', '']));
    samples.check.push(time(process.execPath, [cli, 'check', study, '--format', 'json'], [0, 1]));
    const out = join(work, `fresh-${run}`);
    samples.fresh.push(time(process.execPath, [cli, 'build', study, '--out', out, '--quiet']));
    samples.unchanged.push(time(process.execPath, [cli, 'build', study, '--out', out, '--quiet']));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const node = median(samples.node);
const rows = [
  ['bare `node -e ""`', node],
  ['`litsynth check` (peer: the first part of a build)', median(samples.check)],
  ['`litsynth build`, fresh output folder (every file written)', median(samples.fresh)],
  ['`litsynth build`, unchanged input (nothing written)', median(samples.unchanged)],
];
console.log(`litsynth build ${study}: median of ${runs} runs, each in a fresh process\n`);
console.log('| run | median (ms) | × node start-up |');
console.log('|---|---:|---:|');
for (const [name, value] of rows) console.log(`| ${name} | ${Math.round(value)} | ${(value / node).toFixed(1)} |`);
