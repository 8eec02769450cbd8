import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatOfPath, manuscriptSizeLimit, readManuscriptBytes } from './read-manuscript.js';
import { readManuscriptFile } from './test-read-manuscript.js';
import type { ReadManuscriptOptions } from './types.js';

// The checks of a file itself (missing, a folder, empty, larger than manuscriptSizeLimit) are the
// file source's: the CLI's Node adapter tests them (packages/cli/src/output/node-file-source.test.ts).

/** A manuscript made of bytes in memory, by the name given. */
const bytesAs = (name: string, content: string | Uint8Array, options?: ReadManuscriptOptions) =>
  readManuscriptBytes(
    typeof content === 'string' ? new TextEncoder().encode(content) : content,
    name,
    options,
  );

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

describe('readManuscriptBytes', () => {
  it('chooses the reader by extension', async () => {
    expect(formatOfPath('a/thesis.TXT')).toBe('txt');
    expect(formatOfPath('thesis.markdown')).toBe('md');
    expect(formatOfPath('thesis.docx')).toBe('docx');
    expect(formatOfPath('thesis.pdf')).toBe('pdf');
    expect(formatOfPath('thesis.docm')).toBe('docx');
    expect(formatOfPath('mal.dotx')).toBe('docx');
    expect(formatOfPath('thesis.rtf')).toBeUndefined();
    const markdown = await readManuscriptFile(fixture('markdown/thesis.md'));
    expect(markdown.format).toBe('md');
    expect(markdown.headings[0]?.text).toBe('Innledning');
    const text = await readManuscriptFile(fixture('text/plain.txt'));
    expect([text.format, text.encoding, text.path]).toEqual([
      'txt',
      'utf-8',
      fixture('text/plain.txt'),
    ]);
  });

  it('reads .docx and .pdf through their readers', async () => {
    expect((await readManuscriptFile(fixture('formats/thesis.docx'))).format).toBe('docx');
    expect((await readManuscriptFile(fixture('formats/thesis.pdf'))).format).toBe('pdf');
    // A macro-enabled document is the same package: read as .docx, not refused.
    const docm = await bytesAs('thesis.docm', await readFile(fixture('formats/thesis.docx')));
    expect(docm.text).toBe((await readManuscriptFile(fixture('formats/thesis.docx'))).text);
  });

  it('reads an unknown extension as text and says so', async () => {
    const manuscript = await bytesAs('thesis.tekst', 'Relasjonen er viktig (Dalland, 2017).\n');
    expect(manuscript.text).toBe('Relasjonen er viktig (Dalland, 2017).');
    expect(manuscript.notes).toEqual([
      {
        nb: 'Ukjent filtype .tekst; filen ble lest som ren tekst.',
        en: 'Unknown file type .tekst; the file was read as plain text.',
      },
    ]);
  });

  it('decodes Windows-1252 and keeps the decoding note', async () => {
    // "Røysum – «sitat» (2019)" in Windows-1252 (0x96 is the en dash).
    const bytes = new Uint8Array([
      0x52, 0xf8, 0x79, 0x73, 0x75, 0x6d, 0x20, 0x96, 0x20, 0xab, 0x73, 0xbb, 0x20, 0x28, 0x32,
      0x30, 0x31, 0x39, 0x29,
    ]);
    const manuscript = await bytesAs('thesis.txt', bytes);
    expect(manuscript.text).toBe('Røysum – «s» (2019)');
    expect(manuscript.encoding).toBe('windows-1252');
    expect(manuscript.notes).toEqual([
      {
        nb: 'Filen er ikke UTF-8; den ble lest som windows-1252. Lagre den som UTF-8 for å unngå feil tegn.',
        en: 'The file is not UTF-8; it was read as windows-1252. Save it as UTF-8 to avoid wrong characters.',
      },
    ]);
  });

  it('refuses binary data in a text file, naming the file', async () => {
    await expect(
      bytesAs('thesis.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1])),
    ).rejects.toMatchObject({ code: 'binary-file', file: 'thesis.txt' });
  });

  it('gives .docx and .pdf files a 200 MiB limit, text files 1.5 MiB and Markdown 1 MiB, naming the limit', () => {
    expect(
      ['huge.pdf', 'images.docx', 'huge.txt', 'huge.md', 'huge.tekst'].map((name) =>
        manuscriptSizeLimit(name),
      ),
    ).toEqual([
      {
        maxBytes: 200 * 1024 * 1024,
        limitFor: { nb: 'for .docx- og .pdf-filer', en: 'for .docx and .pdf files' },
      },
      {
        maxBytes: 200 * 1024 * 1024,
        limitFor: { nb: 'for .docx- og .pdf-filer', en: 'for .docx and .pdf files' },
      },
      { maxBytes: 1.5 * 1024 * 1024, limitFor: { nb: 'for tekstfiler', en: 'for text files' } },
      { maxBytes: 1024 * 1024, limitFor: { nb: 'for Markdown-filer', en: 'for Markdown files' } },
      { maxBytes: 1.5 * 1024 * 1024, limitFor: { nb: 'for tekstfiler', en: 'for text files' } },
    ]);
  });

  it('refuses .doc, .odt, .rtf, .pages and renamed Word 97–2003 or RTF files, saying what to save them as', async () => {
    const word97 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(bytesAs('oppgave.doc', word97)).rejects.toMatchObject({
      code: 'unsupported-format',
      file: 'oppgave.doc',
      message:
        'litsynth does not read this format (Word 97–2003 document); it reads .txt, .md, .docx, .pdf. ' +
        'Save the file as .docx or .pdf (in Word: File > Save As > Word Document (.docx) or PDF) and check that file.',
      messageNb:
        'litsynth leser ikke dette formatet (Word 97–2003-dokument); den leser .txt, .md, .docx, .pdf. ' +
        'Lagre filen som .docx eller .pdf (i Word: Fil > Lagre som > Word-dokument (.docx) eller PDF) og sjekk den filen.',
    });
    for (const [name, format] of [
      ['oppgave.ODT', 'OpenDocument text'],
      ['oppgave.rtf', 'RTF document'],
      ['oppgave.pages', 'Pages document'],
    ] as const) {
      await expect(bytesAs(name, 'Relasjonen er viktig (Dalland, 2017).\n')).rejects.toMatchObject({
        code: 'unsupported-format',
        message: expect.stringContaining(`(${format})`),
      });
    }
    // Renamed files are recognised by their first bytes.
    await expect(bytesAs('oppgave.txt', word97)).rejects.toMatchObject({
      code: 'unsupported-format',
      file: 'oppgave.txt',
      message: expect.stringContaining('(Word 97–2003 document)'),
    });
    await expect(
      bytesAs('oppgave', '{\\rtf1\\ansi Relasjonen (Dalland, 2017).}'),
    ).rejects.toMatchObject({
      code: 'unsupported-format',
      message: expect.stringContaining('(RTF document)'),
    });
    // An explicit format overrides the extension.
    const textAsRtf = bytesAs('notat.rtf', 'Relasjonen er viktig (Dalland, 2017).\n', {
      format: 'txt',
    });
    expect((await textAsRtf).text).toBe('Relasjonen er viktig (Dalland, 2017).');
  });

  it('refuses a document format by its name, and a Word 97 file by its bytes', async () => {
    await expect(
      readManuscriptBytes(new TextEncoder().encode('tekst'), 'oppgave.odt'),
    ).rejects.toMatchObject({ code: 'unsupported-format', file: 'oppgave.odt' });
    const word97 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(readManuscriptBytes(word97, 'oppgave.txt')).rejects.toMatchObject({
      code: 'unsupported-format',
      file: 'oppgave.txt',
    });
  });

  it('reports each page of a PDF as it is read', async () => {
    const pages: Array<[number, number]> = [];
    await readManuscriptBytes(
      new Uint8Array(await readFile(fixture('formats/thesis.pdf'))),
      'thesis.pdf',
      { onPage: (page, total) => pages.push([page, total]) },
    );
    const total = pages[0]?.[1] ?? 0;
    expect(pages).toEqual(Array.from({ length: total }, (_, index) => [index + 1, total]));
    expect(total).toBeGreaterThan(1);
  });
});
