import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openManuscript } from '@litsynth/engine';
import { describe, expect, it } from 'vitest';
import { nodeFileSource } from './node-file-source.js';

// A manuscript read from the disk as `litsynth check FILE` reads it: the Node adapter checks the
// file itself (exists, is a file, not empty, not larger than its format's limit), ingest the bytes.

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'litsynth-cli-files-'));
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const manuscriptOf = (path: string) => openManuscript(nodeFileSource, path).manuscript();

describe('a manuscript read from the disk', () => {
  it('refuses a missing, empty or binary file with a LitsynthError naming the file', async () => {
    await expect(manuscriptOf('/nonexistent/thesis.txt')).rejects.toMatchObject({
      code: 'file-not-found',
      file: '/nonexistent/thesis.txt',
      message: 'The manuscript does not exist.',
      messageNb: 'Filen finnes ikke.',
    });
    const empty = await fileWith('empty.md', '');
    await expect(manuscriptOf(empty)).rejects.toMatchObject({ code: 'empty-file', file: empty });
    const binary = await fileWith('thesis.txt', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 1]));
    await expect(manuscriptOf(binary)).rejects.toMatchObject({
      code: 'binary-file',
      file: binary,
    });
    const folder = await mkdtemp(join(tmpdir(), 'litsynth-cli-folder-'));
    await expect(manuscriptOf(folder)).rejects.toMatchObject({ code: 'usage', file: folder });
  });

  it('gives .docx and .pdf files a 200 MiB limit, text files 1.5 MiB and Markdown 1 MiB, naming size and limit', async () => {
    // Sparse files: they take no disk space and are refused (or passed) by their size alone.
    const dir = await mkdtemp(join(tmpdir(), 'litsynth-cli-size-'));
    const sparse = (name: string, size: string): string => {
      const path = join(dir, name);
      spawnSync('truncate', ['-s', size, path]);
      return path;
    };
    const hugePdf = sparse('huge.pdf', '250M');
    await expect(manuscriptOf(hugePdf)).rejects.toMatchObject({
      code: 'too-large',
      file: hugePdf,
      message: 'The manuscript is 250.0 MiB; the limit for .docx and .pdf files is 200.0 MiB.',
      messageNb: 'Filen er 250.0 MiB; grensen for .docx- og .pdf-filer er 200.0 MiB.',
    });
    await expect(manuscriptOf(sparse('huge.txt', '5M'))).rejects.toMatchObject({
      code: 'too-large',
      message: 'The manuscript is 5.0 MiB; the limit for text files is 1.5 MiB.',
    });
    await expect(manuscriptOf(sparse('huge.md', '3M'))).rejects.toMatchObject({
      code: 'too-large',
      message: 'The manuscript is 3.0 MiB; the limit for Markdown files is 1.0 MiB.',
      messageNb: 'Filen er 3.0 MiB; grensen for Markdown-filer er 1.0 MiB.',
    });
    // 21 MiB is over the text limit but under the .docx one: the .docx reader gets the bytes
    // (and refuses them because zeros are no zip archive).
    await expect(manuscriptOf(sparse('images.docx', '21M'))).rejects.toMatchObject({
      code: 'unsupported-format',
      message: 'The file is not a .docx document (it is not a zip archive).',
    });
  });

  it('refuses a .doc by its name whatever its size, and says a missing one is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'litsynth-cli-doc-'));
    const doc = join(dir, 'oppgave.doc');
    spawnSync('truncate', ['-s', '300M', doc]);
    await expect(manuscriptOf(doc)).rejects.toMatchObject({
      code: 'unsupported-format',
      file: doc,
    });
    await expect(manuscriptOf('/nonexistent/oppgave.doc')).rejects.toMatchObject({
      code: 'file-not-found',
    });
  });

  it('never changes the file it reads', async () => {
    const path = await fileWith(
      'thesis.txt',
      'Ska\u030aland (2019)\r\nAnerkjennelses-\r\npraksis\r\n',
    );
    const before = await readFile(path);
    await manuscriptOf(path);
    expect(await readFile(path)).toEqual(before);
  });
});
