#!/usr/bin/env node
// Measures `litsynth check studies/nav-relasjon --format json` as a whole process against bare
// `node -e 0`, in the same run, interleaved so that machine load affects both alike.
// Usage: node scripts/bench/check-startup.mjs [runs=15]   (build first: npx -y pnpm@10 build)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'packages/cli/dist/bin.js');
const runs = Number.parseInt(process.argv[2] ?? '15', 10);
if (!existsSync(bin)) {
  console.error(`check-startup: ${bin} is missing; build first (npx -y pnpm@10 build).`);
  process.exit(2);
}

const commands = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'litsynth check (JSON)': [process.execPath, [bin, 'check', 'studies/nav-relasjon', '--format', 'json']],
  'litsynth check (pretty)': [process.execPath, [bin, 'check', 'studies/nav-relasjon']],
};

function time(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  // check exits 1 on the real thesis (it has errors); anything else is a failed run.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return elapsed;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
for (const [command, args] of Object.values(commands)) time(command, args); // warm the file cache
for (let run = 0; run < runs; run++) {
  for (const [name, [command, args]] of Object.entries(commands)) samples[name].push(time(command, args));
}

const baseline = median(samples['node -e 0']);
console.log(`| command | median (ms) | min (ms) | × node -e 0 |`);
console.log(`|---|---|---|---|`);
for (const [name, values] of Object.entries(samples)) {
  const value = median(values);
  console.log(`| ${name} | ${value.toFixed(0)} | ${Math.min(...values).toFixed(0)} | ${(value / baseline).toFixed(1)} |`);
}
console.log(`\n${runs} interleaved runs each, Node ${process.version}.`);
