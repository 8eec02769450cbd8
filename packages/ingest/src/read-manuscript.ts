import { extname } from 'pathe';
import { decodeText, defaultMaxBinaryBytes, LitsynthError } from '@litsynth/common';
import type { Localized } from '@litsynth/common';
import { markdownToManuscript } from './markdown-to-manuscript.js';
import { textToManuscript } from './text-to-manuscript.js';
import { isUnsupportedExtension, refuseUnsupportedFormat } from './unsupported-format.js';
import type { Manuscript, ManuscriptFormat, ReadManuscriptOptions } from './types.js';

const formatsByExtension: Record<string, ManuscriptFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.docx': 'docx',
  // Macro-enabled documents and templates are the same Office Open XML package as .docx.
  '.docm': 'docx',
  '.dotx': 'docx',
  '.dotm': 'docx',
  '.pdf': 'pdf',
};

/** The manuscript format a file extension stands for, or undefined for an unknown extension. */
export function formatOfPath(path: string): ManuscriptFormat | undefined {
  return formatsByExtension[extname(path).toLowerCase()];
}

/**
 * Largest text manuscript read (1.5 MiB for .txt, 1 MiB for Markdown, whose parser costs more): a
 * long thesis is a few hundred KiB of text, a 300-page one under 1 MiB. The check, the matrix and
 * report.html grow with the text: `litsynth build` of 1.5 MiB dense with citations stays under
 * 1 GB, 2 MiB took 1.06 GB (docs/benchmarks.md, "Hostile inputs"); 19 MB took minutes and gigabytes.
 */
export const maxTextManuscriptBytes = 1.5 * 1024 * 1024;
export const maxMarkdownManuscriptBytes = 1024 * 1024;
/** Most characters of text taken from a .docx or .pdf (its file may be far larger: images). */
export const maxExtractedChars = 1.5 * 1024 * 1024;

/**
 * The largest manuscript file read, by its format (its extension unless given), and the words
 * that name the limit in a message: every reader of manuscript files (the CLI, the engine) uses it.
 */
export function manuscriptSizeLimit(
  path: string,
  format: ManuscriptFormat | undefined = formatOfPath(path),
): { maxBytes: number; limitFor: Localized } {
  if (format === 'docx' || format === 'pdf')
    return {
      maxBytes: defaultMaxBinaryBytes,
      limitFor: { nb: 'for .docx- og .pdf-filer', en: 'for .docx and .pdf files' },
    };
  if (format === 'md')
    return {
      maxBytes: maxMarkdownManuscriptBytes,
      limitFor: { nb: 'for Markdown-filer', en: 'for Markdown files' },
    };
  return {
    maxBytes: maxTextManuscriptBytes,
    limitFor: { nb: 'for tekstfiler', en: 'for text files' },
  };
}

/**
 * Reads a manuscript (.txt, .md, .docx, .pdf; other extensions are read as text when they decode
 * as text) from its bytes into a `Manuscript`: `path` names the file in places and messages, and
 * its extension decides the format. The caller (the engine, over a file source) reads the bytes and
 * checks that they are not empty or too large (`manuscriptSizeLimit`). Throws a LitsynthError for
 * unusable input, and 'unsupported-format' for document formats such as .doc, .odt, .rtf, .pages.
 */
export async function readManuscriptBytes(
  bytes: Uint8Array,
  path: string,
  options: ReadManuscriptOptions = {},
): Promise<Manuscript> {
  if (options.format === undefined && isUnsupportedExtension(path)) refuseUnsupportedFormat(path);
  const known = options.format ?? formatOfPath(path);
  if (known === 'docx' || known === 'pdf') {
    const manuscript = await readBinaryFormat(known, bytes, path, options);
    if (manuscript.text.length > maxExtractedChars) {
      const size = `${(manuscript.text.length / 1024 / 1024).toFixed(1)}`;
      const limit = `${(maxExtractedChars / 1024 / 1024).toFixed(1)}`;
      throw new LitsynthError(
        'too-large',
        `The text of the manuscript is ${size} million characters; the limit is ${limit} million.`,
        {
          file: path,
          messageNb: `Teksten i manuskriptet er ${size} millioner tegn; grensen er ${limit} millioner.`,
        },
      );
    }
    return manuscript;
  }
  // A Word 97–2003 or RTF file renamed to .txt (or with no extension) would read as garbage.
  if (options.format === undefined) refuseUnsupportedFormat(path, bytes.subarray(0, 8));
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

/** Loads the .docx or .pdf reader only when such a file is read: their libraries are heavy. */
async function readBinaryFormat(
  format: 'docx' | 'pdf',
  bytes: Uint8Array,
  path: string,
  options: ReadManuscriptOptions,
): Promise<Manuscript> {
  if (format === 'docx') {
    const { docxToManuscript } = await import('./docx.js');
    return docxToManuscript(bytes, path);
  }
  const { pdfToManuscript } = await import('./pdf.js');
  return pdfToManuscript(bytes, path, options.onPage ? { onPage: options.onPage } : {});
}
