import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryPathFor, writeFileAtomic } from './write-file-atomic.js';

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

describe('temporary files of a killed run', () => {
  it('are removed on the next write to their folder; those of a running process are kept', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'litsynth-write-'));
    // The pid of a process that has ended: its temporary file is stale.
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(join(dir, `.report.html.${ended}.0a1b2c.tmp`), 'half a report');
    await writeFile(
      join(dir, `.check.txt.${process.ppid}.0a1b2c.tmp`),
      'being written by a running process',
    );
    await writeFile(join(dir, 'notes.tmp'), 'not ours');
    await writeFileAtomic(join(dir, 'report.html'), '<p>ok</p>');
    expect((await readdir(dir)).sort()).toEqual([
      `.check.txt.${process.ppid}.0a1b2c.tmp`,
      'notes.tmp',
      'report.html',
    ]);
  });

  it('get a name unique to the process and the call', () => {
    const first = temporaryPathFor('/out/report.html');
    expect(first).toMatch(
      new RegExp(`^/out/\\.report\\.html\\.${process.pid}\\.[0-9a-f]{12}\\.tmp$`),
    );
    expect(temporaryPathFor('/out/report.html')).not.toBe(first);
  });
});

describe('writeFileAtomic in a virtual file system', () => {
  it('refuses /proc at once (a recursive mkdir there never ends)', async () => {
    await expect(writeFileAtomic('/proc/litsynth-test/report.html', 'x')).rejects.toMatchObject({
      code: 'io',
      file: '/proc/litsynth-test/report.html',
      message: 'Could not write the file: /proc is not a folder for files.',
    });
  });
});
