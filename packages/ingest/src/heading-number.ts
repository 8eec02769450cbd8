/** A heading's text split into its section number ("5.1") and the words after it. */
export interface HeadingLabel {
  number?: string;
  text: string;
}

const numbered = /^(\d{1,2}(?:\.\d{1,2}){0,5})\.?[ \t\u00a0]+(\S.*)$/u;

/** Splits "5.1 Relasjonens betydning" into number "5.1" and text; other headings have no number. */
export function splitHeadingNumber(heading: string): HeadingLabel {
  const match = numbered.exec(heading.trim());
  if (!match?.[1] || !match[2]) return { text: heading.trim() };
  return { number: match[1], text: match[2].trim() };
}

/**
 * The level a section number implies: "1.3.1" is 3; trailing zeros do not count, so "2.0" is a
 * chapter (level 1), as Norwegian theses often number chapters.
 */
export function levelOfNumber(number: string): number {
  const parts = number.split('.');
  while (parts.length > 1 && /^0+$/u.test(parts[parts.length - 1] ?? '')) parts.pop();
  return parts.length;
}
