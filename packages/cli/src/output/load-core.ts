import { isAscii } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

// The installed CLI's program is one CommonJS file, bundle/core.cjs, compiled with a V8 code cache
// that the build made by running a check (scripts/bundle-cli.mjs): V8 then neither parses the
// file nor compiles the functions that check ran; it reads their bytecode. For a short run this
// was a quarter of the CPU time (docs/decisions/cli-bundle.md, docs/benchmarks.md "Check").
// Node 20 has no code cache for ES modules (module.enableCompileCache came in Node 22), hence
// CommonJS and vm.Script. The cache is valid only for the V8 version and flags it was made with;
// V8 checks both and otherwise compiles as usual, so a cache never changes what runs.

/** What the code cache did at this start: used, refused by V8, absent, or being made. */
export type CodeCacheUse = 'accepted' | 'rejected' | 'none' | 'making';

/** The code cache file of `core` for a run with the given compiler flags (`short` or `long`). */
export function codeCacheFile(core: string, flags: 'short' | 'long'): string {
  return core.replace(/\.cjs$/, `.${flags}-run.v8cache`);
}

/**
 * Loads the CommonJS file `core` as Node's require() would, but compiled with its code cache
 * (if there is one for these flags). With LITSYNTH_MAKE_CODE_CACHE=1 (the build), the cache is
 * written when the process exits, with every function the run compiled.
 */
export function loadCore(
  core: string,
  flags: 'short' | 'long',
): { exports: unknown; codeCache: CodeCacheUse } {
  const cacheFile = codeCacheFile(core, flags);
  const making = process.env.LITSYNTH_MAKE_CODE_CACHE === '1';
  let cachedData: Buffer | undefined;
  if (!making) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  // The same wrapper as Node's CommonJS loader, so that the file runs as a module would.
  // The build writes the core in ASCII (scripts/bundle-cli.mjs): read as Latin-1, it needs no
  // UTF-8 decoding, a tenth of the time for its 2.7 MB.
  const bytes = readFileSync(core);
  const text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const source = `(function (exports, require, module, __filename, __dirname) { ${text}\n})`;
  const script = new Script(source, { filename: core, ...(cachedData ? { cachedData } : {}) });
  // Code compiled here cannot run import() (Node 20 needs --experimental-vm-modules for it, and V8
  // drops the main loader's callback when it uses the cache): the core imports the libraries
  // bundled apart (bundle/vendor/) through this module instead, relative to its own file.
  const coreUrl = pathToFileURL(core);
  (globalThis as Record<symbol, unknown>)[Symbol.for('litsynth.import')] = (path: string) =>
    import(new URL(path, coreUrl).href);
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(
    module.exports,
    createRequire(core),
    module,
    core,
    dirname(core),
  );
  if (making) process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
  const codeCache: CodeCacheUse = making
    ? 'making'
    : cachedData === undefined
      ? 'none'
      : script.cachedDataRejected
        ? 'rejected'
        : 'accepted';
  return { exports: module.exports, codeCache };
}
