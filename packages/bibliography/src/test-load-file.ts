import { readFile } from 'node:fs/promises';
import { memoryFileSource } from '@litsynth/common';
import { bibliographyFormatOf, loadBibliographyBytes } from './load.js';
import type { LoadedBibliography } from './types.js';

// Test helper (not built): a bibliography file read from disk, as the CLI reads one (its name
// first, then its bytes with the checks every input gets, here those of a memory file source).

/** The entries of a bibliography file on disk. */
export async function loadBibliographyFile(path: string): Promise<LoadedBibliography> {
  bibliographyFormatOf(path);
  const bytes = await readFile(path).then(
    (data) => new Uint8Array(data),
    () => undefined,
  );
  const source = memoryFileSource(bytes === undefined ? {} : { [path]: bytes });
  return loadBibliographyBytes(
    await source.read(path, { role: 'bibliography', binary: false }),
    path,
  );
}
