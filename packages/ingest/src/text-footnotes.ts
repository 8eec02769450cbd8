import { isReferenceListHeading } from './reference-list.js';
import type { SourceBlock, SourceSpan } from './types.js';

// "[1] Studien bygger på …" (pandoc, many exports) or "1 Studien bygger på …" (Word's "save as
// text" and copies of PDFs drop the superscript): a footnote at the end of a plain-text thesis.
const bracketMarker = /^(\s*\[(\d{1,3})\]\s+)\S/u;
const bareMarker = /^(\s*(\d{1,3})\s+)\p{Lu}/u;
// A line that only separates the footnotes from the text above ("-----", "______").
const separator = /^\s*[-_–—*]{3,}\s*$/u;

interface Footnote {
  number: number;
  block: SourceBlock;
  /** Whether the marker was "[n]" (else a bare number). */
  bracket: boolean;
}

/**
 * Plain text puts a thesis's footnotes after its reference list, where they would read as more
 * entries. Recognises such a trailing block of footnotes (numbered 1, 2, 3 … or [1], [2] …, each
 * its own paragraph or line) and moves each footnote, without its marker, right after the
 * paragraph whose text carries its marker (as the .docx and .pdf readers place footnotes), or
 * before the reference list when no marker is found (so does a separator line above them).
 * Other blocks are returned unchanged.
 */
export function placeTrailingFootnotes(blocks: readonly SourceBlock[]): SourceBlock[] {
  const listIndex = findLastIndex(
    blocks,
    (block) => block.kind === 'heading' && isReferenceListHeading(textOf(block)),
  );
  if (listIndex < 0) return [...blocks];
  const tail = blocks.slice(listIndex + 1).flatMap(splitAtBracketMarkers);
  const footnotes = trailingFootnotes(tail);
  if (footnotes.length === 0) return [...blocks];
  const body = blocks.slice(0, listIndex);
  const separators = separatorsBefore(tail, footnotes);
  const list = tail.slice(0, tail.length - footnotes.length - separators);
  // A separator line ("-----") stays in the text, but not in the list.
  const separatorBlocks = tail.slice(list.length, list.length + separators);
  // Footnotes are numbered in reading order: each marker is searched after the previous one.
  const placed = new Map<number, SourceBlock[]>();
  const unplaced: SourceBlock[] = [];
  let from = 0;
  for (const footnote of footnotes) {
    const at = body.findIndex(
      (block, index) => index >= from && block.kind !== 'heading' && hasMarker(block, footnote),
    );
    if (at < 0) {
      unplaced.push(footnote.block);
      continue;
    }
    placed.set(at, [
      ...(placed.get(at) ?? []),
      onPageOf(footnote.block, body[at] as SourceBlock, footnote),
    ]);
    from = at;
  }
  const result: SourceBlock[] = [];
  body.forEach((block, index) => {
    result.push(block, ...(placed.get(index) ?? []));
  });
  return [...result, ...separatorBlocks, ...unplaced, blocks[listIndex] as SourceBlock, ...list];
}

/** The footnotes at the end of the blocks after the reference-list heading, in order. */
function trailingFootnotes(tail: readonly SourceBlock[]): Footnote[] {
  const found: Footnote[] = [];
  for (let index = tail.length - 1; index >= 0; index--) {
    const block = tail[index] as SourceBlock;
    if (block.kind === 'heading') break;
    const first = block.spans[0]?.text ?? '';
    const bracket = bracketMarker.exec(first);
    const bare = bracket ? null : bareMarker.exec(first);
    const marker = bracket ?? bare;
    if (!marker) break;
    found.unshift({
      number: Number(marker[2]),
      block: withoutMarker(block, (marker[1] as string).length),
      bracket: bracket !== null,
    });
  }
  // Consecutive numbers in one style; a run of bare numbers must start at 1 (a bare number is a
  // weak sign on its own).
  let start = found.length - 1;
  while (start > 0) {
    const before = found[start - 1] as Footnote;
    const here = found[start] as Footnote;
    if (before.bracket !== here.bracket || before.number !== here.number - 1) break;
    start--;
  }
  const run = found.slice(Math.max(0, start));
  if (run.length === 0) return [];
  const first = run[0] as Footnote;
  return first.bracket || first.number === 1 ? run : [];
}

function separatorsBefore(tail: readonly SourceBlock[], footnotes: readonly Footnote[]): number {
  const before = tail[tail.length - footnotes.length - 1];
  return before &&
    before.kind !== 'heading' &&
    before.spans.every((span) => separator.test(span.text))
    ? 1
    : 0;
}

/** A block that holds several "[n] …" lines becomes one block per footnote. */
function splitAtBracketMarkers(block: SourceBlock): SourceBlock[] {
  if (block.kind === 'heading') return [block];
  const parts: SourceBlock[] = [];
  for (const span of block.spans) {
    const last = parts[parts.length - 1];
    if (!last || bracketMarker.test(span.text)) parts.push({ kind: block.kind, spans: [span] });
    else last.spans.push(span);
  }
  return parts;
}

/**
 * The footnote on the page of its marker: a printed thesis has the footnote at the foot of that
 * page (as the .docx and .pdf readers report it); only the text export moved it to the end.
 * Lines and columns still point at the footnote's own place in the file.
 */
function onPageOf(footnote: SourceBlock, anchor: SourceBlock, note: Footnote): SourceBlock {
  const marked =
    anchor.spans.find((span) => hasMarker({ kind: anchor.kind, spans: [span] }, note)) ??
    anchor.spans[anchor.spans.length - 1];
  const page = marked?.page;
  return {
    ...footnote,
    spans: footnote.spans.map((span) => {
      const { page: _, ...rest } = span;
      return page === undefined ? rest : { ...rest, page };
    }),
  };
}

function withoutMarker(block: SourceBlock, length: number): SourceBlock {
  const [first, ...rest] = block.spans;
  if (!first) return block;
  const span: SourceSpan = {
    ...first,
    text: first.text.slice(length),
    column: first.column + length,
  };
  return { kind: 'paragraph', spans: [span, ...rest] };
}

/** Whether a paragraph carries the footnote's marker: "[1]", or a number glued to a word or mark ("anerkjent.1"). */
function hasMarker(block: SourceBlock, footnote: Footnote): boolean {
  const text = textOf(block);
  if (footnote.bracket) return text.includes(`[${footnote.number}]`);
  return new RegExp(`[\\p{L}.,;:!?»”")]${footnote.number}(?=\\s|$)`, 'u').test(text);
}

function textOf(block: SourceBlock): string {
  return block.spans.map((span) => span.text).join(' ');
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index--) if (test(items[index] as T)) return index;
  return -1;
}
