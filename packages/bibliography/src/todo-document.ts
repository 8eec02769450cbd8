import type { Lang, Localized } from '@litsynth/common';
import { escapeHtml, escapeMarkdown } from './citeproc-html.js';
import type {
  CheckEntry,
  CitedYear,
  ReferenceListFormat,
  TodoEntry,
  VerificationStatus,
} from './types.js';
import { verificationText } from './verification-text.js';

/** Everything the to-do says, in both languages. */
export const todoLabels = {
  heading: { nb: 'Referanser som må fullføres', en: 'References to complete' },
  intro: (count: number): Localized => ({
    nb: `${count === 1 ? 'Denne referansen er' : `Disse ${count} referansene er`} ikke med i litteraturlisten, fordi ${count === 1 ? 'den' : 'de'} mangler opplysninger. Fyll inn det som mangler på linjen som er oppgitt, og lag listen på nytt.`,
    en: `${count === 1 ? 'This reference is' : `These ${count} references are`} not in the reference list, because ${count === 1 ? 'it lacks' : 'they lack'} data. Fill in what is missing at the line given, and make the list again.`,
  }),
  line: { nb: 'linje', en: 'line' },
  missing: { nb: 'Mangler', en: 'Missing' },
  confirm: { nb: 'Bekreft', en: 'Confirm' },
  template: { nb: 'Mal', en: 'Template' },
  candidate: { nb: 'Mulig treff – bekreft', en: 'Possible match – confirm' },
  citedUnder: { nb: 'Sitert under flere år', en: 'Cited under several years' },
  citedAs: { nb: 'Sitert som', en: 'Cited as' },
  whichEdition: {
    nb: 'Er det samme verk i ulike utgaver? Oppgi utgaven du har lest, med dens år, overalt.',
    en: 'Is it one work in several editions? Give the edition you read, with its year, everywhere.',
  },
  noYear: { nb: 'uten år', en: 'no year' },
  notes: { nb: 'Merknader', en: 'Notes' },
  evidence: { nb: 'Kilder', en: 'Sources' },
  checkHeading: {
    nb: 'I listen – kontroller mot verket',
    en: 'In the list – check against the work',
  },
  checkIntro: {
    nb: 'Disse referansene er med i litteraturlisten, men noen av opplysningene er ikke bekreftet. Kontroller dem mot verket før innlevering.',
    en: 'These references are in the reference list, but some of their data is not confirmed. Check them against the work before submission.',
  },
} as const;

/** How an entry's verification status is named in the to-do. */
export const statusNames: Record<VerificationStatus, Localized> = {
  verified: { nb: 'verifisert', en: 'verified' },
  'partly-verified': { nb: 'delvis verifisert', en: 'partly verified' },
  unverified: { nb: 'ikke verifisert', en: 'unverified' },
};

/** "2018 (linje 12, 40), 2020 (linje 88)". */
export function citedYearsText(years: readonly CitedYear[], lang: Lang): string {
  return years
    .map((cited) => {
      const year = cited.year === '' ? todoLabels.noYear[lang] : cited.year;
      return cited.lines.length
        ? `${year} (${todoLabels.line[lang]} ${cited.lines.join(', ')})`
        : year;
    })
    .join(', ');
}

interface TodoDocument {
  entries: readonly TodoEntry[];
  toCheck: readonly CheckEntry[];
  format: ReferenceListFormat;
  lang: Lang;
}

/** One to-do entry as labelled lines: label and text (the text already in the document's format). */
function entryLines(
  entry: TodoEntry,
  lang: Lang,
  escapeText: (text: string) => string,
): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  if (entry.missing.length)
    lines.push([
      todoLabels.missing[lang],
      escapeText(entry.missing.map((name) => name[lang]).join('; ')),
    ]);
  if (entry.unconfirmed.length)
    lines.push([
      todoLabels.confirm[lang],
      escapeText(entry.unconfirmed.map((name) => name[lang]).join('; ')),
    ]);
  if (entry.citedYears.length) {
    const several = new Set(entry.citedYears.map((cited) => cited.year)).size > 1;
    const text = citedYearsText(entry.citedYears, lang);
    lines.push([
      several ? todoLabels.citedUnder[lang] : todoLabels.citedAs[lang],
      escapeText(several ? `${text}. ${todoLabels.whichEdition[lang]}` : text),
    ]);
  }
  for (const template of entry.templates) {
    lines.push([
      template.kind
        ? `${todoLabels.template[lang]} (${template.kind[lang]})`
        : todoLabels.template[lang],
      template.text,
    ]);
  }
  for (const candidate of entry.candidates) {
    const notes = candidate.notes.map((note) => verificationText(note, lang)).join(' ');
    lines.push([
      todoLabels.candidate[lang],
      `${candidate.text}${notes ? ` ${escapeText(`(${notes})`)}` : ''}`,
    ]);
  }
  const notes = entry.notes.map((note) => verificationText(note, lang)).join(' ');
  if (notes) lines.push([todoLabels.notes[lang], escapeText(notes)]);
  return lines;
}

