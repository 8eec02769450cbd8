import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FormatPlatform, RenderRequest, RenderResult } from '@litsynth/bibliography';
import { writeFileAtomic } from './write-file-atomic.js';
import { referenceCacheDir } from './cache-dir.js';

// What Node lends the formatting of a reference list (@litsynth/bibliography has neither): rendered
// entries cached on disk between runs, and worker threads for large lists. node:os and
// node:worker_threads are loaded when a list is large enough for threads, not at start (~1.5 ms).

/**
 * Worker threads worth starting: the cores beyond this thread that are idle now. On a busy machine
 * extra threads only compete for the same cores (measured: slower, see docs/benchmarks.md).
 */
function idleCores(): number {
  const { availableParallelism, loadavg } = process.getBuiltinModule('node:os');
  const cores = availableParallelism();
  return Math.max(0, Math.min(cores - 1, Math.floor(cores - loadavg()[0]!)));
}

/** Renders items in a worker thread (the compiled `format-worker.js` next to this module). */
function renderInWorker(request: RenderRequest): Promise<RenderResult> {
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./format-worker.js', import.meta.url), {
      // A worker inherits the process's flags; --input-type (node -e) is refused for a file.
      execArgv: process.execArgv.filter((flag) => !flag.startsWith('--input-type')),
      workerData: request,
    });
    worker.once('message', (result: RenderResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** Options of the Node platform: where the cache is (default: referenceCacheDir), how many workers (default: the idle cores). */
export interface NodeFormatOptions {
  cacheDir?: string | undefined;
  workers?: number;
}

/** The cache folder and worker threads of this process, for formatReferenceList's `platform`. */
export function nodeFormatPlatform(options: NodeFormatOptions = {}): FormatPlatform {
  const cacheDir = 'cacheDir' in options ? options.cacheDir : referenceCacheDir();
  const fileOf = (key: string) => join(cacheDir!, `bibliography-${key.slice(0, 16)}.json`);
  return {
    ...(cacheDir === undefined
      ? {}
      : {
          cache: {
            read: (key) => readFile(fileOf(key), 'utf8').catch(() => undefined),
            write: (key, data) => writeFileAtomic(fileOf(key), data),
          },
        }),
    threads: {
      // Workers exist only in the compiled package (format-worker.js beside dist/'s module or the
      // bundle's core.cjs); from the TypeScript sources, render here.
      available: () => (import.meta.url.endsWith('.ts') ? 0 : (options.workers ?? idleCores())),
      render: renderInWorker,
    },
  };
}
