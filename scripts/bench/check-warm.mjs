#!/usr/bin/env node
// checkManuscript on the real study in one warm process: the resolution and rules alone, without
// start-up. Give other builds of @litsynth/check (their dist/index.js) to compare them in the same
// run, alternating so that machine load hits all alike.
// Usage: node scripts/bench/check-warm.mjs [runs=30] [other/dist/index.js …]   (build first)
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const packages = join(root, 'packages');
const runs = Number.parseInt(process.argv[2] ?? '30', 10);
const builds = [
  join(packages, 'check/dist/index.js'),
  ...process.argv.slice(3).map((path) => resolve(path)),
];

const { loadStudy } = await import(join(packages, 'study/dist/index.js'));
const { readManuscript } = await import(join(packages, 'ingest/dist/index.js'));
const { parseCitations } = await import(join(packages, 'citations/dist/index.js'));
// The CSL styles come from disk as in the CLI (the libraries have no file system).
(await import(join(packages, 'cli/dist/output/csl-files.js'))).useNodeCslFiles();
const { nodeFileSource } = await import(join(packages, 'cli/dist/output/node-file-source.js'));
const study = await loadStudy(nodeFileSource, join(root, 'studies/nav-relasjon'));
const manuscript = await readManuscript(study.config.manuscript);
const citations = parseCitations(manuscript.text);
const checks = await Promise.all(builds.map(async (path) => (await import(path)).checkManuscript));

const samples = builds.map(() => []);
for (let run = 0; run < runs + 3; run++) {
  checks.forEach((checkManuscript, index) => {
    const started = performance.now();
    checkManuscript({
      manuscript,
      citations,
      entries: study.entries,
      included: study.config.included,
    });
    // The first three runs warm the JIT and are not counted.
    if (run >= 3) samples[index].push(performance.now() - started);
  });
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const base = median(samples[0]);
console.log('| build of @litsynth/check | median (ms) | ratio |\n|---|---|---|');
builds.forEach((path, index) => {
  const value = median(samples[index]);
  console.log(
    `| ${path.slice(root.length + 1)} | ${value.toFixed(1)} | ${(value / base).toFixed(2)} |`,
  );
});
console.log(`\n${runs} runs each, warm, Node ${process.version}.`);
