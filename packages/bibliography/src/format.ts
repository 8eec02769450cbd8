import { LitsynthError, type Lang, type Localized } from '@litsynth/common';
import { isUndated, itemForList, type ItemFormOptions } from './apa-forms.js';
import { entryCompleteness, entryGaps, fillGaps, gapsAs, templateKinds } from './completeness.js';
import { normalizeDoi } from './doi.js';
import { foldText } from './fold-text.js';
import { assignYearSuffixes, entryNames, entryYear } from './names.js';
import { groupKey, type RenderSettings, renderBibliography } from './render-list.js';
import { defaultLocaleFor, defaultStyle, resolveLocale, resolveStyle } from './styles.js';
import { renderTodoDocument } from './todo-document.js';
import type { EntryTree } from './types.js';
import type {
  BibEntry,
  CheckEntry,
  CitationUse,
  CitedYear,
  CslItem,
  FormatReferenceListOptions,
  FormattedEntry,
  ReferenceCandidate,
  ReferenceList,
  ReferenceListFormat,
  TodoEntry,
} from './types.js';

/** The CSL item handed to citeproc: DOI without its URL prefix (the style writes https://doi.org/ itself). */
export function toCiteprocItem(entry: BibEntry): CslItem {
  const item: CslItem = { ...entry.item, id: entry.id };
  if (typeof item.DOI === 'string') {
    const doi = normalizeDoi(item.DOI);
    if (doi) item.DOI = doi;
  }
  return item;
}

/**
 * Most entries formatted into one list: citeproc takes about 3 ms an entry, so 2,000 take 6 s.
 * A thesis cites far fewer; only `litsynth bib --all` on a large library comes near.
 */
export const maxListEntries = 2000;
/**
 * Most works of one first author and year in a list (render-list.ts renders them together): citeproc
 * tells them apart (a/b letters, given names) in time that grows with the square of their number;
 * 100 take about 1 s, 2,000 took minutes.
 */
export const maxWorksPerAuthorYear = 100;

function filesOf(entries: readonly BibEntry[]): string {
  const files = [...new Set(entries.map((entry) => entry.origin.file))];
  return files.length > 3 ? `${files.slice(0, 3).join(', ')}, …` : files.join(', ');
}

