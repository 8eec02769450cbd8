#!/usr/bin/env node
// Measures the web app (packages/web/dist) in Debian's Chromium, served from 127.0.0.1 as a static
// host would serve it (gzip sizes computed here, as such a host sends the files):
//   - the JavaScript the page loads before a file is chosen: what it needs to be usable (the page
//     and the worker's core), and all of it after the background warm-up (every part, for offline);
//   - the NAV thesis (.txt with references.yaml and the records' entries) and a 100-page PDF
//     (packages/ingest/fixtures/formats/thesis-100.pdf), from the file chosen to the result shown
//     and to the report drawn in its frame: right after the page has loaded (the warm-up may still
//     run) and after the warm-up has finished.
// Usage: node scripts/bench/web-check.mjs [runs=5]   (build first: npx -y pnpm@10 install)
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'packages/web/dist');
const runs = Number.parseInt(process.argv[2] ?? '5', 10);
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`web-check: ${dist} is missing; build first (npx -y pnpm@10 install).`);
  process.exit(2);
}
// playwright-core and the study loader are dependencies of the tests package.
const fromTests = createRequire(join(root, 'tests/package.json'));
const { chromium } = fromTests('playwright-core');
const { loadStudy } = await import(fromTests.resolve('@litsynth/study'));

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
const server = createServer(async (request, response) => {
  const path = normalize(
    decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname),
  );
  const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
  if (!file.startsWith(dist + sep)) return response.writeHead(403).end();
  try {
    const body = await readFile(file);
    response
      .writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
      .end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${server.address().port}/`;

// The NAV thesis with the bibliography the CLI reads for the study: references.yaml and the records.
const work = await mkdtemp(join(tmpdir(), 'litsynth-web-bench-'));
// The CSL styles come from disk as in the CLI (the libraries have no file system).
(await import(join(root, 'packages/cli/dist/output/csl-files.js'))).useNodeCslFiles();
const { nodeFileSource } = await import(join(root, 'packages/cli/dist/output/node-file-source.js'));
const study = await loadStudy(nodeFileSource, join(root, 'studies/nav-relasjon'));
const records = join(work, 'records.json');
await writeFile(
  records,
  JSON.stringify(study.records.map((record) => ({ ...record.entry.item, id: record.entry.id }))),
);
const nav = {
  thesis: join(root, 'studies/nav-relasjon/manuscript.txt'),
  bibliographies: [join(root, 'sources/references.yaml'), records],
};
const pdf100 = {
  thesis: join(root, 'packages/ingest/fixtures/formats/thesis-100.pdf'),
  bibliographies: [],
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

const gzipped = (url) =>
  gzipSync(readFileSync(join(dist, new URL(url).pathname)), { level: 9 }).length;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A page with the app, recording each JavaScript file it fetches and when. */
async function openApp() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const scripts = [];
  page.on('requestfinished', (request) => {
    if (request.url().startsWith(base) && request.url().endsWith('.js'))
      scripts.push({ url: request.url(), at: request.timing().startTime });
  });
  await page.goto(base, { waitUntil: 'load' });
  return { page, scripts };
}

const warmedUp = (page) =>
  page.waitForFunction(() => document.documentElement.dataset.warm !== undefined, null, {
    timeout: 120_000,
  });

/** Chooses the files and returns ms from the thesis chosen to the result shown and to the report drawn. */
async function check(page, input) {
  if (input.bibliographies.length > 0)
    await page.setInputFiles('#bibliography', input.bibliographies);
  const before = await page.evaluate(() => Number(document.body.dataset.finished ?? '0'));
  await page.evaluate(() => performance.clearMarks());
  await page.setInputFiles('#thesis', input.thesis);
  await page.waitForFunction(
    (count) => Number(document.body.dataset.finished ?? '0') > count,
    before,
    { timeout: 120_000 },
  );
  await page.waitForFunction(
    () => performance.getEntriesByName('litsynth-report-loaded').length > 0,
    null,
    { timeout: 120_000 },
  );
  const failed = await page.locator('#error').isVisible();
  if (failed)
    throw new Error(
      `web-check: ${input.thesis}: ${await page.locator('#error-text').textContent()}`,
    );
  return page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0].startTime;
    return {
      shown: at('litsynth-result-shown') - at('litsynth-files-chosen'),
      drawn: at('litsynth-report-loaded') - at('litsynth-files-chosen'),
    };
  });
}

const results = [];

// JavaScript before the first file: until the warm-up starts (usable), and everything after it.
{
  const { page, scripts } = await openApp();
  await warmedUp(page);
  const warmUpAt = await page.evaluate(
    () => performance.timeOrigin + performance.getEntriesByName('litsynth-warm-up')[0].startTime,
  );
  const unique = (list) => [...new Map(list.map((script) => [script.url, script])).values()];
  const core = unique(scripts.filter((script) => script.at < warmUpAt));
  const all = unique(scripts);
  // In MB of 10^6 bytes, the unit of the aim ("at most 1 MB gzipped").
  const mb = (list) =>
    (list.reduce((sum, script) => sum + gzipped(script.url), 0) / 1e6).toFixed(3);
  results.push([
    'JavaScript before the first file, to be usable (page + worker core)',
    `${mb(core)} MB gzipped`,
    `${core.length} files`,
  ]);
  results.push([
    'JavaScript before the first file, after the background warm-up (all parts)',
    `${mb(all)} MB gzipped`,
    `${all.length} files`,
  ]);
  const warmMs = await page.evaluate(() => Number(document.documentElement.dataset.warm));
  results.push(['background warm-up (in the worker)', `${warmMs} ms`, '']);
  await page.close();
}

for (const [name, input] of [
  ['NAV thesis (.txt + 2 bibliography files)', nav],
  ['100-page PDF (thesis-100.pdf)', pdf100],
]) {
  for (const when of ['right after load', 'after the warm-up']) {
    const shown = [];
    const drawn = [];
    for (let run = 0; run < runs; run++) {
      const { page } = await openApp();
      if (when === 'after the warm-up') await warmedUp(page);
      const timing = await check(page, input);
      shown.push(timing.shown);
      drawn.push(timing.drawn);
      await page.close();
    }
    results.push([
      `${name}, ${when}: file chosen → result shown`,
      `${median(shown).toFixed(0)} ms`,
      `runs ${shown.map((ms) => ms.toFixed(0)).join(', ')}`,
    ]);
    results.push([
      `${name}, ${when}: file chosen → report drawn`,
      `${median(drawn).toFixed(0)} ms`,
      `runs ${drawn.map((ms) => ms.toFixed(0)).join(', ')}`,
    ]);
  }
}

await browser.close();
server.close();
console.log(
  `web-check: ${runs} runs each, median; load average ${loadavg()[0].toFixed(1)} on ${new Date().toISOString().slice(0, 16)} UTC`,
);
console.log('| what | median | notes |\n|---|---:|---|');
for (const [what, value, notes] of results) console.log(`| ${what} | ${value} | ${notes} |`);
