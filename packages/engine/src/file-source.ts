import {
  defaultMaxBinaryBytes,
  defaultMaxTextBytes,
  LitsynthError,
  type Localized,
} from '@litsynth/common';

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
  /** Whether the path names a file that exists. */
  exists(path: string): Promise<boolean>;
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
  const map = files instanceof Map ? files : new Map(Object.entries(files));
  return {
    async exists(path) {
      return map.has(path);
    },
    async read(path, request) {
      const bytes = map.get(path);
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
