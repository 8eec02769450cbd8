import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';

/** Text as UTF-8 bytes; bytes as they are. */
const encoded = (content: Uint8Array | string): Uint8Array =>
  typeof content === 'string' ? new TextEncoder().encode(content) : content;

describe('decodeText', () => {
  it('reads UTF-8 and drops a byte-order mark', () => {
    const bytes = encoded(
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Blåbær (Dalland, 2017)')]),
    );
    expect(decodeText(bytes, 'thesis.txt')).toEqual({
      text: 'Blåbær (Dalland, 2017)',
      encoding: 'utf-8',
      notes: [],
    });
  });

  it('decodes Windows-1252 and says so', () => {
    // "Søk – «sitat»" in Windows-1252: the en dash (0x96) only exists in Windows-1252.
    const bytes = encoded(new Uint8Array([0x53, 0xf8, 0x6b, 0x20, 0x96, 0x20, 0xab, 0x73, 0xbb]));
    const file = decodeText(bytes, 'thesis.txt');
    expect(file.text).toBe('Søk – «s»');
    expect(file.encoding).toBe('windows-1252');
    expect(file.notes).toEqual([
      {
        nb: 'Filen er ikke UTF-8; den ble lest som windows-1252. Lagre den som UTF-8 for å unngå feil tegn.',
        en: 'The file is not UTF-8; it was read as windows-1252. Save it as UTF-8 to avoid wrong characters.',
      },
    ]);
  });

  it('reads UTF-8 with one broken byte as UTF-8, the byte replaced, and says where it is', () => {
    const text = new TextEncoder().encode('Blåbær\nSøk etter (Berg, 2020) og ');
    const bytes = encoded(new Uint8Array([...text, 0xff, ...new TextEncoder().encode('mer.\n')]));
    expect(decodeText(bytes, 'thesis.txt')).toEqual({
      text: 'Blåbær\nSøk etter (Berg, 2020) og \ufffdmer.\n',
      encoding: 'utf-8',
      notes: [
        {
          nb: 'Filen er UTF-8, men 1 byte er ikke gyldig UTF-8 (første på linje 2, kolonne 27); den er lest som �.',
          en: 'The file is UTF-8, but 1 byte is not valid UTF-8 (the first at line 2, column 27); it was read as �.',
        },
      ],
    });
  });

  it('reads an encoded surrogate (which the native decoder refuses) as UTF-8 without a note', () => {
    // ED A0 80 has the form of a 3-byte sequence, but encodes U+D800: no byte of it counts as broken.
    const bytes = encoded(new Uint8Array([0x61, 0xed, 0xa0, 0x80, 0x62]));
    expect(decodeText(bytes, 'thesis.txt')).toEqual({
      text: 'a\ufffd\ufffd\ufffdb',
      encoding: 'utf-8',
      notes: [],
    });
  });

  it('reads UTF-16 without a byte-order mark as UTF-16 and says it guessed', () => {
    const bytes = encoded(
      new Uint8Array(Buffer.from('Relasjonen er viktig (Berg, 2020).\n'.repeat(3), 'utf16le')),
    );
    expect(decodeText(bytes, 'thesis.txt')).toEqual({
      text: 'Relasjonen er viktig (Berg, 2020).\n'.repeat(3),
      encoding: 'utf-16le',
      notes: [
        {
          nb: 'Filen har ikke byte-rekkefølgemerke, men ser ut som UTF-16 (little endian); den ble lest slik. Lagre den som UTF-8 for å være sikker.',
          en: 'The file has no byte-order mark but looks like UTF-16 (little endian); it was read as such. Save it as UTF-8 to be sure.',
        },
      ],
    });
  });

  it('names NUL and bidirectional controls (also after the first 8 KiB) in a note', () => {
    const bytes = encoded(`${'Tekst.\n'.repeat(2000)}Tillit (Be\u202erg, 2020) og\u0000 mer.\n`);
    expect(decodeText(bytes, 'thesis.txt').notes).toEqual([
      {
        nb: 'Filen har 2 usynlige kontrolltegn (NUL eller retningstegn for tekst, første på linje 2001, kolonne 11); de er fjernet fra teksten som sjekkes.',
        en: 'The file has 2 invisible control characters (NUL or text-direction controls, the first at line 2001, column 11); they were removed from the text that is checked.',
      },
    ]);
  });

  it('decodes ISO-8859-1 without C1 bytes as iso-8859-1', () => {
    const bytes = encoded(new Uint8Array([0x52, 0xf8, 0x79, 0x73, 0x75, 0x6d]));
    expect(decodeText(bytes, 'thesis.txt')).toMatchObject({
      text: 'Røysum',
      encoding: 'iso-8859-1',
    });
  });

  it('decodes UTF-16 LE with BOM', () => {
    const body = Buffer.from('Eide & Eide (2016)', 'utf16le');
    const bytes = encoded(new Uint8Array([0xff, 0xfe, ...body]));
    expect(decodeText(bytes, 'thesis.txt')).toMatchObject({
      text: 'Eide & Eide (2016)',
      encoding: 'utf-16le',
    });
  });

  it('decodes every byte of Windows-1252 as its character, the five undefined ones as U+FFFD', () => {
    const high = Array.from({ length: 32 }, (_, index) => 0x80 + index);
    const file = decodeText(new Uint8Array([0x41, ...high, 0xe6, 0xf8, 0xe5]), 'thesis.txt');
    expect(file.text).toBe('A€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸæøå');
    expect(file.encoding).toBe('windows-1252');
  });

  it('refuses binary data and white space only, naming the file', () => {
    expect(() => decodeText(encoded('  \n\n '), 'notes.txt')).toThrow(
      expect.objectContaining({ code: 'empty-file', file: 'notes.txt' }),
    );
    expect(() =>
      decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]), 'notes.txt'),
    ).toThrow(expect.objectContaining({ code: 'binary-file', file: 'notes.txt' }));
  });
});
