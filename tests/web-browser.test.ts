import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { loadStudy } from '@litsynth/study';
import { diskFileSource } from './disk-file-source.js';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from './axe.js';
import { makeZip } from './fixtures/bad-input/zip.js';

// The web app (packages/web/dist, built by the README's first command) in Debian's Chromium,
// served from a loopback server started here: the same input gives the same counts as the CLI,
// nothing leaves the page, hostile markup stays inert, and the page is usable with the keyboard.
const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'packages/web/dist');
const bin = join(root, 'packages/cli/dist/bin.js');
const realTheses = join(root, '../shared/real-theses');
const executablePath = '/usr/bin/chromium';
const artifacts = join(root, 'tests/artifacts');

/** A file handed to the page: a path on disk, or a name and content made by the test. */
type GivenFile = string | { name: string; content: string | Uint8Array };

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** A static file server for the built site, on 127.0.0.1 and a free port, as any static host would serve it. */
function serveSite(folder: string): Promise<Server> {
  const server = createServer(async (request, response) => {
    const path = normalize(
      decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname),
    );
    const file = join(folder, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(folder + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response
        .writeHead(200, {
          'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
        })
        .end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

interface CheckJson {
  /** The thesis's language (detected), the messages' language and the style of its own list. */
  language: unknown;
  citations: unknown[];
  diagnostics: Array<{
    rule: string;
    severity: string;
    file: string;
    line: number;
    column: number;
    page: number | null;
    key: string | null;
  }>;
  summary: {
    citations: number;
    errors: number;
    warnings: number;
    infos: number;
    rules: Record<string, number>;
  };
}

/**
 * `litsynth check FILE --bib … --format json`, as a user runs it (exit 0 or 1: no errors / errors
 * found), with `--annotate` for a .docx.
 */
function cliCheck(
  manuscript: string,
  bibliographies: readonly string[],
  annotate?: string,
): CheckJson {
  const args = [
    bin,
    'check',
    manuscript,
    ...bibliographies.flatMap((file) => ['--bib', file]),
    '--format',
    'json',
    // The page's language (Norsk until the switch says otherwise), as --lang.
    '--lang',
    'nb',
    ...(annotate ? ['--annotate', annotate] : []),
  ];
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`litsynth check ${manuscript} failed (${result.status}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as CheckJson;
}

/**
 * What can be compared between the CLI and the page: the counts and each diagnostic's rule, file
 * and place. The page names files without their folders, and diagnostics are ordered by file path
 * first, so they are compared as a sorted list.
 */
function comparable(check: CheckJson) {
  return {
    language: check.language,
    citations: check.citations.length,
    summary: check.summary,
    diagnostics: check.diagnostics
      .map((diagnostic) => {
        const file = diagnostic.file.split(/[/\\]/).pop();
        return `${file} ${diagnostic.line}:${diagnostic.column} p${diagnostic.page} ${diagnostic.rule} ${diagnostic.severity} ${diagnostic.key}`;
      })
      .sort(),
  };
}

/** A .docx of a plain-text thesis: one Word paragraph per paragraph of the text (blank lines between). */
function textToDocx(text: string): Uint8Array {
  const escapeXml = (value: string) =>
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .map(
      (paragraph) =>
        `<w:p><w:r><w:t xml:space="preserve">${escapeXml(paragraph)}</w:t></w:r></w:p>`,
    );
  const utf8 = (value: string) => new TextEncoder().encode(value);
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: utf8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: utf8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    {
      name: 'word/document.xml',
      data: utf8(
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.join('')}</w:body></w:document>`,
      ),
    },
  ]);
}

// The tests are type-checked without the DOM library: the callbacks that run in the page say
// what they use of it (the page's policy forbids evaluating code given as text).
interface PageElement {
  id: string;
  className: string;
  tagName: string;
  lang: string;
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  download?: string;
  getAttributeNames(): string[];
}
interface PageGlobals {
  document: {
    title: string;
    body: PageElement;
    documentElement: PageElement;
    activeElement: PageElement;
    getElementById(id: string): PageElement;
    querySelectorAll(selector: string): Iterable<PageElement> & { length: number };
  };
}

/** How many checks the page has finished (shown or failed). */
const finishedChecks = (page: Page) =>
  page.evaluate(() =>
    Number((globalThis as unknown as PageGlobals).document.body.dataset.finished ?? '0'),
  );

/** Waits until the page has finished one more check than `before`. */
async function waitForCheck(page: Page, before: number): Promise<void> {
  await page.waitForFunction(
    (count) =>
      Number((globalThis as unknown as PageGlobals).document.body.dataset.finished ?? '0') > count,
    before,
    {
      timeout: 120_000,
    },
  );
}

