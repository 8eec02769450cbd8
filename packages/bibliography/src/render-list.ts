import { citeprocCompare, loadCitationJs, type RenderResult } from './citation-js.js';
import { foldText } from './fold-text.js';
import type { CslResource } from './styles.js';
import type { CslItem, FormatPlatform, RenderRequest } from './types.js';

/** What a rendering depends on besides the items. */
export interface RenderSettings {
  style: CslResource;
  locale: CslResource;
  format: 'html' | 'text';
  hyperlinks: boolean;
  /** A cache kept between runs and other threads, when the platform lends them. */
  platform?: FormatPlatform;
}

type RenderedEntry = RenderResult['entries'][number];

/** The rendered entries of one style/locale/format, by group hash, plus how to sort them. */
interface RenderCache {
  version: 1;
  directions: RenderResult['directions'];
  sortLocale: string;
  groups: Record<string, RenderedEntry[]>;
}

const memoryCaches = new Map<string, RenderCache>();
const workerThreshold = 2000;

/**
 * SHA-256 of a text, hex: Web Crypto where there is one (Node, a browser's secure context: native
 * and fast), else @noble/hashes (a page served over plain http has no crypto.subtle), imported on
 * first use (a check never formats a list).
 */
async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const subtle = globalThis.crypto?.subtle;
  const digest = subtle
    ? new Uint8Array(await subtle.digest('SHA-256', bytes))
    : (await import('@noble/hashes/sha2.js')).sha256(bytes);
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** The hash of a style's or locale's XML, once per resource (its XML is tens of kilobytes). */
const resourceHashes = new WeakMap<CslResource, Promise<string>>();
function resourceHash(resource: CslResource): Promise<string> {
  let hash = resourceHashes.get(resource);
  if (!hash) {
    hash = sha256Hex(resource.xml);
    resourceHashes.set(resource, hash);
  }
  return hash;
}

/**
 * The group an item is rendered with: first author (or title) and year. Everything citeproc
 * disambiguates in a bibliography (a/b letters, "et al." forms) stays within one group, so groups
 * can be rendered apart, in parallel, and cached.
 */
export function groupKey(item: CslItem): string {
  const first = item.author?.[0] ?? item.editor?.[0];
  const name = first ? (first.literal ?? first.family ?? '') : (item.title ?? '');
  const year = item.issued?.['date-parts']?.[0]?.[0] ?? item.issued?.literal ?? '';
  return `${foldText(String(name))}#${year}`;
}

/** Orders rendered entries as citeproc's registry does: key by key, then input order. */
function compareEntries(cache: RenderCache, order: ReadonlyMap<string, number>) {
  const compare = citeprocCompare(cache.sortLocale);
  return (a: RenderedEntry, b: RenderedEntry): number => {
    for (let index = 0; index < a.sortkeys.length; index++) {
      const left = a.sortkeys[index];
      const right = b.sortkeys[index];
      const direction = cache.directions[index] ?? [-1, 1];
      let result = 0;
      if (left === right) result = 0;
      else if (left === undefined || left === null) result = direction[1];
      else if (right === undefined || right === null) result = direction[0];
      else result = compare(left, right);
      if (result > 0) return direction[1];
      if (result < 0) return direction[0];
    }
    return (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);
  };
}

async function loadCache(settings: RenderSettings, key: string): Promise<RenderCache | undefined> {
  const memory = memoryCaches.get(key);
  if (memory) return memory;
  const store = settings.platform?.cache;
  if (!store) return undefined;
  try {
    const text = await store.read(key);
    if (text === undefined) return undefined;
    const data = JSON.parse(text) as RenderCache;
    if (data.version !== 1 || typeof data.groups !== 'object') return undefined;
    memoryCaches.set(key, data);
    return data;
  } catch {
    // A cache we cannot read: render everything.
    return undefined;
  }
}

/** Renders items in this thread through citation-js (a platform's other threads call this too). */
export async function renderWithCiteproc(request: RenderRequest): Promise<RenderResult> {
  const citationJs = await loadCitationJs();
  citationJs.addTemplate(request.style.name, request.style.xml);
  citationJs.addLocale(request.locale.name, request.locale.xml);
  return citationJs.render(request.items, {
    template: request.style.name,
    lang: request.locale.name,
    format: request.format,
    hyperlinks: request.hyperlinks,
  });
}

