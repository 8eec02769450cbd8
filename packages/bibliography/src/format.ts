import type { Lang } from '@litsynth/common';
import { normalizeDoi } from './doi.js';
import { renderBibliography } from './render-list.js';
import { defaultLocaleFor, defaultStyle, resolveLocale, resolveStyle } from './styles.js';
import type { BibEntry, CslItem, FormatReferenceListOptions, FormattedEntry, ReferenceList, VerificationStatus } from './types.js';

const statusLabel: Record<Exclude<VerificationStatus, 'verified'>, Record<Lang, string>> = {
  unverified: { nb: 'ikke verifisert', en: 'unverified' },
  'partly-verified': { nb: 'delvis verifisert', en: 'partly verified' },
};

const headings = {
  list: { nb: 'Litteraturliste', en: 'References' },
  notes: { nb: 'Referanser som ikke er fullt verifisert', en: 'References not fully verified' },
  notesIntro: {
    nb: 'Disse referansene mangler opplysninger ingen kilde har bekreftet. Sjekk dem mot verket selv før innlevering.',
    en: 'These references lack data no source has confirmed. Check them against the work itself before submission.',
  },
};

/** The CSL item handed to citeproc: DOI without its URL prefix (the style writes https://doi.org/ itself). */
export function toCiteprocItem(entry: BibEntry): CslItem {
  const item: CslItem = { ...entry.item, id: entry.id };
  if (typeof item.DOI === 'string') {
    const doi = normalizeDoi(item.DOI);
    if (doi) item.DOI = doi;
  }
  return item;
}

/** Whether an entry carries a verification block that is not `verified`. */
function unverifiedStatus(entry: BibEntry): Exclude<VerificationStatus, 'verified'> | undefined {
  const status = entry.verification?.status;
  return status === 'unverified' || status === 'partly-verified' ? status : undefined;
}

/**
 * Formats a reference list with citeproc (through citation-js): style `norsk-apa-manual` and locale
 * `nb-NO` by default. Entries that are not verified are marked, and listed with their notes after
 * the list, so that an incomplete entry is never presented as complete.
 */
export async function formatReferenceList(entries: readonly BibEntry[], options: FormatReferenceListOptions = {}): Promise<ReferenceList> {
  const style = resolveStyle(options.style ?? defaultStyle);
  const locale = resolveLocale(options.locale ?? defaultLocaleFor(options.style ?? defaultStyle));
  const format = options.format ?? 'md';
  const lang: Lang = options.lang ?? (/^(nb|nn|no)\b/.test(locale.name) ? 'nb' : 'en');
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const rendered = await renderBibliography(entries.map(toCiteprocItem), {
    style,
    locale,
    format: format === 'text' ? 'text' : 'html',
    hyperlinks: format === 'html',
    ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
  });
  const formatted: FormattedEntry[] = rendered.map(({ id, text: raw }) => {
    const entry = byId.get(id);
    const status = entry ? unverifiedStatus(entry) : undefined;
    const body = format === 'text' ? raw.trim() : format === 'md' ? citeprocHtmlToMarkdown(entryInner(raw)) : entryInner(raw);
    const marker = status ? ` [${statusLabel[status][lang]}]` : '';
    const text = format === 'html' && status ? `${body} <span class="litsynth-unverified">${escapeHtml(marker.trim())}</span>` : `${body}${marker}`;
    return { id, text, unverified: status !== undefined };
  });
  const notes = formatted
    .filter((entry) => entry.unverified)
    .map((entry) => {
      const source = byId.get(entry.id)!;
      return { id: entry.id, status: unverifiedStatus(source)!, notes: source.verification?.notes ?? [] };
    });
  return { output: renderDocument(formatted, notes, format, lang), entries: formatted };
}

interface EntryNote {
  id: string;
  status: Exclude<VerificationStatus, 'verified'>;
  notes: string[];
}

