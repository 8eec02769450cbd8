import { extname } from 'pathe';
import { LitsynthError } from '@litsynth/common';

/** A document format litsynth does not read, and the program a user converts it in. */
interface UnsupportedFormat {
  /** What the format is, for the message ("Word 97–2003 document"). */
  name: { nb: string; en: string };
  /** How to save it as .docx or .pdf in the program that made it. */
  how: { nb: string; en: string };
}

const word = {
  nb: 'i Word: Fil > Lagre som > Word-dokument (.docx) eller PDF',
  en: 'in Word: File > Save As > Word Document (.docx) or PDF',
};
const writer = {
  nb: 'i LibreOffice Writer: Fil > Lagre som > Word 2007-365 (.docx), eller Fil > Eksporter som PDF',
  en: 'in LibreOffice Writer: File > Save As > Word 2007-365 (.docx), or File > Export as PDF',
};
const pages = {
  nb: 'i Pages: Fil > Eksporter til > Word eller PDF',
  en: 'in Pages: File > Export To > Word or PDF',
};
const other = {
  nb: 'i programmet som laget filen, eller skriv den ut til PDF',
  en: 'in the program that made the file, or print it to PDF',
};

/** Document formats a thesis arrives in that are not read; keyed by lower-case extension. */
const unsupportedByExtension: Record<string, UnsupportedFormat> = {
  '.doc': { name: { nb: 'Word 97–2003-dokument', en: 'Word 97–2003 document' }, how: word },
  '.dot': { name: { nb: 'Word 97–2003-mal', en: 'Word 97–2003 template' }, how: word },
  '.rtf': { name: { nb: 'RTF-dokument', en: 'RTF document' }, how: word },
  '.wps': { name: { nb: 'Works-dokument', en: 'Works document' }, how: word },
  '.wpd': { name: { nb: 'WordPerfect-dokument', en: 'WordPerfect document' }, how: other },
  '.odt': { name: { nb: 'OpenDocument-tekst', en: 'OpenDocument text' }, how: writer },
  '.ott': { name: { nb: 'OpenDocument-mal', en: 'OpenDocument template' }, how: writer },
  '.fodt': {
    name: { nb: 'OpenDocument-tekst (flat XML)', en: 'OpenDocument text (flat XML)' },
    how: writer,
  },
  '.pages': { name: { nb: 'Pages-dokument', en: 'Pages document' }, how: pages },
  '.epub': { name: { nb: 'EPUB-bok', en: 'EPUB book' }, how: other },
  '.xps': { name: { nb: 'XPS-dokument', en: 'XPS document' }, how: other },
  '.oxps': { name: { nb: 'XPS-dokument', en: 'XPS document' }, how: other },
  '.djvu': { name: { nb: 'DjVu-dokument', en: 'DjVu document' }, how: other },
  '.html': { name: { nb: 'nettside (HTML)', en: 'web page (HTML)' }, how: other },
  '.htm': { name: { nb: 'nettside (HTML)', en: 'web page (HTML)' }, how: other },
};

/** Whether the extension is that of a document format litsynth does not read. */
export function isUnsupportedExtension(path: string): boolean {
  return extname(path).toLowerCase() in unsupportedByExtension;
}

/** The manuscript formats litsynth reads, for messages. */
export const supportedManuscriptExtensions = ['.txt', '.md', '.docx', '.pdf'] as const;

/**
 * Throws a LitsynthError 'unsupported-format' when the file is a document format litsynth does
 * not read, judged by its extension or, for an unknown or text extension, by its first bytes
 * (a Word 97–2003 or RTF file renamed); the message says what to save it as.
 */
export function refuseUnsupportedFormat(path: string, firstBytes?: Uint8Array): void {
  const extension = extname(path).toLowerCase();
  const format =
    unsupportedByExtension[extension] ??
    (firstBytes === undefined ? undefined : formatOfContent(firstBytes));
  if (format === undefined) return;
  const supported = supportedManuscriptExtensions.join(', ');
  throw new LitsynthError(
    'unsupported-format',
    `litsynth does not read this format (${format.name.en}); it reads ${supported}. ` +
      `Save the file as .docx or .pdf (${format.how.en}) and check that file.`,
    {
      file: path,
      messageNb:
        `litsynth leser ikke dette formatet (${format.name.nb}); den leser ${supported}. ` +
        `Lagre filen som .docx eller .pdf (${format.how.nb}) og sjekk den filen.`,
    },
  );
}

/** Recognises a Word 97–2003 (OLE2 compound file) or RTF file by its signature. */
function formatOfContent(bytes: Uint8Array): UnsupportedFormat | undefined {
  const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (ole2.every((byte, index) => bytes[index] === byte)) return unsupportedByExtension['.doc'];
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === '{\\rtf')
    return unsupportedByExtension['.rtf'];
  return undefined;
}
