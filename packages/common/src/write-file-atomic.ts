import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LitsynthError } from './errors.js';

let counter = 0;

/**
 * Writes a file atomically: to a temporary file beside it, then renamed into place, so that a
 * reader never sees a half-written output and a failed run leaves the old file as it was.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const directory = dirname(path);
  const temporary = join(directory, `.${basename(path)}.${process.pid}.${counter++}.tmp`);
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (cause) {
    // Cleanup is best effort: its own failure (e.g. the folder is a file) must not hide the cause.
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new LitsynthError('io', `Could not write the file: ${(cause as Error).message}`, {
      file: path,
      messageNb: `Kunne ikke skrive filen: ${(cause as Error).message}`,
      cause,
    });
  }
}
