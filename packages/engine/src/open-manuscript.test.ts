import { describe, expect, it } from 'vitest';
import { memoryFileSource } from './file-source.js';
import { openManuscript } from './open-manuscript.js';

const encode = (text: string) => new TextEncoder().encode(text);
const thesis = [
  'Tillit i NAV',
  '',
  'Brukere opplever tillit når veilederen lytter (Natland, 2019). Andre finner det motsatte (Berg, 2015).',
  '',
].join('\n');
const bib =
  '@article{natland2019, author = {Natland, Sidsel}, title = {Tillit}, journal = {Fontene}, year = {2019}}\n';

describe('openManuscript', () => {
  it('computes each result once, from files in memory', async () => {
    const session = openManuscript(
      memoryFileSource({ 'oppgave.txt': encode(thesis), 'refs.bib': encode(bib) }),
      'oppgave.txt',
      { bib: ['refs.bib'] },
    );
    expect(await session.check()).toBe(await session.check());
    const { result, combined } = await session.check();
    expect(result.citations.map((citation) => [citation.raw, citation.key])).toEqual([
      ['Natland, 2019', 'natland2019'],
      ['Berg, 2015', null],
    ]);
    expect(combined.diagnostics.map((diagnostic) => diagnostic.rule)).toContain(
      'unresolved-citation',
    );
    expect(await session.exitCode()).toBe(1);
  });

  it('names the missing file as the CLI does', async () => {
    const session = openManuscript(memoryFileSource({}), 'borte.txt');
    await expect(session.manuscript()).rejects.toMatchObject({
      code: 'file-not-found',
      file: 'borte.txt',
    });
  });
});
