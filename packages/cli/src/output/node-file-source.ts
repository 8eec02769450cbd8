import { stat } from 'node:fs/promises';
import { readFileBytes } from '@litsynth/common';
import { type FileSource, sizeLimit } from '@litsynth/engine';
import { longWorkBytes, optimiseForLongWork } from './optimising-compiler.js';

/**
 * The engine's files from the disk: paths relative to the folder the user stands in, each read
 * with the checks every input gets (exists, is a file, not empty, not too large).
 */
export const nodeFileSource: FileSource = {
  async read(path, request) {
    // A manuscript's message names its limit ("for text files"); a bibliography's never has.
    const bytes = await readFileBytes(
      path,
      request.role === 'manuscript'
        ? { role: request.role, ...(request.limit ?? sizeLimit(request.binary)) }
        : { role: request.role },
    );
    if (request.binary || bytes.byteLength >= longWorkBytes) optimiseForLongWork();
    return bytes;
  },
  exists(path) {
    return stat(path).then(
      () => true,
      () => false,
    );
  },
};
