import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadCitationJs } from './citation-js.js';
import { toCiteprocItem } from './format.js';
import { loadBibliographyFile } from './test-load-file.js';
import { renderBibliography } from './render-list.js';
import { resolveLocale, resolveStyle } from './styles.js';

const study = await loadBibliographyFile(
  fileURLToPath(new URL('../../../sources/references.yaml', import.meta.url)),
);
const fixture = await loadBibliographyFile(
  fileURLToPath(new URL('fixtures/entry-types.yaml', import.meta.url)),
);
const items = [...study.entries, ...fixture.entries].map(toCiteprocItem);

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

  test("a second rendering reads the platform's cache and gives the same list", async () => {
    const stored = new Map<string, string>();
    const settings = {
      // html and a locale of its own: the memory cache of the other tests holds none of it.
      style: resolveStyle('apa'),
      locale: resolveLocale('en-GB'),
      format: 'html' as const,
      hyperlinks: true,
      platform: {
        cache: {
          read: async (key: string) => stored.get(key),
          write: async (key: string, data: string) => void stored.set(key, data),
        },
      },
    };
    const first = await renderBibliography(items, settings);
    expect(stored.size).toEqual(1);
    const [key] = [...stored.keys()];
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const second = await renderBibliography(items.slice().reverse(), settings);
    expect(second).toEqual(first);
  });
});
