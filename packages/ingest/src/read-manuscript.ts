import { extname } from 'node:path';
import { LitsynthError, decodeText, readFileBytes } from '@litsynth/common';
import type { Localized } from '@litsynth/common';
import { markdownToManuscript } from './markdown-to-manuscript.js';
import { textToManuscript } from './text-to-manuscript.js';
import type { Manuscript, ManuscriptFormat, ReadManuscriptOptions } from './types.js';

const formatsByExtension: Record<string, ManuscriptFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

/** The manuscript format a file extension stands for, or undefined for an unknown extension. */
export function formatOfPath(path: string): ManuscriptFormat | undefined {
  return formatsByExtension[extname(path).toLowerCase()];
}

/**
 * Reads a manuscript file (.txt, .md, .docx, .pdf; other extensions are read as text when they
 * decode as text) into a `Manuscript`. Throws a LitsynthError for unusable input.
 */
export async function readManuscript(path: string, options: ReadManuscriptOptions = {}): Promise<Manuscript> {
  const known = options.format ?? formatOfPath(path);
  const bytes = await readFileBytes(path, {
    role: 'manuscript',
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
  });
  if (known === 'docx' || known === 'pdf') return readBinaryFormat(known, bytes, path);
  const file = decodeText(bytes, path);
  const notes: Localized[] = [...file.notes];
  if (known === undefined) {
    const extension = extname(path) || '(none)';
    notes.push({
      nb: `Ukjent filtype ${extension}; filen ble lest som ren tekst.`,
      en: `Unknown file type ${extension}; the file was read as plain text.`,
    });
  }
  const read = known === 'md' ? markdownToManuscript : textToManuscript;
  return read(file.text, { path, encoding: file.encoding, notes });
}

async function readBinaryFormat(format: 'docx' | 'pdf', bytes: Uint8Array, path: string): Promise<Manuscript> {
  const reader = await loadReader(format, path);
  return reader(bytes, path);
}

type BinaryReader = (bytes: Uint8Array, path: string) => Promise<Manuscript>;

/** Loads the .docx or .pdf reader only when such a file is read: their libraries are heavy. */
async function loadReader(format: 'docx' | 'pdf', path: string): Promise<BinaryReader> {
  // The module path is built at run time so that this package type-checks and builds before the
  // readers exist; a missing reader is an unsupported format, not a crash.
  const specifier = `./${format}.js`;
  let module: Record<string, unknown>;
  try {
    module = (await import(specifier)) as Record<string, unknown>;
  } catch (cause) {
    if (isModuleNotFound(cause)) {
      throw new LitsynthError('unsupported-format', `Reading .${format} manuscripts is not available in this build.`, {
        file: path,
        messageNb: `Lesing av .${format}-manuskripter er ikke tilgjengelig i denne versjonen.`,
        cause,
      });
    }
    throw cause;
  }
  const reader = module[format === 'docx' ? 'docxToManuscript' : 'pdfToManuscript'];
  if (typeof reader !== 'function') {
    throw new LitsynthError('unsupported-format', `Reading .${format} manuscripts is not available in this build.`, {
      file: path,
      messageNb: `Lesing av .${format}-manuskripter er ikke tilgjengelig i denne versjonen.`,
    });
  }
  return reader as BinaryReader;
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}
