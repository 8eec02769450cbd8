import type { Lang } from '@litsynth/common';
import type { Table } from 'mdast';

/** The content of one cell: a line of text, or several lines (rendered with line breaks). */
export type CellContent = string | readonly string[];

/**
 * A thesis table: the mdast `table` node (first row is the header) with what a thesis prints
 * around it — an APA 7 title above and notes below.
 */
export interface ThesisTable {
  /** Stable id, also the file name of the table ("article-matrix", "discussion-empathy"). */
  id: string;
  lang: Lang;
  /** The title printed above the table (APA: in italics under "Tabell N"). */
  title: string;
  /** The table as mdast; the first row is the header row. */
  table: Table;
  /** Notes printed below the table (APA: after "Merknad." / "Note."). */
  notes: string[];
  /** Whether the first cell of each body row heads its row (`<th scope="row">` in HTML). */
  rowHeaders: boolean;
}

/** Options for building a table from plain cells. */
export interface CreateTableOptions {
  id: string;
  lang: Lang;
  title: string;
  header: readonly string[];
  rows: ReadonlyArray<readonly CellContent[]>;
  notes?: readonly string[];
  rowHeaders?: boolean;
}

/** Options of the writers that print the APA title. */
export interface TableWriteOptions {
  /** The table number printed as "Tabell N" / "Table N"; none when absent. */
  number?: number;
}

/** Options of `tableToCsv`. */
export interface CsvOptions {
  /** Field separator: "," (default) or ";" (what Norwegian Excel expects). */
  separator?: ',' | ';';
}

/** The JSON form of a table: plain strings, lines of a cell joined with "\n". */
export interface TableJson {
  id: string;
  lang: Lang;
  title: string;
  columns: string[];
  rows: string[][];
  notes: string[];
}