function requestOf(items: CslItem[], settings: RenderSettings): RenderRequest {
  return {
    items,
    style: settings.style,
    locale: settings.locale,
    format: settings.format,
    hyperlinks: settings.hyperlinks,
  };
}

/** Splits groups of items into `count` chunks of about equal size, groups kept whole. */
function chunkGroups(groups: CslItem[][], count: number): CslItem[][] {
  const chunks: CslItem[][] = Array.from({ length: count }, () => []);
  for (const group of [...groups].sort((a, b) => b.length - a.length)) {
    const smallest = chunks.reduce((best, chunk) => (chunk.length < best.length ? chunk : best));
    smallest.push(...group);
  }
  return chunks.filter((chunk) => chunk.length > 0);
}

/**
 * Renders a bibliography in citeproc's order. Entries are rendered per author–year group; groups
 * rendered before (same style, locale, format and item data) come from the cache, new ones are
 * rendered through citation-js, spread over the platform's threads when there are many.
 */
export async function renderBibliography(
  items: readonly CslItem[],
  settings: RenderSettings,
): Promise<Array<{ id: string; text: string }>> {
  if (items.length === 0) return [];
  const key = await sha256Hex(
    JSON.stringify([
      settings.style.name,
      await resourceHash(settings.style),
      settings.locale.name,
      await resourceHash(settings.locale),
      settings.format,
      settings.hyperlinks,
    ]),
  );
  const groups = new Map<string, CslItem[]>();
  for (const item of items) {
    const group = groupKey(item);
    const members = groups.get(group);
    if (members) members.push(item);
    else groups.set(group, [item]);
  }
  const hashes = new Map<CslItem[], string>();
  // Members in id order, so that a group's hash does not depend on the order the list came in.
  await Promise.all(
    [...groups.values()].map(async (members) => {
      members.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      hashes.set(members, await sha256Hex(JSON.stringify(members)));
    }),
  );
  let cache = await loadCache(settings, key);
  const missing = [...groups.values()].filter((members) => !cache?.groups[hashes.get(members)!]);
  if (missing.length > 0) {
    const count = missing.reduce((sum, members) => sum + members.length, 0);
    const threads = settings.platform?.threads;
    const cores = count >= workerThreshold && threads ? threads.available() : 0;
    const chunks = cores > 0 ? chunkGroups(missing, cores + 1) : [missing.flat()];
    const [here, ...elsewhere] = chunks;
    const pending = elsewhere.map((chunk) => threads!.render(requestOf(chunk, settings)));
    const results = [
      await renderWithCiteproc(requestOf(here!, settings)),
      ...(await Promise.all(pending)),
    ];
    cache ??= {
      version: 1,
      directions: results[0]!.directions,
      sortLocale: results[0]!.sortLocale,
      groups: {},
    };
    const rendered = new Map<string, RenderedEntry>();
    for (const result of results) for (const entry of result.entries) rendered.set(entry.id, entry);
    for (const members of missing) {
      cache.groups[hashes.get(members)!] = members
        .map((item) => rendered.get(item.id))
        .filter((entry): entry is RenderedEntry => entry !== undefined);
    }
    memoryCaches.set(key, cache);
    const store = settings.platform?.cache;
    if (store) {
      // Keep the cache from growing without bound: drop groups this list does not use once they dominate.
      const used = new Set(hashes.values());
      if (Object.keys(cache.groups).length > 4 * used.size) {
        cache.groups = Object.fromEntries(
          Object.entries(cache.groups).filter(([hash]) => used.has(hash)),
        );
      }
      try {
        await store.write(key, JSON.stringify(cache));
      } catch {
        // The cache only saves time: one we cannot write to must not fail the list.
      }
    }
  }
  const order = new Map(items.map((item, index) => [item.id, index]));
  const all = [...groups.values()].flatMap((members) => cache!.groups[hashes.get(members)!] ?? []);
  return all.sort(compareEntries(cache!, order)).map(({ id, text }) => ({ id, text }));
}
