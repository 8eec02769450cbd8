import { Buffer as NodeBuffer } from 'node:buffer';
import { expect, it } from 'vitest';
import { Buffer } from './node-buffer.js';

const text = 'Tillit tar tid (Natland mfl., 2019) – «sitat» 😀 æøå';

it('decodes and encodes base64 as Node does (the .docx fields of Mendeley and EndNote, images)', () => {
  const base64 = NodeBuffer.from(text, 'utf8').toString('base64');
  expect(Buffer.from(base64, 'base64').toString('utf8')).toBe(text);
  expect(Buffer.from(new TextEncoder().encode(text)).toString('base64')).toBe(base64);
  // Without padding, with line breaks, URL-safe: Node reads them all.
  for (const variant of [
    base64.replace(/=+$/, ''),
    base64.replace(/(.{20})/g, '$1\n'),
    NodeBuffer.from(text).toString('base64url'),
  ]) {
    expect(Buffer.from(variant, 'base64').toString('utf8')).toBe(
      NodeBuffer.from(variant, 'base64').toString('utf8'),
    );
  }
});

it('reads UTF-16 little endian and Latin-1 as Node does (EndNote data, legacy text)', () => {
  const utf16 = new Uint8Array(NodeBuffer.from(text, 'utf16le'));
  expect(Buffer.from(utf16).toString('utf16le')).toBe(text);
  const latin1 = new Uint8Array([0x4e, 0xe6, 0xf8, 0xe5, 0x80]);
  expect(Buffer.from(latin1).toString('latin1')).toBe(NodeBuffer.from(latin1).toString('latin1'));
  expect([...Buffer.from('Næ', 'latin1')]).toEqual([...NodeBuffer.from('Næ', 'latin1')]);
});

it('copies the bytes it is given, and knows its own kind', () => {
  const bytes = new Uint8Array([1, 2, 3]);
  const copy = Buffer.from(bytes);
  bytes[0] = 9;
  expect([...copy]).toEqual([1, 2, 3]);
  expect([...Buffer.from(new Uint8Array([4, 5]).buffer)]).toEqual([4, 5]);
  expect([Buffer.isBuffer(copy), Buffer.isBuffer(bytes), Buffer.alloc(2).length]).toEqual([
    true,
    false,
    2,
  ]);
});
