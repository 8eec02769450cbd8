import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextFile } from './read-file.js';

async function fileWith(bytes: Uint8Array | string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'litsynth-read-'));
  const path = join(dir, 'thesis.txt');
  await writeFile(path, bytes);
  return path;
}

describe('readTextFile', () => {
  it('refuses empty, missing and too large files with a clear code', async () => {
    await expect(readTextFile(await fileWith(''))).rejects.toMatchObject({ code: 'empty-file' });
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
