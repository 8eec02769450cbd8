import { readFile } from 'node:fs/promises';
import { readManuscriptBytes } from './read-manuscript.js';
import type { Manuscript, ReadManuscriptOptions } from './types.js';

// Test helper (not built): a manuscript file read from disk, as the CLI's Node adapter hands its
// bytes to the library (the checks of the file itself, its size and existence, are the adapter's).

/** The manuscript of a file on disk, read through readManuscriptBytes. */
export async function readManuscriptFile(
  path: string,
  options: ReadManuscriptOptions = {},
): Promise<Manuscript> {
  return readManuscriptBytes(new Uint8Array(await readFile(path)), path, options);
}
