import { readdir, readFile, stat } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { type FileSource, memoryFileSource } from '@litsynth/common';

/** The files of the disk as a file source, for tests (the CLI has the real Node adapter). */
export const diskSource: FileSource = {
  // The bytes from the disk, the checks of every input (missing, empty, too large) from the memory source.
  read: async (path, request) => {
    const bytes = await readFile(path).then(
      (data) => new Uint8Array(data),
      () => undefined,
    );
    return memoryFileSource(bytes === undefined ? {} : { [path]: bytes }).read(path, request);
  },
  kind: (path) =>
    stat(path).then(
      (info) => (info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other'),
      () => 'missing' as const,
    ),
  list: (folder) => readdir(folder),
  realPath: (path) => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  },
};
