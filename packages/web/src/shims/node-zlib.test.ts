import * as node from 'node:zlib';
import { expect, it } from 'vitest';
import { inflateRawSync } from './node-zlib.js';

const xml = '<w:p><w:r><w:t>Tillit tar tid (Natland mfl., 2019).</w:t></w:r></w:p>'.repeat(5000);
const text = new TextEncoder().encode(xml);
// Compared as text: vitest compares a large Uint8Array element by element, slowly.
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

it('inflates raw DEFLATE as Node does, also when the output is just within the bound', () => {
  const compressed = node.deflateRawSync(text);
  expect(decode(inflateRawSync(compressed))).toBe(decode(node.inflateRawSync(compressed)));
  expect(decode(inflateRawSync(compressed, { maxOutputLength: text.length + 1 }))).toBe(xml);
  expect(inflateRawSync(node.deflateRawSync(new Uint8Array(0)))).toEqual(new Uint8Array(0));
});

it('throws a RangeError past maxOutputLength, as Node does (a part that unpacks to more than it declares)', () => {
  const compressed = node.deflateRawSync(text);
  expect(() => node.inflateRawSync(compressed, { maxOutputLength: 1000 })).toThrow(RangeError);
  expect(() => inflateRawSync(compressed, { maxOutputLength: 1000 })).toThrow(RangeError);
});

it('throws (not a RangeError) on data that is not DEFLATE', () => {
  const broken = node.deflateRawSync(text).subarray(0, 40);
  expect(() => inflateRawSync(broken)).toThrow();
  expect(() => inflateRawSync(broken)).not.toThrow(RangeError);
});
