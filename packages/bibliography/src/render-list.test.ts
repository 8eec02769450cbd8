import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCitationJs } from './citation-js.js';
import { toCiteprocItem } from './format.js';
import { loadBibliographyFile } from './load.js';
import { renderBibliography } from './render-list.js';
import { resolveLocale, resolveStyle } from './styles.js';

const study = await loadBibliographyFile(
  fileURLToPath(new URL('../../../sources/references.yaml', import.meta.url)),
);
const fixture = await loadBibliographyFile(
  fileURLToPath(new URL('fixtures/entry-types.yaml', import.meta.url)),
);
const items = [...study.entries, ...fixture.entries].map(toCiteprocItem);
const cacheDir = mkdtempSync(join(tmpdir(), 'litsynth-render-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('renderBibliography', () => {
  test.each([
    ['norsk-apa-manual', 'nb-NO'],
    ['apa', 'en-US'],
  ])(
    'rendered by author–year group and merged, the list is exactly what citeproc gives for the whole list (%s)',
    async (styleId, localeId) => {
      const style = resolveStyle(styleId);
      const locale = resolveLocale(localeId);
      const citationJs = await loadCitationJs();
      citationJs.addTemplate(style.name, style.xml);
      citationJs.addLocale(locale.name, locale.xml);
      const whole = citationJs.bibliography(items, {
        template: style.name,
        lang: locale.name,
        format: 'text',
      });
      const merged = await renderBibliography(items, {
        style,
        locale,
        format: 'text',
        hyperlinks: false,
      });
      expect(merged.map(({ id, text }) => [id, text])).toEqual(
        whole.map(([id, text]) => [id, text]),
      );
    },
  );

  test('a second rendering with a cache folder reads the cache file and gives the same list', async () => {
    const settings = {
      style: resolveStyle('norsk-apa-manual'),
      locale: resolveLocale('nb-NO'),
      format: 'html' as const,
      hyperlinks: true,
      cacheDir,
    };
    const first = await renderBibliography(items, settings);
    expect(readdirSync(cacheDir).filter((file) => file.startsWith('bibliography-')).length).toEqual(
      1,
    );
    const second = await renderBibliography(items.slice().reverse(), settings);
    expect(second).toEqual(first);
  });
});