describe('the web app in a browser', () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  let work: string;
  /** The NAV study's bibliography as the CLI reads it for a lone manuscript: references.yaml and the records' entries. */
  let navBibliography: string[];

  beforeAll(async () => {
    // A missing browser or a missing build fails the test (it is not skipped).
    if (!existsSync(executablePath)) {
      throw new Error(
        `${executablePath} is missing: install Debian's chromium (sudo apt-get install -y chromium, or node scripts/ensure-chromium.mjs as root).`,
      );
    }
    if (!existsSync(join(dist, 'index.html'))) {
      throw new Error(
        `${dist} is missing: build the web app (npx -y pnpm@10 install, or npx -y pnpm@10 --filter @litsynth/web build).`,
      );
    }
    work = await mkdtemp(join(tmpdir(), 'litsynth-web-'));
    await mkdir(artifacts, { recursive: true });
    const study = await loadStudy(diskFileSource, join(root, 'studies/nav-relasjon'));
    const records = join(work, 'records.json');
    await writeFile(
      records,
      `${JSON.stringify(
        study.records.map((record) => ({ ...record.entry.item, id: record.entry.id })),
        null,
        2,
      )}\n`,
    );
    navBibliography = [join(root, 'sources/references.yaml'), records];
    server = await serveSite(dist);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
  });

  /** The app in a new page that records every request, dialog and console message. */
  async function openApp(context?: BrowserContext) {
    const page = await (context ?? browser).newPage({ viewport: { width: 1280, height: 1000 } });
    const requests: string[] = [];
    const dialogs: string[] = [];
    const messages: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
    await page.goto(base);
    /** Requests for anything but the site's own files (the report's frame is a data: URL). */
    const elsewhere = () =>
      requests.filter((url) => !url.startsWith(base) && !url.startsWith('data:'));
    return { page, requests, dialogs, messages, elsewhere };
  }

  /** Gives the page the files (bibliography first, then the thesis, which starts the check) and waits for the outcome. */
  async function checkInPage(
    page: Page,
    manuscript: GivenFile,
    bibliographies: readonly GivenFile[] = [],
  ) {
    const asInput = async (file: GivenFile) =>
      typeof file === 'string'
        ? {
            name: file.split('/').pop()!,
            mimeType: 'application/octet-stream',
            buffer: await readFile(file),
          }
        : {
            name: file.name,
            mimeType: 'application/octet-stream',
            buffer: Buffer.from(file.content),
          };
    if (bibliographies.length > 0)
      await page.setInputFiles('#bibliography', await Promise.all(bibliographies.map(asInput)));
    const finished = await finishedChecks(page);
    await page.setInputFiles('#thesis', await asInput(manuscript));
    await waitForCheck(page, finished);
    expect(
      await page.locator('#error').isHidden(),
      (await page.locator('#error-text').textContent()) ?? '',
    ).toBe(true);
    const shown = await page.evaluate(() => ({
      ...(globalThis as unknown as PageGlobals).document.getElementById('summary').dataset,
    }));
    const checkJson = JSON.parse(
      (await downloadFrom(page, 'check.json')).toString('utf8'),
    ) as CheckJson;
    return { shown, checkJson };
  }

  /** The file behind a download link of the page. */
  async function downloadFrom(page: Page, name: string): Promise<Buffer> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`#downloads a[download="${name}"]`).click(),
    ]);
    expect(download.suggestedFilename()).toBe(name);
    return readFile(await download.path());
  }

  /**
   * The same input through the CLI and the page: the same counts, the same diagnostics at the same
   * places, and for a .docx the same copy with a Word comment at each problem.
   */
  async function expectSameAsCli(name: string, manuscript: string, bibliographies: string[] = []) {
    const docx = manuscript.endsWith('.docx');
    const annotated = join(work, `${name}-cli.docx`);
    const cli = cliCheck(manuscript, bibliographies, docx ? annotated : undefined);
    const { page, elsewhere, dialogs, messages } = await openApp();
    const { shown, checkJson } = await checkInPage(page, manuscript, bibliographies);
    const links = await page.evaluate(() =>
      [...(globalThis as unknown as PageGlobals).document.querySelectorAll('#downloads a')].map(
        (anchor) => anchor.download,
      ),
    );
    const stem = manuscript
      .split('/')
      .pop()!
      .replace(/\.docx$/, '');
    expect(links).toEqual([
      'report.html',
      'check.json',
      'references.md',
      'references.html',
      'references-todo.md',
      ...(docx ? [`${stem}-kommentert.docx`] : []),
    ]);
    if (docx)
      expect(
        (await downloadFrom(page, `${stem}-kommentert.docx`)).equals(await readFile(annotated)),
      ).toBe(true);
    expect(shown).toEqual({
      citations: String(cli.citations.length),
      errors: String(cli.summary.errors),
      warnings: String(cli.summary.warnings),
      infos: String(cli.summary.infos),
    });
    expect(comparable(checkJson)).toEqual(comparable(cli));
    await page.screenshot({ path: join(artifacts, `web-${name}.png`) });
    expect(elsewhere()).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(messages).toEqual([]);
    await page.close();
    return cli;
  }

  it('checks the NAV thesis as .txt with its bibliography exactly as litsynth check does', async () => {
    const cli = await expectSameAsCli(
      'nav-txt',
      join(root, 'studies/nav-relasjon/manuscript.txt'),
      navBibliography,
    );
    // The figures of the real study (tests/check-real-study.test.ts pins them for the study form).
    expect(cli.citations.length).toBeGreaterThan(100);
  });

  it('decodes a thesis saved as Windows-1252 as litsynth check does', async () => {
    // Windows-1252 has every character of the NAV thesis that matters (æøå, «», –); others become "?".
    const text = await readFile(join(root, 'studies/nav-relasjon/manuscript.txt'), 'utf8');
    const cp1252 = join(work, 'nav-relasjon-cp1252.txt');
    const bytes = [...text].map((character) => {
      const code = character.codePointAt(0)!;
      const extra: Record<string, number> = {
        '–': 0x96,
        '—': 0x97,
        '‘': 0x91,
        '’': 0x92,
        '“': 0x93,
        '”': 0x94,
        '…': 0x85,
        '•': 0x95,
      };
      return code < 0x100 ? code : (extra[character] ?? 0x3f);
    });
    await writeFile(cp1252, Uint8Array.from(bytes));
    await expectSameAsCli('nav-cp1252', cp1252, navBibliography);
  });

  it('reads a Markdown thesis (remark loaded on first use) as litsynth check does', async () => {
    await expectSameAsCli('markdown', join(root, 'packages/ingest/fixtures/markdown/thesis.md'));
  });

  it('checks the NAV thesis as .docx (made here) exactly as litsynth check does, with the same commented copy', async () => {
    const docx = join(work, 'nav-relasjon.docx');
    await writeFile(
      docx,
      textToDocx(await readFile(join(root, 'studies/nav-relasjon/manuscript.txt'), 'utf8')),
    );
    await expectSameAsCli('nav-docx', docx, navBibliography);
  });

  it('checks the real PDF thesis (storbukas-master-2018.pdf, its own reference list) exactly as litsynth check does', async () => {
    await expectSameAsCli('storbukas-pdf', join(realTheses, 'storbukas-master-2018.pdf'));
  });

  it('checks the real Word thesis (cirotzki-master-2026-en.docx, Zotero fields) exactly as litsynth check does, with the same commented copy', async () => {
    await expectSameAsCli('cirotzki-docx', join(realTheses, 'cirotzki-master-2026-en.docx'));
  });

  it('reads the citation fields of EndNote, Mendeley and Word (base64 and XML in the .docx) as litsynth check does', async () => {
    for (const name of [
      'fields-endnote',
      'fields-mendeley',
      'fields-mendeley-cite',
      'fields-word',
    ]) {
      await expectSameAsCli(name, join(root, `packages/ingest/fixtures/formats/${name}.docx`));
    }
  });

  it('keeps hostile markup in a manuscript, its file name and a bibliography inert', async () => {
    const { page, elsewhere, dialogs } = await openApp();
    const hostileName = '<img src=x onerror=alert(1)>.txt';
    const thesis = [
      'Innledning',
      '',
      `Tillit <script>alert('manuskript')</script> tar tid (Natland, 2019). Se "><svg onload=alert(3)> og (<img src=x onerror=alert(2)>, 2020).`,
      '',
      'Litteraturliste',
      '',
      'Natland, S. (2019). <iframe src="javascript:alert(7)"></iframe> Tillit. Tidsskrift.',
      '',
    ].join('\n');
    const bib = [
      '@article{natland2019,',
      '  author = {Natland, Sidsel <img src=x onerror=alert(4)>},',
      '  title = {<script>alert(8)</script> Tillit},',
      '  journal = {"><svg onload=alert(5)>},',
      '  year = {2019},',
      '  url = {javascript:alert(6)}',
      '}',
      '',
    ].join('\n');
    await checkInPage(page, { name: hostileName, content: thesis }, [
      { name: 'hostile.bib', content: bib },
    ]);
    // The page shows the file name as text.
    expect(await page.locator('#chosen').textContent()).toContain(`${hostileName}`);
    expect(await page.locator('img, svg, iframe:not(#report), object, embed').count()).toBe(0);
    // The report shows every piece as text: one script (its own filters), no markup from the input.
    const report = page.frameLocator('#report');
    // Titled from the document (its first paragraph of more than one word), as check --out titles it.
    await expect.poll(() => report.locator('h1').textContent()).toBe(thesis.split('\n')[2]);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!;
    const inside = await frame.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      return {
        scripts: document.querySelectorAll('script').length,
        injected: document.querySelectorAll('img, svg, iframe, object, embed').length,
        handlers: [...document.querySelectorAll('*')].flatMap((element) =>
          element.getAttributeNames().filter((name) => name.startsWith('on')),
        ),
        javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
        text: document.documentElement.textContent ?? '',
      };
    });
    expect({ ...inside, text: undefined }).toEqual({
      scripts: 1,
      injected: 0,
      handlers: [],
      javascriptLinks: 0,
      text: undefined,
    });
    for (const piece of [
      `<script>alert('manuskript')</script>`,
      '"><svg onload=alert(3)>',
      '<script>alert(8)</script>',
      hostileName,
    ])
      expect(inside.text).toContain(piece);
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(elsewhere()).toEqual([]);
    await page.close();
  });

  it('refuses unusable input with the message litsynth check gives, whether chosen or dropped', async () => {
    const odt = join(work, 'oppgave.odt');
    const empty = join(work, 'tom.txt');
    await writeFile(odt, Buffer.from('PK\u0003\u0004 not really a document'));
    await writeFile(empty, '');
    const cliMessage = (file: string) => {
      const result = spawnSync(process.execPath, [bin, 'check', file], {
        cwd: work,
        encoding: 'utf8',
      });
      expect(result.status).toBe(2);
      return result.stderr.trim().replace(/^litsynth: /, '');
    };
    const { page, elsewhere } = await openApp();
    const shownError = async () => {
      expect(await page.locator('#result').isHidden()).toBe(true);
      return (await page.locator('#error-text').textContent()) ?? '';
    };

    // Chosen: an empty text file.
    let finished = await finishedChecks(page);
    await page.setInputFiles('#thesis', empty);
    await waitForCheck(page, finished);
    expect(await shownError()).toBe(cliMessage('tom.txt'));

    // Dropped: an OpenDocument file (not offered by the file chooser), with what to save it as.
    finished = await finishedChecks(page);
    const dataTransfer = await page.evaluateHandle((content) => {
      const scope = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: string[], name: string) => unknown;
      };
      const transfer = new scope.DataTransfer();
      transfer.items.add(new scope.File([content], 'oppgave.odt'));
      return transfer;
    }, 'PK\u0003\u0004 not really a document');
    await page.dispatchEvent('#drop', 'drop', { dataTransfer });
    await waitForCheck(page, finished);
    expect(await shownError()).toBe(cliMessage('oppgave.odt'));
    expect(await page.locator('#chosen').textContent()).toContain('oppgave.odt');
    expect(elsewhere()).toEqual([]);
    await page.close();
  });

  it('works with the network off once loaded, shows the progress of a PDF page by page, and switches between Norwegian and English', async () => {
    const context = await browser.newContext();
    const { page, requests, elsewhere } = await openApp(context);
    // Loaded: the worker has fetched (and warmed) every part a check may need.
    await page.waitForFunction(
      () =>
        (globalThis as unknown as PageGlobals).document.documentElement.dataset.warm !== undefined,
      null,
      {
        timeout: 60_000,
      },
    );
    const loaded = requests.length;
    // Issue 11's budget: the JavaScript loaded before the first file is chosen, warm-up included,
    // at most 1 MB gzipped (as a static host sends it).
    const scripts = [
      ...new Set(requests.filter((url) => url.startsWith(base) && url.endsWith('.js'))),
    ];
    const gzipped = scripts.reduce(
      (sum, url) =>
        sum + gzipSync(readFileSync(join(dist, new URL(url).pathname)), { level: 9 }).length,
      0,
    );
    expect(gzipped).toBeLessThanOrEqual(1_000_000);
    await context.setOffline(true);
    // Every status the page shows while it works (each message of the worker is a task of its own).
    await page.evaluate(() => {
      const scope = globalThis as unknown as PageGlobals & {
        statuses: string[];
        MutationObserver: new (
          callback: () => void,
        ) => { observe(target: unknown, options: object): void };
      };
      scope.statuses = [];
      const message = scope.document.getElementById('message');
      new scope.MutationObserver(() => scope.statuses.push(message.textContent ?? '')).observe(
        message,
        { childList: true, characterData: true, subtree: true },
      );
    });
    const { shown } = await checkInPage(page, join(realTheses, 'storbukas-master-2018.pdf'));
    // A progress line for each page of the PDF, in order, then the time it took.
    const statuses = await page.evaluate(
      () => (globalThis as unknown as { statuses: string[] }).statuses,
    );
    const pages = statuses
      .flatMap((status) => /^Leser PDF-en: side (\d+) av 89 …$/.exec(status)?.[1] ?? [])
      .map(Number);
    expect(pages).toEqual(Array.from({ length: 89 }, (_, index) => index + 1));
    expect(statuses.at(-1)).toMatch(/^Ferdig på \d+,\d s\.$/);
    expect(Number(shown.citations)).toBeGreaterThan(0);
    expect(await page.locator('#summary').textContent()).toMatch(
      /^\d+ henvisninger, \d+ feil, \d+ advarsler, \d+ merknader om form\.$/,
    );
    expect(await page.frameLocator('#report').locator('html').getAttribute('lang')).toBe('nb');

    // English: the page's words, the summary and the report, without reading the file again.
    const finished = await finishedChecks(page);
    await page.getByRole('button', { name: 'English' }).click();
    await waitForCheck(page, finished);
    const english = await page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      return { lang: document.documentElement.lang, title: document.title };
    });
    expect(english).toEqual({ lang: 'en', title: 'litsynth – check the source use in a thesis' });
    expect(await page.locator('h1').textContent()).toBe('Check the source use in a thesis');
    expect(await page.locator('#summary').textContent()).toMatch(
      /^\d+ citations, \d+ errors, \d+ warnings, \d+ notes on form\.$/,
    );
    await expect
      .poll(() => page.frameLocator('#report').locator('html').getAttribute('lang'))
      .toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await page.screenshot({ path: join(artifacts, 'web-english-offline.png') });
    expect(requests.slice(loaded)).toEqual([]);
    expect(elsewhere()).toEqual([]);
    await context.close();
  });

  it('is usable with the keyboard and passes the WCAG 2 A and AA checks of axe-core', async () => {
    // axe is injected, which the page's policy forbids; this context alone bypasses it.
    const context = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 1280, height: 1000 },
    });
    const { page } = await openApp(context);

    // Tab reaches every control in order; the language switch works with Enter and Space.
    const reached: string[] = [];
    for (let step = 0; step < 6; step++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const { id, dataset, className, tagName } = (globalThis as unknown as PageGlobals)
            .document.activeElement;
          return id || dataset.lang || className || tagName;
        }),
      );
    }
    // The skip link, the language switch, the two file choosers, then out of the page.
    expect(reached).toEqual(['skip', 'nb', 'en', 'thesis', 'bibliography', 'BODY']);
    await page.locator('[data-lang="en"]').focus();
    await page.keyboard.press('Enter');
    expect(
      await page.evaluate(
        () => (globalThis as unknown as PageGlobals).document.documentElement.lang,
      ),
    ).toBe('en');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    expect(
      await page.evaluate(
        () => (globalThis as unknown as PageGlobals).document.documentElement.lang,
      ),
    ).toBe('nb');

    await checkInPage(page, join(root, 'studies/nav-relasjon/manuscript.txt'), navBibliography);
    // The outcome's controls are reachable too: the download links and the report's frame.
    const links = await page.evaluate(() =>
      [...(globalThis as unknown as PageGlobals).document.querySelectorAll('#downloads a')].map(
        (anchor) => anchor.download,
      ),
    );
    expect(links).toEqual([
      'report.html',
      'check.json',
      'references.md',
      'references.html',
      'references-todo.md',
    ]);
    expect(await page.locator('#report').getAttribute('title')).toBe('Rapporten');

    // Tall enough to show the start of the report under the counts and downloads.
    await page.setViewportSize({ width: 1280, height: 1300 });
    await page.frameLocator('#report').locator('h1').waitFor();
    // tests/artifacts/ is ignored by git; UPDATE_SCREENSHOT=1 refreshes the one the README shows.
    await page.screenshot({ path: join(artifacts, 'web-screenshot.png') });
    if (process.env.UPDATE_SCREENSHOT)
      await page.screenshot({ path: join(root, 'docs/web-screenshot.png') });

    const { violations, passes } = await runAxe(page);
    expect(violations).toEqual([]);
    for (const rule of [
      'color-contrast',
      'label',
      'button-name',
      'frame-title',
      'document-title',
      'html-has-lang',
    ])
      expect(passes).toContain(rule);
    await context.close();
  });
});
