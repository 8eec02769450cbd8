/**
 * How the end of one line of a paragraph meets the start of the next:
 * - `space`: an ordinary line break, joined with one space;
 * - `drop-hyphen`: a word hyphenated at the line end ("Anerkjennelses-" + "praksis"), joined
 *   without the hyphen;
 * - `keep-hyphen`: a hyphen that belongs to the word ("NAV-" + "kontoret", "31-" + "33"), joined
 *   directly with the hyphen kept;
 * - `glue`: a link broken at the line end ("https://doi.org/10.1000/" + "abc.123"), joined directly.
 */
export type LineJoin = 'space' | 'drop-hyphen' | 'keep-hyphen' | 'glue';

// The last word of a line that is a link, and the start of a line that continues one: no spaces,
// and either the link was cut after a separator or the next part carries one ("/", "+", "_", "=").
const linkAtEnd = /(?:^|\s)(?:https?:\/\/|www\.|doi:\s?10\.)\S*$/iu;
const linkContinuation = /^[\p{L}\p{N}\-._~%/?#=&+:;,@!$*']+(?=\s|$)/u;

// Words after a hyphen that show a suspended compound ("Arbeids- og velferdsdirektoratet",
// "helse- eller sosialfaglig"): the hyphen is part of the text, and a space follows it.
const conjunctions = new Set([
  'og',
  'eller',
  'samt',
  'enn',
  'som',
  'and',
  'or',
  'nor',
  'to',
  'til',
  'and/or',
  '&',
]);

/**
 * Decides how two lines of one block join. `before` is the first line without its trailing white
 * space, `spaceAfter` whether the line had white space after its last character, `after` the
 * next line without its leading white space.
 */
export function decideLineJoin(before: string, after: string, spaceAfter: boolean): LineJoin {
  if (!spaceAfter && linkAtEnd.test(before) && !/[.,;:)]$/u.test(before)) {
    const next = linkContinuation.exec(after)?.[0];
    if (next !== undefined && (/[/\-_=%&?]$/u.test(before) || /[/_+=%&?.]\S/u.test(next)))
      return 'glue';
  }
  if (!before.endsWith('-') || after === '') return 'space';
  const word = before.slice(before.lastIndexOf(' ') + 1);
  const stem = word.slice(0, -1);
  // "helse, -" or "rus, -": a dash standing alone is punctuation, not hyphenation.
  if (stem === '' || !/\p{L}|\p{N}/u.test(stem.slice(-1))) return 'space';
  // "Arbeids- " + "og": the writer left the hyphen open on purpose.
  if (spaceAfter) return 'space';
  const next = after.slice(0, after.search(/[\s,.;:)]|$/u)).toLowerCase();
  if (conjunctions.has(next)) return 'space';
  const first = after[0] ?? '';
  // "2009-" + "2011", "s. 31-" + "33", "arbeids-og-" + "velferd", "NAV-" + "kontor", "e-" + "post",
  // "Øst-" + "Agder": the hyphen belongs to the word.
  if (!/\p{Ll}/u.test(first)) return 'keep-hyphen';
  if (/\p{N}$/u.test(stem) || stem.includes('-') || stem.length === 1) return 'keep-hyphen';
  if (stem.length >= 2 && stem === stem.toUpperCase() && /\p{Lu}/u.test(stem)) return 'keep-hyphen';
  return 'drop-hyphen';
}
