// node:crypto's createHash for the browser, over @noble/hashes: synchronous like Node's (the
// report pins its inline script by SHA-256 in its Content-Security-Policy; the reference list
// keys its cache by SHA-1). Only the algorithms and digests the library packages use.
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const algorithms = { sha1, sha256 } as const;

/** A hash in progress, as Node's Hash: update (text as UTF-8, or bytes), then digest once. */
export interface BrowserHash {
  update(data: string | Uint8Array): BrowserHash;
  digest(encoding: 'hex' | 'base64'): string;
}

/** Node's createHash('sha1' | 'sha256'). */
export function createHash(algorithm: string): BrowserHash {
  const hash = algorithms[algorithm as keyof typeof algorithms];
  if (!hash)
    throw new Error(
      `crypto.createHash('${algorithm}') is not available in the browser (litsynth web app).`,
    );
  const state = hash.create();
  const encoder = new TextEncoder();
  const self: BrowserHash = {
    update(data) {
      state.update(typeof data === 'string' ? encoder.encode(data) : data);
      return self;
    },
    digest(encoding) {
      const bytes = state.digest();
      if (encoding === 'hex') return bytesToHex(bytes);
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    },
  };
  return self;
}

export default { createHash };
