import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-file-atomic.js';

describe('writeFileAtomic', () => {
  it('creates the folder and writes the whole file, leaving no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'litsynth-write-'));
    await writeFileAtomic(join(dir, 'out', 'report.html'), '<p>ok</p>');
    expect(await readFile(join(dir, 'out', 'report.html'), 'utf8')).toBe('<p>ok</p>');
    expect(await readdir(join(dir, 'out'))).toEqual(['report.html']);
  });

  it('reports the real cause when the output folder is a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'litsynth-write-'));
    await writeFile(join(dir, 'out'), 'a file, not a folder');
    await expect(writeFileAtomic(join(dir, 'out', 'report.html'), 'x')).rejects.toMatchObject({
      name: 'LitsynthError',
      code: 'io',
      file: join(dir, 'out', 'report.html'),
    });
  });
});
