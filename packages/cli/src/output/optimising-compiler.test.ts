import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isShortRun, longWorkBytes } from './optimising-compiler.js';

const dir = mkdtempSync(join(tmpdir(), 'litsynth-short-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('isShortRun', () => {
  it('is short for a study folder, a short text and the commands without files', () => {
    const short = join(dir, 'oppgave.txt');
    writeFileSync(short, 'Kort tekst (Hansen, 2020).');
    expect(isShortRun(['check', 'studies/nav-relasjon'])).toBe(true);
    expect(isShortRun(['check', short, '--format', 'json'])).toBe(true);
    expect(isShortRun(['matrix', dir, '--out', join(dir, 'ut')])).toBe(true);
    expect(isShortRun(['rules'])).toBe(true);
  });

  it('is long for build and bib, a .docx or .pdf, --annotate and a large file', () => {
    expect(isShortRun(['build', 'studies/nav-relasjon'])).toBe(false);
    expect(isShortRun(['--lang', 'en', 'bib', 'studies/nav-relasjon', '--all'])).toBe(false);
    const long = join(dir, 'lang.txt');
    writeFileSync(long, 'a'.repeat(longWorkBytes));
    expect(isShortRun(['check', 'oppgave.docx', '--bib', 'ref.bib'])).toBe(false);
    expect(isShortRun(['check', 'Oppgave.PDF'])).toBe(false);
    expect(isShortRun(['build', 'studie', '--annotate', 'kommentert.docx'])).toBe(false);
    expect(isShortRun(['check', long])).toBe(false);
    expect(isShortRun(['check', 'oppgave.txt', '--bib', long])).toBe(false);
  });
});
