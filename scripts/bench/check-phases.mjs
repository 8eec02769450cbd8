#!/usr/bin/env node
// Where the time of `litsynth check studies/nav-relasjon` goes: each phase measured in a fresh
// process (so module loading and first-call compilation count, as they do for a user), median of
// several runs. Usage: node scripts/bench/check-phases.mjs [runs=7]   (build first)
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const runs = Number.parseInt(process.argv[2] ?? '7', 10);
const packages = join(root, 'packages');

// One run: import each package, then run each phase, printing the elapsed milliseconds as JSON.
const script = `
const lap = (() => { let last = performance.now(); return () => { const now = performance.now(); const ms = now - last; last = now; return ms; }; })();
const times = {};
const { loadStudy } = await import(${JSON.stringify(join(packages, 'study/dist/index.js'))}); times['import study, bibliography, sources'] = lap();
const { readManuscript } = await import(${JSON.stringify(join(packages, 'ingest/dist/index.js'))}); times['import ingest'] = lap();
const { parseCitations } = await import(${JSON.stringify(join(packages, 'citations/dist/index.js'))});
const { checkManuscript } = await import(${JSON.stringify(join(packages, 'check/dist/index.js'))}); times['import citations, check'] = lap();
const study = await loadStudy('studies/nav-relasjon'); times['loadStudy (study.yaml, references.yaml, 4 records)'] = lap();
const manuscript = await readManuscript(study.config.manuscript); times['readManuscript'] = lap();
const citations = parseCitations(manuscript.text); times['parseCitations'] = lap();
checkManuscript({ manuscript, citations, entries: study.entries, included: study.config.included }); times['checkManuscript'] = lap();
console.log(JSON.stringify(times));
`;

const samples = {};
for (let run = 0; run < runs; run++) {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  for (const [phase, ms] of Object.entries(JSON.parse(result.stdout))) (samples[phase] ??= []).push(ms);
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log('| phase (fresh process) | median (ms) |');
console.log('|---|---|');
for (const [phase, values] of Object.entries(samples)) console.log(`| ${phase} | ${median(values).toFixed(0)} |`);
console.log(`\n${runs} runs, Node ${process.version}.`);
