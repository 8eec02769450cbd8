// citation-js decodes most of the LaTeX that reference managers write into BibTeX (accents,
// {\o}, {\ae}, --, \&, {\textendash}, …), but not all of it: {\aa} and {\AA} — the letter
// Norwegian needs most — come out as "\aa", and so do a few other commands Better BibTeX, JabRef
// and Google Scholar write. This module decodes what it leaves, before and after it parses.

/** Commands without an argument, as the character they stand for. */
const symbols: Record<string, string> = {
  aa: 'å',
  AA: 'Å',
  dots: '…',
  ldots: '…',
  textellipsis: '…',
  S: '§',
  P: '¶',
  pounds: '£',
  slash: '/',
  hyphen: '-',
  nobreakspace: '\u00a0',
  textnbsp: '\u00a0',
  // Math-mode symbols (inside $…$) citation-js leaves as commands.
  pm: '±',
  mp: '∓',
  geq: '≥',
  ge: '≥',
  leq: '≤',
  le: '≤',
  neq: '≠',
  ne: '≠',
  approx: '≈',
  sim: '∼',
  times: '×',
  cdot: '·',
  infty: '∞',
  rightarrow: '→',
  to: '→',
  leftarrow: '←',
  degree: '°',
  prime: '′',
};

/** Commands that only steer TeX and print nothing. */
const silent = ['relax', 'protect', 'noindent', 'ignorespaces', 'xspace'];

/** Commands whose one argument is printed as it is. */
const transparent = [
  'textnormal',
  'textmd',
  'textlf',
  'mbox',
  'hbox',
  'text',
  'mathrm',
  'ensuremath',
];

const symbolPattern = new RegExp(
  String.raw`\{\\(${Object.keys(symbols).join('|')})\}|\\(${Object.keys(symbols).join('|')})(?![A-Za-z])(?:\{\}| )?`,
  'g',
);
const silentPattern = new RegExp(String.raw`\\(?:${silent.join('|')})(?![A-Za-z]) ?`, 'g');
const transparentPattern = new RegExp(String.raw`\\(?:${transparent.join('|')})\{([^{}]*)\}`, 'g');

/**
 * Rewrites the LaTeX citation-js does not decode into the characters it stands for, in BibTeX
 * source text. Lines are kept (nothing adds or removes a line break), so places stay right.
 */
export function decodeLatexLeftovers(text: string): string {
  return (
    text
      // {\noopsort{…}} only steers sorting in BibTeX; it prints nothing.
      .replace(/\{\\noopsort\{[^{}]*\}\}|\\noopsort\{[^{}]*\}/g, '')
      .replace(
        symbolPattern,
        (_match, braced: string | undefined, bare: string | undefined) =>
          symbols[(braced ?? bare)!]!,
      )
      .replace(silentPattern, '')
      .replace(transparentPattern, '$1')
      // Spacing commands: thin and medium spaces, a control space, the end-of-sentence marker.
      .replace(/\\[,;:]/g, ' ')
      .replace(/\\@|\\\//g, '')
      .replace(/\\ /g, ' ')
      // A discretionary hyphen marks where TeX may break the word; the word itself has none.
      .replace(/\\-/g, '')
  );
}

/**
 * Tidies a string citation-js decoded: an accent on a dotless i or j ({\'\i}, \"{\i}) becomes the
 * accented i or j, and combining accents are composed (NFC), so that "é" is one character.
 */
export function normalizeDecodedText(text: string): string {
  return text
    .replace(/ı(?=[\u0300-\u036f])/g, 'i')
    .replace(/ȷ(?=[\u0300-\u036f])/g, 'j')
    .normalize('NFC');
}

/** Applies `normalizeDecodedText` to every string of a parsed value (CSL item, name list, date). */
export function normalizeDecodedValue<T>(value: T): T {
  if (typeof value === 'string') return normalizeDecodedText(value) as T;
  if (Array.isArray(value)) return value.map((item) => normalizeDecodedValue(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, normalizeDecodedValue(item)]),
    ) as T;
  }
  return value;
}
