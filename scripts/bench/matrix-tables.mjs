// Benchmark: the matrix and every table in every format for a generated study of 500 sources,
// 5,000 findings and 200 concepts. Run after building (npx -y pnpm@10 build):
//   node scripts/bench/matrix-tables.mjs [runs]
// Prints the median of the runs per stage, and peers on the same tables: mdast-util-to-markdown
// with the GFM table extension, and plain string joining without escaping.
import { performance } from 'node:perf_hooks';
import { parseCitations } from '../../packages/citations/dist/index.js';
import { textToManuscript } from '../../packages/ingest/dist/index.js';
import { buildDiscussionMap, buildMatrix } from '../../packages/matrix/dist/index.js';
import {
  articleMatrixTable,
  discussionMapTable,
  discussionTables,
  findingsMatrixTable,
  gapsTable,
  matrixToTable,
  searchHistoryTable,
  similaritiesTable,
  renderTableFiles,
  tableRows,
  tableToGfm,
} from '../../packages/tables/dist/index.js';
// The peer library, resolved from the tables package that depends on it.
const { createRequire } = await import('node:module');
const requireFromTables = createRequire(
  new URL('../../packages/tables/package.json', import.meta.url),
);
const { toMarkdown } = await import(requireFromTables.resolve('mdast-util-to-markdown'));
const { gfmTableToMarkdown } = await import(requireFromTables.resolve('mdast-util-gfm-table'));

const runs = Number(process.argv[2] ?? 7);
const sourceCount = 500;
const findingsPerSource = 10;
const conceptCount = 200;

// A small deterministic generator (mulberry32), so every run builds the same study.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(42);
const words =
  'relasjon tillit makt hjelp kontroll bruker veileder møte respekt empati anerkjennelse dialog mestring arbeid'.split(
    ' ',
  );
const sentence = (n) =>
  Array.from({ length: n }, () => words[Math.floor(next() * words.length)]).join(' ');
const localized = (text) => ({ nb: text, en: text });

const concepts = Array.from({ length: conceptCount }, (_, index) => ({
  id: `concept${index}`,
  label: localized(`Begrep ${index}`),
  theory: localized(`Teori ${index % 12}`),
  source: `theory${index % 12}`,
  terms: { nb: [`begrep${index}`], en: [`concept${index}`] },
}));
// Family names of letters only ("Hansenaab"), as the citation parser expects names to be.
const letters = (index) =>
  [2, 1, 0]
    .map((power) => String.fromCharCode(97 + (Math.floor(index / 26 ** power) % 26)))
    .join('');
const records = Array.from({ length: sourceCount }, (_, index) => {
  const id = `author${index}${2000 + (index % 24)}`;
  return {
    id,
    file: `sources/${id}.md`,
    entry: {
      id,
      item: {
        id,
        type: 'article-journal',
        title: sentence(8),
        'container-title': `Journal ${index % 30}`,
        author: [{ family: `Hansen${letters(index)}` }, { family: 'Berg' }, { family: 'Dahl' }],
        issued: { 'date-parts': [[2000 + (index % 24)]] },
      },
      origin: { file: `sources/${id}.md`, line: 2 },
    },
    characteristics: {
      aim: localized(sentence(12)),
      design: localized(index % 3 === 0 ? 'Kvalitativ studie' : 'Kvantitativ studie'),
      dataCollection: localized(sentence(5)),
      participants: localized(`${10 + (index % 40)} deltakere`),
      setting: localized(sentence(4)),
      country: localized(index % 5 === 0 ? 'Sverige' : 'Norge'),
      peerReviewed: true,
      notes: [],
      unknown: [],
    },
    findings: Array.from({ length: findingsPerSource }, (_, f) => ({
      id: `${id}-f${f + 1}`,
      source: id,
      label: localized(sentence(4)),
      statement: localized(sentence(25)),
      page: String(10 + f),
      quotes: [],
      line: 30 + f * 5,
    })),
  };
});
const relations = ['supports', 'nuances', 'contradicts'];
const coding = records.flatMap((record) =>
  record.findings.flatMap((finding) =>
    Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
      finding: finding.id,
      concept: `concept${Math.floor(next() * (conceptCount - 5))}`, // the last five stay uncoded: gaps
      relation: relations[Math.floor(next() * 3)],
    })),
  ),
);
const entries = Array.from({ length: 12 }, (_, index) => ({
  id: `theory${index}`,
  item: {
    id: `theory${index}`,
    type: 'book',
    author: [{ family: `Theorist${index}` }],
    issued: { 'date-parts': [[1990 + index]] },
  },
}));
const search = Array.from({ length: 10 }, (_, index) => ({
  database: `Database ${index}`,
  terms: words.slice(0, 6),
  hits: 100 + index,
  ...(index % 2 ? {} : { date: '2024-01-01' }),
}));

// The peers run in their own pass, so that their garbage does not land on the pipeline's runs.
function runPeers(tables) {
  const stages = {};
  const time = (name, work) => {
    const start = performance.now();
    work();
    stages[name] = performance.now() - start;
  };
  time('peer: string-joined Markdown', () => {
    for (const table of tables) naiveMarkdown(table);
  });
  time('peer: mdast-util-to-markdown', () => {
    for (const table of tables)
      toMarkdown(
        { type: 'root', children: [table.table] },
        { extensions: [gfmTableToMarkdown({ tablePipeAlign: false })] },
      );
  });
  time('our GFM table writer', () => {
    for (const table of tables) tableToGfm(table.table);
  });
  return stages;
}

