// The part of Node's Buffer the library packages use, for the browser: the .docx reader decodes
// base64 (reference managers' fields) and encodes it (images for mammoth). The worker installs it
// as the global `Buffer`
// (check-worker.ts). A full browser Buffer (the `buffer` package) would cost 9 KB gzipped of the
// 1 MB the site may load; this one is checked against Node's in node-buffer.test.ts.

const utf8 = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');

/** Bytes as a binary string, one character per byte (for btoa). */
function toBinary(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return binary;
}

/** Lenient base64 as Node reads it: URL-safe letters too, white space and padding optional. */
function fromBase64(text: string): Uint8Array {
  const clean = text
    .replace(/[^A-Za-z0-9+/\-_]/g, '')
    .replace(/-/g, '+')
    .replace(/_/g, '/');
  const usable = clean.length % 4 === 1 ? clean.slice(0, -1) : clean;
  const binary = atob(usable + '='.repeat((4 - (usable.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Node's Buffer, as far as litsynth uses it: bytes with `from`, `toString`, `isBuffer`, `alloc`. */
export class Buffer extends Uint8Array {
  /** Buffer.from(text, 'utf8' | 'base64' | 'latin1'), or a copy of bytes. */
  static override from(data: unknown, encoding?: unknown): Buffer {
    if (typeof data === 'string') {
      if (encoding === 'base64' || encoding === 'base64url') return Buffer.wrap(fromBase64(data));
      if (encoding === 'latin1' || encoding === 'binary') {
        return Buffer.wrap(Uint8Array.from(data, (character) => character.charCodeAt(0) & 0xff));
      }
      return Buffer.wrap(new TextEncoder().encode(data));
    }
    if (data instanceof ArrayBuffer) return Buffer.wrap(new Uint8Array(data.slice(0)));
    return Buffer.wrap(Uint8Array.from(data as ArrayLike<number>));
  }

  /** Buffer.alloc(size): zeros. */
  static alloc(size: number): Buffer {
    return new Buffer(size);
  }

  /** Whether a value is one of these. */
  static isBuffer(value: unknown): value is Buffer {
    return value instanceof Buffer;
  }

  private static wrap(bytes: Uint8Array): Buffer {
    return new Buffer(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
  }

  /** buffer.toString('utf8' | 'utf16le' | 'base64' | 'latin1'). */
  override toString(encoding = 'utf8'): string {
    const bytes = new Uint8Array(this.buffer, this.byteOffset, this.byteLength);
    switch (encoding) {
      case 'base64':
        return btoa(toBinary(bytes));
      case 'utf16le':
      case 'ucs2':
        return utf16le.decode(bytes);
      case 'latin1':
      case 'binary':
        return toBinary(bytes);
      default:
        return utf8.decode(bytes);
    }
  }
}
