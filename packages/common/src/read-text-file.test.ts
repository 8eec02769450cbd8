import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextFile } from './read-text-file.js';

async function fileWith(bytes: Uint8Array | string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'litsynth-read-'));
  const path = join(dir, 'thesis.txt');
  await writeFile(path, bytes);
  return path;
}

describe('readTextFile', () => {
  it('reads UTF-8 and drops a byte-order mark', async () => {
    const path = await fileWith(
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Blåbær (Dalland, 2017)')]),
    );
    expect(await readTextFile(path)).toEqual({
      text: 'Blåbær (Dalland, 2017)',
      encoding: 'utf-8',
      notes: [],
    });
  });

  it('decodes Windows-1252 and says so', async () => {
    // "Søk – «sitat»" in Windows-1252: the en dash (0x96) only exists in Windows-1252.
    const path = await fileWith(
      new Uint8Array([0x53, 0xf8, 0x6b, 0x20, 0x96, 0x20, 0xab, 0x73, 0xbb]),
    );
    const file = await readTextFile(path);
    expect(file.text).toBe('Søk – «s»');
    expect(file.encoding).toBe('windows-1252');
    expect(file.notes).toEqual([
      {
        nb: 'Filen er ikke UTF-8; den ble lest som windows-1252. Lagre den som UTF-8 for å unngå feil tegn.',
        en: 'The file is not UTF-8; it was read as windows-1252. Save it as UTF-8 to avoid wrong characters.',
      },
    ]);
  });

  it('reads UTF-8 with one broken byte as UTF-8, the byte replaced, and says where it is', async () => {
    const text = new TextEncoder().encode('Blåbær\nSøk etter (Berg, 2020) og ');
    const path = await fileWith(
      new Uint8Array([...text, 0xff, ...new TextEncoder().encode('mer.\n')]),
    );
    expect(await readTextFile(path)).toEqual({
      text: 'Blåbær\nSøk etter (Berg, 2020) og \ufffdmer.\n',
      encoding: 'utf-8',
      notes: [
        {
          nb: 'Filen er UTF-8, men 1 byte er ikke gyldig UTF-8 (første på linje 2, kolonne 27); den er lest som �.',
          en: 'The file is UTF-8, but 1 byte is not valid UTF-8 (the first at line 2, column 27); it was read as �.',
        },
      ],
    });
  });

  it('reads UTF-16 without a byte-order mark as UTF-16 and says it guessed', async () => {
    const path = await fileWith(
      new Uint8Array(Buffer.from('Relasjonen er viktig (Berg, 2020).\n'.repeat(3), 'utf16le')),
    );
    expect(await readTextFile(path)).toEqual({
      text: 'Relasjonen er viktig (Berg, 2020).\n'.repeat(3),
      encoding: 'utf-16le',
      notes: [
        {
          nb: 'Filen har ikke byte-rekkefølgemerke, men ser ut som UTF-16 (little endian); den ble lest slik. Lagre den som UTF-8 for å være sikker.',
          en: 'The file has no byte-order mark but looks like UTF-16 (little endian); it was read as such. Save it as UTF-8 to be sure.',
        },
      ],
    });
  });

  it('names NUL and bidirectional controls (also after the first 8 KiB) in a note', async () => {
    const path = await fileWith(
      `${'Tekst.\n'.repeat(2000)}Tillit (Be\u202erg, 2020) og\u0000 mer.\n`,
    );
    expect((await readTextFile(path)).notes).toEqual([
      {
        nb: 'Filen har 2 usynlige kontrolltegn (NUL eller retningstegn for tekst, første på linje 2001, kolonne 11); de er fjernet fra teksten som sjekkes.',
        en: 'The file has 2 invisible control characters (NUL or text-direction controls, the first at line 2001, column 11); they were removed from the text that is checked.',
      },
    ]);
  });

  it('decodes ISO-8859-1 without C1 bytes as iso-8859-1', async () => {
    const path = await fileWith(new Uint8Array([0x52, 0xf8, 0x79, 0x73, 0x75, 0x6d]));
    expect(await readTextFile(path)).toMatchObject({ text: 'Røysum', encoding: 'iso-8859-1' });
  });

  it('decodes UTF-16 LE with BOM', async () => {
    const body = Buffer.from('Eide & Eide (2016)', 'utf16le');
    const path = await fileWith(new Uint8Array([0xff, 0xfe, ...body]));
    expect(await readTextFile(path)).toMatchObject({
      text: 'Eide & Eide (2016)',
      encoding: 'utf-16le',
    });
  });

  it('refuses empty, binary, missing and too large files with a clear code', async () => {
    await expect(readTextFile(await fileWith(''))).rejects.toMatchObject({ code: 'empty-file' });
    await expect(readTextFile(await fileWith('  \n\n '))).rejects.toMatchObject({
      code: 'empty-file',
    });
    await expect(
      readTextFile(await fileWith(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]))),
    ).rejects.toMatchObject({ code: 'binary-file' });
    await expect(readTextFile('/nonexistent/thesis.txt')).rejects.toMatchObject({
      code: 'file-not-found',
      file: '/nonexistent/thesis.txt',
    });
    await expect(
      readTextFile(await fileWith('x'.repeat(100)), { maxBytes: 10 }),
    ).rejects.toMatchObject({ code: 'too-large' });
  });

  it('refuses a folder, a device and a FIFO before opening them (reading them never ends)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'litsynth-read-'));
    const fifo = join(dir, 'thesis.txt');
    spawnSync('mkfifo', [fifo]);
    await expect(readTextFile(dir, { role: 'manuscript' })).rejects.toMatchObject({
      code: 'usage',
      file: dir,
      message: 'The manuscript is a folder, not a file.',
    });
    for (const path of ['/dev/zero', fifo]) {
      await expect(readTextFile(path, { role: 'manuscript' })).rejects.toMatchObject({
        code: 'usage',
        file: path,
        message: 'The manuscript is not a regular file (it is a device, pipe or socket).',
        messageNb: 'Dette er ikke en vanlig fil (men en enhet, et rør eller en socket).',
      });
    }
  });

  it('names the size, the limit and which files the limit is for', async () => {
    const path = await fileWith('x'.repeat(3 * 1024 * 1024));
    await expect(
      readTextFile(path, {
        maxBytes: 1024 * 1024,
        role: 'manuscript',
        limitFor: { nb: 'for tekstfiler', en: 'for text files' },
      }),
    ).rejects.toMatchObject({
      code: 'too-large',
      file: path,
      message: 'The manuscript is 3.0 MiB; the limit for text files is 1.0 MiB.',
      messageNb: 'Filen er 3.0 MiB; grensen for tekstfiler er 1.0 MiB.',
    });
  });
});
