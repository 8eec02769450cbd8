/**
 * Folds case, diacritics and Norwegian letters, for comparing names and titles; the Unicode
 * hyphens (U+2010, U+2011) that Word and PDFs put in names ("Galiano‐Castillo") become "-".
 */
export function foldText(text: string): string {
  return text
    .replace(/[\u2010\u2011]/g, '-')
    .toLocaleLowerCase('nb')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
