import { LitsynthError } from '@litsynth/common';
import { inflateSync, zipSync, type Zippable } from 'fflate';
import { attributeIn, decodeXml, escapeXml } from './xml-tokens.js';
import type { ZipLimits } from './types.js';

/** One part of the package, as read: its name, content and whether it was stored uncompressed. */
interface PackageEntry {
  name: string;
  data: Uint8Array;
  stored: boolean;
}

/** Far above any real thesis (a 300-page thesis has a document.xml of a few MB), far below what strains a machine. */
export const defaultZipLimits: ZipLimits = {
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntries: 10_000,
};

// Fixed entry times keep the output byte-stable (Word itself writes 1980-01-01 for every part).
const entryTime = new Date(1980, 0, 1, 0, 0, 0);

/**
 * A Word document's package (an Open Packaging Conventions zip) in memory: its parts by name,
 * read with bounded decompression and written back in the same order, parts added at the end.
 */
export class DocxPackage {
  readonly #entries: PackageEntry[];
  readonly #byName: Map<string, PackageEntry>;

  private constructor(entries: PackageEntry[]) {
    this.#entries = entries;
    this.#byName = new Map(entries.map((entry) => [entry.name, entry]));
  }

  /**
   * Reads the zip with bounded decompression: the declared sizes are checked against the limits
   * before anything is inflated, and a part that inflates to more (or less) than it declares is
   * refused. Throws a LitsynthError for what is not a usable .docx package.
   */
  static open(bytes: Uint8Array, limits: ZipLimits = defaultZipLimits): DocxPackage {
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
      throw unusable(
        'it is a password-protected Word document or an old .doc file; save it as .docx without a password',
        'det er et passordbeskyttet Word-dokument eller en gammel .doc-fil; lagre det som .docx uten passord',
      );
    }
    const directory = readCentralDirectory(bytes);
    if (directory.length > limits.maxEntries)
      throw tooLarge(
        `it has ${directory.length} parts; the limit is ${limits.maxEntries}`,
        `den har ${directory.length} deler; grensen er ${limits.maxEntries}`,
      );
    let total = 0;
    for (const entry of directory) {
      total += entry.size;
      if (entry.size > limits.maxEntryBytes || total > limits.maxTotalBytes) {
        throw tooLarge(
          `its part ${entry.name} unpacks to more than the limit (a "zip bomb"?)`,
          `delen ${entry.name} pakkes ut til mer enn grensen (en «zip-bombe»?)`,
        );
      }
    }
    const entries: PackageEntry[] = [];
    const seen = new Set<string>();
    for (const entry of directory) {
      if (seen.has(entry.name)) continue;
      seen.add(entry.name);
      entries.push({
        name: entry.name,
        data: inflateEntry(bytes, entry),
        stored: entry.method === 0,
      });
    }
    return new DocxPackage(entries);
  }

  /** Whether the package has a part of this name. */
  has(name: string): boolean {
    return this.#byName.has(name);
  }

  /** A part decoded as UTF-8 text (a leading byte-order mark dropped); undefined when there is none. */
  readText(name: string): string | undefined {
    const entry = this.#byName.get(name);
    if (!entry) return undefined;
    const text = new TextDecoder('utf-8').decode(entry.data);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /** Replaces a part's content (UTF-8), or adds the part at the end. */
  writeText(name: string, text: string): void {
    const data = new TextEncoder().encode(text);
    const entry = this.#byName.get(name);
    if (entry) {
      entry.data = data;
      return;
    }
    const added = { name, data, stored: false };
    this.#entries.push(added);
    this.#byName.set(name, added);
  }

  /** The package as zip bytes: parts in their original order, compressed as they were (stored or deflated). */
  toBytes(): Uint8Array {
    const zippable: Zippable = {};
    for (const entry of this.#entries) {
      zippable[entry.name] = [entry.data, { level: entry.stored ? 0 : 6, mtime: entryTime }];
    }
    return zipSync(zippable);
  }
}

