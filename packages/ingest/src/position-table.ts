import type { Place } from './types.js';

/**
 * Maps offsets of the normalised text back to line, column and page of the file as given.
 * Each row covers the text from its start to the next row's start; within a row the first `span`
 * characters map one to one onto consecutive columns, and any further characters (where
 * normalisation made the text longer than the original) map onto the row's last column.
 * Rows are appended in offset order, so lookups are a binary search.
 */
export class PositionTable {
  private readonly starts: number[] = [];
  private readonly lines: number[] = [];
  private readonly columns: number[] = [];
  private readonly spans: number[] = [];
  /** 0 where the page is not known. */
  private readonly pages: number[] = [];
  private textLength = 0;

  /** Records that text from `start` on comes from `line`:`column` onward, one to one for `span` characters. */
  add(start: number, line: number, column: number, span: number, page: number | undefined): void {
    const last = this.starts.length - 1;
    const pageNumber = page ?? 0;
    if (last >= 0) {
      const lastStart = this.starts[last] as number;
      const lastSpan = this.spans[last] as number;
      // Extend the previous row when this one simply continues it.
      if (
        start === lastStart + lastSpan &&
        this.lines[last] === line &&
        (this.columns[last] as number) + lastSpan === column &&
        this.pages[last] === pageNumber
      ) {
        this.spans[last] = lastSpan + span;
        return;
      }
      if (start === lastStart) {
        this.lines[last] = line;
        this.columns[last] = column;
        this.spans[last] = span;
        this.pages[last] = pageNumber;
        return;
      }
    }
    this.starts.push(start);
    this.lines.push(line);
    this.columns.push(column);
    this.spans.push(Math.max(1, span));
    this.pages.push(pageNumber);
  }

  /** Sets the length of the text the table covers (offsets beyond it are clamped). */
  finish(textLength: number): void {
    this.textLength = textLength;
  }

  /** The place of an offset; offsets outside the text are clamped to its ends. */
  locate(offset: number): Place {
    if (this.starts.length === 0) return { line: 1, column: 1 };
    const clamped = Math.max(
      0,
      Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, this.textLength),
    );
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as number) <= clamped) low = middle;
      else high = middle - 1;
    }
    const start = this.starts[low] as number;
    const span = this.spans[low] as number;
    const distance = clamped - start;
    let column = (this.columns[low] as number) + (distance < span ? distance : span - 1);
    // The offset just past the end of the text points just past its last character.
    if (clamped === this.textLength && clamped > start && distance >= span) column += 1;
    const page = this.pages[low] as number;
    const place: Place = { line: this.lines[low] as number, column: Math.max(1, column) };
    if (page > 0) place.page = page;
    return place;
  }

  /** Number of rows, for tests and benchmarks. */
  get size(): number {
    return this.starts.length;
  }
}
