import type { Lang, Localized } from '@litsynth/common';
import type { Citation, Locator } from '@litsynth/citations';

// Rules about how a citation is written (not what it points to). Each returns the problem's
// message and suggestion, or null when the form is right.

/** A problem of form, with the text to write instead where there is one. */
export interface FormProblem {
  message: Localized;
  suggestion?: Localized;
}

const pageLabels = new Set([
  's',
  's.',
  's,',
  'side',
  'sidene',
  'p',
  'p.',
  'pp',
  'pp.',
  'pp,',
  'p,',
  '',
]);

/** The locator as Norwegian APA writes it ("s. 31–33"), or null when the label is not a page. */
export function expectedLocator(locator: Locator, language: Lang): string | null {
  const label = locator.label.trim().toLowerCase();
  if (pageLabels.has(label)) {
    const value = locator.value.trim().replace(/\s*[-‐‑‒—―–]\s*/g, '–');
    if (language === 'en')
      return `${value.includes('–') || value.includes(',') ? 'pp.' : 'p.'} ${value}`;
    return `s. ${value}`;
  }
  // Chapters, paragraphs, sections of a law ("§ 11-7" is a name, not a range): only the spacing.
  return `${locator.label.trim()} ${locator.value.trim()}`;
}

/** Checks that a locator is written "s. 12" / "s. 31–33" (or "p."/"pp." in English). */
export function checkLocatorForm(locator: Locator, language: Lang): FormProblem | null {
  const expected = expectedLocator(locator, language);
  const written = locator.raw.trim();
  if (expected === null || written === expected) return null;
  return {
    message: {
      nb: `Sidetallet «${written}» er ikke skrevet på norsk APA-måte.`,
      en: `The page "${written}" is not written the APA way.`,
    },
    suggestion: { nb: `Skriv «${expected}».`, en: `Write "${expected}".` },
  };
}

/** Checks the connector: "&" only inside parentheses, "og"/"and" only in running text. */
export function checkConnector(citation: Citation): FormProblem | null {
  // "Nerdrum (gjengitt i Eide & Eide, 2005)": an "&" inside the parenthesis of a narrative citation is right.
  const outside = citation.raw.split('(')[0] ?? citation.raw;
  if (citation.connector === '&' && citation.form === 'narrative' && outside.includes('&')) {
    return {
      message: {
        nb: '«&» brukes bare inne i parentes; i løpende tekst skrives «og».',
        en: '"&" is used only inside parentheses; running text has "and" ("og").',
      },
      suggestion: { nb: 'Bytt «&» med «og».', en: 'Replace "&" with "and" ("og").' },
    };
  }
  if (
    (citation.connector === 'og' || citation.connector === 'and') &&
    citation.form === 'parenthetical'
  ) {
    return {
      message: {
        nb: `Inne i parentes skrives «&», ikke «${citation.connector}».`,
        en: `Inside parentheses write "&", not "${citation.connector}".`,
      },
      suggestion: {
        nb: `Bytt «${citation.connector}» med «&».`,
        en: `Replace "${citation.connector}" with "&".`,
      },
    };
  }
  return null;
}

// A name (or "et al.") followed directly by spaces: "Eide & Eide 2005" lacks the comma before the year.
const authorThenSpace = /[\p{L}.]\s+$/u;

/**
 * Checks the punctuation APA prescribes inside a citation: a comma and a space between author and
 * year and between year and page, and no comma between a narrative author and the parenthesis.
 */
