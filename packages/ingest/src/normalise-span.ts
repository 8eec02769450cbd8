/**
 * A piece of normalised text and where it came from in its span: `text[i]` comes from
 * `source + i` for the first `span` characters; further characters (normalisation made the text
 * longer) come from `source + span - 1`.
 */
export interface NormalisedPiece {
  text: string;
  source: number;
  span: number;
}

// Characters that are invisible in print and only get in the way of matching: soft hyphen,
// zero-width space and joiners, word joiner, byte-order mark, NUL, and the bidirectional controls
// (a direction override inside a citation would otherwise hide it from the parser).
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of them.
const invisible = /[\u0000\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u;
// White space and control characters collapse to one space. No-break spaces are kept as they
// are: writers use them on purpose ("s.\u00a012").
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it matches.
const space = /[\s\u0000-\u001f\u007f]/u;
const keptSpaces = new Set(['\u00a0', '\u202f']);
const combiningRun = /\P{M}\p{M}*|\p{M}+/gu;

/** Whether a character collapses into a single space in normalised text. */
export function isCollapsibleSpace(char: string): boolean {
  return space.test(char) && !keptSpaces.has(char);
}

/**
 * Normalises one span: NFC, white-space runs collapsed to one space, invisible characters
 * dropped; returns the pieces with their origin so that every character can be located.
 */
export function normaliseSpan(text: string): NormalisedPiece[] {
  // Most lines need nothing: already NFC, single spaces only, nothing invisible.
  if (!needsWork.test(text) && text.normalize('NFC') === text)
    return text === '' ? [] : [{ text, source: 0, span: text.length }];
  return mergeLinear(normaliseSlowly(text));
}

// Anything the slow path must handle: white space other than single spaces, control and
// invisible characters (combining marks are caught by the NFC check).
const needsWork =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it matches.
  /[\t\n\v\f\r\u0000-\u001f\u007f\u0085\u00ad\u061c\u1680\u2000-\u200f\u2028\u2029\u202a-\u202e\u205f\u2060\u2066-\u2069\u3000\ufeff]| {2}/u;

/** Joins neighbouring pieces that map one to one onto consecutive source characters. */
function mergeLinear(pieces: NormalisedPiece[]): NormalisedPiece[] {
  const merged: NormalisedPiece[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (
      last &&
      last.span === last.text.length &&
      piece.span === piece.text.length &&
      last.source + last.span === piece.source
    ) {
      merged[merged.length - 1] = {
        text: last.text + piece.text,
        source: last.source,
        span: last.span + piece.span,
      };
    } else {
      merged.push(piece);
    }
  }
  return merged;
}

const kept = 0;
const dropped = 1;
const collapsed = 2;

/** What becomes of the UTF-16 unit at `index`: kept, dropped (invisible) or collapsed (a space). */
function characterKind(text: string, index: number): number {
  const code = text.charCodeAt(index);
  // ASCII without the patterns: NUL is invisible; the other controls, space and DEL collapse.
  if (code < 128) {
    if (code === 0) return dropped;
    return code <= 32 || code === 127 ? collapsed : kept;
  }
  const char = text[index] as string;
  if (invisible.test(char)) return dropped;
  return isCollapsibleSpace(char) ? collapsed : kept;
}

/** Whether the UTF-16 unit at `index` is white space that collapses (`isCollapsibleSpace`). */
function collapsesAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code <= 32 || code === 127;
  return isCollapsibleSpace(text[index] as string);
}

function normaliseSlowly(text: string): NormalisedPiece[] {
  const pieces: NormalisedPiece[] = [];
  let index = 0;
  while (index < text.length) {
    const kind = characterKind(text, index);
    if (kind === dropped) {
      index++;
      continue;
    }
    const start = index;
    if (kind === collapsed) {
      // A run goes on over NUL and the byte-order mark too: they are white space as well.
      while (index < text.length && collapsesAt(text, index)) index++;
      pieces.push({ text: ' ', source: start, span: 1 });
      continue;
    }
    while (index < text.length && characterKind(text, index) === kept) index++;
    pushNormalised(pieces, text.slice(start, index), start);
  }
  return pieces;
}

function pushNormalised(pieces: NormalisedPiece[], word: string, source: number): void {
  const normalised = word.normalize('NFC');
  if (normalised === word) {
    pieces.push({ text: word, source, span: word.length });
    return;
  }
  // Normalise run by run (a base character with its combining marks) so that only the runs that
  // change lose their one-to-one mapping.
  const runs: NormalisedPiece[] = [];
  for (const match of word.matchAll(combiningRun)) {
    const run = match[0];
    const runNormalised = run.normalize('NFC');
    const at = source + (match.index ?? 0);
    runs.push({
      text: runNormalised,
      source: at,
      span: runNormalised === run ? run.length : Math.min(run.length, runNormalised.length),
    });
  }
  if (runs.map((run) => run.text).join('') === normalised) {
    pieces.push(...runs);
  } else {
    // Composition across runs (Hangul jamo, for example): map the word as one piece.
    pieces.push({ text: normalised, source, span: Math.min(word.length, normalised.length) });
  }
}
