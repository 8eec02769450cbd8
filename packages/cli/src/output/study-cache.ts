import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from './write-file-atomic.js';
import type { StudyCheckInput } from '@litsynth/engine';
import { cachesOff, referenceCacheDir } from './cache-dir.js';
import { codeFolders } from './code-files.js';

// A content-addressed cache of a loaded study, so that a repeated `litsynth check` of an unchanged
// study skips importing yaml/remark and the study loaders and loading the study (see
// docs/decisions/check-startup.md). This module must stay cheap to import: node built-ins, common
// and types only.

/** What is cached of a study: what the check needs of it (the engine's StudyCheckInput). */
export type CachedStudy = StudyCheckInput;

/** One cache file: what it was made from, and the value. */
interface CacheEntry {
  format: typeof cacheFormat;
  key: string;
  /** Every file the study was read from, absolute, with the sha256 of its bytes then. */
  files: Array<{ path: string; sha256: string }>;
  /** Files the study only required to exist (the manuscript). */
  present: string[];
  value: CachedStudy;
}

const cacheFormat = 2;

/** Packages whose code decides what a loaded study is (their builds are part of the key). */
const loaderPackages = [
  '@litsynth/study',
  '@litsynth/bibliography',
  '@litsynth/sources',
  '@litsynth/common',
  '@litsynth/check',
  '@litsynth/matrix',
];

// node:crypto (and its 18 internal modules) is loaded on the first hash, not at start: a check with
// the cache off never hashes.
const sha256 = (data: string | Uint8Array): string =>
  process.getBuiltinModule('node:crypto').createHash('sha256').update(data).digest('hex');

/** The study cache is on unless caches are off (LITSYNTH_NO_CACHE) or there is no cache folder. */
function cacheDir(): string | undefined {
  return cachesOff() ? undefined : referenceCacheDir();
}

/** The built code's identity: path, size and mtime of every .js and .cjs file of the CLI and the loader packages. */
async function buildIdentity(): Promise<string> {
  const parts: string[] = [];
  for (const folder of await codeFolders(loaderPackages)) {
    const files = folder.files.filter((file) => /\.c?js$/.test(file));
    const infos = await Promise.all(files.map((file) => stat(file)));
    for (const [index, file] of files.entries())
      parts.push(`${file}\t${infos[index]?.size}\t${infos[index]?.mtimeMs}`);
  }
  return sha256(parts.join('\n'));
}

/** The key of a study folder: build identity, working directory (messages show paths relative to it), the folder as given and absolute. */
async function keyOf(dir: string): Promise<string> {
  return JSON.stringify([cacheFormat, await buildIdentity(), process.cwd(), dir, resolve(dir)]);
}

const fileOf = (cache: string, key: string): string =>
  join(cache, `study-${sha256(key).slice(0, 32)}.json`);

/** A value of the shape a cache entry holds (a hand-edited or truncated-then-patched file is a miss). */
function isCachedStudy(value: unknown): value is CachedStudy {
  const candidate = value as Partial<CachedStudy> | null;
  return (
    typeof candidate?.config === 'object' &&
    candidate.config !== null &&
    Array.isArray(candidate.config.included) &&
    Array.isArray(candidate.config.bibliography) &&
    Array.isArray(candidate.entries) &&
    Array.isArray(candidate.diagnostics)
  );
}

/**
 * The cached load of a study folder, when the cache has one made from the same build, folder and
 * file contents; undefined otherwise. A missing, corrupt or unreadable cache file is a miss, never an error.
 */
export async function readCachedStudy(dir: string): Promise<CachedStudy | undefined> {
  const cache = cacheDir();
  if (!cache) return undefined;
  try {
    const key = await keyOf(dir);
    const entry = JSON.parse(await readFile(fileOf(cache, key), 'utf8')) as CacheEntry;
    if (
      entry.format !== cacheFormat ||
      entry.key !== key ||
      !Array.isArray(entry.files) ||
      !Array.isArray(entry.present)
    )
      return undefined;
    const hashes = await Promise.all(
      entry.files.map(async (file) => sha256(await readFile(file.path))),
    );
    if (hashes.some((hash, index) => hash !== entry.files[index]?.sha256)) return undefined;
    const present = await Promise.all(
      entry.present.map(async (path) => (await stat(path)).isFile()),
    );
    if (!present.every(Boolean)) return undefined;
    return isCachedStudy(entry.value) ? entry.value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stores what the check read of a study, keyed by the bytes of study.yaml, the bibliography files
 * and the included records (the files it was read from), unless one of them changed after `loadStartedMs` (Date.now()
 * before loading). Best effort: a cache that cannot be written is skipped.
 */
export async function writeCachedStudy(
  dir: string,
  value: CachedStudy,
  loadStartedMs: number,
): Promise<void> {
  const cache = cacheDir();
  if (!cache) return;
  try {
    const { config } = value;
    const read = [
      join(dir, 'study.yaml'),
      ...config.bibliography,
      ...(config.included.length > 0
        ? config.included.map((id) => join(config.sourcesDir, `${id}.md`))
        : []),
    ].map((path) => resolve(path));
    const files = await Promise.all(
      read.map(async (path) => ({ path, sha256: sha256(await readFile(path)) })),
    );
    // A file changed while the study loaded would pair its new hash with the old content: no cache then.
    const changed = await Promise.all(
      read.map(async (path) => (await stat(path)).mtimeMs >= loadStartedMs),
    );
    if (changed.some(Boolean)) return;
    const key = await keyOf(dir);
    const entry: CacheEntry = {
      format: cacheFormat,
      key,
      files,
      present: [resolve(config.manuscript)],
      value,
    };
    await writeFileAtomic(fileOf(cache, key), JSON.stringify(entry));
  } catch {
    // A read-only or full disk only costs the next run its speed.
  }
}
