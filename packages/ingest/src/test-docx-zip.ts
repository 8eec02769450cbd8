import { crc32, deflateRawSync } from 'node:zlib';

// Test helper (not built): writes zip archives for the .docx tests and the bad-input tests
// (tests/fixtures/bad-input/zip.ts re-exports it), including archives whose headers lie.

export interface ZipEntry {
  name: string;
  /** The content; deflated here unless `compressed` is given. */
  data?: Uint8Array;
  /** Already deflated content (a zip bomb is made by streaming zeros through deflate). */
  compressed?: Uint8Array;
  /** The uncompressed size written in the headers, when it should lie. */
  size?: number;
  /** The CRC-32 written in the headers, when it should lie. */
  crc?: number;
}

/** Writes a zip archive (deflate, no ZIP64) of the entries, letting a test declare false sizes and checksums. */
export function makeZip(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = entry.data ?? new Uint8Array();
    const compressed = entry.compressed ?? deflateRawSync(data);
    const size = entry.size ?? data.length;
    const crc = entry.crc ?? crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(compressed));
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