function renderDocument(entries: FormattedEntry[], notes: EntryNote[], format: 'md' | 'html' | 'text', lang: Lang): string {
  const label = (note: EntryNote) => statusLabel[note.status][lang];
  if (format === 'html') {
    const list = entries
      .map((entry) => `  <div class="csl-entry" data-id="${escapeHtml(entry.id)}" style="padding-left: 2em; text-indent: -2em;">${entry.text}</div>`)
      .join('\n');
    const noteItems = notes
      .map((note) => `  <li><code>${escapeHtml(note.id)}</code> (${escapeHtml(label(note))})${note.notes.length ? `: ${note.notes.map(escapeHtml).join(' ')}` : ''}</li>`)
      .join('\n');
    return [
      `<h2>${headings.list[lang]}</h2>`,
      `<div class="csl-bib-body" style="line-height: 2;">`,
      list,
      `</div>`,
      ...(notes.length ? [`<h3>${headings.notes[lang]}</h3>`, `<p>${headings.notesIntro[lang]}</p>`, '<ul>', noteItems, '</ul>'] : []),
      '',
    ].join('\n');
  }
  if (format === 'md') {
    const noteItems = notes.map(
      (note) => `- \`${note.id}\` (${label(note)})${note.notes.length ? `: ${note.notes.map(escapeMarkdown).join(' ')}` : ''}`,
    );
    return [
      `# ${headings.list[lang]}`,
      '',
      ...entries.flatMap((entry) => [entry.text, '']),
      ...(notes.length ? [`## ${headings.notes[lang]}`, '', headings.notesIntro[lang], '', ...noteItems, ''] : []),
    ].join('\n');
  }
  const noteLines = notes.map((note) => `- ${note.id} (${label(note)})${note.notes.length ? `: ${note.notes.join(' ')}` : ''}`);
  return [
    headings.list[lang],
    '',
    ...entries.flatMap((entry) => [entry.text, '']),
    ...(notes.length ? [headings.notes[lang], '', headings.notesIntro[lang], '', ...noteLines, ''] : []),
  ].join('\n');
}

/** The content of citeproc's `<div class="csl-entry">…</div>` without the wrapper. */
function entryInner(html: string): string {
  return html
    .trim()
    .replace(/^<div\b[^>]*>/, '')
    .replace(/<\/div>$/, '')
    .trim();
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return entities[name.toLowerCase()] ?? entity;
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escapes what Markdown would read as emphasis or code; URLs stay as they are, so that they still work when pasted. */
function escapeMarkdown(text: string): string {
  return text
    .split(/(https?:\/\/\S+)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/([\\*_`<>])/g, '\\$1')))
    .join('');
}

/**
 * Converts citeproc's HTML for one entry (only i, b, span, a, sup, sub) to Markdown:
 * italics as *…*, bold as **…**, links as their URL, text escaped.
 */
export function citeprocHtmlToMarkdown(html: string): string {
  let output = '';
  const open: string[] = [];
  // Markdown emphasis may not start or end with a space: an opening mark waits for the first
  // non-space text, a closing mark goes before the trailing spaces.
  let pending = '';
  for (const token of html.split(/(<[^>]+>)/)) {
    if (token === '') continue;
    const tag = /^<(\/?)([a-z0-9]+)\b([^>]*)>$/i.exec(token);
    if (!tag) {
      const text = escapeMarkdown(decodeEntities(token));
      const leading = /^\s*/.exec(text)![0];
      if (pending && leading.length < text.length) {
        output += `${leading}${pending}${text.slice(leading.length)}`;
        pending = '';
      } else output += text;
      continue;
    }
    const closing = tag[1] === '/';
    const name = tag[2]!.toLowerCase();
    const attributes = tag[3] ?? '';
    const mark = name === 'i' || name === 'em' ? '*' : name === 'b' || name === 'strong' ? '**' : name === 'span' && /font-style:\s*italic/.test(attributes) ? '*' : '';
    if (!closing) {
      open.push(mark);
      pending += mark;
      continue;
    }
    const closingMark = open.pop() ?? '';
    if (pending.endsWith(closingMark) && closingMark !== '') {
      // An empty span: drop its marks.
      pending = pending.slice(0, pending.length - closingMark.length);
      continue;
    }
    const trailing = /\s*$/.exec(output)![0];
    output = `${output.slice(0, output.length - trailing.length)}${closingMark}${trailing}`;
  }
  return output;
}