// A manuscript with results and discussion chapters: 1,000 discussion paragraphs, each citing two
// sources and naming a few concepts, so the discussion map has real work.
const cite = (record) =>
  `(${record.entry.item.author[0].family} et al., ${record.entry.item.issued['date-parts'][0][0]})`;
const paragraphs = ['1.0 Innledning', 'Om relasjoner.', '3.0 Resultater'];
for (const record of records) paragraphs.push(`Artikkelen viser ${sentence(10)} ${cite(record)}.`);
paragraphs.push('5.0 Drøfting');
for (let index = 0; index < 1000; index++) {
  const a = records[Math.floor(next() * records.length)];
  const b = records[Math.floor(next() * records.length)];
  const named = Array.from({ length: 3 }, () => `begrep${Math.floor(next() * conceptCount)}`).join(
    ' og ',
  );
  paragraphs.push(`${sentence(20)} ${named} ${cite(a)}. ${sentence(15)} ${cite(b)}.`);
}
paragraphs.push('6.0 Konklusjon', 'Slutt.');
const manuscriptText = paragraphs.join('\n\n');

function buildAll() {
  const stages = {};
  const time = (name, work) => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const result = work();
    stages[name] = (stages[name] ?? 0) + performance.now() - start;
    const used = process.cpuUsage(cpu);
    stages[`${name} CPU`] = (stages[`${name} CPU`] ?? 0) + (used.user + used.system) / 1000;
    return result;
  };
  const lang = 'nb';
  const cpuStart = process.cpuUsage();
  const matrix = time('buildMatrix', () => buildMatrix({ records, concepts, coding }));
  // Reading the manuscript is @litsynth/ingest and @litsynth/citations; it is timed apart.
  const { manuscript, citations } = time('read manuscript + citations', () => {
    const read = textToManuscript(manuscriptText, { path: 'thesis.txt' });
    return { manuscript: read, citations: parseCitations(read.text) };
  });
  const discussion = time('discussion map', () =>
    buildDiscussionMap({
      manuscript,
      citations,
      records,
      concepts,
      matrix,
      chapters: { results: '3.0', discussion: '5.0' },
    }),
  );
  if (discussion.mentions.length === 0)
    throw new Error('the generated discussion should be mapped');
  const input = { records, concepts, matrix, entries, lang, discussion };
  const tables = time('tables as mdast', () => [
    searchHistoryTable(search, { lang }),
    articleMatrixTable(records, { lang }),
    ...discussionTables(input),
    similaritiesTable(input),
    matrixToTable(input),
    findingsMatrixTable(input),
    gapsTable(input),
    discussionMapTable(input),
  ]);
  let bytes = 0;
  // What `litsynth tables` and `litsynth matrix` write: every table in every format, plus the combined documents.
  time('files: md, html, csv, json', () => {
    for (const file of renderTableFiles(tables, {
      name: 'tables',
      title: 'Tabeller',
      separator: ';',
    }))
      bytes += file.data.length;
  });
  const cpu = process.cpuUsage(cpuStart);
  stages['CPU time (user + system)'] = (cpu.user + cpu.system) / 1000;
  return { stages, tables, bytes };
}

// The peer: what a hand-written writer does (escape pipes, join cells), without a syntax tree.
function naiveMarkdown(table) {
  const { columns, rows } = tableRows(table);
  const line = (cells) =>
    `| ${cells.map((cell) => cell.replace(/\|/g, '\\|').replace(/\n/g, '<br>')).join(' | ')} |`;
  return [
    `*${table.title}*`,
    '',
    line(columns),
    `| ${columns.map(() => '-').join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
buildAll(); // warm-up
const results = [];
for (let run = 0; run < runs; run++) results.push(buildAll());
const peerRuns = [];
for (let run = 0; run < Math.min(runs, 3); run++) peerRuns.push(runPeers(results[0].tables));
const stage = (name) => median(results.map((result) => result.stages[name]));
const peer = (name) => median(peerRuns.map((result) => result[name]));
const pipeline = [
  'buildMatrix',
  'read manuscript + citations',
  'discussion map',
  'tables as mdast',
  'files: md, html, csv, json',
];
const total = median(
  results.map((result) => pipeline.reduce((sum, name) => sum + result.stages[name], 0)),
);
console.log(
  `matrix and tables: ${sourceCount} sources, ${sourceCount * findingsPerSource} findings, ${conceptCount} concepts, ${coding.length} links; ${results[0].tables.length} tables, ${(results[0].bytes / 1e6).toFixed(1)} MB written; median of ${runs} runs`,
);
console.log(`  ${'stage'.padEnd(34)} ${'wall'.padStart(9)} ${'CPU'.padStart(9)}`);
for (const name of pipeline)
  console.log(
    `  ${name.padEnd(34)} ${stage(name).toFixed(0).padStart(6)} ms ${stage(`${name} CPU`).toFixed(0).padStart(6)} ms`,
  );
console.log(
  `  ${'total'.padEnd(34)} ${total.toFixed(0).padStart(6)} ms wall, ${stage('CPU time (user + system)').toFixed(0)} ms CPU`,
);
for (const name of Object.keys(peerRuns[0]))
  console.log(`  ${name.padEnd(34)} ${peer(name).toFixed(0).padStart(6)} ms`);
console.log(
  `  table rows as GFM: mdast-util-to-markdown ${(peer('peer: mdast-util-to-markdown') / peer('our GFM table writer')).toFixed(1)}× our writer; our writer ${(peer('our GFM table writer') / peer('peer: string-joined Markdown')).toFixed(1)}× string joining`,
);