function placeText(
  entry: { origin: { file: string; line: number }; status?: VerificationStatus },
  lang: Lang,
): string {
  const status =
    entry.status && entry.status !== 'verified' ? ` · ${statusNames[entry.status][lang]}` : '';
  return `${entry.origin.file}, ${todoLabels.line[lang]} ${entry.origin.line}${status}`;
}

/**
 * The to-do as a document in Markdown, plain text or HTML: per incomplete entry what is missing,
 * what to confirm, the years it is cited under, a template in the style's form, the possible
 * matches and the notes; then the listed entries to check. Empty when there is nothing to do.
 */
export function renderTodoDocument({ entries, toCheck, format, lang }: TodoDocument): string {
  if (entries.length === 0 && toCheck.length === 0) return '';
  const checkLine = (entry: CheckEntry) => {
    const notes = entry.notes.map((note) => verificationText(note, lang)).join(' ');
    return { title: entry.citedAs[lang], place: placeText(entry, lang), notes };
  };
  if (format === 'html') {
    const parts = [
      `<section class="references-todo">`,
      `<h2>${escapeHtml(todoLabels.heading[lang])}</h2>`,
    ];
    if (entries.length) parts.push(`<p>${escapeHtml(todoLabels.intro(entries.length)[lang])}</p>`);
    for (const entry of entries) {
      parts.push(
        `<article data-id="${escapeHtml(entry.id)}">`,
        `<h3>${escapeHtml(entry.citedAs[lang])}</h3>`,
        `<p class="place">${escapeHtml(placeText(entry, lang))}</p>`,
        '<ul>',
        ...entryLines(entry, lang, escapeHtml).map(
          ([label, text]) => `  <li><strong>${escapeHtml(label)}:</strong> ${text}</li>`,
        ),
        '</ul>',
        '</article>',
      );
    }
    if (toCheck.length) {
      parts.push(
        `<h3>${escapeHtml(todoLabels.checkHeading[lang])}</h3>`,
        `<p>${escapeHtml(todoLabels.checkIntro[lang])}</p>`,
        '<ul>',
      );
      for (const entry of toCheck) {
        const line = checkLine(entry);
        parts.push(
          `  <li><strong>${escapeHtml(line.title)}</strong> (${escapeHtml(line.place)})${line.notes ? `: ${escapeHtml(line.notes)}` : ''}</li>`,
        );
      }
      parts.push('</ul>');
    }
    parts.push('</section>', '');
    return parts.join('\n');
  }
  const md = format === 'md';
  const escapeText = md ? escapeMarkdown : (text: string) => text;
  const lines: string[] = [md ? `# ${todoLabels.heading[lang]}` : todoLabels.heading[lang], ''];
  if (entries.length) lines.push(todoLabels.intro(entries.length)[lang], '');
  for (const entry of entries) {
    lines.push(md ? `## ${escapeText(entry.citedAs[lang])}` : entry.citedAs[lang], '');
    lines.push(md ? escapeText(placeText(entry, lang)) : `  ${placeText(entry, lang)}`, '');
    for (const [label, text] of entryLines(entry, lang, escapeText))
      lines.push(md ? `- **${label}:** ${text}` : `  ${label}: ${text}`);
    lines.push('');
  }
  if (toCheck.length) {
    lines.push(
      md ? `## ${todoLabels.checkHeading[lang]}` : todoLabels.checkHeading[lang],
      '',
      todoLabels.checkIntro[lang],
      '',
    );
    for (const entry of toCheck) {
      const line = checkLine(entry);
      lines.push(
        md
          ? `- **${escapeText(line.title)}** (${escapeText(line.place)})${line.notes ? `: ${escapeText(line.notes)}` : ''}`
          : `  ${line.title} (${line.place})${line.notes ? `: ${line.notes}` : ''}`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
