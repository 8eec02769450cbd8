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
// Wall and CPU (user + system) milliseconds since the previous lap; CPU time is what machine load inflates least.
const lap = (() => { let last = performance.now(); let cpu = process.cpuUsage(); return () => { const now = performance.now(); const used = process.cpuUsage(cpu); const result = [now - last, (used.user + used.system) / 1000]; last = now; cpu = process.cpuUsage(); return result; }; })();
const times = {};
const { loadStudy } = await import(${JSON.stringify(join(packages, 'study/dist/index.js'))}); times['import study, bibliography, sources'] = lap();
(await import(${JSON.stringify(join(packages, 'cli/dist/output/csl-files.js'))})).useNodeCslFiles();
const { readManuscript } = await import(${JSON.stringify(join(packages, 'ingest/dist/index.js'))}); times['import ingest'] = lap();
const { parseCitations } = await import(${JSON.stringify(join(packages, 'citations/dist/index.js'))});
const { checkManuscript } = await import(${JSON.stringify(join(packages, 'check/dist/index.js'))}); times['import citations, check'] = lap();
const { nodeFileSource } = await import(${JSON.stringify(join(packages, 'cli/dist/output/node-file-source.js'))});
const study = await loadStudy(nodeFileSource, 'studies/nav-relasjon'); times['loadStudy (study.yaml, references.yaml, 4 records)'] = lap();
const manuscript = await readManuscript(study.config.manuscript); times['readManuscript'] = lap();
const citations = parseCitations(manuscript.text); times['parseCitations'] = lap();
checkManuscript({ manuscript, citations, entries: study.entries, included: study.config.included }); times['checkManuscript'] = lap();
console.log(JSON.stringify(times));
`;

const samples = {};
for (let run = 0; run < runs; run++) {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  for (const [phase, [wall, cpu]] of Object.entries(JSON.parse(result.stdout))) {
    samples[phase] ??= { wall: [], cpu: [] };
    samples[phase].wall.push(wall);
    samples[phase].cpu.push(cpu);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log('| phase (fresh process) | median wall (ms) | median CPU (ms) |');
console.log('|---|---|---|');
for (const [phase, { wall, cpu }] of Object.entries(samples))
  console.log(`| ${phase} | ${median(wall).toFixed(0)} | ${median(cpu).toFixed(0)} |`);
console.log(`\n${runs} runs, Node ${process.version}.`);
