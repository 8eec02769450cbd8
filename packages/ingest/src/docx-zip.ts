import { LitsynthError } from '@litsynth/common';
import { Inflate } from 'fflate';

/** Limits that keep a hostile or broken .docx from exhausting memory (a "zip bomb"). */
export interface ZipLimits {
  /** Largest uncompressed size of one entry, in bytes. */
  maxEntryBytes: number;
  /** Largest uncompressed size of all entries together, in bytes. */
  maxTotalBytes: number;
  /** Most entries in the archive. */
  maxEntries: number;
}

/**
 * Defaults far above any real thesis (a 300-page thesis has a document.xml of a few MB) and far
 * below what would strain the machine.
 */
export const defaultZipLimits: ZipLimits = {
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntries: 10_000,
};

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/**
 * A zip archive read from memory with bounded decompression: the central directory's declared
 * sizes are checked against the limits before anything is inflated, and inflating never produces
 * more than the declared size (a lying header is refused, not trusted).
 */
export class BoundedZip {
  readonly #bytes: Uint8Array;
  readonly #entries: Map<string, ZipEntry>;
  readonly #path: string;
  readonly #cache = new Map<string, Uint8Array>();

  private constructor(bytes: Uint8Array, entries: Map<string, ZipEntry>, path: string) {
    this.#bytes = bytes;
    this.#entries = entries;
    this.#path = path;
  }

  /** Reads the central directory; throws a LitsynthError when the bytes are not a usable zip. */
  static open(bytes: Uint8Array, path: string, limits: ZipLimits = defaultZipLimits): BoundedZip {
    const entries = readCentralDirectory(bytes, path);
    if (entries.length > limits.maxEntries) {
      throw tooLarge(
        path,
        `it has ${entries.length} parts; the limit is ${limits.maxEntries}`,
        `den har ${entries.length} deler; grensen er ${limits.maxEntries}`,
      );
    }
    let total = 0;
    const byName = new Map<string, ZipEntry>();
    for (const entry of entries) {
      if (entry.uncompressedSize > limits.maxEntryBytes) {
        throw tooLarge(
          path,
          `its part ${entry.name} unpacks to ${formatSize(entry.uncompressedSize)}; the limit is ${formatSize(limits.maxEntryBytes)} (a "zip bomb"?)`,
          `delen ${entry.name} pakkes ut til ${formatSize(entry.uncompressedSize)}; grensen er ${formatSize(limits.maxEntryBytes)} (en «zip-bombe»?)`,
        );
      }
      total += entry.uncompressedSize;
      byName.set(entry.name, entry);
    }
    if (total > limits.maxTotalBytes) {
      throw tooLarge(
        path,
        `it unpacks to ${formatSize(total)}; the limit is ${formatSize(limits.maxTotalBytes)} (a "zip bomb"?)`,
        `den pakkes ut til ${formatSize(total)}; grensen er ${formatSize(limits.maxTotalBytes)} (en «zip-bombe»?)`,
      );
    }
    return new BoundedZip(bytes, byName, path);
  }

  /** Whether the archive has an entry of this name. */
  has(name: string): boolean {
    return this.#entries.has(name);
  }

  /** The uncompressed size an entry declares (0 for a missing one); reading never yields more. */
  size(name: string): number {
    return this.#entries.get(name)?.uncompressedSize ?? 0;
  }

