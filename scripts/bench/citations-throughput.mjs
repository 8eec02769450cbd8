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

const seed = readFileSync(new URL('../../studies/nav-relasjon/manuscript.txt', import.meta.url), 'utf8');
const blocks = seed
  .split(/\n[ \t]*\n[ \t]*\n/u)
  .map((block) => block.split('\n').map((line) => line.trim()).filter((line) => line.length > 0).join(' '))
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
  for (const match of text.matchAll(/\(([A-ZÆØÅ][^)]+)\)/gu)) found.push(...(match[1] ?? '').split('; '));
  return found;
}

function countYears(text) {
  let count = 0;
  for (const _ of text.matchAll(/\d{4}/gu)) count += 1;
  return count;
}

function measure(name, run) {
  run(); // warm up
  const times = [];
  let result;
  for (let index = 0; index < runs; index += 1) {
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  return { name, median, megabytesPerSecond: bytes / 1024 / 1024 / (median / 1000), items: result };
}

const results = [
  measure('parseCitations', () => parseCitations(manuscript).length),
  measure('naive regex extractor (peer)', () => naiveExtract(manuscript).length),
  measure('one regex pass /\\d{4}/g (peer)', () => countYears(manuscript)),
];
const ours = results[0]?.median ?? 1;
console.log(`manuscript: ${(bytes / 1024 / 1024).toFixed(1)} MB (${bytes} bytes UTF-8, ${manuscript.length} UTF-16 units), ${runs} runs, Node ${process.version}`);
console.log('| what | median ms | MB/s | items | time vs parseCitations |');
console.log('|---|---:|---:|---:|---:|');
for (const result of results) {
  console.log(
    `| ${result.name} | ${result.median.toFixed(0)} | ${result.megabytesPerSecond.toFixed(1)} | ${result.items} | ${(result.median / ours).toFixed(2)}× |`,
  );
}
