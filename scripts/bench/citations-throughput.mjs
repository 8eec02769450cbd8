// Benchmark: citation-parser throughput on a generated 10 MB manuscript. Run after building
// (npx -y pnpm@10 build):
//   node scripts/bench/citations-throughput.mjs [runs] [megabytes]
// The manuscript is the seed thesis, normalised the way ingest does it (lines of a paragraph joined,
// blocks separated by a blank line), repeated until it reaches the size, so its citation density is
// that of a real thesis (about 2 citations per 1,000 characters). Prints the median of the runs for
// parseCitations and for two peers measured in the same run on the same text:
// - a naive extractor (the common gist: every "(Capital…)" group split on "; "), which finds far
//   less and checks nothing, as a floor for regex-based extraction;
// - one full pass of the regex engine over the text (/\d{4}/g), the cost of merely reading it.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseCitations } from '../../packages/citations/dist/index.js';

const runs = Number(process.argv[2] ?? 7);
const megabytes = Number(process.argv[3] ?? 10);

const seed = readFileSync(
  new URL('../../studies/nav-relasjon/manuscript.txt', import.meta.url),
  'utf8',
);
const blocks = seed
  .split(/\n[ \t]*\n[ \t]*\n/u)
  .map((block) =>
    block
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .join(' '),
  )
  .filter((block) => block.length > 0);
const normalisedSeed = blocks.join('\n\n');
const parts = [];
let size = 0;
while (size < megabytes * 1024 * 1024) {
  parts.push(normalisedSeed);
  size += normalisedSeed.length + 2;
}
const manuscript = parts.join('\n\n');
const bytes = Buffer.byteLength(manuscript, 'utf8');

function naiveExtract(text) {
  const found = [];
  for (const match of text.matchAll(/\(([A-ZÆØÅ][^)]+)\)/gu))
    found.push(...(match[1] ?? '').split('; '));
  return found;
}

function countYears(text) {
  let count = 0;
  for (const _ of text.matchAll(/\d{4}/gu)) count += 1;
  return count;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

// Wall-clock time and CPU time (user + system) of this process: on a shared machine the CPU time
// is the steadier figure, since waiting for a core does not count.
function measure(name, run) {
  run(); // warm up
  const wall = [];
  const cpu = [];
  let result;
  for (let index = 0; index < runs; index += 1) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    result = run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const wallMedian = median(wall);
  const cpuMedian = median(cpu);
  const megabytes = bytes / 1024 / 1024;
  return {
    name,
    wallMedian,
    cpuMedian,
    wallRate: megabytes / (wallMedian / 1000),
    cpuRate: megabytes / (cpuMedian / 1000),
    items: result,
  };
}

const results = [
  measure('parseCitations', () => parseCitations(manuscript).length),
  measure('naive regex extractor (peer)', () => naiveExtract(manuscript).length),
  measure('one regex pass /\\d{4}/g (peer)', () => countYears(manuscript)),
];
const ours = results[0]?.cpuMedian ?? 1;
const load = (await import('node:os')).loadavg()[0] ?? 0;
console.log(
  `manuscript: ${(bytes / 1024 / 1024).toFixed(1)} MB (${bytes} bytes UTF-8, ${manuscript.length} UTF-16 units), ` +
    `${runs} runs, Node ${process.version}, load average ${load.toFixed(1)}`,
);
console.log(
  '| what | median wall ms | MB/s (wall) | median CPU ms | MB/s (CPU) | items | CPU time vs parseCitations |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const result of results) {
  console.log(
    `| ${result.name} | ${result.wallMedian.toFixed(0)} | ${result.wallRate.toFixed(1)} | ${result.cpuMedian.toFixed(0)} | ` +
      `${result.cpuRate.toFixed(1)} | ${result.items} | ${(result.cpuMedian / ours).toFixed(2)}× |`,
  );
}
