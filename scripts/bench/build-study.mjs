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
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'packages/cli/dist/bin.js');
const study = 'studies/nav-relasjon';
const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 7;

/**
 * CPU time (user + system, ms) of the children this process has waited for, from /proc (Linux):
 * on a shared machine CPU time says more than wall time, which grows with other processes' load.
 */
function childrenCpu() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // Fields 16 and 17 of stat (cutime, cstime) are at 13 and 14 after the command name, in ticks of 10 ms.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Runs a command in a fresh process; returns its wall time and CPU time in milliseconds. */
function time(command, commandArgs, okCodes = [0]) {
  const cpuBefore = childrenCpu();
  const started = process.hrtime.bigint();
  const result = spawnSync(command, commandArgs, { cwd: root, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (!okCodes.includes(result.status))
    throw new Error(`${commandArgs.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { wall, cpu: childrenCpu() - cpuBefore };
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

const wall = (list) => median(list.map((sample) => sample.wall));
const cpu = (list) => median(list.map((sample) => sample.cpu));
const check = wall(samples.check);
const rows = [
  ['bare `node -e ""`', samples.node],
  ['`litsynth check` (peer: the first part of a build)', samples.check],
  ['`litsynth build`, fresh output folder (every file written)', samples.fresh],
  ['`litsynth build`, unchanged input (nothing written)', samples.unchanged],
];
console.log(
  `litsynth build ${study}: median of ${runs} runs, each in a fresh process; load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')}\n`,
);
console.log('| run | wall, median (ms) | CPU, median (ms) | wall × check |');
console.log('|---|---:|---:|---:|');
for (const [name, list] of rows)
  console.log(
    `| ${name} | ${Math.round(wall(list))} | ${Math.round(cpu(list))} | ${(wall(list) / check).toFixed(2)} |`,
  );
