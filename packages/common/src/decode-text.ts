import type { Localized } from './diagnostic.js';
import { LitsynthError } from './errors.js';

// Decoding the bytes of a text file the way users' files really arrive, with no file system and no
// Node built-in (the engine runs in a browser too): the Node adapter of the CLI reads the bytes.

/** Largest text file read (20 MiB): a long thesis is a few hundred KiB of text. */
export const defaultMaxTextBytes = 20 * 1024 * 1024;

/**
 * Largest .docx or .pdf file read (200 MiB): images make a thesis in these formats far larger
 * than its text. The .docx reader's bounded decompression still guards against zip bombs.
 */
export const defaultMaxBinaryBytes = 200 * 1024 * 1024;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-1';

export interface TextFile {
  /** The decoded text, without a byte-order mark, otherwise exactly as in the file. */
  text: string;
  encoding: TextEncoding;
  /** Notes for the user, e.g. that the file was decoded as Windows-1252. */
  notes: Localized[];
}

/**
 * Decodes the bytes of a text file: UTF-8 with or without BOM, UTF-16 with BOM (or without, when
 * it plainly is), or a legacy 8-bit encoding (Windows-1252 / ISO-8859-1), decoded and noted.
 * Throws a LitsynthError for binary data and for a file of only white space; `path` names the file
 * in messages.
 */
export function decodeText(bytes: Uint8Array, path: string): TextFile {
  const notes: Localized[] = [];
  let text: string;
  let encoding: TextEncoding;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    notes.push({
      nb: 'Filen er i UTF-16 (little endian) og ble dekodet.',
      en: 'The file is UTF-16 (little endian) and was decoded.',
    });
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    notes.push({
      nb: 'Filen er i UTF-16 (big endian) og ble dekodet.',
      en: 'The file is UTF-16 (big endian) and was decoded.',
    });
  } else if (utf16WithoutBom(bytes)) {
    // Windows "Unicode" text saved without a byte-order mark: every other byte of Latin text is 0.
    encoding = utf16WithoutBom(bytes)!;
    text = new TextDecoder(encoding).decode(bytes);
    const endian =
      encoding === 'utf-16le'
        ? { nb: 'little endian', en: 'little endian' }
        : { nb: 'big endian', en: 'big endian' };
    notes.push({
      nb: `Filen har ikke byte-rekkefølgemerke, men ser ut som UTF-16 (${endian.nb}); den ble lest slik. Lagre den som UTF-8 for å være sikker.`,
      en: `The file has no byte-order mark but looks like UTF-16 (${endian.en}); it was read as such. Save it as UTF-8 to be sure.`,
    });
  } else {
    if (looksBinary(bytes)) {
      throw new LitsynthError('binary-file', 'The file is not text (it contains binary data).', {
        file: path,
        messageNb: 'Filen er ikke tekst (den inneholder binære data).',
      });
    }
    // Valid UTF-8, the common case, is decoded and checked in one native pass; only a file with
    // invalid bytes is scanned byte by byte, to tell broken UTF-8 from another encoding.
    const strict = validUtf8(bytes);
    const utf8 = strict === undefined ? scanUtf8(bytes) : { valid: 0, invalid: 0 };
    if (utf8.invalid === 0 || utf8.valid > utf8.invalid) {
      // Mostly UTF-8 (its letters æøå decode): a few broken bytes are replaced, not a reason to
      // read the whole file in another encoding. (Sequences only the standard decoder refuses,
      // encoded surrogates or overlong forms, become U+FFFD without a note, as they always did.)
      text = strict ?? new TextDecoder('utf-8').decode(bytes);
      encoding = 'utf-8';
      if (utf8.invalid > 0) {
        const place = placeOf(text, text.indexOf('\ufffd'));
        const count = utf8.invalid;
        notes.push({
          nb: `Filen er UTF-8, men ${count === 1 ? '1 byte er' : `${count} byte er`} ikke gyldig UTF-8 (første på linje ${place.line}, kolonne ${place.column}); ${count === 1 ? 'den er' : 'de er'} lest som �.`,
          en: `The file is UTF-8, but ${count === 1 ? '1 byte is' : `${count} bytes are`} not valid UTF-8 (the first at line ${place.line}, column ${place.column}); ${count === 1 ? 'it was' : 'they were'} read as �.`,
        });
      }
    } else {
      // Not UTF-8: Norwegian text from older Windows tools is Windows-1252 or ISO-8859-1.
      // Windows-1252 is a superset of ISO-8859-1's printable range, so one decoder serves both.
      text = decodeWindows1252(bytes);
      encoding = bytes.some((byte) => byte >= 0x80 && byte <= 0x9f) ? 'windows-1252' : 'iso-8859-1';
      notes.push({
        nb: `Filen er ikke UTF-8; den ble lest som ${encoding}. Lagre den som UTF-8 for å unngå feil tegn.`,
        en: `The file is not UTF-8; it was read as ${encoding}. Save it as UTF-8 to avoid wrong characters.`,
      });
    }
  }
  const hidden = hiddenControls(text);
  if (hidden) notes.push(hidden);
  if (text.trim() === '') {
    throw new LitsynthError('empty-file', 'The file contains only white space.', {
      file: path,
      messageNb: 'Filen inneholder bare blanktegn.',
    });
  }
  return { text, encoding, notes };
}

