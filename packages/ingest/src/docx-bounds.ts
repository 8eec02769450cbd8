import { LitsynthError } from '@litsynth/common';
import type { BoundedZip } from './docx-zip.js';

/**
 * What the .docx reader (mammoth) is given at most, checked before it parses anything. Its cost
 * grows with the XML elements it builds, not with the file size: 63 MiB of empty paragraphs zip
 * to 100 KB and ran Node out of memory. A 100-page master's thesis has a document part of about
 * 2 MiB, 1,000 paragraphs and 36,000 elements; the limits are far above that, and the worst
 * document they admit reads in a few seconds and under 1 GB (docs/benchmarks.md, "Hostile inputs").
 */
export interface DocxLimits {
  /** Largest uncompressed size of the text parts (document, footnotes, endnotes) together. */
  maxTextPartBytes: number;
  /** Most paragraphs (`<w:p>`) in the text parts together. */
  maxParagraphs: number;
  /** Most WordprocessingML elements (`<w:…>`) in the text parts together. */
  maxElements: number;
}

export const defaultDocxLimits: DocxLimits = {
  maxTextPartBytes: 24 * 1024 * 1024,
  maxParagraphs: 100_000,
  maxElements: 300_000,
};

/** The parts of a .docx whose XML becomes text: the main document, footnotes and endnotes. */
export function textParts(zip: BoundedZip, documentPart: string): string[] {
  return [
    documentPart,
    ...zip.names().filter((name) => /^word\/(?:footnotes|endnotes)\.xml$/.test(name)),
  ];
}

function count(xml: string, pattern: RegExp): number {
  let found = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(xml) !== null) found++;
  return found;
}

/**
 * Refuses a .docx whose text parts exceed the limits: first by their declared size (before
 * unpacking), then by counting paragraphs and elements in the XML (one linear scan each).
 */
export function refuseOversizedDocx(
  zip: BoundedZip,
  parts: readonly string[],
  path: string,
  limits: DocxLimits = defaultDocxLimits,
): void {
  const size = parts.reduce((sum, name) => sum + zip.size(name), 0);
  if (size > limits.maxTextPartBytes) {
    throw refused(
      path,
      `its text is ${formatSize(size)} of XML; the limit is ${formatSize(limits.maxTextPartBytes)}`,
      `teksten er ${formatSize(size)} XML; grensen er ${formatSize(limits.maxTextPartBytes)}`,
    );
  }
  let paragraphs = 0;
  let elements = 0;
  for (const name of parts) {
    const xml = zip.readText(name);
    paragraphs += count(xml, /<w:p[\s/>]/g);
    elements += count(xml, /<w:/g);
  }
  if (paragraphs > limits.maxParagraphs) {
    throw refused(
      path,
      `it has ${paragraphs.toLocaleString('en-US')} paragraphs; the limit is ${limits.maxParagraphs.toLocaleString('en-US')}`,
      `det har ${paragraphs.toLocaleString('nb-NO')} avsnitt; grensen er ${limits.maxParagraphs.toLocaleString('nb-NO')}`,
    );
  }
  if (elements > limits.maxElements) {
    throw refused(
      path,
      `its text has ${elements.toLocaleString('en-US')} XML elements; the limit is ${limits.maxElements.toLocaleString('en-US')}`,
      `teksten har ${elements.toLocaleString('nb-NO')} XML-elementer; grensen er ${limits.maxElements.toLocaleString('nb-NO')}`,
    );
  }
}

function refused(path: string, en: string, nb: string): LitsynthError {
  return new LitsynthError('too-large', `The .docx document is too large to read: ${en}.`, {
    file: path,
    messageNb: `.docx-dokumentet er for stort til å leses: ${nb}.`,
  });
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KiB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
