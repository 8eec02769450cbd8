// Benchmark: ingest of plain text and Markdown, and locate(). Run after building
// (npx -y pnpm@10 build):
//   node scripts/bench/ingest-throughput.mjs [runs] [text-megabytes] [markdown-megabytes]
// Inputs: the seed thesis as given (PDF-copied, double-spaced text), and the seed repeated to the
// size asked for (each copy marked by a word at its line ends); for Markdown, the seed's paragraphs as Markdown paragraphs under headings.
// Peers measured in the same run on the same input:
// - text: one NFC pass plus a split into lines (the least any reader of the file must do);
// - Markdown: remark-parse alone (unified + remark-gfm + remark-frontmatter), without our walk.
// Prints the median of the runs.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { markdownToManuscript, textToManuscript } from '../../packages/ingest/dist/index.js';
import remarkFrontmatter from '../../packages/ingest/node_modules/remark-frontmatter/index.js';
import remarkGfm from '../../packages/ingest/node_modules/remark-gfm/index.js';
import remarkParse from '../../packages/ingest/node_modules/remark-parse/index.js';
import { unified } from '../../packages/ingest/node_modules/unified/index.js';

const runs = Number(process.argv[2] ?? 5);
const textMegabytes = Number(process.argv[3] ?? 10);
const markdownMegabytes = Number(process.argv[4] ?? 2);

const seed = readFileSync(
  new URL('../../studies/nav-relasjon/manuscript.txt', import.meta.url),
  'utf8',
);

function repeatTo(unit, megabytes, joiner) {
  const parts = [];
  let size = 0;
  while (size < megabytes * 1024 * 1024) {
    parts.push(unit);
    size += unit.length + joiner.length;
  }
  return parts.join(joiner);
}

// Copies of the seed differ in one word per line, as the pages of a real thesis do: identical
// lines repeated on every page would (rightly) be taken for running headers.
function copyName(copy) {
  let name = '';
  let rest = copy;
  do {
    name += String.fromCharCode(97 + (rest % 26));
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return name;
}
function repeatSeed(megabytes) {
  const parts = [];
  let size = 0;
  for (let copy = 0; size < megabytes * 1024 * 1024; copy += 1) {
    const part = seed.replace(/(\S)( ?)$/gmu, `$1 ${copyName(copy)}$2`);
    parts.push(part);
    size += part.length + 1;
  }
  return parts.join('\n');
}
const bigText = repeatSeed(textMegabytes);
const seedManuscript = textToManuscript(seed, { path: 'seed.txt' });
const markdownUnit = seedManuscript.blocks
  .map((block) => {
    const text = seedManuscript.text.slice(block.start, block.end);
    return block.kind === 'heading'
      ? `## ${text}`
      : block.kind === 'block-quote'
        ? `> ${text}`
        : text;
  })
  .join('\n\n');
const bigMarkdown = repeatTo(markdownUnit, markdownMegabytes, '\n\n');
const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

function measure(name, input, run) {
  // Warm up for at least 300 ms so that small inputs are measured with optimised code.
  const warmUntil = performance.now() + 300;
  do run();
  while (performance.now() < warmUntil);
  const times = [];
  for (let index = 0; index < runs; index += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1];
  const megabytes = Buffer.byteLength(input, 'utf8') / 1024 / 1024;
  console.log(
    `${name.padEnd(44)} ${median.toFixed(1).padStart(9)} ms  ${(megabytes / (median / 1000)).toFixed(1).padStart(7)} MB/s`,
  );
  return median;
}

console.log(`node ${process.version}, ${runs} runs, median`);
measure('seed: textToManuscript', seed, () => textToManuscript(seed, { path: 'seed.txt' }));
measure('seed: peer NFC + split lines', seed, () => seed.normalize('NFC').split(/\r\n|\r|\n/u));
const text = measure(`${textMegabytes} MB text: textToManuscript`, bigText, () =>
  textToManuscript(bigText, { path: 'big.txt' }),
);
const textPeer = measure(`${textMegabytes} MB text: peer NFC + split lines`, bigText, () =>
  bigText.normalize('NFC').split(/\r\n|\r|\n/u),
);
const markdown = measure(
  `${markdownMegabytes} MB Markdown: markdownToManuscript`,
  bigMarkdown,
  () => markdownToManuscript(bigMarkdown, { path: 'big.md' }),
);
const markdownPeer = measure(
  `${markdownMegabytes} MB Markdown: peer remark parse only`,
  bigMarkdown,
  () => remark.parse(bigMarkdown),
);
console.log(
  `ratio text/peer ${(text / textPeer).toFixed(1)}×, markdown/peer ${(markdown / markdownPeer).toFixed(2)}×`,
);

// locate(): one call per citation; measure a million calls at random offsets on the big text.
const big = textToManuscript(bigText, { path: 'big.txt' });
const offsets = Array.from({ length: 1_000_000 }, (_, index) => (index * 7919) % big.text.length);
const locateTimes = [];
for (let round = 0; round < runs; round += 1) {
  const start = performance.now();
  let sum = 0;
  for (const offset of offsets) sum += big.locate(offset).line;
  locateTimes.push(performance.now() - start);
  if (sum === 0) console.log('unreachable');
}
locateTimes.sort((a, b) => a - b);
console.log(
  `locate(): ${((locateTimes[locateTimes.length >> 1] * 1e6) / offsets.length).toFixed(0)} ns per call on ${(big.text.length / 1e6).toFixed(1)} M characters`,
);
