#!/usr/bin/env node
// Measures `litsynth check studies/nav-relasjon` (JSON and pretty output, without and with a warm
// study cache) as a whole process
// against bare `node -e 0`, in the same run, interleaved so that machine load affects all alike.
// Wall time and CPU time (user + system of the child, from /proc on Linux): on a shared machine
// CPU time says more, since wall time grows with other processes' load.
// Usage: node scripts/bench/check-startup.mjs [runs=15] [other-checkout]   (build first: npx -y pnpm@10 build)
// With another built checkout of litsynth (an older commit), its check of the same study is measured
// in the same run too, as "litsynth check (JSON), other checkout".
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'packages/cli/dist/bin.js');
// The bundled CLI as `npm install -g` installs it (packages/cli/bundle, made by the build).
const bundled = join(root, 'packages/cli/bundle/litsynth.js');
const runs = Number.parseInt(process.argv[2] ?? '15', 10);
if (!existsSync(bin)) {
  console.error(`check-startup: ${bin} is missing; build first (npx -y pnpm@10 build).`);
  process.exit(2);
}

// Cold: LITSYNTH_NO_CACHE=1, the study is loaded every time. Warm: a study cache (in a fresh
// temporary folder, filled by the warm-up run) holds the loaded study, as on a repeated check.
const warmCache = mkdtempSync(join(tmpdir(), 'litsynth-bench-cache-'));
process.on('exit', () => rmSync(warmCache, { recursive: true, force: true }));
const cold = { LITSYNTH_NO_CACHE: '1' };

// The same bundle without its V8 code cache (as a Node whose V8 refuses the cache would run it):
// a copy in a temporary folder without the .v8cache files, the CSL data linked.
const uncached = join(warmCache, 'bundle-without-code-cache');
cpSync(dirname(bundled), uncached, {
  recursive: true,
  filter: (source) => !source.endsWith('.v8cache') && !source.includes(`${join('bundle', 'csl')}`),
});
symlinkSync(join(dirname(bundled), 'csl'), join(uncached, 'csl'));
const warm = { LITSYNTH_CACHE_DIR: warmCache, LITSYNTH_NO_CACHE: '' };
const commands = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'litsynth check (JSON), no cache': [
    process.execPath,
    [bin, 'check', 'studies/nav-relasjon', '--format', 'json'],
    cold,
  ],
  'installed (bundled) litsynth check (JSON), no cache': [
    process.execPath,
    [bundled, 'check', 'studies/nav-relasjon', '--format', 'json'],
    cold,
  ],
  'installed (bundled) litsynth check (JSON), no cache, without its code cache': [
    process.execPath,
    [join(uncached, 'litsynth.js'), 'check', 'studies/nav-relasjon', '--format', 'json'],
    cold,
  ],
  'installed (bundled) litsynth check of the manuscript alone (JSON), no cache': [
    process.execPath,
    [bundled, 'check', 'studies/nav-relasjon/manuscript.txt', '--format', 'json'],
    cold,
  ],
  'installed (bundled) litsynth check (pretty), no cache': [
    process.execPath,
    [bundled, 'check', 'studies/nav-relasjon'],
    cold,
  ],
  'litsynth check (pretty), no cache': [
    process.execPath,
    [bin, 'check', 'studies/nav-relasjon'],
    cold,
  ],
  'litsynth check (JSON), warm cache': [
    process.execPath,
    [bin, 'check', 'studies/nav-relasjon', '--format', 'json'],
    warm,
  ],
  'litsynth check (pretty), warm cache': [
    process.execPath,
    [bin, 'check', 'studies/nav-relasjon'],
    warm,
  ],
};
const other = process.argv[3];
if (other) {
  const otherBin = join(other, 'packages/cli/dist/bin.js');
  if (!existsSync(otherBin)) {
    console.error(`check-startup: ${otherBin} is missing; build that checkout first.`);
    process.exit(2);
  }
  commands['litsynth check (JSON), other checkout'] = [
    process.execPath,
    [otherBin, 'check', join(root, 'studies/nav-relasjon'), '--format', 'json'],
    cold,
  ];
}

/** CPU time (user + system, ms) of the children waited for so far: /proc/self/stat cutime + cstime, in 10 ms ticks. */
function childrenCpu() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Runs one command in a fresh process; returns its wall and CPU milliseconds. */
function time(command, args, env = {}) {
  const cpuBefore = childrenCpu();
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  // check exits 1 on the real thesis (it has errors); anything else is a failed run.
  // A crash exits 1 as well: a run counts only when it printed its findings and no stack trace.
  const crashed = /\n\s+at /.test(String(result.stderr));
  if (
    (result.status !== 0 && result.status !== 1) ||
    crashed ||
    (args.includes('check') && !result.stdout.length)
  )
    throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return { wall, cpu: childrenCpu() - cpuBefore };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const loadBefore = loadavg()[0];
const samples = Object.fromEntries(
  Object.keys(commands).map((name) => [name, { wall: [], cpu: [] }]),
);
for (const [command, args, env] of Object.values(commands)) time(command, args, env); // warm the file cache (and the study cache)
for (let run = 0; run < runs; run++) {
  for (const [name, [command, args, env]] of Object.entries(commands)) {
    const { wall, cpu } = time(command, args, env);
    samples[name].wall.push(wall);
    samples[name].cpu.push(cpu);
  }
}

// The kernel counts children's CPU time in 10 ms ticks: one run's figure is coarse, but the mean
// over all runs of a command is not (the rounding of each run's start and end evens out).
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
const baseWall = median(samples['node -e 0'].wall);
const baseCpu = mean(samples['node -e 0'].cpu);
console.log(
  '| command | median wall (ms) | min wall (ms) | wall × node -e 0 | mean CPU (ms) | CPU × node -e 0 |',
);
console.log('|---|---:|---:|---:|---:|---:|');
for (const [name, { wall, cpu }] of Object.entries(samples)) {
  console.log(
    `| ${name} | ${median(wall).toFixed(0)} | ${Math.min(...wall).toFixed(0)} | ${(median(wall) / baseWall).toFixed(1)} | ${mean(cpu).toFixed(0)} | ${(mean(cpu) / baseCpu).toFixed(1)} |`,
  );
}
const report = spawnSync(
  process.execPath,
  [bundled, 'check', 'studies/nav-relasjon', '--format', 'json'],
  {
    cwd: root,
    env: { ...process.env, ...cold, LITSYNTH_REPORT_CODE_CACHE: '1' },
    encoding: 'utf8',
  },
);
console.log(
  `\nThe installed check's V8 code cache: ${report.stderr.split('\n')[0].replace('litsynth: code cache ', '')}.`,
);
console.log(
  `${runs} interleaved runs each, Node ${process.version}; load average (1 min) ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after.`,
);