  /** The names of all entries, in archive order. */
  names(): string[] {
    return [...this.#entries.keys()];
  }

  /** The uncompressed bytes of an entry (inflated at most once). */
  read(name: string): Uint8Array {
    const cached = this.#cache.get(name);
    if (cached) return cached;
    const entry = this.#entries.get(name);
    if (!entry) throw corrupt(this.#path, `the part ${name} is missing`, `delen ${name} mangler`);
    const data = inflateEntry(this.#bytes, entry, this.#path);
    this.#cache.set(name, data);
    return data;
  }

  /** An entry decoded as UTF-8 text. */
  readText(name: string): string {
    return new TextDecoder('utf-8').decode(this.read(name));
  }
}

const endOfCentralDirectorySignature = 0x06054b50;
const centralDirectorySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;

function readCentralDirectory(bytes: Uint8Array, path: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of up to 65535 bytes, at the end of the file.
  let end = -1;
  for (
    let offset = bytes.length - 22;
    offset >= Math.max(0, bytes.length - 22 - 0xffff);
    offset--
  ) {
    if (view.getUint32(offset, true) === endOfCentralDirectorySignature) {
      end = offset;
      break;
    }
  }
  if (end === -1) {
    throw new LitsynthError(
      'unsupported-format',
      'The file is not a .docx document (it is not a zip archive).',
      {
        file: path,
        messageNb: 'Filen er ikke et .docx-dokument (den er ikke et zip-arkiv).',
      },
    );
  }
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    throw corrupt(
      path,
      'it uses ZIP64, which no Word document needs',
      'den bruker ZIP64, som ingen Word-dokumenter trenger',
    );
  }
  if (directoryOffset + directorySize > end)
    throw corrupt(
      path,
      'its table of contents is cut off',
      'innholdsfortegnelsen i arkivet er avkuttet',
    );
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > end || view.getUint32(offset, true) !== centralDirectorySignature) {
      throw corrupt(
        path,
        'its table of contents is damaged',
        'innholdsfortegnelsen i arkivet er skadet',
      );
    }
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entries.push({
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
      name: new TextDecoder('utf-8').decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function inflateEntry(bytes: Uint8Array, entry: ZipEntry, path: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || view.getUint32(header, true) !== localHeaderSignature) {
    throw corrupt(path, `the part ${entry.name} is damaged`, `delen ${entry.name} er skadet`);
  }
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  const compressed = bytes.subarray(start, start + entry.compressedSize);
  if (compressed.length !== entry.compressedSize) {
    throw corrupt(path, `the part ${entry.name} is cut off`, `delen ${entry.name} er avkuttet`);
  }
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize)
      throw corrupt(path, `the part ${entry.name} is damaged`, `delen ${entry.name} er skadet`);
    return compressed;
  }
  if (entry.method !== 8) {
    throw corrupt(
      path,
      `the part ${entry.name} uses an unknown compression (method ${entry.method})`,
      `delen ${entry.name} bruker en ukjent komprimering (metode ${entry.method})`,
    );
  }
  let data: Uint8Array;
  try {
    // One byte more than declared: if inflating reaches it, the header lied about the size.
    data = inflateBounded(compressed, Math.max(1, entry.uncompressedSize + 1));
  } catch (cause) {
    if (cause instanceof OutputLimitReached) {
      throw tooLarge(
        path,
        `its part ${entry.name} unpacks to more than it declares (a "zip bomb"?)`,
        `delen ${entry.name} pakkes ut til mer enn den oppgir (en «zip-bombe»?)`,
      );
    }
    throw corrupt(
      path,
      `the part ${entry.name} cannot be unpacked`,
      `delen ${entry.name} kan ikke pakkes ut`,
    );
  }
  if (data.length !== entry.uncompressedSize) {
    throw tooLarge(
      path,
      `its part ${entry.name} unpacks to another size than it declares`,
      `delen ${entry.name} pakkes ut til en annen størrelse enn den oppgir`,
    );
  }
  return data;
}

/** Inflating stopped because the output reached its bound. */
class OutputLimitReached extends Error {}

/**
 * Raw DEFLATE inflated with fflate, stopping as soon as the output passes `limit` bytes: fed in
 * slices, so that a "zip bomb" is stopped near the limit, not after it has all been inflated.
 */
function inflateBounded(data: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const inflate = new Inflate((chunk) => {
    length += chunk.length;
    if (length > limit) throw new OutputLimitReached();
    chunks.push(chunk);
  });
  const slice = 64 * 1024;
  for (let start = 0; start < data.length; start += slice)
    inflate.push(data.subarray(start, start + slice), start + slice >= data.length);
  if (data.length === 0) inflate.push(new Uint8Array(0), true);
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function corrupt(path: string, en: string, nb: string): LitsynthError {
  return new LitsynthError('unsupported-format', `The .docx document is damaged: ${en}.`, {
    file: path,
    messageNb: `.docx-dokumentet er skadet: ${nb}.`,
  });
}

function tooLarge(path: string, en: string, nb: string): LitsynthError {
  return new LitsynthError('too-large', `The .docx document is refused: ${en}.`, {
    file: path,
    messageNb: `.docx-dokumentet avvises: ${nb}.`,
  });
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KiB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
