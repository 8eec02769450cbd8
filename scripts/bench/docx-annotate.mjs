#!/usr/bin/env node
// Benchmark of `--annotate`: writing the check's problems as Word comments into the real thesis
// (../shared/real-theses/cirotzki-master-2026-en.docx, 1.1 MB, Zotero, ~300 citations, read where
// it lies). Measured in fresh processes, median of several runs:
//   - annotateDocx alone (the comments made from the check beforehand): wall and CPU time of the call;
//   - the whole command `litsynth check … --annotate OUT.docx` against `litsynth check …` (the
//     difference is what annotating adds for the user);
//   - peer: unzipping and zipping the same package with fflate and nothing else (the floor).
//
//   node scripts/bench/docx-annotate.mjs [--runs 7]
//
// Needs the built packages (npx -y pnpm@10 build).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 7);
const thesis = resolve(root, '../shared/real-theses/cirotzki-master-2026-en.docx');
if (!existsSync(thesis)) throw new Error(`${thesis} is missing`);
const work = mkdtempSync(join(tmpdir(), 'litsynth-bench-annotate-'));
const url = (path) => JSON.stringify(pathToFileURL(join(root, path)).href);

const prepare = `
  const { readFileSync } = await import('node:fs');
  const { readManuscript } = await import(${url('packages/ingest/dist/index.js')});
  const { parseCitations } = await import(${url('packages/citations/dist/index.js')});
  const { checkManuscript, checkRules } = await import(${url('packages/check/dist/index.js')});
  const { annotateDocx, diagnosticsToComments } = await import(${url('packages/docx-comments/dist/index.js')});
  const manuscript = await readManuscript(${JSON.stringify(thesis)});
  const result = checkManuscript({ manuscript, citations: parseCitations(manuscript.text), entries: [], language: 'en' });
  const bytes = readFileSync(${JSON.stringify(thesis)});`;
const cases = {
  'annotateDocx (comments made beforehand)': `${prepare}
    const cpu = process.cpuUsage(); const t = performance.now();
    const { comments } = diagnosticsToComments(result.diagnostics, manuscript, { lang: 'en', rules: checkRules });
    const out = annotateDocx(bytes, { comments, lang: 'en' });
    const ms = performance.now() - t; const used = process.cpuUsage(cpu);
    report(ms, (used.user + used.system) / 1000, comments.length + ' comments, ' + out.bytes.length + ' bytes');`,
  'peer: fflate unzip + zip, nothing else': `
    const { readFileSync } = await import('node:fs');
    const { unzipSync, zipSync } = await import(${url('packages/docx-comments/node_modules/fflate/esm/index.mjs')});
    const bytes = readFileSync(${JSON.stringify(thesis)});
    const cpu = process.cpuUsage(); const t = performance.now();
    const files = unzipSync(bytes); const out = zipSync(files, { level: 6 });
    const ms = performance.now() - t; const used = process.cpuUsage(cpu);
    report(ms, (used.user + used.system) / 1000, Object.keys(files).length + ' parts, ' + out.length + ' bytes');`,
};

function inProcess(body) {
  const code = `const report = (ms, cpu, what) => console.log(JSON.stringify({ ms, cpu, what }));\n${body}`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

function command(extra) {
  const start = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'packages/cli/dist/bin.js'),
      'check',
      thesis,
      '--lang',
      'en',
      '--format',
      'json',
      ...extra,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 1)
    throw new Error(`litsynth check exited ${result.status}: ${result.stderr}`);
  return performance.now() - start;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const round = (value) => Math.round(value);

try {
  inProcess(cases['annotateDocx (comments made beforehand)']); // warm the file cache
  const rows = [];
  for (const [name, body] of Object.entries(cases)) {
    const samples = Array.from({ length: runs }, () => inProcess(body));
    rows.push(
      `| ${name} | ${round(median(samples.map((s) => s.ms)))} | ${round(median(samples.map((s) => s.cpu)))} | ${samples[0].what} |`,
    );
  }
  const out = join(work, 'annotated.docx');
  const plain = [];
  const annotated = [];
  for (let run = 0; run < runs; run++) {
    plain.push(command([]));
    annotated.push(command(['--annotate', out]));
  }
  rows.push(`| litsynth check (process) | ${round(median(plain))} | – | JSON report |`);
  rows.push(
    `| litsynth check --annotate (process) | ${round(median(annotated))} | – | JSON report + annotated copy |`,
  );
  console.log(
    `Load average before the last run: ${(await import('node:os'))
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(', ')}; ${runs} runs each.\n`,
  );
  console.log('| what | median wall ms | median CPU ms | output |');
  console.log('|---|---:|---:|---|');
  console.log(rows.join('\n'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
