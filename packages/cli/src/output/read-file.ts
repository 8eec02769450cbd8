import { readFile, stat } from 'node:fs/promises';
import {
  decodeText,
  defaultMaxTextBytes,
  LitsynthError,
  type Localized,
  type TextFile,
} from '@litsynth/common';

// The Node side of reading an input: the checks every file gets before its bytes are read (the
// libraries get bytes through the engine's file source; common's decodeText decodes them).

export interface ReadTextFileOptions {
  /** Refuse files larger than this many bytes (default 20 MiB). */
  maxBytes?: number;
  /** What the file is, for messages ("manuscript", "bibliography"). */
  role?: string;
  /** Which files the limit is for, for the message ("for text files"); none when absent. */
  limitFor?: Localized;
}

/**
 * Reads a text file the way users' files really arrive: UTF-8 with or without BOM, UTF-16 with
 * BOM, or a legacy 8-bit encoding (Windows-1252 / ISO-8859-1), which is decoded and noted.
 * Throws a LitsynthError for a missing, empty, binary or too large file.
 */
export async function readTextFile(
  path: string,
  options: ReadTextFileOptions = {},
): Promise<TextFile> {
  const bytes = await readFileBytes(path, options);
  return decodeText(bytes, path);
}

/** Reads a file's bytes with the checks every input gets: exists, is a file, not empty, not too large. */
export async function readFileBytes(
  path: string,
  options: ReadTextFileOptions = {},
): Promise<Uint8Array> {
  const role = options.role ?? 'file';
  const maxBytes = options.maxBytes ?? defaultMaxTextBytes;
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (cause) {
    throw new LitsynthError('file-not-found', `The ${role} does not exist.`, {
      file: path,
      messageNb: 'Filen finnes ikke.',
      cause,
    });
  }
  if (info.isDirectory()) {
    throw new LitsynthError('usage', `The ${role} is a folder, not a file.`, {
      file: path,
      messageNb: 'Dette er en mappe, ikke en fil.',
    });
  }
  // A device (/dev/zero), FIFO or socket never ends or blocks: refused before it is opened.
  if (!info.isFile()) {
    throw new LitsynthError(
      'usage',
      `The ${role} is not a regular file (it is a device, pipe or socket).`,
      {
        file: path,
        messageNb: 'Dette er ikke en vanlig fil (men en enhet, et rør eller en socket).',
      },
    );
  }
  if (info.size > maxBytes) {
    const forEn = options.limitFor ? ` ${options.limitFor.en}` : '';
    const forNb = options.limitFor ? ` ${options.limitFor.nb}` : '';
    throw new LitsynthError(
      'too-large',
      `The ${role} is ${formatMiB(info.size)}; the limit${forEn} is ${formatMiB(maxBytes)}.`,
      {
        file: path,
        messageNb: `Filen er ${formatMiB(info.size)}; grensen${forNb} er ${formatMiB(maxBytes)}.`,
      },
    );
  }
  const bytes = new Uint8Array(await readFile(path));
  if (bytes.length === 0) {
    throw new LitsynthError('empty-file', `The ${role} is empty.`, {
      file: path,
      messageNb: 'Filen er tom.',
    });
  }
  return bytes;
}

function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
