import type { Lang } from '@litsynth/common';

/** Limits that keep a hostile or broken .docx from exhausting memory (a "zip bomb"). */
export interface ZipLimits {
  /** Largest uncompressed size of one part, in bytes. */
  maxEntryBytes: number;
  /** Largest uncompressed size of all parts together, in bytes. */
  maxTotalBytes: number;
  /** Most parts in the package. */
  maxEntries: number;
}

/**
 * One comment to write, and where. Places are given the way @litsynth/ingest reads a .docx:
 * `paragraph` is the 1-based paragraph number (every paragraph of the body, table cells and empty
 * ones included, then the footnotes' and endnotes' paragraphs in the order they are referred to).
 */
export interface CommentRequest {
  /** 1-based paragraph number, as ingest counts (a diagnostic's `line` in a .docx). */
  paragraph: number;
  /**
   * The paragraph's text as ingest read it (normalised). Finds the paragraph when its number
   * alone would not (a document ingest and this package read differently); optional.
   */
  paragraphText?: string;
  /**
   * The text to anchor the comment on, in that paragraph: `occurrence` counts the earlier places
   * of the same text in the paragraph (0: the first), `column` is its 1-based column (as ingest
   * counts). Without an anchor the comment is on the whole paragraph.
   */
  anchor?: { text: string; occurrence?: number; column?: number };
  /** The comment's text, one entry per paragraph of the comment. */
  body: string[];
}

/** How a comment was anchored. */
export type CommentPlacement =
  /** On the requested text. */
  | 'text'
  /** On the whole paragraph, as requested (no anchor text). */
  | 'paragraph'
  /** On the paragraph because the text (or the paragraph) could not be found exactly; the comment says so. */
  | 'paragraph-fallback'
  /**
   * The place is in a footnote or endnote: on the note's reference mark in the text, and the
   * comment says which note (see `AnnotateOptions.commentsInNotes`).
   */
  | 'note-reference';

/** Options of `annotateDocx`. */
export interface AnnotateOptions {
  comments: readonly CommentRequest[];
  /** The comments' author (default "litsynth"). */
  author?: string;
  /** The author's initials (default "LS"). */
  initials?: string;
  /** The comments' date (ISO 8601); left out by default, so that the output is byte-stable. */
  date?: string;
  /** The language of the note a comment gets when it could not be anchored exactly (default nb). */
  lang?: Lang;
  /**
   * Put a comment about a footnote or endnote inside the note (as Word allows) instead of on the
   * note's reference mark in the text. Off by default: LibreOffice (7.4) cannot open a document
   * with a comment in a note at all.
   */
  commentsInNotes?: boolean;
  limits?: ZipLimits;
}

/** What `annotateDocx` returns: the annotated document and how each comment was placed. */
export interface AnnotateResult {
  bytes: Uint8Array;
  /** One per requested comment, in the order requested. */
  placements: CommentPlacement[];
}
