import { isAbbreviationPeriod, type Manuscript } from '@litsynth/ingest';

/** A span of `Manuscript.text`: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** The paragraph (block) of the manuscript that holds an offset; the whole text when none does. */
export function paragraphAt(manuscript: Manuscript, offset: number): Span {
  // Blocks are in text order and do not overlap: the last one starting at or before the offset
  // is the only one that can hold it (binary search; checks call this for many citations).
  const { blocks } = manuscript;
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((blocks[middle]?.start ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  const block = blocks[low];
  return block && block.start <= offset && offset < block.end
    ? { start: block.start, end: block.end }
    : { start: 0, end: manuscript.text.length };
}

/**
 * The sentences of a span of text, in order: a sentence ends at ".", "!" or "?" followed by a blank
 * and a capital letter, a digit or an opening quote or parenthesis, unless the word before the
 * period is an abbreviation ("et al.", "s.") or an initial ("A.").
 */
export function sentencesOf(text: string, span: Span): Span[] {
  const sentences: Span[] = [];
  const slice = text.slice(span.start, span.end);
  let start = span.start;
  for (const match of slice.matchAll(/[.!?]+(?=\s+[\p{Lu}\d«"“(])/gu)) {
    const at = span.start + match.index;
    if (match[0].startsWith('.') && isAbbreviationPeriod(text, at)) continue;
    const end = at + match[0].length;
    sentences.push({ start, end });
    start = end;
    while (start < span.end && /\s/u.test(text[start] ?? '')) start += 1;
  }
  if (start < span.end) sentences.push({ start, end: span.end });
  return sentences;
}

/** The sentences of the paragraph around `offset`, and the index of the one that holds it. */
export function sentencesAround(
  manuscript: Manuscript,
  offset: number,
): { sentences: Span[]; index: number } {
  const sentences = sentencesOf(manuscript.text, paragraphAt(manuscript, offset));
  const index = sentences.findIndex(
    (sentence) => sentence.start <= offset && offset < sentence.end,
  );
  return { sentences, index: index === -1 ? Math.max(0, sentences.length - 1) : index };
}
