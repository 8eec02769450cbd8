import { readdir, stat } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { type FileSource, readFileBytes } from '@litsynth/common';

/** The files of the disk as a file source, for tests (the CLI has the real Node adapter). */
export const diskSource: FileSource = {
  read: (path, request) => readFileBytes(path, { role: request.role }),
  exists: (path) =>
    stat(path).then(
      () => true,
      () => false,
    ),
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
