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
    const path = await fileWith(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Blåbær (Dalland, 2017)')]));
    expect(await readTextFile(path)).toEqual({ text: 'Blåbær (Dalland, 2017)', encoding: 'utf-8', notes: [] });
  });

  it('decodes Windows-1252 and says so', async () => {
    // "Søk – «sitat»" in Windows-1252: the en dash (0x96) only exists in Windows-1252.
    const path = await fileWith(new Uint8Array([0x53, 0xf8, 0x6b, 0x20, 0x96, 0x20, 0xab, 0x73, 0xbb]));
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

  it('decodes ISO-8859-1 without C1 bytes as iso-8859-1', async () => {
    const path = await fileWith(new Uint8Array([0x52, 0xf8, 0x79, 0x73, 0x75, 0x6d]));
    expect(await readTextFile(path)).toMatchObject({ text: 'Røysum', encoding: 'iso-8859-1' });
  });

  it('decodes UTF-16 LE with BOM', async () => {
    const body = Buffer.from('Eide & Eide (2016)', 'utf16le');
    const path = await fileWith(new Uint8Array([0xff, 0xfe, ...body]));
    expect(await readTextFile(path)).toMatchObject({ text: 'Eide & Eide (2016)', encoding: 'utf-16le' });
  });

  it('refuses empty, binary, missing and too large files with a clear code', async () => {
    await expect(readTextFile(await fileWith(''))).rejects.toMatchObject({ code: 'empty-file' });
    await expect(readTextFile(await fileWith('  \n\n '))).rejects.toMatchObject({ code: 'empty-file' });
    await expect(readTextFile(await fileWith(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1])))).rejects.toMatchObject({ code: 'binary-file' });
    await expect(readTextFile('/nonexistent/thesis.txt')).rejects.toMatchObject({ code: 'file-not-found', file: '/nonexistent/thesis.txt' });
    await expect(readTextFile(await fileWith('x'.repeat(100)), { maxBytes: 10 })).rejects.toMatchObject({ code: 'too-large' });
  });

  it('refuses a folder, a device and a FIFO before opening them (reading them never ends)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'litsynth-read-'));
    const fifo = join(dir, 'thesis.txt');
    spawnSync('mkfifo', [fifo]);
    await expect(readTextFile(dir, { role: 'manuscript' })).rejects.toMatchObject({ code: 'usage', file: dir, message: 'The manuscript is a folder, not a file.' });
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
      readTextFile(path, { maxBytes: 1024 * 1024, role: 'manuscript', limitFor: { nb: 'for tekstfiler', en: 'for text files' } }),
    ).rejects.toMatchObject({
      code: 'too-large',
      file: path,
      message: 'The manuscript is 3.0 MiB; the limit for text files is 1.0 MiB.',
      messageNb: 'Filen er 3.0 MiB; grensen for tekstfiler er 1.0 MiB.',
    });
  });
});
