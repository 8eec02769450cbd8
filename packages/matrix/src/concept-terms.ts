import type { MatrixConcept } from './types.js';

// Norwegian (and English) inflection endings a word form may carry: "tillit" → "tilliten",
// "relasjon" → "relasjonen", "relasjonene", "maktubalanse" → "maktubalansen", "balanser",
// "empathy" → "empathy's". A term ending in "*" matches any continuation instead
// ("anerkjenn*" → "anerkjennelse", "anerkjent" needs its own form).
const inflection = "(?:e|en|et|a|er|ene|ens|ets|es|s|n|r|ne|ns|rs|ers|\u2019s|'s)?";

/**
 * Compiles a concept's word forms (nb and en) into a function that returns the forms found in a
 * text: lower-cased, unique, sorted. Matching is case-insensitive and on whole words.
 */
export function compileConceptTerms(
  concept: MatrixConcept,
): (text: string, lowerCaseText?: string) => string[] {
  const forms = [...(concept.terms?.nb ?? []), ...(concept.terms?.en ?? [])]
    .map((term) => term.trim())
    .filter((term) => term !== '' && term !== '*');
  if (forms.length === 0) return () => [];
  const alternatives = forms
    .map((term) => {
      const prefix = term.endsWith('*');
      const body = (prefix ? term.slice(0, -1) : term)
        .split(/\s+/)
        .map((word) =>
          word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, '[-\u2010\u2011\u2013]?'),
        )
        .join('\\s+');
      return prefix ? `${body}\\p{L}*` : `${body}${inflection}`;
    })
    // Longer forms first, so that "aktiv lytting" wins over "aktiv".
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  // Any match contains the lower-cased start of one of the forms (up to its first space or hyphen):
  // a substring test on those rules out most paragraphs before the regular expression runs.
  const needles = forms.map((term) => term.replace(/\*$/, '').toLowerCase().split(/[\s-]/)[0]!);
  const prefilter = needles.every((needle) => needle !== '');
  return (text, lowerCaseText = text.toLowerCase()) => {
    if (prefilter && !needles.some((needle) => lowerCaseText.includes(needle))) return [];
    const found = new Set<string>();
    for (const match of text.matchAll(pattern))
      found.add(match[0].toLowerCase().replace(/\s+/g, ' '));
    return [...found].sort();
  };
}
