import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatOfPath, readManuscript, readManuscriptBytes } from './read-manuscript.js';

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'litsynth-ingest-'));
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

describe('readManuscript', () => {
  it('chooses the reader by extension', async () => {
    expect(formatOfPath('a/thesis.TXT')).toBe('txt');
    expect(formatOfPath('thesis.markdown')).toBe('md');
    expect(formatOfPath('thesis.docx')).toBe('docx');
    expect(formatOfPath('thesis.pdf')).toBe('pdf');
    expect(formatOfPath('thesis.docm')).toBe('docx');
    expect(formatOfPath('mal.dotx')).toBe('docx');
    expect(formatOfPath('thesis.rtf')).toBeUndefined();
    const markdown = await readManuscript(fixture('markdown/thesis.md'));
    expect(markdown.format).toBe('md');
    expect(markdown.headings[0]?.text).toBe('Innledning');
    const text = await readManuscript(fixture('text/plain.txt'));
    expect([text.format, text.encoding, text.path]).toEqual([
      'txt',
      'utf-8',
      fixture('text/plain.txt'),
    ]);
  });

  it('reads .docx and .pdf through their readers', async () => {
    expect((await readManuscript(fixture('formats/thesis.docx'))).format).toBe('docx');
    expect((await readManuscript(fixture('formats/thesis.pdf'))).format).toBe('pdf');
    // A macro-enabled document is the same package: read as .docx, not refused.
    const docm = await fileWith('thesis.docm', await readFile(fixture('formats/thesis.docx')));
    expect((await readManuscript(docm)).text).toBe(
      (await readManuscript(fixture('formats/thesis.docx'))).text,
    );
  });

  it('reads an unknown extension as text and says so', async () => {
    const path = await fileWith('thesis.tekst', 'Relasjonen er viktig (Dalland, 2017).\n');
    const manuscript = await readManuscript(path);
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
    const manuscript = await readManuscript(await fileWith('thesis.txt', bytes));
    expect(manuscript.text).toBe('Røysum – «s» (2019)');
    expect(manuscript.encoding).toBe('windows-1252');
    expect(manuscript.notes).toEqual([
      {
        nb: 'Filen er ikke UTF-8; den ble lest som windows-1252. Lagre den som UTF-8 for å unngå feil tegn.',
        en: 'The file is not UTF-8; it was read as windows-1252. Save it as UTF-8 to avoid wrong characters.',
      },
    ]);
  });

  it('refuses unusable files with a LitsynthError naming the file', async () => {
    await expect(readManuscript('/nonexistent/thesis.txt')).rejects.toMatchObject({
      code: 'file-not-found',
      file: '/nonexistent/thesis.txt',
    });
    const empty = await fileWith('empty.md', '');
    await expect(readManuscript(empty)).rejects.toMatchObject({ code: 'empty-file', file: empty });
    const binary = await fileWith(
      'thesis.txt',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1]),
    );
    await expect(readManuscript(binary)).rejects.toMatchObject({
      code: 'binary-file',
      file: binary,
    });
    const large = await fileWith('thesis.txt', 'tekst '.repeat(100));
    await expect(readManuscript(large, { maxBytes: 100 })).rejects.toMatchObject({
      code: 'too-large',
      file: large,
    });
  });

  it('gives .docx and .pdf files a 200 MiB limit, text files 1.5 MiB and Markdown 1 MiB, naming size and limit', async () => {
    // Sparse files: they take no disk space and are refused (or passed) by their size alone.
    const dir = await mkdtemp(join(tmpdir(), 'litsynth-ingest-size-'));
    const sparse = (name: string, size: string): string => {
      const path = join(dir, name);
      spawnSync('truncate', ['-s', size, path]);
      return path;
    };
    const hugePdf = sparse('huge.pdf', '250M');
    await expect(readManuscript(hugePdf)).rejects.toMatchObject({
      code: 'too-large',
      file: hugePdf,
      message: 'The manuscript is 250.0 MiB; the limit for .docx and .pdf files is 200.0 MiB.',
      messageNb: 'Filen er 250.0 MiB; grensen for .docx- og .pdf-filer er 200.0 MiB.',
    });
    const hugeText = sparse('huge.txt', '5M');
    await expect(readManuscript(hugeText)).rejects.toMatchObject({
      code: 'too-large',
      message: 'The manuscript is 5.0 MiB; the limit for text files is 1.5 MiB.',
    });
    await expect(readManuscript(sparse('huge.md', '3M'))).rejects.toMatchObject({
      code: 'too-large',
      message: 'The manuscript is 3.0 MiB; the limit for Markdown files is 1.0 MiB.',
      messageNb: 'Filen er 3.0 MiB; grensen for Markdown-filer er 1.0 MiB.',
    });
    // 21 MiB is over the text limit but under the .docx one: the .docx reader gets the bytes
    // (and refuses them because zeros are no zip archive).
    await expect(readManuscript(sparse('images.docx', '21M'))).rejects.toMatchObject({
      code: 'unsupported-format',
      message: 'The file is not a .docx document (it is not a zip archive).',
    });
  });

  it('refuses .doc, .odt, .rtf, .pages and renamed Word 97–2003 or RTF files, saying what to save them as', async () => {
    const doc = await fileWith(
      'oppgave.doc',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    );
    await expect(readManuscript(doc)).rejects.toMatchObject({
      code: 'unsupported-format',
      file: doc,
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
      const path = await fileWith(name, 'Relasjonen er viktig (Dalland, 2017).\n');
      await expect(readManuscript(path)).rejects.toMatchObject({
        code: 'unsupported-format',
        message: expect.stringContaining(`(${format})`),
      });
    }
    // Renamed files are recognised by their first bytes.
    const renamedDoc = await fileWith(
      'oppgave.txt',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    );
    await expect(readManuscript(renamedDoc)).rejects.toMatchObject({
      code: 'unsupported-format',
      message: expect.stringContaining('(Word 97–2003 document)'),
    });
    const renamedRtf = await fileWith('oppgave', '{\\rtf1\\ansi Relasjonen (Dalland, 2017).}');
    await expect(readManuscript(renamedRtf)).rejects.toMatchObject({
      code: 'unsupported-format',
      message: expect.stringContaining('(RTF document)'),
    });
    // A missing .doc is missing, not unsupported; an explicit format overrides the extension.
    await expect(readManuscript('/nonexistent/oppgave.doc')).rejects.toMatchObject({
      code: 'file-not-found',
    });
    const textAsRtf = await fileWith('notat.rtf', 'Relasjonen er viktig (Dalland, 2017).\n');
    expect((await readManuscript(textAsRtf, { format: 'txt' })).text).toBe(
      'Relasjonen er viktig (Dalland, 2017).',
    );
  });

  it('never changes the file it reads', async () => {
    const path = await fileWith(
      'thesis.txt',
      'Ska\u030aland (2019)\r\nAnerkjennelses-\r\npraksis\r\n',
    );
    const before = await readFile(path);
    await readManuscript(path);
    expect(await readFile(path)).toEqual(before);
  });
});

describe('readManuscriptBytes', () => {
  it('reads bytes in memory as readManuscript reads the same file, by the name given', async () => {
    for (const name of [
      'markdown/thesis.md',
      'text/plain.txt',
      'formats/thesis.docx',
      'formats/thesis.pdf',
    ]) {
      const fromFile = await readManuscript(fixture(name));
      const fromBytes = await readManuscriptBytes(
        new Uint8Array(await readFile(fixture(name))),
        fixture(name),
      );
      // The same data (functions such as locate are closures over it).
      expect(JSON.parse(JSON.stringify(fromBytes))).toEqual(JSON.parse(JSON.stringify(fromFile)));
      expect(fromBytes.locate(fromBytes.text.length - 1)).toEqual(
        fromFile.locate(fromFile.text.length - 1),
      );
    }
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
