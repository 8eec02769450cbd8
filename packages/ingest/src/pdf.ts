import { LitsynthError, type Localized } from '@litsynth/common';
import { manuscriptFromBlocks } from './build-manuscript.js';
import {
  type PdfPage,
  type PdfTextItem,
  layoutToBlocks,
  linesOfPages,
  printedPageOffset,
} from './pdf-layout.js';
import { applyTableOfContents } from './table-of-contents.js';
import type { Manuscript } from './types.js';

/** What a caller may ask of the PDF reader. */
export interface PdfReadOptions {
  /** Called after each page is read, for a progress bar. */
  onPage?: (page: number, pages: number) => void;
}

/** Most pages read from one PDF; a thesis has a few hundred at most. */
export const maxPdfPages = 2000;

/**
 * Reads a .pdf manuscript with pdf.js (its legacy build, which runs on Node 20): text in reading
 * order, running headers, footers and page numbers removed, words hyphenated at line ends joined,
 * footnotes placed after the paragraph they interrupt. A place is "line" = the line's number in
 * the whole PDF (every text line of every page counts, in reading order), "column" = character in
 * that line, and "page" = the PDF page (1-based, as a PDF viewer counts).
 * A password-protected PDF is refused with a LitsynthError ('encrypted').
 */
export async function pdfToManuscript(
  bytes: Uint8Array,
  path: string,
  options: PdfReadOptions = {},
): Promise<Manuscript> {
  if (!hasPdfHeader(bytes)) {
    throw new LitsynthError(
      'unsupported-format',
      'The file is not a PDF (it does not start with %PDF).',
      {
        file: path,
        messageNb: 'Filen er ikke en PDF (den begynner ikke med %PDF).',
      },
    );
  }
  const pages = await readPdfPages(bytes, path, options);
  const lines = linesOfPages(pages);
  const layout = layoutToBlocks(lines);
  if (layout.blocks.length === 0) {
    throw new LitsynthError(
      'empty-file',
      'The PDF has no text layer (is it a scan? Run text recognition (OCR) on it first).',
      {
        file: path,
        messageNb:
          'PDF-en har ikke noe tekstlag (er den skannet? Kjør tekstgjenkjenning (OCR) på den først).',
      },
    );
  }
  const notes: Localized[] = [
    {
      nb: 'I en PDF er «linje» linjens nummer i hele PDF-en (alle tekstlinjer på alle sider telles, også topp- og bunntekst) og «side» PDF-siden.',
      en: 'In a PDF, "line" is the line number in the whole PDF (every text line of every page counts, headers and footers too) and "page" the PDF page.',
    },
  ];
  if (layout.removed.length > 0) {
    notes.push({
      nb: `${layout.removed.length} linjer med topptekst, bunntekst og sidetall ble fjernet.`,
      en: `${layout.removed.length} lines of running headers, footers and page numbers were removed.`,
    });
  }
  const offset = printedPageOffset(layout.removed);
  if (offset !== null && offset !== 0) {
    notes.push({
      nb: `Sidetallene er PDF-ens sider (slik PDF-lesere teller dem); sidenumrene som står trykt på sidene, er ${offset} lavere.`,
      en: `Page numbers are the PDF's pages (as PDF viewers count them); the numbers printed on the pages are ${offset} lower.`,
    });
  }
  return manuscriptFromBlocks({
    path,
    format: 'pdf',
    encoding: 'binary',
    notes,
    blocks: applyTableOfContents(layout.blocks),
  });
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  // The header may follow some junk; readers accept it within the first 1024 bytes.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** The text items of every page, through pdf.js. */
export async function readPdfPages(
  bytes: Uint8Array,
  path: string,
  options: PdfReadOptions = {},
): Promise<PdfPage[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js runs its worker in this thread when it finds the worker's handler on globalThis; handing
  // it over (instead of letting pdf.js import "./pdf.worker.mjs" by a path) lets a bundler see it.
  const scope = globalThis as { pdfjsWorker?: unknown };
  scope.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (cause) {
    await task.destroy();
    if ((cause as { name?: string } | null)?.name === 'PasswordException') {
      throw new LitsynthError(
        'encrypted',
        'The PDF is password-protected. Save or export it without a password.',
        {
          file: path,
          messageNb: 'PDF-en er passordbeskyttet. Lagre eller eksporter den uten passord.',
          cause,
        },
      );
    }
    throw new LitsynthError(
      'unsupported-format',
      `The PDF is damaged and cannot be read (${describeCause(cause)}).`,
      {
        file: path,
        messageNb: `PDF-en er skadet og kan ikke leses (${describeCause(cause)}).`,
        cause,
      },
    );
  }
  try {
    if (document.numPages > maxPdfPages) {
      throw new LitsynthError(
        'too-large',
        `The PDF has ${document.numPages} pages; the limit is ${maxPdfPages}.`,
        {
          file: path,
          messageNb: `PDF-en har ${document.numPages} sider; grensen er ${maxPdfPages}.`,
        },
      );
    }
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a = 1, b = 0, , , x = 0, y = 0] = item.transform as number[];
        items.push({
          text: item.str,
          x,
          y,
          width: item.width,
          height: item.height || Math.hypot(a, b),
        });
      }
      pages.push({ height: page.view[3] ?? 0, items });
      page.cleanup();
      options.onPage?.(number, document.numPages);
    }
    return pages;
  } catch (cause) {
    if (cause instanceof LitsynthError) throw cause;
    throw new LitsynthError(
      'unsupported-format',
      `The PDF is damaged and cannot be read (${describeCause(cause)}).`,
      {
        file: path,
        messageNb: `PDF-en er skadet og kan ikke leses (${describeCause(cause)}).`,
        cause,
      },
    );
  } finally {
    await document.destroy();
  }
}

function describeCause(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.split('\n')[0]?.slice(0, 200) ?? 'unknown problem';
}