/** The 1-based line and column of an offset in a text. */
function placeOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (
    let index = text.indexOf('\n');
    index >= 0 && index < offset;
    index = text.indexOf('\n', index + 1)
  ) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The text of bytes that are valid UTF-8, or undefined. */
function validUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Counts the valid multi-byte sequences and the bytes that are not valid UTF-8. */
function scanUtf8(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let index = 0; index < bytes.length; ) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index++;
      continue;
    }
    const length =
      byte >= 0xc2 && byte <= 0xdf
        ? 2
        : byte >= 0xe0 && byte <= 0xef
          ? 3
          : byte >= 0xf0 && byte <= 0xf4
            ? 4
            : 0;
    let ok = length > 0 && index + length <= bytes.length;
    for (let next = 1; ok && next < length; next++) ok = (bytes[index + next]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      index += length;
    } else {
      invalid++;
      index++;
    }
  }
  return { valid, invalid };
}

/** UTF-16 without a byte-order mark: in its first 8 KiB most odd (LE) or even (BE) bytes are 0, the others not. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, 8192 - (Math.min(bytes.length, 8192) % 2));
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenZeros++;
    if (sample[index + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

// NUL and the bidirectional controls (which can reorder what a reader sees, "Trojan Source"):
// ingest drops them from the text it checks; the user is told where they were.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what it finds.
const hiddenControl = /[\u0000\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A note on NUL and bidirectional control characters in the text, with the place of the first. */
function hiddenControls(text: string): Localized | undefined {
  const found = text.match(hiddenControl);
  if (!found) return undefined;
  const place = placeOf(text, text.search(hiddenControl));
  const count = found.length;
  return {
    nb: `Filen har ${count} usynlig${count === 1 ? '' : 'e'} kontrolltegn (NUL eller retningstegn for tekst, første på linje ${place.line}, kolonne ${place.column}); de er fjernet fra teksten som sjekkes.`,
    en: `The file has ${count} invisible control character${count === 1 ? '' : 's'} (NUL or text-direction controls, the first at line ${place.line}, column ${place.column}); they were removed from the text that is checked.`,
  };
}

/** NUL bytes or many control characters in the first 8 KiB mean binary data. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return true;
  let control = 0;
  for (let index = 0; index < sample.length; index++) {
    const byte = sample[index]!;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
  }
  return control > sample.length * 0.1;
}

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (the WHATWG Encoding Standard's index; the five
 * bytes it leaves undefined read as U+FFFD, as iconv-lite read them); every other byte is the code
 * point of the same number. Node's TextDecoder('windows-1252') decodes these bytes as Latin-1
 * (C1 controls), so the table is ours: 32 characters, in every runtime the same.
 */
const windows1252High =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

/** Bytes decoded as Windows-1252 (ISO-8859-1 is the same but for 0x80–0x9F). */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    const codes = Array.from(bytes.subarray(start, start + chunk), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? windows1252High.charCodeAt(byte - 0x80) : byte,
    );
    text += String.fromCharCode(...codes);
  }
  return text;
}
