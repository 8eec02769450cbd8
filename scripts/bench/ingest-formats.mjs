#!/usr/bin/env node
// Benchmark of reading .docx and .pdf manuscripts: a 100-page thesis (the fixture thesis body
// repeated, made by scripts/make-format-fixtures.mjs --bench with pandoc and LibreOffice) read by
// @litsynth/ingest's readManuscript, against the libraries used directly in the same run
// (mammoth's own HTML conversion and raw text; pdf.js text content of every page, without
// layout) and against the plain-text form of the same thesis. Every measurement runs in a fresh
// process; "read" is the time of the call after the modules are loaded, "process" the whole
// process wall time. The figure is the median of several runs.
//
//   node scripts/bench/ingest-formats.mjs [--runs 5] [--dir DIR]
//
// Needs the built packages (npx -y pnpm@10 build), and pandoc + soffice when DIR has no thesis yet.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
};
const runs = Number(option('--runs', '5'));
const dir = resolve(option('--dir', join(tmpdir(), 'litsynth-bench-formats')));
const docx = join(dir, 'thesis-100.docx');
const pdf = join(dir, 'thesis-100.pdf');
const txt = join(dir, 'thesis-100.txt');
if (!existsSync(docx) || !existsSync(pdf)) {
  execFileSync(process.execPath, [join(root, 'scripts/make-format-fixtures.mjs'), '--bench', dir], {
    stdio: 'inherit',
  });
}

const url = (path) => pathToFileURL(join(root, path)).href;
const ingest = url('packages/ingest/dist/index.js');
const mammoth = url('packages/ingest/node_modules/mammoth/lib/index.js');
const pdfjs = url('packages/ingest/node_modules/pdfjs-dist/legacy/build/pdf.mjs');

// Each body imports what it needs, then times only the reading.
const cases = {
  'litsynth readManuscript (.docx)': `const { readManuscript } = await import(${JSON.stringify(ingest)});
    const t = performance.now(); const m = await readManuscript(${JSON.stringify(docx)}); const ms = performance.now() - t;
    out(ms, m.text.length, m.hasPages ? 'pages' : 'no pages');`,
  'mammoth.convertToHtml (.docx)': `const { default: mammoth } = await import(${JSON.stringify(mammoth)});
    const t = performance.now(); const r = await mammoth.convertToHtml({ path: ${JSON.stringify(docx)} }); const ms = performance.now() - t;
    out(ms, r.value.length, 'html');`,
  'mammoth.extractRawText (.docx)': `const { default: mammoth } = await import(${JSON.stringify(mammoth)});
    const t = performance.now(); const r = await mammoth.extractRawText({ path: ${JSON.stringify(docx)} }); const ms = performance.now() - t;
    out(ms, r.value.length, 'raw text');`,
  'litsynth readManuscript (.pdf)': `const { readManuscript } = await import(${JSON.stringify(ingest)});
    const t = performance.now(); const m = await readManuscript(${JSON.stringify(pdf)}); const ms = performance.now() - t;
    out(ms, m.text.length, m.hasPages ? 'pages' : 'no pages');`,
  'pdf.js getTextContent, all pages (.pdf)': `const pdfjs = await import(${JSON.stringify(pdfjs)});
    const { readFileSync } = await import('node:fs');
    const t = performance.now();
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(${JSON.stringify(pdf)})), verbosity: 0, isEvalSupported: false }).promise;
    let length = 0;
    for (let p = 1; p <= doc.numPages; p++) { const c = await (await doc.getPage(p)).getTextContent(); for (const i of c.items) length += i.str?.length ?? 0; }
    const ms = performance.now() - t; out(ms, length, doc.numPages + ' pages');`,
  'litsynth readManuscript (.txt, same thesis)': `const { readManuscript } = await import(${JSON.stringify(ingest)});
    const t = performance.now(); const m = await readManuscript(${JSON.stringify(txt)}); const ms = performance.now() - t;
    out(ms, m.text.length, m.hasPages ? 'pages' : 'no pages');`,
};

function measure(body) {
  const code = `const out = (ms, size, what) => console.log(JSON.stringify({ ms, size, what }));\n${body}`;
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    encoding: 'utf8',
  });
  const wall = performance.now() - start;
  if (result.status !== 0) throw new Error(result.stderr);
  return { ...JSON.parse(result.stdout.trim().split('\n').at(-1)), wall };
}

function cli(file) {
  const start = performance.now();
  spawnSync(
    process.execPath,
    [join(root, 'packages/cli/dist/bin.js'), 'check', file, '--format', 'json'],
    { encoding: 'utf8' },
  );
  return performance.now() - start;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const pages = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout?.match(
  /Pages:\s+(\d+)/,
)?.[1];
console.log(
  `thesis: ${docx} (${(statSync(docx).size / 1024).toFixed(0)} KiB), ${pdf} (${(statSync(pdf).size / 1024).toFixed(0)} KiB${pages ? `, ${pages} pages` : ''}); ${runs} runs each\n`,
);
console.log('| reader | read (median) | process (median) | text chars | note |');
console.log('|---|---:|---:|---:|---|');
const results = {};
for (const [name, body] of Object.entries(cases)) {
  const samples = Array.from({ length: runs }, () => measure(body));
  results[name] = median(samples.map((sample) => sample.ms));
  console.log(
    `| ${name} | ${results[name].toFixed(0)} ms | ${median(samples.map((sample) => sample.wall)).toFixed(0)} ms | ${samples[0].size} | ${samples[0].what} |`,
  );
}
for (const [name, file] of [
  ['litsynth check (.docx), whole CLI', docx],
  ['litsynth check (.pdf), whole CLI', pdf],
  ['litsynth check (.txt), whole CLI', txt],
]) {
  console.log(
    `| ${name} | | ${median(Array.from({ length: runs }, () => cli(file))).toFixed(0)} ms | | |`,
  );
}
const ratio = (a, b) => (results[a] / results[b]).toFixed(2);
console.log(
  `\nratios: docx ours / mammoth HTML = ${ratio('litsynth readManuscript (.docx)', 'mammoth.convertToHtml (.docx)')}, pdf ours / pdf.js raw = ${ratio('litsynth readManuscript (.pdf)', 'pdf.js getTextContent, all pages (.pdf)')}`,
);
