import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BoundedZip } from './docx-zip.js';
import { makeZip } from './test-docx-zip.js';

const text = (value: string) => new TextEncoder().encode(value);
const limits = { maxEntryBytes: 64 * 1024, maxTotalBytes: 100 * 1024, maxEntries: 10 };

describe('BoundedZip', () => {
  test('reads the entries of a real .docx', () => {
    const zip = BoundedZip.open(
      new Uint8Array(readFileSync(new URL('../fixtures/formats/thesis.docx', import.meta.url))),
      'thesis.docx',
    );
    expect(zip.has('word/document.xml')).toBe(true);
    expect(zip.readText('word/document.xml').startsWith('<?xml')).toBe(true);
  });

  test('reads what it wrote, once', () => {
    const zip = BoundedZip.open(
      makeZip([
        { name: 'a.txt', data: text('hei') },
        { name: 'b/c.xml', data: text('<x/>') },
      ]),
      'a.zip',
      limits,
    );
    expect(zip.names()).toEqual(['a.txt', 'b/c.xml']);
    expect(zip.readText('b/c.xml')).toEqual('<x/>');
    expect(zip.read('a.txt')).toBe(zip.read('a.txt'));
  });

  test('refuses a file that is no zip, and a cut-off zip', () => {
    expect(() => BoundedZip.open(text('Dette er ikke et zip-arkiv.'), 'tekst.docx')).toThrow(
      expect.objectContaining({
        code: 'unsupported-format',
        file: 'tekst.docx',
        message: 'The file is not a .docx document (it is not a zip archive).',
      }),
    );
    const whole = makeZip([{ name: 'word/document.xml', data: text('<w:document/>'.repeat(50)) }]);
    const cut = new Uint8Array([...whole.subarray(0, 20), ...whole.subarray(whole.length - 90)]);
    expect(() => BoundedZip.open(cut, 'cut.docx').read('word/document.xml')).toThrow(
      expect.objectContaining({ code: 'unsupported-format', file: 'cut.docx' }),
    );
  });

  test('refuses an entry that declares more than the entry limit, before inflating anything', () => {
    const bomb = makeZip([{ name: 'word/document.xml', data: new Uint8Array(1024 * 1024) }]);
    expect(() => BoundedZip.open(bomb, 'bomb.docx', limits)).toThrow(
      expect.objectContaining({
        code: 'too-large',
        message:
          'The .docx document is refused: its part word/document.xml unpacks to 1.0 MiB; the limit is 64 KiB (a "zip bomb"?).',
      }),
    );
  });

  test('refuses entries that together exceed the total limit, and too many entries', () => {
    const parts = [0, 1].map((index) => ({
      name: `part${index}.xml`,
      data: new Uint8Array(60 * 1024),
    }));
    expect(() => BoundedZip.open(makeZip(parts), 'many.docx', limits)).toThrow(
      expect.objectContaining({
        code: 'too-large',
        message:
          'The .docx document is refused: it unpacks to 120 KiB; the limit is 100 KiB (a "zip bomb"?).',
      }),
    );
    const eleven = Array.from({ length: 11 }, (_, index) => ({
      name: `p${index}`,
      data: text('x'),
    }));
    expect(() => BoundedZip.open(makeZip(eleven), 'parts.docx', limits)).toThrow(
      expect.objectContaining({ code: 'too-large' }),
    );
  });

  test('stops inflating an entry whose header lies about its size', () => {
    const liar = makeZip([
      { name: 'word/document.xml', data: new Uint8Array(8 * 1024 * 1024), size: 1000 },
    ]);
    const zip = BoundedZip.open(liar, 'liar.docx', limits);
    expect(() => zip.read('word/document.xml')).toThrow(
      expect.objectContaining({
        code: 'too-large',
        message:
          'The .docx document is refused: its part word/document.xml unpacks to more than it declares (a "zip bomb"?).',
      }),
    );
  });
});
