// Benchmark: reading and validating source records, and loading a concept framework and coding,
// for a generated library of 500 records × 10 findings, 200 concepts and 5,000 coding links.
// Run after building (npx -y pnpm@10 build):
//   node scripts/bench/sources-records.mjs [runs]
// Prints the median of the runs per stage. Peers in the same run: the floor of the same work
// without our validation (reading the files, remark + remark-frontmatter parse, yaml parse) and
// plain yaml.parse of the concept and coding files.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { nodeFileSource } from '../../packages/cli/dist/output/node-file-source.js';
import { readSourceRecords } from '../../packages/sources/dist/index.js';
import { loadCoding, loadConcepts } from '../../packages/matrix/dist/index.js';

// Peer libraries, resolved from the sources package that depends on them.
const requireFromSources = createRequire(
  new URL('../../packages/sources/package.json', import.meta.url),
);
const { unified } = await import(requireFromSources.resolve('unified'));
const { default: remarkParse } = await import(requireFromSources.resolve('remark-parse'));
const { default: remarkFrontmatter } = await import(
  requireFromSources.resolve('remark-frontmatter')
);
const yaml = await import(requireFromSources.resolve('yaml'));

const runs = Number(process.argv[2] ?? 7);
const recordCount = 500;
const findingsPerRecord = 10;
const conceptCount = 200;

const words =
  'relasjon tillit makt hjelp kontroll bruker veileder møte respekt empati anerkjennelse dialog mestring arbeid'.split(
    ' ',
  );
let seed = 42;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const sentence = (n) =>
  Array.from({ length: n }, () => words[Math.floor(next() * words.length)]).join(' ');

function recordText(index) {
  const id = `source${index}`;
  const findings = Array.from({ length: findingsPerRecord }, (_, f) =>
    [
      `### ${sentence(3)} | ${sentence(3)} {#${id}-f${f} page=${f + 1}}`,
      '',
      `nb: ${sentence(30)}`,
      '',
      `en: ${sentence(30)}`,
      '',
      f % 3 === 0 ? `> «${sentence(12)}» (s. ${f + 1})\n` : '',
    ].join('\n'),
  );
  return `---
id: ${id}
entry:
  type: article-journal
  title: '${sentence(8)}'
  container-title: Tidsskrift ${index % 20}
  author: [{ family: Forfatter${index} }, { family: Medforfatter${index} }]
  issued: { date-parts: [[${2000 + (index % 20)}]] }
  verification: { status: unverified, evidence: [generated], notes: [A generated record.] }
characteristics:
  aim: { nb: ${sentence(12)}, en: ${sentence(12)} }
  design: { nb: Kvalitativ, en: Qualitative }
  dataCollection: { nb: Intervjuer, en: Interviews }
  participants: { nb: ${index % 40} brukere, en: ${index % 40} users }
  setting: unknown
  country: { nb: Norge, en: Norway }
  dataYears: ${2000 + (index % 20)}
  peerReviewed: true
---

# Forfatter${index} (${2000 + (index % 20)})

## Funn / Findings

${findings.join('\n')}
`;
}

const conceptsText = `theories:\n${Array.from(
  { length: 20 },
  (_, t) => `  - id: theory${t}
    label: { nb: Teori ${t}, en: Theory ${t} }
    source: source${t}
    concepts:
${Array.from(
  { length: conceptCount / 20 },
  (_, c) => `      - id: concept${t * 10 + c}
        label: { nb: Begrep ${t * 10 + c}, en: Concept ${t * 10 + c} }
        definition: { nb: ${sentence(15)}, en: ${sentence(15)} }
        terms: { nb: [begrep${t * 10 + c}*], en: [concept${t * 10 + c}] }`,
).join('\n')}`,
).join('\n')}\n`;

const relations = ['supports', 'nuances', 'contradicts'];
const codingText = Array.from({ length: recordCount * findingsPerRecord }, (_, n) => {
  const finding = `source${Math.floor(n / findingsPerRecord)}-f${n % findingsPerRecord}`;
  return `${finding}:\n  - { concept: concept${n % conceptCount}, relation: ${relations[n % 3]}, note: { nb: ${sentence(5)}, en: ${sentence(5)} } }\n`;
}).join('');

const dir = await mkdtemp(join(tmpdir(), 'litsynth-bench-sources-'));
for (let index = 0; index < recordCount; index++)
  await writeFile(join(dir, `source${index}.md`), recordText(index));
await writeFile(join(dir, 'concepts.yaml'), conceptsText);
await writeFile(join(dir, 'coding.yaml'), codingText);
const recordsDir = dir;

async function floorParse() {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
  const names = (await readdir(recordsDir)).filter((name) => name.endsWith('.md')).sort();
  for (const name of names) {
    const tree = processor.parse(await readFile(join(recordsDir, name), 'utf8'));
    yaml.parseDocument(tree.children[0].value);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

let records;
const stages = {
  'readSourceRecords (500 records, 5,000 findings)': async () => {
    const result = await readSourceRecords(nodeFileSource, recordsDir);
    if (result.diagnostics.length > 0 || result.records.length !== recordCount)
      throw new Error(`unexpected result: ${result.diagnostics[0]?.message.en}`);
    records = result.records;
  },
  'peer: read + remark/frontmatter parse + yaml parseDocument, no validation': floorParse,
  'loadConcepts (200 concepts)': async () => {
    const result = await loadConcepts(join(dir, 'concepts.yaml'));
    if (result.framework.concepts.length !== conceptCount) throw new Error('concepts missing');
  },
  'loadCoding (5,000 links)': async () => {
    const { framework } = await loadConcepts(join(dir, 'concepts.yaml'));
    const result = await loadCoding(join(dir, 'coding.yaml'), {
      concepts: framework.concepts,
      records,
    });
    if (result.coding.links.length !== recordCount * findingsPerRecord)
      throw new Error(`links missing: ${result.diagnostics[0]?.message.en}`);
  },
  'peer: yaml.parse of concepts.yaml + coding.yaml': async () => {
    yaml.parse(await readFile(join(dir, 'concepts.yaml'), 'utf8'));
    yaml.parse(await readFile(join(dir, 'coding.yaml'), 'utf8'));
  },
};
// Stages are interleaved run by run, so that a change in machine load hits them all alike.
const samples = Object.fromEntries(Object.keys(stages).map((name) => [name, []]));
for (let run = 0; run < runs; run++) {
  for (const [name, fn] of Object.entries(stages)) {
    const start = performance.now();
    await fn();
    samples[name].push(performance.now() - start);
  }
}
const results = Object.fromEntries(
  Object.entries(samples).map(([name, values]) => [name, median(values)]),
);
await rm(dir, { recursive: true, force: true });
for (const [name, ms] of Object.entries(results))
  console.log(`${ms.toFixed(0).padStart(6)} ms  ${name}`);
const ratio =
  results['readSourceRecords (500 records, 5,000 findings)'] /
  results['peer: read + remark/frontmatter parse + yaml parseDocument, no validation'];
console.log(`readSourceRecords / parse-only floor: ${ratio.toFixed(2)}×`);
