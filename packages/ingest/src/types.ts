import type { Localized, TextEncoding } from '@litsynth/common';
import type { FieldCitation } from './docx-types.js';

export type ManuscriptFormat = 'txt' | 'md' | 'docx' | 'pdf';

/** A place in the file exactly as the user gave it (1-based), with the page where known. */
export interface Place {
  line: number;
  column: number;
  page?: number;
}

export interface Heading {
  /** The heading text as written, without its number ("Drøfting"). */
  text: string;
  /** Section number when the heading has one ("5.1"). */
  number?: string;
  level: number;
  /** Offsets of the heading in `Manuscript.text`. */
  start: number;
  end: number;
}

export type BlockKind = 'heading' | 'paragraph' | 'block-quote' | 'list-item';

/** A block of the normalised text: [start, end) offsets into `Manuscript.text`. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
}

/** One entry of a reference list typed in the manuscript, parsed APA-style. */
export interface ReferenceListEntry {
  raw: string;
  start: number;
  end: number;
  /** Family names or corporate authors, in order. */
  authors: string[];
  /** "2013", "2019a", "u.å."; null when no year could be read. */
  year: string | null;
  title: string | null;
}

export interface ReferenceListSection {
  heading: Heading;
  /** From the heading to the end of the last entry: back matter after it is not in the list. */
  start: number;
  end: number;
  entries: ReferenceListEntry[];
  /**
   * Stretches between the entries that could not be read as entries (a stray table row, a
   * header left over): [start, end) offsets. Always given by ingest.
   */
  unread?: Array<{ start: number; end: number }>;
}

/**
 * A manuscript read into normalised text. Citations are parsed in `text`; every offset in it
 * maps back to the original file through `locate`.
 */
export interface Manuscript {
  /** The path as the user gave it. */
  path: string;
  format: ManuscriptFormat;
  encoding: TextEncoding | 'binary';
  /** Notes about reading the file (decoded as Windows-1252, page furniture removed, ...). */
  notes: Localized[];
  /**
   * Normalised text: NFC; page headers, footers and page-number lines removed; words hyphenated at
   * line ends joined; the lines of a paragraph joined with one space; blocks separated by "\n\n".
   */
  text: string;
  blocks: Block[];
  headings: Heading[];
  /** The manuscript's own reference list, when it has one. */
  referenceList: ReferenceListSection | null;
  /** Whether any page is known (page markers in text, PDF pages). */
  hasPages: boolean;
  /** Maps an offset in `text` to the original line, column and page. */
  locate(offset: number): Place;
  /** The nearest heading at or before an offset. */
  sectionAt(offset: number): Heading | undefined;
  /**
   * .docx only: citations a reference manager (Zotero, Mendeley, EndNote) inserted as Word fields,
   * with the entries it embedded. Their displayed text is also in `text` and parsed as usual.
   */
  fieldCitations?: FieldCitation[];
}

/**
 * A run of characters as decoded from the file, before normalisation. Characters map linearly to
 * columns: `text[i]` is at `column + i` on `line`. Formats build a `Manuscript` from spans.
 */
export interface SourceSpan {
  text: string;
  /** 1-based line of `text[0]` in the decoded file. */
  line: number;
  /** 1-based column (UTF-16 code units) of `text[0]` on that line. */
  column: number;
  /** Page of this span, when known with confidence. */
  page?: number;
  /**
   * How the span attaches to the span before it in its block: `line` (default) — it starts a new
   * line of the same block, joined with one space and with line-end hyphenation undone; `inline` —
   * it continues the same line and is appended as it is.
   */
  join?: 'line' | 'inline';
}

/** One block of a manuscript as a format reader found it, made of spans in reading order. */
export interface SourceBlock {
  kind: BlockKind;
  spans: SourceSpan[];
  /** Heading level (1 = chapter); only for `kind: 'heading'`. Derived from the number when absent. */
  level?: number;
}

/** What a format reader hands to `manuscriptFromBlocks`. */
export interface ManuscriptParts {
  path: string;
  format: ManuscriptFormat;
  encoding: TextEncoding | 'binary';
  notes?: Localized[];
  blocks: SourceBlock[];
}

/** Options of `readManuscriptBytes`. */
export interface ReadManuscriptOptions {
  /** Read the file as this format instead of deciding by its extension. */
  format?: ManuscriptFormat;
  /** Called after each page of a PDF is read (the web app's progress bar). */
  onPage?: (page: number, pages: number) => void;
}
