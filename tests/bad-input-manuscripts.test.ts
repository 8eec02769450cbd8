import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDeflateRaw } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeZip } from './fixtures/bad-input/zip.js';

// Manuscripts that cannot be read: `litsynth check` must say which file and what is wrong, in one
// line on stderr, exit 2, print nothing on stdout, write no file, and show no stack trace.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/dist/bin.js');
let work: string;

function check(file: string, options: { lang?: 'nb' | 'en'; nodeOptions?: string[] } = {}) {
  const result = spawnSync(
    process.execPath,
    [...(options.nodeOptions ?? []), bin, 'check', file, '--lang', options.lang ?? 'en'],
    {
      cwd: work,
      encoding: 'utf8',
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The whole outcome of a refused input: exit 2, one message line, nothing else. */
const refused = (message: string) => ({ status: 2, stdout: '', stderr: `litsynth: ${message}\n` });

/** A zip of `size` zero bytes made by streaming deflate (about 1 KB per MB), as a bomb is made. */
async function deflatedZeros(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let index = 0; index < megabytes; index++) {
    if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

const contentTypes = {
  name: '[Content_Types].xml',
  data: Buffer.from(
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  ),
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'litsynth-bad-input-'));
  writeFileSync(join(work, 'empty.txt'), '');
  writeFileSync(join(work, 'empty.docx'), '');
  writeFileSync(join(work, 'empty.pdf'), '');
  writeFileSync(join(work, 'blank.md'), ' \n\n\t\n');
  // Bytes of an image saved with a thesis extension.
  const binary = Buffer.alloc(4096);
  for (let index = 0; index < binary.length; index++) binary[index] = (index * 7919) % 256;
  writeFileSync(join(work, 'picture.txt'), binary);
  writeFileSync(join(work, 'picture.md'), binary);
  writeFileSync(join(work, 'text.docx'), 'Dette er ren tekst, lagret med feil filendelse.\n');
  writeFileSync(
    join(work, 'book.docx'),
    makeZip([{ name: 'mimetype', data: Buffer.from('application/epub+zip') }]),
  );
  const zeros = await deflatedZeros(300);
  // An honest bomb: the headers say 300 MiB, the limit is 64 MiB per part.
  writeFileSync(
    join(work, 'bomb.docx'),
    makeZip([
      contentTypes,
      { name: 'word/document.xml', compressed: zeros, size: 300 * 1024 * 1024, crc: 0 },
    ]),
  );
  // A lying bomb: the headers say 2 KB, the data inflates to 300 MiB.
  writeFileSync(
    join(work, 'liar.docx'),
    makeZip([contentTypes, { name: 'word/document.xml', compressed: zeros, size: 2048, crc: 0 }]),
  );
  copyFileSync(join(root, 'tests/fixtures/bad-input/encrypted.pdf'), join(work, 'encrypted.pdf'));
  writeFileSync(join(work, 'letter.pdf'), 'Kjære veileder,\nher er oppgaven min.\n');
  // 200 MB, sparse: takes no disk space, and must be refused before it is read.
  spawnSync('truncate', ['-s', '200M', join(work, 'huge.txt')]);
  // .docx and .pdf files have a larger limit (images): 250 MB is over it.
  spawnSync('truncate', ['-s', '250M', join(work, 'huge.docx')]);
  mkdirSync(join(work, 'folder.txt'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('litsynth check refuses unusable manuscripts with exit 2 and a message naming the file', () => {
  test('an empty file (.txt, .docx, .pdf), and one with only white space', () => {
    expect(check('empty.txt')).toEqual(refused('empty.txt: The manuscript is empty.'));
    expect(check('empty.docx')).toEqual(refused('empty.docx: The manuscript is empty.'));
    expect(check('empty.pdf')).toEqual(refused('empty.pdf: The manuscript is empty.'));
    expect(check('blank.md')).toEqual(refused('blank.md: The file contains only white space.'));
  });

  test('binary data with a thesis extension (.txt, .md)', () => {
    expect(check('picture.txt')).toEqual(
      refused('picture.txt: The file is not text (it contains binary data).'),
    );
    expect(check('picture.md')).toEqual(
      refused('picture.md: The file is not text (it contains binary data).'),
    );
  });

  test('a .docx that is not a zip archive, and a zip archive that is not a Word document', () => {
    expect(check('text.docx')).toEqual(
      refused('text.docx: The file is not a .docx document (it is not a zip archive).'),
    );
    expect(check('book.docx')).toEqual(
      refused(
        'book.docx: The file is a zip archive but not a Word document (it has no word/document.xml).',
      ),
    );
  });

  test('a zip bomb, honest or lying about its size, is refused without unpacking it', () => {
    expect(check('bomb.docx')).toEqual(
      refused(
        'bomb.docx: The .docx document is refused: its part word/document.xml unpacks to 300.0 MiB; the limit is 64.0 MiB (a "zip bomb"?).',
      ),
    );
    // With a 64 MB heap, unpacking 300 MiB into memory would crash instead of refusing.
    expect(check('liar.docx', { nodeOptions: ['--max-old-space-size=64'] })).toEqual(
      refused(
        'liar.docx: The .docx document is refused: its part word/document.xml unpacks to more than it declares (a "zip bomb"?).',
      ),
    );
  });

  test('a password-protected PDF, and a text file named .pdf', () => {
    expect(check('encrypted.pdf')).toEqual(
      refused(
        'encrypted.pdf: The PDF is password-protected. Save or export it without a password.',
      ),
    );
    expect(check('encrypted.pdf', { lang: 'nb' })).toEqual(
      refused('encrypted.pdf: PDF-en er passordbeskyttet. Lagre eller eksporter den uten passord.'),
    );
    expect(check('letter.pdf')).toEqual(
      refused('letter.pdf: The file is not a PDF (it does not start with %PDF).'),
    );
  });

  test('a 200 MB text file and a 250 MB .docx are refused by their size before they are read', () => {
    // A 48 MB heap could not hold the file's text: the refusal must come from its size alone.
    expect(check('huge.txt', { nodeOptions: ['--max-old-space-size=48'] })).toEqual(
      refused('huge.txt: The manuscript is 200.0 MiB; the limit for text files is 1.5 MiB.'),
    );
    expect(check('huge.docx', { nodeOptions: ['--max-old-space-size=48'] })).toEqual(
      refused(
        'huge.docx: The manuscript is 250.0 MiB; the limit for .docx and .pdf files is 200.0 MiB.',
      ),
    );
  });

  test('a path that does not exist, and a folder that is not a study', () => {
    expect(check('finnes-ikke.txt')).toEqual(
      refused(
        'finnes-ikke.txt: The path does not exist: expected a study folder or a manuscript file.',
      ),
    );
    const folder = check('folder.txt');
    expect({ status: folder.status, stdout: folder.stdout }).toEqual({ status: 2, stdout: '' });
    expect(folder.stderr).toMatch(/^litsynth: folder\.txt\b.*\n$/);
  });

  test('no run above left a file behind', () => {
    expect(readdirSync(work).sort()).toEqual(
      [
        'blank.md',
        'bomb.docx',
        'book.docx',
        'empty.docx',
        'empty.pdf',
        'empty.txt',
        'encrypted.pdf',
        'folder.txt',
        'huge.docx',
        'huge.txt',
        'letter.pdf',
        'liar.docx',
        'picture.md',
        'picture.txt',
        'text.docx',
      ].sort(),
    );
  });
});
