import type { Localized, TextEncoding } from '@litsynth/common';
import { manuscriptFromBlocks } from './build-manuscript.js';
import type { Manuscript, ManuscriptFormat, SourceBlock } from './types.js';

/** Where decoded text came from, for `textToManuscript` and `markdownToManuscript`. */
export interface TextSource {
  path: string;
  /** The format to report (default `txt`); a PDF reader passing extracted text says `pdf`. */
  format?: ManuscriptFormat;
  encoding?: TextEncoding | 'binary';
  notes?: Localized[];
}

/** Splits decoded text into lines (LF, CRLF or CR) with their 1-based numbers. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/u);
}

/** Reads plain text (also text extracted from a PDF) into a `Manuscript`. */
export function textToManuscript(text: string, source: TextSource): Manuscript {
  const lines = splitLines(text);
  const blocks: SourceBlock[] = [];
  let current: SourceBlock | undefined;
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      current = undefined;
      return;
    }
    if (!current) {
      current = { kind: 'paragraph', spans: [] };
      blocks.push(current);
    }
    current.spans.push({ text: line, line: index + 1, column: 1 });
  });
  return manuscriptFromBlocks({
    path: source.path,
    format: source.format ?? 'txt',
    encoding: source.encoding ?? 'utf-8',
    notes: source.notes ?? [],
    blocks,
  });
}
