#!/usr/bin/env node
// Benchmark of @litsynth/bibliography: loading + checking, and formatting reference lists of
// generated libraries (1,000 and 10,000 entries), against citation-js used directly and
// `pandoc --citeproc` with the same CSL style file, in the same run. Every measurement runs in a
// fresh process; the figure is the median of several runs.
//
//   node scripts/bench/bibliography-format.mjs [--runs 3] [--sizes 1000,10000]
//
// Needs the built packages (npx -y pnpm@10 build) and pandoc on PATH for the pandoc column.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const { stringify } = createRequire(
  join(dirname(fileURLToPath(import.meta.url)), '../../packages/bibliography/package.json'),
)('yaml');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bibliographyDist = join(root, 'packages/bibliography/dist/index.js');
// The CLI's CSL files and formatting platform (cache folder, worker threads): the library has neither.
const cslFilesDist = join(root, 'packages/cli/dist/output/csl-files.js');
const platformDist = join(root, 'packages/cli/dist/output/format-platform.js');
(await import(cslFilesDist)).useNodeCslFiles();
const cli = join(root, 'packages/cli/dist/bin.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
};
const runs = Number(option('--runs', '3'));
const sizes = option('--sizes', '1000,10000').split(',').map(Number);

/** A small deterministic generator, so that every run formats the same library. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const families = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Johnsen',
  'Pettersen',
  'Eriksen',
  'Berg',
  'Haugen',
  'Hagen',
  'Johannessen',
  'Andreassen',
  'Jacobsen',
  'Dahl',
  'Jørgensen',
  'Halvorsen',
  'Henriksen',
  'Lund',
  'Sørensen',
  'Jakobsen',
  'Moen',
  'Gundersen',
  'Iversen',
  'Strand',
  'Solberg',
  'Svendsen',
  'Eide',
  'Knutsen',
  'Martinsen',
  'Paulsen',
  'Bakken',
  'Kristoffersen',
  'Mathisen',
  'Lie',
  'Amundsen',
  'Nguyen',
  'Rasmussen',
  'Ali',
  'Lunde',
  'Solheim',
  'Berntsen',
  'Moe',
  'Kleppe',
  'Levin',
];
const givens = [
  'Anne',
  'Per',
  'Kari',
  'Ola',
  'Inger',
  'Jan',
  'Liv',
  'Bjørn',
  'Hilde',
  'Tom',
  'Ingrid',
  'Lars',
  'Marit',
  'Knut',
  'Sidsel',
];
const words = [
  'relasjon',
  'brukermedvirkning',
  'anerkjennelse',
  'sosialt',
  'arbeid',
  'NAV',
  'veiledning',
  'tillit',
  'makt',
  'samtale',
  'empowerment',
  'velferd',
  'tjenester',
  'oppfølging',
  'arbeidsliv',
  'helse',
  'kommunikasjon',
  'etikk',
  'profesjon',
  'praksis',
];
const journals = [
  'Tidsskrift for velferdsforskning',
  'Fontene forskning',
  'Tidsskrift for psykisk helsearbeid',
  'Norsk sosiologisk tidsskrift',
  'Nordic Social Work Research',
];
const publishers = [
  'Gyldendal Akademisk',
  'Universitetsforlaget',
  'Cappelen Damm Akademisk',
  'Fagbokforlaget',
];

function generateLibrary(size) {
  const next = random(size);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const person = () => ({
    family: pick(families),
    given: `${pick(givens)}${next() < 0.3 ? ` ${pick(givens)[0]}.` : ''}`,
  });
  const title = () => {
    const count = 3 + Math.floor(next() * 6);
    const text = Array.from({ length: count }, () => pick(words)).join(' ');
    return text[0].toUpperCase() + text.slice(1);
  };
  const items = [];
  for (let index = 0; index < size; index++) {
    const kind = next();
    const year = 1995 + Math.floor(next() * 30);
    const authors = Array.from({ length: 1 + Math.floor(next() * 3) }, person);
    const base = {
      id: `w${index}`,
      title: title(),
      issued: { 'date-parts': [[year]] },
      language: 'nb',
    };
    if (kind < 0.5) {
      const first = 1 + Math.floor(next() * 200);
      items.push({
        ...base,
        type: 'article-journal',
        author: authors,
        'container-title': pick(journals),
        volume: String(1 + Math.floor(next() * 30)),
        issue: String(1 + Math.floor(next() * 4)),
        page: `${first}-${first + 5 + Math.floor(next() * 20)}`,
        DOI: `10.5555/bench.${index}`,
      });
    } else if (kind < 0.75) {
      items.push({
        ...base,
        type: 'book',
        author: authors,
        publisher: pick(publishers),
        ...(next() < 0.3 ? { edition: String(2 + Math.floor(next() * 4)) } : {}),
      });
    } else if (kind < 0.9) {
      const first = 1 + Math.floor(next() * 300);
      items.push({
        ...base,
        type: 'chapter',
        author: authors.slice(0, 1),
        'container-title': title(),
        editor: [person(), person()],
        page: `${first}-${first + 15}`,
        publisher: pick(publishers),
      });
    } else {
      items.push({
        ...base,
        type: 'report',
        author: [
          {
            literal: pick([
              'Arbeids- og velferdsdirektoratet',
              'Helsedirektoratet',
              'Arbeids- og sosialdepartementet',
            ]),
          },
        ],
        publisher: 'Oslo',
        number: `${1 + Math.floor(next() * 20)}/${year}`,
      });
    }
  }
  return items;
}

/** Block-style CSL-YAML, as pandoc and Zotero write it. */
function toYaml(items) {
  return stringify(items);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs a Node snippet in a fresh process; it prints the milliseconds of the measured step. */
function nodeStep(code) {
  const started = performance.now();
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: join(root, 'packages/bibliography'),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const wall = performance.now() - started;
  return { step: Number(output.trim().split('\n').pop()), wall };
}

function wallOf(command, commandArgs, options = {}) {
  const started = performance.now();
  const result = spawnSync(command, commandArgs, {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    ...options,
  });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return { wall: performance.now() - started, stdout: result.stdout };
}

const work = mkdtempSync(join(tmpdir(), 'litsynth-bench-'));
const results = [];
try {
  const { resolveStyle } = await import(bibliographyDist);
  const styleFile = join(work, 'norsk-apa-manual.csl');
  writeFileSync(styleFile, resolveStyle('norsk-apa-manual').xml);
  const pandocAvailable = spawnSync('pandoc', ['--version']).status === 0;

  // A thesis-sized list as a whole process: `litsynth bib --bib lib.yaml --all`.
  const thesisYaml = join(work, 'thesis-200.yaml');
  writeFileSync(thesisYaml, toYaml(generateLibrary(200)));
  const thesisRuns = { cold: [], warm: [] };
  const nodeRuns = [];
  for (let run = 0; run < runs; run++) {
    const cache = join(work, `cache-200-${run}`);
    const env = { ...process.env, LITSYNTH_CACHE_DIR: cache };
    thesisRuns.cold.push(
      wallOf(process.execPath, [cli, 'bib', '--bib', thesisYaml, '--all', '--format', 'text'], {
        env,
      }).wall,
    );
    thesisRuns.warm.push(
      wallOf(process.execPath, [cli, 'bib', '--bib', thesisYaml, '--all', '--format', 'text'], {
        env,
      }).wall,
    );
    nodeRuns.push(wallOf(process.execPath, ['-e', '0']).wall);
  }
  const bare = { name: 'node -e 0', ms: median(nodeRuns) };
  results.push({
    size: 200,
    name: 'litsynth bib --all, whole process, no cache',
    ms: median(thesisRuns.cold),
    peer: bare,
  });
  results.push({
    size: 200,
    name: 'litsynth bib --all, whole process, cache warm',
    ms: median(thesisRuns.warm),
    peer: bare,
  });

  for (const size of sizes) {
    const items = generateLibrary(size);
    const yamlFile = join(work, `lib-${size}.yaml`);
    const jsonFile = join(work, `lib-${size}.json`);
    writeFileSync(yamlFile, toYaml(items));
    writeFileSync(jsonFile, JSON.stringify(items));
    const markdown = join(work, `doc-${size}.md`);
    writeFileSync(markdown, "---\nnocite: '@*'\nlang: nb-NO\n---\n");
    const measured = {
      load: [],
      loadJson: [],
      format: [],
      formatWall: [],
      oneThread: [],
      warm: [],
      citationJs: [],
      pandoc: [],
    };
    const loadAndCheck = (file) =>
      nodeStep(`import { readFile } from 'node:fs/promises';
          import { loadBibliographyBytes, checkBibliography } from ${JSON.stringify(bibliographyDist)};
          const t = performance.now(); const { entries } = await loadBibliographyBytes(new Uint8Array(await readFile(${JSON.stringify(file)})), ${JSON.stringify(file)}); checkBibliography(entries);
          console.log(performance.now() - t);`).step;
    const ourFormat = (options) =>
      nodeStep(`import { readFile } from 'node:fs/promises';
          import { loadBibliographyBytes, formatReferenceList } from ${JSON.stringify(bibliographyDist)};
          import { useNodeCslFiles } from ${JSON.stringify(cslFilesDist)};
          import { nodeFormatPlatform } from ${JSON.stringify(platformDist)};
          useNodeCslFiles();
          const { entries } = await loadBibliographyBytes(new Uint8Array(await readFile(${JSON.stringify(jsonFile)})), ${JSON.stringify(jsonFile)});
          const platform = nodeFormatPlatform({ cacheDir: undefined, ...${JSON.stringify(options)} });
          const t = performance.now(); const list = await formatReferenceList(entries, { format: 'text', platform });
          if (list.entries.length !== ${size}) throw new Error('wrong count');
          console.log(performance.now() - t);`);
    for (let run = 0; run < runs; run++) {
      measured.load.push(loadAndCheck(yamlFile));
      measured.loadJson.push(loadAndCheck(jsonFile));
      const cacheDir = join(work, `cache-${size}-${run}`);
      const ours = ourFormat({ cacheDir });
      measured.format.push(ours.step);
      measured.formatWall.push(ours.wall);
      measured.warm.push(ourFormat({ cacheDir }).step);
      measured.oneThread.push(ourFormat({ workers: 0 }).step);
      measured.citationJs.push(
        nodeStep(`import { readFileSync } from 'node:fs';
          import core from '@citation-js/core'; import '@citation-js/plugin-csl';
          import { resolveLocale } from ${JSON.stringify(bibliographyDist)};
          import { useNodeCslFiles } from ${JSON.stringify(cslFilesDist)};
          useNodeCslFiles();
          const items = JSON.parse(readFileSync(${JSON.stringify(jsonFile)}, 'utf8'));
          const csl = core.plugins.config.get('@csl');
          csl.templates.add('norsk', readFileSync(${JSON.stringify(styleFile)}, 'utf8'));
          csl.locales.add('nb-NO', resolveLocale('nb-NO').xml);
          const t = performance.now();
          const out = new core.Cite(items).format('bibliography', { template: 'norsk', lang: 'nb-NO', format: 'text' });
          console.log(performance.now() - t);`).step,
      );
      if (pandocAvailable) {
        measured.pandoc.push(
          wallOf('pandoc', [
            '--citeproc',
            '--csl',
            styleFile,
            '--bibliography',
            jsonFile,
            '-t',
            'plain',
            markdown,
          ]).wall,
        );
      }
    }
    results.push({ size, name: 'load + check (CSL-YAML)', ms: median(measured.load) });
    results.push({ size, name: 'load + check (CSL-JSON)', ms: median(measured.loadJson) });
    results.push({
      size,
      name: 'format: @litsynth/bibliography, default (workers from 2,000 entries), in process',
      ms: median(measured.format),
    });
    results.push({
      size,
      name: 'format: @litsynth/bibliography, same, whole process incl. start and load',
      ms: median(measured.formatWall),
    });
    results.push({
      size,
      name: 'format: @litsynth/bibliography, one thread, in process',
      ms: median(measured.oneThread),
    });
    results.push({
      size,
      name: 'format: @litsynth/bibliography, cache warm, in process',
      ms: median(measured.warm),
    });
    results.push({
      size,
      name: 'format: citation-js directly (in process)',
      ms: median(measured.citationJs),
    });
    if (pandocAvailable)
      results.push({
        size,
        name: 'format: pandoc --citeproc (whole process)',
        ms: median(measured.pandoc),
      });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(
  `runs per figure: ${runs} (median); load average at the end: ${(await import('node:os'))
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')}`,
);
console.log('| entries | measurement | median ms | per entry ms |');
console.log('|---:|---|---:|---:|');
for (const result of results) {
  const peer = result.peer
    ? ` (${result.peer.name}: ${result.peer.ms.toFixed(0)} ms, ratio ${(result.ms / result.peer.ms).toFixed(1)}×)`
    : '';
  console.log(
    `| ${result.size} | ${result.name}${peer} | ${result.ms.toFixed(0)} | ${(result.ms / result.size).toFixed(3)} |`,
  );
}