const relationshipsNamespace = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** One relationship of a part: its id, type, and the target part's name in the package (internal targets). */
export interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** The name of the relationships part of `partName` ("word/document.xml" → "word/_rels/document.xml.rels"). */
export function relationshipsPartOf(partName: string): string {
  const slash = partName.lastIndexOf('/');
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

/** The internal relationships of a part, targets resolved to part names. */
export function readRelationships(pkg: DocxPackage, partName: string): Relationship[] {
  const xml = pkg.readText(relationshipsPartOf(partName));
  if (xml === undefined) return [];
  const relationships: Relationship[] = [];
  for (const [tag] of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attributeIn(tag, 'Id');
    const type = attributeIn(tag, 'Type');
    const target = attributeIn(tag, 'Target');
    if (
      id === undefined ||
      type === undefined ||
      target === undefined ||
      attributeIn(tag, 'TargetMode') === 'External'
    )
      continue;
    relationships.push({ id, type, target: resolvePartName(partName, target) });
  }
  return relationships;
}

/** Resolves a relationship's target against the folder of its source part ("../customXml/item1.xml"). */
export function resolvePartName(sourcePart: string, target: string): string {
  const decoded = safeDecodeUri(target);
  const base = decoded.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

function safeDecodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Adds a relationship to a part's relationships (creating that part when missing); returns its new id. */
export function addRelationship(
  pkg: DocxPackage,
  partName: string,
  type: string,
  target: string,
): string {
  const relsName = relationshipsPartOf(partName);
  const xml =
    pkg.readText(relsName) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${relationshipsNamespace}"></Relationships>`;
  const used = new Set(
    [...xml.matchAll(/\sId\s*=\s*"([^"]*)"/g)].map(([, id = '']) => decodeXml(id)),
  );
  let number = used.size + 1;
  while (used.has(`rId${number}`)) number++;
  const id = `rId${number}`;
  const prefix = /<(\w+:)?Relationships\b/.exec(xml)?.[1] ?? '';
  const relationship = `<${prefix}Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
  pkg.writeText(
    relsName,
    insertBeforeRootEnd(xml, `${prefix}Relationships`, relationship, relsName),
  );
  return id;
}

/** Makes sure `[Content_Types].xml` gives `partName` this content type (an Override). */
export function ensureContentType(pkg: DocxPackage, partName: string, contentType: string): void {
  const name = '[Content_Types].xml';
  const xml = pkg.readText(name);
  if (xml === undefined)
    throw unusable('it has no [Content_Types].xml', 'den mangler [Content_Types].xml');
  const wanted = `/${partName}`.toLowerCase();
  for (const [tag] of xml.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
    if (attributeIn(tag, 'PartName')?.toLowerCase() === wanted) return;
  }
  const prefix = /<(\w+:)?Types\b/.exec(xml)?.[1] ?? '';
  const override = `<${prefix}Override PartName="/${escapeXml(partName)}" ContentType="${escapeXml(contentType)}"/>`;
  pkg.writeText(name, insertBeforeRootEnd(xml, `${prefix}Types`, override, name));
}

/** Inserts `content` before the end tag of the root element `rootName` (expanding an empty root). */
export function insertBeforeRootEnd(
  xml: string,
  rootName: string,
  content: string,
  part: string,
): string {
  const end = xml.lastIndexOf(`</${rootName}>`);
  if (end !== -1) return xml.slice(0, end) + content + xml.slice(end);
  const empty = new RegExp(`<${rootName.replace(/[.:]/g, '\\$&')}\\b[^>]*?/>`).exec(xml);
  if (empty) {
    const open = empty[0].replace(/\s*\/>$/, '>');
    return (
      xml.slice(0, empty.index) +
      open +
      content +
      `</${rootName}>` +
      xml.slice(empty.index + empty[0].length)
    );
  }
  throw unusable(
    `its part ${part} has no <${rootName}> element`,
    `delen ${part} mangler elementet <${rootName}>`,
  );
}

/** The document's main part: what the package relationships name as the office document, else word/document.xml. */
export function mainDocumentPart(pkg: DocxPackage): string {
  const main = readRelationships(pkg, '').find((relationship) =>
    relationship.type.endsWith('/officeDocument'),
  );
  if (main && pkg.has(main.target)) return main.target;
  if (pkg.has('word/document.xml')) return 'word/document.xml';
  throw unusable(
    'it has no main document part (word/document.xml); it is a zip archive but not a Word document',
    'den mangler hoveddokumentet (word/document.xml); den er et zip-arkiv, men ikke et Word-dokument',
  );
}

/** A .docx that cannot be annotated: exit 2 in the CLI, with the problem named. */
export function unusable(en: string, nb: string, cause?: unknown): LitsynthError {
  return new LitsynthError('unsupported-format', `The .docx document cannot be annotated: ${en}.`, {
    messageNb: `.docx-dokumentet kan ikke kommenteres: ${nb}.`,
    ...(cause === undefined ? {} : { cause }),
  });
}

function tooLarge(en: string, nb: string): LitsynthError {
  return new LitsynthError('too-large', `The .docx document is refused: ${en}.`, {
    messageNb: `.docx-dokumentet avvises: ${nb}.`,
  });
}

interface DirectoryEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** The declared uncompressed size. */
  size: number;
  localHeader: number;
}

/** The entries of the zip's central directory (its table of contents at the end of the file). */
function readCentralDirectory(bytes: Uint8Array): DirectoryEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record: 22 bytes plus a comment of up to 65535 bytes, at the end of the file.
  let end = -1;
  for (
    let offset = bytes.length - 22;
    offset >= Math.max(0, bytes.length - 22 - 0xffff);
    offset--
  ) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end === -1) throw unusable('it is not a zip archive', 'den er ikke et zip-arkiv');
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff)
    throw unusable(
      'it uses ZIP64, which no Word document needs',
      'den bruker ZIP64, som ingen Word-dokumenter trenger',
    );
  if (offset + size > end)
    throw unusable(
      'its table of contents is cut off',
      'innholdsfortegnelsen i arkivet er avkuttet',
    );
  const entries: DirectoryEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let index = 0; index < count; index++) {
    if (offset + 46 > end || view.getUint32(offset, true) !== 0x02014b50)
      throw unusable(
        'its table of contents is damaged',
        'innholdsfortegnelsen i arkivet er skadet',
      );
    const nameLength = view.getUint16(offset + 28, true);
    entries.push({
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localHeader: view.getUint32(offset + 42, true),
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    });
    offset +=
      46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/** An entry's content, inflated into at most its declared size plus one byte (to catch a lying header). */
function inflateEntry(bytes: Uint8Array, entry: DirectoryEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.localHeader;
  if (entry.flags & 1)
    throw unusable(`its part ${entry.name} is encrypted`, `delen ${entry.name} er kryptert`);
  if (header + 30 > bytes.length || view.getUint32(header, true) !== 0x04034b50)
    throw unusable(`its part ${entry.name} is damaged`, `delen ${entry.name} er skadet`);
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  const compressed = bytes.subarray(start, start + entry.compressedSize);
  if (compressed.length !== entry.compressedSize)
    throw unusable(`its part ${entry.name} is cut off`, `delen ${entry.name} er avkuttet`);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size)
      throw unusable(`its part ${entry.name} is damaged`, `delen ${entry.name} er skadet`);
    return compressed.slice();
  }
  if (entry.method !== 8)
    throw unusable(
      `its part ${entry.name} uses an unknown compression (method ${entry.method})`,
      `delen ${entry.name} bruker en ukjent komprimering (metode ${entry.method})`,
    );
  let data: Uint8Array;
  try {
    data = inflateSync(compressed, { out: new Uint8Array(entry.size + 1) });
  } catch (cause) {
    throw unusable(
      `its part ${entry.name} cannot be unpacked`,
      `delen ${entry.name} kan ikke pakkes ut`,
      cause,
    );
  }
  if (data.length !== entry.size)
    throw tooLarge(
      `its part ${entry.name} unpacks to another size than it declares`,
      `delen ${entry.name} pakkes ut til en annen størrelse enn den oppgir`,
    );
  return data;
}
