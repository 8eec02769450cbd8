import { textToManuscript } from '@litsynth/ingest';
import { describe, expect, it } from 'vitest';
import { findQuotations } from './quotations.js';

/** The quoted passages found in a one-paragraph text, as written. */
function quoted(text: string): string[] {
  const manuscript = textToManuscript(`${text}\n`, { path: 'thesis.txt' });
  return findQuotations(manuscript).map((quotation) =>
    manuscript.text.slice(quotation.start, quotation.end),
  );
}

describe('findQuotations', () => {
  it('finds quotations in every kind of quotation mark Norwegian and English theses use', () => {
    expect(
      quoted(
        'Hun sa «det er lett å bli glemt her» og «vi må stå på selv». ' +
          'He wrote “trust takes a long time to build” and "trust can break in a day". ' +
          'Word på norsk skriver ”jeg trenger å komme ut blant folk” (Berg, 2015). ' +
          'Eldre tastatur gir „vi ble sett som snyltere av andre“ og „det var godt å bli hørt her”.',
      ),
    ).toEqual([
      '«det er lett å bli glemt her»',
      '«vi må stå på selv»',
      '“trust takes a long time to build”',
      '"trust can break in a day"',
      '”jeg trenger å komme ut blant folk”',
      '„vi ble sett som snyltere av andre“',
      '„det var godt å bli hørt her”',
    ]);
  });

  it('pairs ”…” by position, so the text between two quotations is none', () => {
    // Answer options in ”…”, three of them short terms; the words between them are no quotation.
    expect(
      quoted(
        'Svarene var ”meget god”, ”god” og ”dårlig”, mens de eldre svarte ”jeg er delvis sykemeldt nå”.',
      ),
    ).toEqual(['”jeg er delvis sykemeldt nå”']);
    // A stray closing mark after a word opens nothing.
    expect(
      quoted(
        'Tiltaket ”Aktiv på dagtid” og ordet dagtid” står her, og så ”det de andre er en del av” til slutt.',
      ),
    ).toEqual(['”det de andre er en del av”']);
  });

  it('leaves scare quotes of one to three words, quoted titles and named concepts out', () => {
    expect(
      quoted(
        'En ”sosial arena” er ikke en «krise». Artikkelen heter «Opplevelser av god hjelp i møter med Nav».',
      ),
    ).toEqual([]);
    expect(
      quoted(
        'Studien måler dimensjonen ”opplevd tilgjengelig hjelp fra andre” og variabelen «grad av deltakelse over tid».',
      ),
    ).toEqual([]);
  });
});