export function checkPunctuation(citation: Citation, language: Lang = 'nb'): FormProblem | null {
  const raw = citation.raw;
  const problems: Localized[] = [];
  if (citation.form === 'narrative' && /,\s*\(/.test(raw)) {
    problems.push({ nb: 'komma foran parentesen', en: 'a comma before the parenthesis' });
  }
  // The part about the source read: secondary citations name the original without a comma by custom.
  const marker = citation.secondary ? raw.indexOf(citation.secondary.marker) : -1;
  // A title cited as author keeps its own punctuation ("Hvilke tiltak finnes?," 2017) and years.
  const sourceRead =
    marker >= 0 && citation.secondary ? raw.slice(marker + citation.secondary.marker.length) : raw;
  const read = sourceRead.replace(/^["“”«„][^"“”«»„]*?(,?)["“”»]/u, 'Title$1');
  const yearAt = citation.year === null ? -1 : read.lastIndexOf(citation.year);
  if (
    citation.form === 'parenthetical' &&
    !citation.yearOnly &&
    yearAt > 0 &&
    authorThenSpace.test(read.slice(0, yearAt))
  ) {
    problems.push({
      nb: 'komma mangler mellom forfatter og år',
      en: 'no comma between author and year',
    });
  }
  if (/,(?=\S)/.test(read.replace(/\d,\d/g, ''))) {
    problems.push({ nb: 'mellomrom mangler etter komma', en: 'no space after a comma' });
  }
  if (citation.year !== null && citation.locator) {
    const between = raw.slice(
      raw.indexOf(citation.year) + citation.year.length,
      raw.lastIndexOf(citation.locator.raw),
    );
    if (
      citation.year &&
      raw.includes(citation.year) &&
      raw.includes(citation.locator.raw) &&
      !/^,\s+$/.test(between)
    ) {
      problems.push({
        nb: 'komma og mellomrom skal stå mellom år og sidetall',
        en: 'a comma and a space belong between year and page',
      });
    }
  }
  if (problems.length === 0) return null;
  const written = citation.secondary || citation.yearOnly ? null : apaForm(citation, language);
  return {
    message: {
      nb: `Tegnsetting i henvisningen: ${problems.map((problem) => problem.nb).join('; ')}.`,
      en: `Punctuation of the citation: ${problems.map((problem) => problem.en).join('; ')}.`,
    },
    ...(written ? { suggestion: { nb: `Skriv ${written}.`, en: `Write ${written}.` } } : {}),
  };
}

/** The citation as APA punctuates it: "(Dalland, 2017, s. 52)", "Natland et al. (2019)". */
function apaForm(citation: Citation, language: Lang): string | null {
  if (citation.authors.length === 0 || citation.year === null) return null;
  const parenthetical = citation.form === 'parenthetical';
  const connector = parenthetical ? '&' : language === 'en' ? 'and' : 'og';
  const names = citation.etAl
    ? `${citation.authors[0]} ${citation.etAl}`
    : citation.authors.length <= 2
      ? citation.authors.join(` ${connector} `)
      : `${citation.authors.slice(0, -1).join(', ')} ${connector} ${citation.authors.at(-1)}`;
  const locator = citation.locator
    ? `, ${expectedLocator(citation.locator, language) ?? citation.locator.raw}`
    : '';
  return parenthetical
    ? `(${names}, ${citation.year}${locator})`
    : `${names} (${citation.year}${locator})`;
}

const particles = new Set([
  'van',
  'von',
  'de',
  'da',
  'di',
  'du',
  'le',
  'la',
  'der',
  'den',
  'ten',
  'ter',
  'af',
  'av',
]);

/**
 * Checks how a secondary citation names the original: by family name only, with its year, as in
 * "(Kierkegaard, 1859, sitert i Melberg, 2017)".
 */
export function checkSecondaryForm(citation: Citation): FormProblem | null {
  const secondary = citation.secondary;
  if (!secondary) return null;
  const problems: Localized[] = [];
  if (secondary.authors.length === 0) {
    problems.push({
      nb: 'originalforfatteren er ikke nevnt i henvisningen',
      en: 'the original author is not named in the citation',
    });
  }
  const withGivenName = secondary.authors.filter((name) => {
    const words = name.trim().split(/\s+/);
    return (
      words.length >= 2 &&
      /^\p{Lu}\p{Ll}+$/u.test(words[0] ?? '') &&
      !particles.has((words[0] ?? '').toLowerCase()) &&
      !/\b(og|and|for|i)\b/.test(name)
    );
  });
  for (const name of withGivenName) {
    const family = name.trim().split(/\s+/).pop() ?? name;
    problems.push({
      nb: `skriv bare etternavnet: «${family}», ikke «${name}»`,
      en: `write the family name only: "${family}", not "${name}"`,
    });
  }
  if (secondary.authors.length > 0 && secondary.year === null) {
    problems.push({
      nb: 'originalverkets årstall mangler',
      en: 'the year of the original is missing',
    });
  }
  if (problems.length === 0) return null;
  const original =
    secondary.authors.map((name) => name.trim().split(/\s+/).pop()).join(' & ') || 'Forfatter';
  const read = citation.authors.join(' & ');
  return {
    message: {
      nb: `Sekundærhenvisningen er ikke skrevet etter APA: ${problems.map((problem) => problem.nb).join('; ')}.`,
      en: `The secondary citation is not written the APA way: ${problems.map((problem) => problem.en).join('; ')}.`,
    },
    suggestion: {
      nb: `Skriv (${original}, årstall, ${secondary.marker} ${read}, ${citation.year ?? 'årstall'}).`,
      en: `Write (${original}, year, as cited in ${read}, ${citation.year ?? 'year'}).`,
    },
  };
}
