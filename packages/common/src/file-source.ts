import type { Localized } from './diagnostic.js';
import { LitsynthError } from './errors.js';
import { defaultMaxBinaryBytes, defaultMaxTextBytes } from './decode-text.js';

/** What a caller asks of a file: what it is to the user (for messages), and whether it is binary. */
export interface ReadRequest {
  /** What the file is to the user ("manuscript", "bibliography"), named in messages. */
  role: string;
  /** A .docx or .pdf: the larger limit of binary files applies. */
  binary: boolean;
  /** The limit of this file when it has its own (a manuscript's, by format: ingest's manuscriptSizeLimit). */
  limit?: { maxBytes: number; limitFor: Localized };
}

/**
 * Where the engine reads its files: the disk (the CLI's Node adapter), the files a user dropped on
 * a page (the web app), or a test's map. Paths are the user's, used as given in places and messages.
 */
export interface FileSource {
  /**
   * The bytes of a file. Throws a LitsynthError naming the file when it cannot be used: missing,
   * not a file, empty, larger than the limit.
   */
  read(path: string, request: ReadRequest): Promise<Uint8Array>;
  /** What the path names: a file, a folder, something else (a device, a pipe), or nothing. */
  kind(path: string): Promise<FileKind>;
  /** The names of the entries of a folder (not sorted); throws a LitsynthError when it cannot be read. */
  list(folder: string): Promise<string[]>;
  /**
   * The path with its symbolic links resolved, absolute, for telling whether a path lies inside a
   * folder. A source without links (files in memory) gives the path back.
   */
  realPath(path: string): string;
}

/** What a path names in a file source. */
export type FileKind = 'file' | 'folder' | 'other' | 'missing';

/** A path without `./`, `//` and a trailing slash: the form a memory source keys its files by. */
function normalizedPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return (path.startsWith('/') ? '/' : '') + parts.join('/');
}

/** The limit of a file's size, and the words that name it in a message. */
export function sizeLimit(binary: boolean): { maxBytes: number; limitFor: Localized } {
  return binary
    ? {
        maxBytes: defaultMaxBinaryBytes,
        limitFor: { nb: 'for .docx- og .pdf-filer', en: 'for .docx and .pdf files' },
      }
    : { maxBytes: defaultMaxTextBytes, limitFor: { nb: 'for tekstfiler', en: 'for text files' } };
}

/** A file source over files in memory (path → bytes), with the checks every input gets. */
export function memoryFileSource(
  files: ReadonlyMap<string, Uint8Array> | Readonly<Record<string, Uint8Array>>,
): FileSource {
  const given = files instanceof Map ? [...files] : Object.entries(files);
  const map = new Map(given.map(([path, bytes]) => [normalizedPath(path), bytes]));
  const isFolder = (path: string) => {
    const folder = normalizedPath(path);
    const prefix = folder === '' ? '' : `${folder}/`;
    return [...map.keys()].some((file) => file.startsWith(prefix) && file !== folder);
  };
  return {
    async kind(path) {
      return map.has(normalizedPath(path)) ? 'file' : isFolder(path) ? 'folder' : 'missing';
    },
    async list(folder) {
      if (!isFolder(folder)) {
        throw new LitsynthError('file-not-found', 'The folder does not exist.', {
          file: folder,
          messageNb: 'Mappen finnes ikke.',
        });
      }
      const normalized = normalizedPath(folder);
      const prefix = normalized === '' ? '' : `${normalized}/`;
      const names = new Set<string>();
      for (const file of map.keys())
        if (file.startsWith(prefix)) names.add(file.slice(prefix.length).split('/')[0] ?? '');
      return [...names];
    },
    realPath(path) {
      return normalizedPath(path);
    },
    async read(path, request) {
      const bytes = map.get(normalizedPath(path));
      if (bytes === undefined) {
        throw new LitsynthError('file-not-found', `The ${request.role} does not exist.`, {
          file: path,
          messageNb: 'Filen finnes ikke.',
        });
      }
      if (bytes.length === 0)
        throw new LitsynthError('empty-file', `The ${request.role} is empty.`, {
          file: path,
          messageNb: 'Filen er tom.',
        });
      const { maxBytes, limitFor } = request.limit ?? sizeLimit(request.binary);
      if (bytes.length > maxBytes) {
        const mib = (size: number) => `${(size / 1024 / 1024).toFixed(1)} MiB`;
        throw new LitsynthError(
          'too-large',
          `The ${request.role} is ${mib(bytes.length)}; the limit ${limitFor.en} is ${mib(maxBytes)}.`,
          {
            file: path,
            messageNb: `Filen er ${mib(bytes.length)}; grensen ${limitFor.nb} er ${mib(maxBytes)}.`,
          },
        );
      }
      return bytes;
    },
  };
}
