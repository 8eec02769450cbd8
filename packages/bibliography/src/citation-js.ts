import type { CslItem, RenderResult } from './types.js';

export type { RenderResult };

/** The parts of citation-js we use, typed by us (citation-js ships no types). */
export interface CitationJs {
  /** Parses text of a forced input type into CSL items. Throws on the first syntax error. */
  parse(text: string, type: '@biblatex/text' | '@ris/file'): CslItem[];
  /** Registers a CSL style (XML) under a name, once. */
  addTemplate(name: string, xml: string): void;
  /** Registers a CSL locale (XML) under a name, once. */
  addLocale(name: string, xml: string): void;
  /** Formats a bibliography with citeproc through citation-js; returns [id, entry] in list order. */
  bibliography(
    items: CslItem[],
    options: { template: string; lang: string; format: 'html' | 'text'; hyperlinks?: boolean },
  ): Array<[string, string]>;
  /**
   * Renders items with citation-js's cached citeproc engine for a style and locale, and returns
   * each entry with the sort keys citeproc computed for it, so that lists rendered in parts can
   * be merged in citeproc's order.
   */
  render(
    items: CslItem[],
    options: { template: string; lang: string; format: 'html' | 'text'; hyperlinks?: boolean },
  ): RenderResult;
}

let loading: Promise<CitationJs> | undefined;

/**
 * Loads citation-js lazily, so that commands that never need BibTeX, RIS or formatting
 * (such as `litsynth check` on CSL-YAML) start without it. This is the only import of it.
 */
export function loadCitationJs(): Promise<CitationJs> {
  loading ??= (async () => {
    // biome-ignore lint/suspicious/noExplicitAny: citation-js ships no types; this module is where its untyped API is wrapped.
    const core = (await import('@citation-js/core')) as unknown as {
      plugins: any;
      Cite: any;
      util: any;
    };
    await import('@citation-js/plugin-bibtex');
    await import('@citation-js/plugin-ris');
    await import('@citation-js/plugin-csl');
    const { plugins } = core;
    const csl = plugins.config.get('@csl');
    // citeproc as plugin-csl loads it (one version in the lockfile, so the same module instance),
    // for its string-compare hook. A plain import keeps it visible to the CLI's bundler.
    csl.citeproc = (await import('citeproc')).default;
    const bibtexConfig = plugins.config.get('@bibtex');
    // Keep BibLaTeX fields citation-js would otherwise drop; be strict about nothing else.
    if (bibtexConfig?.parse) bibtexConfig.parse.strict = false;
    return {
      parse(text, type) {
        return plugins.input.chain(text, {
          forceType: type,
          target: '@csl/list+object',
          generateGraph: false,
        }) as CslItem[];
      },
      addTemplate(name, xml) {
        if (!csl.templates.has(name)) csl.templates.add(name, xml);
      },
      addLocale(name, xml) {
        if (!csl.locales.has(name)) csl.locales.add(name, xml);
      },
      render(items, options) {
        useCollator(csl, options.lang);
        const engine = csl.engine(
          core.util.downgradeCsl(items),
          options.template,
          options.lang,
          options.format,
        );
        engine.opt.development_extensions.wrap_url_and_doi = options.hyperlinks === true;
        engine.updateItems(items.map((item) => item.id));
        const [params, bodies] = engine.makeBibliography() as [{ entry_ids: string[][] }, string[]];
        return {
          entries: bodies.map((text, index) => {
            const id = String(params.entry_ids[index]?.[0]);
            return { id, text, sortkeys: [...(engine.registry.registry[id]?.sortkeys ?? [])] };
          }),
          directions: engine.bibliography.opt.sort_directions ?? [],
          sortLocale: engine.opt['default-locale-sort'] ?? 'en-US',
        };
      },
      bibliography(items, options) {
        useCollator(csl, options.lang);
        return plugins.output.format('bibliography', items, {
          ...options,
          asEntryArray: true,
        }) as Array<[string, string]>;
      },
    } satisfies CitationJs;
  })();
  return loading;
}

const collators = new Map<string, (a: string, b: string) => number>();

/**
 * citeproc compares sort keys with `localeCompare(b, locale, options)`, which builds an ICU
 * collator on every call (a fifth of its formatting time). Its `CSL.stringCompare` hook takes a
 * comparison instead: the same one (base sensitivity, punctuation ignored, numeric, lower-cased),
 * with one collator per locale. render-list.ts merges lists with this same comparison.
 */
// biome-ignore lint/suspicious/noExplicitAny: citeproc's CSL object is untyped.
function useCollator(csl: any, locale: string): void {
  if (!csl.citeproc) return;
  let compare = collators.get(locale);
  if (!compare) {
    compare = citeprocCompare(locale);
    collators.set(locale, compare);
  }
  csl.citeproc.stringCompare = compare;
}

/** citeproc's comparison of sort keys for a locale, with a reusable collator. */
export function citeprocCompare(locale: string): (a: string, b: string) => number {
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(locale, {
      sensitivity: 'base',
      ignorePunctuation: true,
      numeric: true,
    });
  } catch {
    collator = new Intl.Collator('en-US', {
      sensitivity: 'base',
      ignorePunctuation: true,
      numeric: true,
    });
  }
  // Lower-casing depends on the locale only for Turkish, Azeri and Lithuanian.
  const lower = /^(tr|az|lt)\b/i.test(locale)
    ? (text: string) => text.toLocaleLowerCase(locale)
    : (text: string) => text.toLowerCase();
  return (a, b) => collator.compare(lower(a), lower(b));
}
