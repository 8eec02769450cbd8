import { readdir, stat } from 'node:fs/promises';
import { type FileSource } from '@litsynth/common';
import { realPathOf } from '../packages/cli/src/output/output-guard.js';
import { readFileBytes } from '../packages/cli/src/output/read-file.js';

/** The files of the disk as a file source, for reading a study in a test (the CLI has its own adapter). */
export const diskFileSource: FileSource = {
  read: (path, request) => readFileBytes(path, { role: request.role }),
  kind: (path) =>
    stat(path).then(
      (info) => (info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other'),
      () => 'missing' as const,
    ),
  list: (folder) => readdir(folder),
  realPath: realPathOf,
};
