import * as node from 'node:crypto';
import { expect, it } from 'vitest';
import { createHash } from './node-crypto.js';

it('hashes as Node does: SHA-1 and SHA-256, text as UTF-8 and bytes, hex and base64', () => {
  const text = 'Tillit tar tid (Natland mfl., 2019) – «sitat» 😀';
  const bytes = new Uint8Array([0, 1, 2, 250, 251, 255]);
  for (const algorithm of ['sha1', 'sha256']) {
    for (const encoding of ['hex', 'base64'] as const) {
      expect(createHash(algorithm).update(text).update(bytes).digest(encoding)).toBe(
        node.createHash(algorithm).update(text).update(bytes).digest(encoding),
      );
    }
  }
});

it('refuses an algorithm the libraries do not use, naming it', () => {
  expect(() => createHash('md5')).toThrow(
    "crypto.createHash('md5') is not available in the browser (litsynth web app).",
  );
});
