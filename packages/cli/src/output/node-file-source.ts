import { readdir, stat } from 'node:fs/promises';
import { LitsynthError } from '@litsynth/common';
import { realPathOf } from './output-guard.js';
import { readFileBytes } from './read-file.js';
import { type FileSource, sizeLimit } from '@litsynth/engine';

/**
 * The engine's files from the disk: paths relative to the folder the user stands in, each read
 * with the checks every input gets (exists, is a file, not empty, not too large).
 */
export const nodeFileSource: FileSource = {
  read(path, request) {
    // A manuscript's message names its limit ("for text files"); a bibliography's never has.
    return readFileBytes(
      path,
      request.role === 'manuscript'
        ? { role: request.role, ...(request.limit ?? sizeLimit(request.binary)) }
        : { role: request.role },
    );
  },
  kind(path) {
    return stat(path).then(
      (info) => (info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other'),
      () => 'missing' as const,
    );
  },
  async list(folder) {
    try {
      return await readdir(folder);
    } catch (cause) {
      throw new LitsynthError('io', 'The folder cannot be read.', {
        file: folder,
        messageNb: 'Mappen kan ikke leses.',
        cause,
      });
    }
  },
  realPath: realPathOf,
};
