import { isAscii } from 'node:buffer';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { cachesOff, userCacheDir } from './cache-dir.js';

// The installed CLI's program is one CommonJS file, bundle/core.cjs, compiled with a V8 code cache
// that the build made by running a check and a build (scripts/bundle-cli.mjs): V8 then neither
// parses the file nor compiles the functions those ran; it reads their bytecode. For a short run
// this was a quarter of the CPU time (docs/decisions/cli-bundle.md, docs/benchmarks.md "Check").
// Node 20 has no code cache for ES modules (module.enableCompileCache came in Node 22), hence
// CommonJS and vm.Script. A cache is valid only for the V8 version and flags it was made with;
// V8 checks both and otherwise compiles as usual, so a cache never changes what runs. The shipped
// cache is named for the V8 that made it; on another Node the first run leaves a cache of its own
// in the user's cache folder for the next.

/** Where this start's code came from: the shipped cache, the user's, none (compiled), or made. */
export type CodeCacheUse =
  | 'accepted'
  | 'accepted from the user cache'
  | 'rejected'
  | 'none'
  | 'making';

type Flags = 'short' | 'long';

/** The shipped code cache of `core` for this V8 and a run with the given compiler flags. */
export function codeCacheFile(core: string, flags: Flags): string {
  return core.replace(/\.cjs$/, `.${flags}-run.${process.versions.v8}.v8cache`);
}

/**
 * The user's own code cache of `core` for this V8 and these flags (cache-dir.ts's user folder),
 * or undefined when caches are off or there is no such folder. V8 runs the bytecode in a cache
 * file as it finds it, hence a folder of the user's own.
 */
function userCodeCacheFile(core: string, flags: Flags, command: string): string | undefined {
  const base = cachesOff() ? undefined : userCacheDir();
  if (base === undefined) return undefined;
  // The core is known by its size and time: a new install gets a new cache. One per command, as
  // a cache holds what its run compiled: a first `litsynth --help` would otherwise serve every
  // later check with little.
  const info = statSync(core);
  const name = `core-${process.versions.v8}-${process.arch}-${flags}-${command}-${info.size}-${Math.trunc(info.mtimeMs)}.v8cache`;
  return join(base, 'code', name);
}

function readIfThere(file: string | undefined): Buffer | undefined {
  if (file === undefined) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes a file whole or not at all (a temporary file renamed); a cache that cannot be written is skipped. */
function writeQuietly(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}

/**
 * Loads the CommonJS file `core` as Node's require() would, compiled with a code cache: the
 * shipped one made by this V8, else the user's own. With LITSYNTH_MAKE_CODE_CACHE=1 (the build)
 * the shipped cache is written when the process exits, with every function the run compiled;
 * when neither cache served, the user's is written the same way.
 */
export function loadCore(
  core: string,
  flags: Flags,
  args: readonly string[],
): { exports: unknown; codeCache: CodeCacheUse } {
  const making = process.env.LITSYNTH_MAKE_CODE_CACHE === '1';
  const shippedCache = making ? undefined : readIfThere(codeCacheFile(core, flags));
  const command = args.find((arg) => /^[a-z]+$/.test(arg)) ?? 'none';
  const userFile =
    making || shippedCache !== undefined ? undefined : userCodeCacheFile(core, flags, command);
  const userCache = readIfThere(userFile);
  const cachedData = shippedCache ?? userCache;
  // The build writes the core in ASCII (scripts/bundle-cli.mjs): read as Latin-1, it needs no
  // UTF-8 decoding, a tenth of the time for its 2.7 MB.
  const bytes = readFileSync(core);
  const text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  // The same wrapper as Node's CommonJS loader, so that the file runs as a module would.
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
  const served = cachedData !== undefined && !script.cachedDataRejected;
  const writeTo = making ? codeCacheFile(core, flags) : served ? undefined : userFile;
  if (writeTo !== undefined)
    process.on('exit', () => writeQuietly(writeTo, script.createCachedData()));
  const codeCache: CodeCacheUse = making
    ? 'making'
    : cachedData === undefined
      ? 'none'
      : !served
        ? 'rejected'
        : userCache !== undefined
          ? 'accepted from the user cache'
          : 'accepted';
  return { exports: module.exports, codeCache };
}
