import type { Lang, Localized } from '@litsynth/common';
import { relationName, type Relation } from '@litsynth/matrix';

/** Picks the text of a language. */
export function pick(text: Localized, lang: Lang): string {
  return text[lang];
}

/** "s. 92" / "p. 92"; "pp." for a range in English. */
export function pageLabel(page: string, lang: Lang): string {
  if (lang === 'nb') return `s. ${page}`;
  return /[-–]/.test(page) ? `pp. ${page}` : `p. ${page}`;
}

/** The relation's name in a language ("støtter"). */
export function relationLabel(relation: Relation, lang: Lang): string {
  return relationName(relation)[lang];
}

/** The mark of a value the thesis does not give. */
export const notStated = '–';

/** The note that explains `notStated`. */
export const notStatedNote: Localized = {
  nb: '– = ikke oppgitt i oppgaven.',
  en: '– = not stated in the thesis.',
};

/** A short finding label: the id without its record prefix ("natland2019-f1" → "f1"). */
export function shortFindingId(findingId: string, recordId: string): string {
  return findingId.startsWith(`${recordId}-`) ? findingId.slice(recordId.length + 1) : findingId;
}

/**
 * Where a paragraph of the discussion is: section number, page when the manuscript has pages, and
 * line ("5.1, s. 25, linje 1166" / "5.1, p. 25, line 1166").
 */
export function mentionPlace(mention: { section: string; line: number; page?: number }, lang: Lang): string {
  const section = mention.section.split(' ')[0] ?? '';
  const page = mention.page === undefined ? '' : `${lang === 'nb' ? 's.' : 'p.'} ${mention.page}, `;
  return `${section ? `${section}, ` : ''}${page}${lang === 'nb' ? 'linje' : 'line'} ${mention.line}`;
}