/** Refuses, before any formatting, a list too large to format in reasonable time (exit 2, naming the files). */
function refuseUnformattable(entries: readonly BibEntry[]): void {
  if (entries.length > maxListEntries) {
    const count = entries.length;
    throw new LitsynthError(
      'too-large',
      `The reference list would have ${count.toLocaleString('en-US')} entries; litsynth formats at most ${maxListEntries.toLocaleString('en-US')} at once (list the cited works, without --all).`,
      {
        file: filesOf(entries),
        messageNb: `Referanselisten ville fått ${count.toLocaleString('nb-NO')} referanser; litsynth formaterer høyst ${maxListEntries.toLocaleString('nb-NO')} om gangen (list de siterte verkene, uten --all).`,
      },
    );
  }
  const groups = new Map<string, BibEntry[]>();
  for (const entry of entries) {
    const key = groupKey(entry.item);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  for (const group of groups.values()) {
    if (group.length <= maxWorksPerAuthorYear) continue;
    const first = group[0]!;
    const who = `${entryNames(first)[0] ?? first.item.title ?? first.id}, ${entryYear(first)}`;
    throw new LitsynthError(
      'too-large',
      `${group.length.toLocaleString('en-US')} works have the same first author and year (${who}); a reference list can tell at most ${maxWorksPerAuthorYear} apart.`,
      {
        file: filesOf(group),
        line: first.origin.line,
        messageNb: `${group.length.toLocaleString('nb-NO')} verk har samme førsteforfatter og år (${who}); en referanseliste kan skille høyst ${maxWorksPerAuthorYear} fra hverandre.`,
      },
    );
  }
}

/** Whether a style is an APA style, by its id or its title: the APA rules of apa-forms.ts apply. */
function isApaStyle(id: string, xml: string): boolean {
  return /\bapa\b/i.test(id) || /<title>[^<]*\bAPA\b/i.test(xml);
}

/** The reference list's writers (list-trees.ts), loaded on first use. */
export function loadReferenceWriters(): Promise<typeof import('./list-trees.js')> {
  return import('./list-trees.js');
}

/**
 * Formats a reference list with citeproc (through citation-js): style `norsk-apa-manual` and locale
 * `nb-NO` by default. The list holds only complete entries, with no marker: an entry that lacks a
 * field the style needs, has a field no record confirms, or is unverified goes to the to-do
 * instead, with what is missing, a template in the style's form, the works the records name as
 * possible matches, and the years it is cited under. Entries are rendered together, so that a/b
 * letters agree with the check's even when a namesake is left out of the list.
 */
export async function formatReferenceList(
  entries: readonly BibEntry[],
  options: FormatReferenceListOptions = {},
): Promise<ReferenceList> {
  refuseUnformattable(entries);
  const writers = await loadReferenceWriters();
  const styleId = options.style ?? defaultStyle;
  const style = resolveStyle(styleId);
  const locale = resolveLocale(options.locale ?? defaultLocaleFor(styleId));
  const format = options.format ?? 'md';
  const lang: Lang = options.lang ?? (/^(nb|nn|no)\b/.test(locale.name) ? 'nb' : 'en');
  const form: ItemFormOptions = { apa: isApaStyle(styleId, style.xml), locale: locale.name };
  // Placeholders stand inside the rendered entry: in the style's language, not the messages'.
  const placeholderLang: Lang = /^(nb|nn|no)\b/.test(locale.name) ? 'nb' : 'en';
  const settings: RenderSettings = {
    style,
    locale,
    format: 'html',
    hyperlinks: true,
    ...(options.platform === undefined ? {} : { platform: options.platform }),
  };
  const states = new Map(
    entries.map((entry) => [entry.id, { entry, completeness: entryCompleteness(entry) }]),
  );

  // Complete entries as they are, the others as templates: one rendering, one order, one set of letters.
  const unknownKind = (id: string) =>
    states.get(id)!.completeness.gaps.some((gap) => gap.field === 'type');
  const asTemplate = (entry: BibEntry, kind: number): CslItem => {
    const item = toCiteprocItem(entry);
    const { completeness } = states.get(entry.id)!;
    if (!unknownKind(entry.id))
      return itemForList(fillGaps(item, completeness.gaps, placeholderLang), form);
    const type = templateKinds(item)[kind]!.type;
    return itemForList(fillGaps({ ...item, type }, gapsAs(entry, type), placeholderLang), form);
  };
  const rendered = await renderBibliography(
    entries.map((entry) =>
      states.get(entry.id)!.completeness.complete
        ? itemForList(toCiteprocItem(entry), form)
        : asTemplate(entry, 0),
    ),
    settings,
  );
  const secondKinds = entries
    .filter((entry) => unknownKind(entry.id))
    .map((entry) => asTemplate(entry, 1));
  const secondTemplates = new Map(
    (await renderBibliography(secondKinds, settings)).map(({ id, text }) => [
      id,
      writers.entryTree(text),
    ]),
  );
  const candidates = await renderCandidates(
    entries,
    settings,
    form,
    placeholderLang,
    writers.entryTree,
  );
  const write = (tree: EntryTree, as: ReferenceListFormat) => writers.entryTreeTo(as, tree);

  const suffixes = assignYearSuffixes(entries);
  const uses = citationsByKey(options.citations ?? []);
  const listed: FormattedEntry[] = [];
  const todo: TodoEntry[] = [];
  const toCheck: CheckEntry[] = [];
  const trees = new Map(rendered.map(({ id, text }) => [id, writers.entryTree(text)]));
  for (const { id } of rendered) {
    const { entry, completeness } = states.get(id)!;
    const tree = trees.get(id)!;
    const citedAs = citedForm(entry, suffixes.get(id));
    const notes = entry.verification?.notes ?? [];
    if (completeness.complete) {
      const partly = entry.verification?.status === 'partly-verified';
      listed.push({ id, tree, text: write(tree, format), unverified: partly });
      if (partly) toCheck.push({ id, citedAs, origin: entry.origin, notes });
      continue;
    }
    const kinds = unknownKind(id) ? templateKinds(entry.item) : [];
    const second = secondTemplates.get(id);
    const templates = kinds.length
      ? [
          { kind: kinds[0]!.label, text: write(tree, format), tree },
          ...(second === undefined
            ? []
            : [{ kind: kinds[1]!.label, text: write(second, format), tree: second }]),
        ]
      : [{ text: write(tree, format), tree }];
    const item: TodoEntry = {
      id,
      citedAs,
      origin: entry.origin,
      missing: [
        ...completeness.gaps.map((gap) => gap.name),
        ...(lacksDoi(entry.item) ? [doiIfAny] : []),
      ],
      unconfirmed: completeness.unconfirmed,
      templates,
      candidates: (candidates.get(id) ?? []).map((candidate) => ({
        ...candidate,
        text: write(candidate.tree, format),
      })),
      citedYears: citedYears(entry, entries, uses),
      notes,
    };
    if (entry.verification) item.status = entry.verification.status;
    todo.push(item);
  }
  const todoFormat = options.todoFormat ?? format;
  const todoEntries =
    todoFormat === format ? todo : todo.map((item) => reformatTodo(item, todoFormat, write));
  return {
    output: writers.referenceListDocument(listed, format, lang),
    entries: listed,
    todo: {
      output: renderTodoDocument({ entries: todoEntries, toCheck, format: todoFormat, lang }),
      entries: todo,
      toCheck,
    },
  };
}

/** A to-do entry with its templates and candidates in another format. */
function reformatTodo(
  item: TodoEntry,
  format: ReferenceListFormat,
  write: (tree: EntryTree, as: ReferenceListFormat) => string,
): TodoEntry {
  return {
    ...item,
    templates: item.templates.map((template) => ({
      ...template,
      text: write(template.tree, format),
    })),
    candidates: item.candidates.map((candidate) => ({
      ...candidate,
      text: write(candidate.tree, format),
    })),
  };
}

/**
 * The candidates the records name for each entry, rendered in the style's form with placeholders
 * for what they lack. The same work named for several entries is rendered once; works of one
 * author and year go to separate renderings, so that none gets an a/b letter from another.
 */
async function renderCandidates(
  entries: readonly BibEntry[],
  settings: RenderSettings,
  form: ItemFormOptions,
  lang: Lang,
  entryTree: (html: string) => EntryTree,
): Promise<Map<string, Array<Omit<ReferenceCandidate, 'text'>>>> {
  const unique = new Map<string, CslItem>();
  const owners: Array<{
    owner: string;
    key: string;
    evidence: ReferenceCandidate['evidence'];
    notes: ReferenceCandidate['notes'];
  }> = [];
  for (const entry of entries) {
    for (const candidate of entry.verification?.candidates ?? []) {
      // Given names a candidate's record does not give are not known: the template asks for them.
      const asEntry: BibEntry = {
        id: candidate.item.id,
        item: candidate.item,
        origin: entry.origin,
        verification: { status: 'unverified', evidence: [], notes: [] },
      };
      const gaps = entryGaps(asEntry).filter((gap) => gap.field !== 'type');
      const item = itemForList(fillGaps(toCiteprocItem(asEntry), gaps, lang), form);
      const { id: _id, ...fields } = item;
      const key = JSON.stringify(fields);
      if (!unique.has(key)) unique.set(key, { ...item, id: `candidate-${unique.size + 1}` });
      owners.push({ owner: entry.id, key, evidence: candidate.evidence, notes: candidate.notes });
    }
  }
  const batches: CslItem[][] = [];
  for (const item of unique.values()) {
    const group = groupOf(item);
    const batch = batches.find((members) => members.every((member) => groupOf(member) !== group));
    if (batch) batch.push(item);
    else batches.push([item]);
  }
  const trees = new Map<string, EntryTree>();
  for (const batch of batches)
    for (const { id, text } of await renderBibliography(batch, settings))
      trees.set(id, entryTree(text));
  const result = new Map<string, Array<Omit<ReferenceCandidate, 'text'>>>();
  for (const { owner, key, evidence, notes } of owners) {
    const tree = trees.get(unique.get(key)!.id) ?? [];
    result.set(owner, [...(result.get(owner) ?? []), { tree, evidence, notes }]);
  }
  return result;
}

/** A journal article without a DOI: its to-do asks for one with the rest (bib-missing-doi is not said again). */
function lacksDoi(item: CslItem): boolean {
  return (
    item.type === 'article-journal' && !(typeof item.DOI === 'string' && item.DOI.trim() !== '')
  );
}

const doiIfAny: Localized = {
  nb: 'DOI (om artikkelen har en)',
  en: 'DOI (if the article has one)',
};

/** First name and year: items of one group get a/b letters when rendered together. */
function groupOf(item: CslItem): string {
  const first = item.author?.[0] ?? item.editor?.[0];
  const name = first ? (first.literal ?? first.family ?? '') : (item.title ?? '');
  return `${foldText(String(name))}#${item.issued?.['date-parts']?.[0]?.[0] ?? item.issued?.literal ?? ''}`;
}

/** "Andreassen & Fossestøl (2011)", "Natland et al. (2019)", "Liseth & Tellemann (år mangler)". */
function citedForm(entry: BibEntry, suffix: string | undefined): Localized {
  const names = entryNames(entry);
  const authors =
    names.length === 0 ? entry.id : names.length <= 2 ? names.join(' & ') : `${names[0]} et al.`;
  if (isUndated(entry.item))
    return {
      nb: `${authors} (u.å.${suffix ? `-${suffix}` : ''})`,
      en: `${authors} (n.d.${suffix ? `-${suffix}` : ''})`,
    };
  const year = entryYear(entry);
  if (year === 'u.å.') return { nb: `${authors} (år mangler)`, en: `${authors} (year missing)` };
  return { nb: `${authors} (${year}${suffix ?? ''})`, en: `${authors} (${year}${suffix ?? ''})` };
}

function citationsByKey(citations: readonly CitationUse[]): Map<string, CitationUse[]> {
  const byKey = new Map<string, CitationUse[]>();
  for (const citation of citations)
    byKey.set(citation.key, [...(byKey.get(citation.key) ?? []), citation]);
  return byKey;
}

const namesKey = (entry: BibEntry) => entryNames(entry).map(foldText).join('|');
const titleKey = (entry: BibEntry) =>
  entry.item.title ? foldText(entry.item.title).replace(/[^a-z0-9]+/g, '') : '';

/**
 * The years a work is cited under: the years written in the citations of this entry, and the
 * years of other entries with the same names and the same title (or both without one), each
 * with its lines. Empty unless there are two or more years, or the entry has none of its own.
 */
function citedYears(
  entry: BibEntry,
  entries: readonly BibEntry[],
  uses: ReadonlyMap<string, CitationUse[]>,
): CitedYear[] {
  const names = namesKey(entry);
  const title = titleKey(entry);
  const siblings = entries.filter(
    (other) =>
      other.id !== entry.id &&
      namesKey(other) === names &&
      titleKey(other) === title &&
      entryYear(other) !== entryYear(entry),
  );
  const years = new Map<string, CitedYear>();
  const add = (year: string, id: string, line?: number) => {
    const key = `${year}#${id}`;
    const cited = years.get(key) ?? { year, lines: [], id };
    if (line !== undefined && !cited.lines.includes(line)) cited.lines.push(line);
    years.set(key, cited);
  };
  const own = uses.get(entry.id) ?? [];
  for (const use of own) add(use.year ?? '', entry.id, use.line);
  for (const sibling of siblings) {
    const siblingUses = uses.get(sibling.id) ?? [];
    if (siblingUses.length === 0)
      add(
        entryYear(sibling) === 'u.å.' && !isUndated(sibling.item) ? '' : entryYear(sibling),
        sibling.id,
      );
    for (const use of siblingUses) add(use.year ?? '', sibling.id, use.line);
  }
  const hasYear = entryYear(entry) !== 'u.å.' || isUndated(entry.item);
  if (siblings.length > 0 && own.length === 0) add(hasYear ? entryYear(entry) : '', entry.id);
  const distinct = new Set([...years.values()].map((cited) => cited.year));
  if (distinct.size < 2 && (hasYear || own.length === 0)) return [];
  for (const cited of years.values()) cited.lines.sort((a, b) => a - b);
  return [...years.values()].sort((a, b) =>
    a.year === b.year
      ? a.id < b.id
        ? -1
        : 1
      : a.year === ''
        ? 1
        : b.year === ''
          ? -1
          : a.year < b.year
            ? -1
            : 1,
  );
}
