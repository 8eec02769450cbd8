import {
  bibliographyFormatOf,
  type LoadedBibliography,
  loadBibliographyBytes,
} from '@litsynth/bibliography';
import { readFileBytes } from './read-file.js';

/**
 * A bibliography file from the disk (`add`, `bib`): refused by its name when it is no format
 * litsynth reads, before it is opened; then read with the checks every input gets and loaded.
 */
export async function loadBibliographyFile(path: string): Promise<LoadedBibliography> {
  bibliographyFormatOf(path);
  return loadBibliographyBytes(await readFileBytes(path, { role: 'bibliography' }), path);
}
