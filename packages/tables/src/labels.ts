import type { Lang, Localized } from '@litsynth/common';
import { relationName, type Relation } from '@litsynth/matrix';
import type { SourceRecord } from '@litsynth/sources';

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

/**
 * A finding as a reader finds it in the article matrix: its number there and its short label,
 * with its page when known ("1. Relasjonen bærer hjelpen", "2. Tillit (s. 4)"), never its id.
 */
export function findingReference(
  record: Pick<SourceRecord, 'findings'>,
  findingId: string,
  lang: Lang,
): string {
  const index = record.findings.findIndex((finding) => finding.id === findingId);
  const finding = record.findings[index];
  if (finding === undefined) return findingId;
  const label = pick(finding.label, lang).replace(/[.:]$/, '');
  return `${index + 1}. ${label}${finding.page ? ` (${pageLabel(finding.page, lang)})` : ''}`;
}

/**
 * Where a paragraph of the discussion is: section number, page when the manuscript has pages, and
 * line ("5.1, s. 25, linje 1166" / "5.1, p. 25, line 1166").
 */
export function mentionPlace(
  mention: { section: string; line: number; page?: number },
  lang: Lang,
): string {
  const section = mention.section.split(' ')[0] ?? '';
  const page = mention.page === undefined ? '' : `${lang === 'nb' ? 's.' : 'p.'} ${mention.page}, `;
  return `${section ? `${section}, ` : ''}${page}${lang === 'nb' ? 'linje' : 'line'} ${mention.line}`;
}
