import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// Document formats litsynth does not read: `litsynth check` says so in one line, names the formats
// it reads and how to convert, exits 2, prints nothing on stdout and writes nothing.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/dist/bin.js');
let work: string;

function check(file: string, lang: 'nb' | 'en' = 'en') {
  const result = spawnSync(process.execPath, [bin, 'check', file, '--lang', lang], {
    cwd: work,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const refused = (message: string) => ({ status: 2, stdout: '', stderr: `litsynth: ${message}\n` });

// The first bytes of a Word 97–2003 file (an OLE2 compound document).
const ole2 = Buffer.from([
  0xd0,
  0xcf,
  0x11,
  0xe0,
  0xa1,
  0xb1,
  0x1a,
  0xe1,
  ...new Array<number>(504).fill(0),
]);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'litsynth-unsupported-'));
  writeFileSync(join(work, 'oppgave.doc'), ole2);
  writeFileSync(
    join(work, 'oppgave.odt'),
    Buffer.from('PK\u0003\u0004mimetypeapplication/vnd.oasis.opendocument.text'),
  );
  writeFileSync(join(work, 'oppgave.rtf'), '{\\rtf1\\ansi Relasjonen er viktig (Dalland, 2017).}');
  writeFileSync(join(work, 'oppgave.pages'), Buffer.from('PK\u0003\u0004Index/Document.iwa'));
  // A Word 97–2003 file renamed to .txt is recognised by its first bytes.
  writeFileSync(join(work, 'omdopt.txt'), ole2);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('litsynth check refuses document formats it does not read, saying how to convert them', () => {
  test('.doc, in English and Norwegian', () => {
    expect(check('oppgave.doc')).toEqual(
      refused(
        'oppgave.doc: litsynth does not read this format (Word 97–2003 document); it reads .txt, .md, .docx, .pdf. ' +
          'Save the file as .docx or .pdf (in Word: File > Save As > Word Document (.docx) or PDF) and check that file.',
      ),
    );
    expect(check('oppgave.doc', 'nb')).toEqual(
      refused(
        'oppgave.doc: litsynth leser ikke dette formatet (Word 97–2003-dokument); den leser .txt, .md, .docx, .pdf. ' +
          'Lagre filen som .docx eller .pdf (i Word: Fil > Lagre som > Word-dokument (.docx) eller PDF) og sjekk den filen.',
      ),
    );
  });

  test('.odt, .rtf and .pages, each with the program to convert in', () => {
    expect(check('oppgave.odt', 'nb')).toEqual(
      refused(
        'oppgave.odt: litsynth leser ikke dette formatet (OpenDocument-tekst); den leser .txt, .md, .docx, .pdf. ' +
          'Lagre filen som .docx eller .pdf (i LibreOffice Writer: Fil > Lagre som > Word 2007-365 (.docx), eller Fil > Eksporter som PDF) og sjekk den filen.',
      ),
    );
    expect(check('oppgave.rtf')).toEqual(
      refused(
        'oppgave.rtf: litsynth does not read this format (RTF document); it reads .txt, .md, .docx, .pdf. ' +
          'Save the file as .docx or .pdf (in Word: File > Save As > Word Document (.docx) or PDF) and check that file.',
      ),
    );
    expect(check('oppgave.pages')).toEqual(
      refused(
        'oppgave.pages: litsynth does not read this format (Pages document); it reads .txt, .md, .docx, .pdf. ' +
          'Save the file as .docx or .pdf (in Pages: File > Export To > Word or PDF) and check that file.',
      ),
    );
  });

  test('a Word 97–2003 file renamed to .txt', () => {
    expect(check('omdopt.txt')).toEqual(
      refused(
        'omdopt.txt: litsynth does not read this format (Word 97–2003 document); it reads .txt, .md, .docx, .pdf. ' +
          'Save the file as .docx or .pdf (in Word: File > Save As > Word Document (.docx) or PDF) and check that file.',
      ),
    );
  });

  test('no run above left a file behind', () => {
    expect(readdirSync(work).sort()).toEqual([
      'omdopt.txt',
      'oppgave.doc',
      'oppgave.odt',
      'oppgave.pages',
      'oppgave.rtf',
    ]);
  });
});
