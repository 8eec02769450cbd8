import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runAxe } from './axe.js';

// The report of the real study and of a hostile one, opened from file:// in Debian's Chromium.
const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'packages/cli/dist/bin.js');
const executablePath = '/usr/bin/chromium';

function build(study: string, out: string): void {
  const result = spawnSync(process.execPath, [bin, 'build', study, '--out', out, '--quiet'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`litsynth build ${study} failed (${result.status}):\n${result.stderr}`);
}

/** A page that records every request, dialog and console message. */
async function openReport(browser: Browser, file: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
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
  await page.goto(pathToFileURL(file).href);
  return { page, requests, dialogs, messages };
}

/** Problems the filters leave (some may sit in a folded group of notes on form). */
const filteredProblems = (page: Page) => page.locator('article.problem:not([hidden])');

describe('report.html in a browser', () => {
  let browser: Browser;
  let out: string;
  let hostileOut: string;

  beforeAll(async () => {
    // A missing browser fails the test (it is not skipped): CI installs it, see .ci/run.
    if (!existsSync(executablePath)) {
      throw new Error(
        `${executablePath} is missing: install Debian's chromium (sudo apt-get install -y chromium, or node scripts/ensure-chromium.mjs as root).`,
      );
    }
    const work = await mkdtemp(join(tmpdir(), 'litsynth-report-'));
    out = join(work, 'nav');
    hostileOut = join(work, 'hostile');
    build('studies/nav-relasjon', out);
    build('tests/fixtures/hostile-study', hostileOut);
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
  });

  it('shows the real study: a heat-map cell for every source × concept, filters, links; nothing leaves the page', async () => {
    const { page, requests, dialogs, messages } = await openReport(
      browser,
      join(out, 'report.html'),
    );

    // Heat map: one cell per included source × concept of the framework, in framework order.
    const config = parse(await readFile(join(root, 'studies/nav-relasjon/study.yaml'), 'utf8')) as {
      included: string[];
    };
    const concepts = (
      parse(await readFile(join(root, 'studies/nav-relasjon/concepts.yaml'), 'utf8')) as {
        theories: Array<{ concepts: Array<{ id: string }> }>;
      }
    ).theories.flatMap((theory) => theory.concepts.map((concept) => concept.id));
    const cells = await page
      .locator('table.heat-map td')
      .evaluateAll((tds) =>
        tds.map((td) => `${td.getAttribute('data-source')}×${td.getAttribute('data-concept')}`),
      );
    expect(cells.sort()).toEqual(
      config.included.flatMap((source) => concepts.map((concept) => `${source}×${concept}`)).sort(),
    );

    // Focusing a cell with findings shows them (keyboard, not only hover).
    const filled = page.locator('table.heat-map td:not(.heat-0)').first();
    await filled.focus();
    await expect.poll(() => filled.locator('.tip').isVisible()).toBe(true);
    expect(await filled.locator('.tip li').count()).toBe(
      Number(await filled.locator('span').first().textContent()),
    );
    // … and so does hovering another cell with the pointer.
    const other = page.locator('table.heat-map td:not(.heat-0)').last();
    await filled.evaluate((cell) => (cell as unknown as { blur(): void }).blur());
    expect(await other.locator('.tip').isVisible()).toBe(false);
    await other.hover();
    await expect.poll(() => other.locator('.tip').isVisible()).toBe(true);
    // A finding as the reader knows it: "label: statement (side N)", no internal id.
    expect(await other.locator('.tip li').first().textContent()).toMatch(
      /^[^:]+: .+[^)]$|^[^:]+: .+ \(side \d+[–-]?\d*\)$/,
    );

    // Filtering by a rule shows that rule's problems only, unfolded.
    const all = await filteredProblems(page).count();
    const rules = await page
      .locator('select[name="rule"] option')
      .evaluateAll((options) =>
        options.map((option) => (option as unknown as { value: string }).value).filter(Boolean),
      );
    expect(all).toBeGreaterThan(0);
    expect(rules.length).toBeGreaterThan(1);
    // The rule with the most problems: form notes, folded until the filter picks them.
    const locatorForm = page
      .locator('details.problem-group')
      .filter({ has: page.locator('article[data-rule="locator-form"]') })
      .first();
    expect(await locatorForm.locator('article').first().isVisible()).toBe(false);
    for (const rule of [rules[0]!, 'locator-form']) {
      await page.selectOption('select[name="rule"]', rule);
      const shown = await page
        .locator('article.problem:visible')
        .evaluateAll((articles) => articles.map((article) => article.getAttribute('data-rule')));
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.length).toBeLessThan(all);
      expect(shown.length).toBe(await filteredProblems(page).count());
      expect(new Set(shown)).toEqual(new Set([rule]));
      expect(await page.locator('#filter-status').textContent()).toBe(
        `${shown.length} av ${all} problemer vises.`,
      );
    }
    await page.selectOption('select[name="rule"]', '');
    expect(await filteredProblems(page).count()).toBe(all);

    // A problem links to its place in the manuscript: the marked citation, on the line the problem names.
    const problem = page
      .locator('article.problem')
      .filter({ has: page.locator('a[href^="#citation-"]') })
      .first();
    const raw = await problem.locator('blockquote mark').textContent();
    const href = await problem.locator('a[href^="#citation-"]').getAttribute('href');
    const line = Number(/^#citation-(\d+)-\d+$/.exec(href ?? '')?.[1]);
    expect(await problem.locator('.place').textContent()).toContain(`linje ${line},`);
    await problem.locator('a[href^="#citation-"]').click();
    expect(new URL(page.url()).hash).toBe(href);
    const target = page.locator(':target');
    await expect.poll(() => target.isVisible()).toBe(true);
    expect(
      await target.evaluate((element) => [element.tagName, element.id, element.textContent]),
    ).toEqual(['MARK', href!.slice(1), raw]);
    // It sits in the manuscript's paragraph that spans that line.
    const paragraph = target.locator('xpath=ancestor::*[@data-line][1]');
    expect(Number(await paragraph.getAttribute('data-line'))).toBeLessThanOrEqual(line);
    expect(
      await page
        .locator('#manuscript')
        .locator(`#${href!.slice(1)}`)
        .count(),
    ).toBe(1);

    // The list's to-do shows an entry's own problems (bibliography-check.json) that the to-do does
    // not say itself, linked to the same problem in the list.
    const variant = page
      .locator('#todo-fellesorganisasjonen2010 .entry-problems li')
      .filter({ hasText: 'Organisasjonsnavnet skrevet ulikt' });
    expect(await variant.textContent()).toContain(
      'Forfatteren «Fellesorganisasjonen» er skrevet «Fellesorganisasjonen (FO)» i referansen på sources/references.yaml, linje 412.',
    );
    await variant.locator('a').click();
    expect(
      await page
        .locator(':target')
        .evaluate((element) => [
          element.tagName,
          element.getAttribute('data-rule'),
          element.getAttribute('data-source'),
        ]),
    ).toEqual(['ARTICLE', 'bib-corporate-author-variants', 'fellesorganisasjonen2010']);
    // What the to-do says (a DOI, the years a work is cited under) is not among its entry's problems.
    expect(
      await page
        .locator('#todo-skau2017 .entry-problems, #todo-lundberg2013 .entry-problems')
        .count(),
    ).toBe(0);
    // A note on form, whose group is folded until a link to it (here from the manuscript) opens it.
    await page.locator('#manuscript a.backref[aria-label^="Info "]').first().click();
    await expect.poll(() => page.locator(':target').isVisible()).toBe(true);
    expect(await page.locator(':target').getAttribute('data-severity')).toBe('info');

    await page.evaluate('window.scrollTo(0, 0)');
    // The screenshot goes to tests/artifacts/ (ignored by git); UPDATE_SCREENSHOT=1 refreshes the
    // one the README shows, so that running the tests never changes a tracked file.
    await page.screenshot({ path: join(root, 'tests/artifacts/report-screenshot.png') });
    if (process.env.UPDATE_SCREENSHOT)
      await page.screenshot({ path: join(root, 'docs/report-screenshot.png') });

    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual(
      [],
    );
    expect(dialogs).toEqual([]);
    expect(messages).toEqual([]);
    await page.close();
  });

  it('passes the WCAG 2 A and AA checks of axe-core (contrast, labels, table headers)', async () => {
    // axe is injected, which the report's own policy forbids; this context alone bypasses it.
    const context = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(out, 'report.html')).href);
    const { violations, passes } = await runAxe(page);
    expect(violations).toEqual([]);
    // The checks that matter here did run (and passed).
    for (const rule of [
      'color-contrast',
      'select-name',
      'th-has-data-cells',
      'document-title',
      'html-has-lang',
    ])
      expect(passes).toContain(rule);
    await context.close();
  });

  it('keeps a hostile manuscript inert and shows its markup as text', async () => {
    const { page, requests, dialogs, messages } = await openReport(
      browser,
      join(hostileOut, 'report.html'),
    );
    await page.waitForLoadState('load');
    expect(dialogs).toEqual([]);
    expect(messages).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual(
      [],
    );
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('img, iframe, svg, style').count()).toBe(1); // the report's own <style>
    expect(await page.locator('main [onerror], main [onload], main [onmouseover]').count()).toBe(0);
    // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees (rendered text) is the point
    const text = await page.locator('body').innerText();
    for (const markup of [
      "<script>alert('inline')</script>",
      `<img src=x onerror="alert('img')">`,
      `<a href="javascript:alert('link')">klikk</a>`,
      `"><svg onload=alert('svg')>`,
      '<style>body{display:none}</style>',
      "</textarea></title><script>alert('end')</script>",
      "Fiendtlig <script>alert('tittel')</script> studie",
    ]) {
      expect(text).toContain(markup);
    }
    expect(await page.locator('h1').textContent()).toBe(
      "Fiendtlig <script>alert('tittel')</script> studie",
    );
    await page.close();
  });
});
