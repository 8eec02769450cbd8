import { yearLabel } from '@litsynth/bibliography';
import type { Lang } from '@litsynth/common';
import type { MatrixRecord } from './types.js';

type Item = MatrixRecord['entry']['item'];

/** The family names (or corporate names) of an entry's authors, in order. */
export function authorNames(item: Item): string[] {
  return (item.author ?? [])
    .map((name) => name.family ?? name.literal ?? '')
    .filter((name) => name !== '');
}

/**
 * The year of an entry as written in citations ("2019"); "u.å."/"n.d." only for a work that has no
 * date, and "år mangler"/"year missing" when its year is not known.
 */
export function entryYear(item: Item, lang: Lang): string {
  return yearLabel(item)[lang];
}

/**
 * The narrative author–date form of an entry as APA 7 writes it in running text:
 * "Natland et al. (2019)", "Lundberg og Syltevik (2013)" (nb) / "Lundberg and Syltevik (2013)" (en).
 */
export function narrativeCitation(item: Item, lang: Lang): string {
  const names = authorNames(item);
  const and = lang === 'nb' ? 'og' : 'and';
  let authors: string;
  if (names.length === 0) authors = lang === 'nb' ? 'Ukjent forfatter' : 'Unknown author';
  else if (names.length === 1) authors = names[0]!;
  else if (names.length === 2) authors = `${names[0]} ${and} ${names[1]}`;
  // norsk-apa-manual writes "et al." in Norwegian too (see docs/decisions/matrix-discussion-map.md).
  else authors = `${names[0]} et al.`;
  return `${authors} (${entryYear(item, lang)})`;
}
