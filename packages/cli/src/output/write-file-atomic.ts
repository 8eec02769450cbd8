import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LitsynthError } from '@litsynth/common';
import { virtualFileSystemOf } from './output-guard.js';

/** Our temporary files: `.<name>.<pid>.<random>.tmp`, beside the file they become. */
const temporaryName = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/;
const cleaned = new Set<string>();

/** The name of a new temporary file for `path`: unique to this process and this call. */
export function temporaryPathFor(path: string): string {
  const random = [...globalThis.crypto.getRandomValues(new Uint8Array(6))]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
  return join(dirname(path), `.${basename(path)}.${process.pid}.${random}.tmp`);
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files that a run killed mid-write (SIGKILL, power loss) left in a folder:
 * ours by their name, made by a process that no longer runs. Once per folder and process; best effort.
 */
export async function removeStaleTemporaryFiles(directory: string): Promise<void> {
  if (cleaned.has(directory)) return;
  cleaned.add(directory);
  const names = await readdir(directory).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(temporaryName.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || running(pid)) continue;
    await rm(join(directory, name), { force: true }).catch(() => undefined);
  }
}

/**
 * Writes a file atomically: to a temporary file beside it, then renamed into place, so that a
 * reader never sees a half-written output and a failed run leaves the old file as it was.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const directory = dirname(path);
  // A recursive mkdir under /proc spins forever; nothing of ours belongs in a virtual file system.
  const virtual = virtualFileSystemOf(directory);
  if (virtual) {
    throw new LitsynthError(
      'io',
      `Could not write the file: ${virtual} is not a folder for files.`,
      {
        file: path,
        messageNb: `Kunne ikke skrive filen: ${virtual} er ikke en mappe for filer.`,
      },
    );
  }
  const temporary = temporaryPathFor(path);
  try {
    await mkdir(directory, { recursive: true });
    await removeStaleTemporaryFiles(directory);
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
