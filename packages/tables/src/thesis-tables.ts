import type { Lang, Localized } from '@litsynth/common';
import {
  narrativeCitation,
  relations,
  type DiscussionMap,
  type Matrix,
  type MatrixConcept,
  type Relation,
} from '@litsynth/matrix';
import type { SourceRecord } from '@litsynth/sources';
import type { SearchEntry } from '@litsynth/study';
import { createTable } from './create-table.js';
import {
  findingReference,
  mentionPlace,
  notStated,
  notStatedNote,
  pageLabel,
  pick,
  relationLabel,
} from './labels.js';
import type { CellContent, ThesisTable } from './types.js';

/** An entry a theory source can be looked up in (a `BibEntry` fits). */
export interface EntryLike {
  id: string;
  item: SourceRecord['entry']['item'];
}

/** What the tables that combine records, concepts and the matrix need. */
export interface StudyTablesInput {
  records: readonly SourceRecord[];
  concepts: readonly MatrixConcept[];
  matrix: Matrix;
  /** Bibliography entries, to name the theory source of each concept ("Rogers (1951)"). */
  entries?: readonly EntryLike[];
  /** The discussion map, to show where each link is discussed. */
  discussion?: DiscussionMap;
  lang: Lang;
}

const localized = (nb: string, en: string): Localized => ({ nb, en });

// In the article matrix a blank may also be a fact no source could confirm (a journal, a year).
const unknownNote = localized(
  '– = ukjent: ikke oppgitt i oppgaven og ikke bekreftet i andre kilder.',
  '– = unknown: not stated in the thesis and not confirmed elsewhere.',
);
const verificationNames: Record<'verified' | 'partly-verified' | 'unverified', Localized> = {
  verified: localized('bekreftet', 'verified'),
  'partly-verified': localized('delvis bekreftet', 'partly verified'),
  unverified: localized('ikke bekreftet', 'unverified'),
};

/** The first line of the findings of an article whose findings restate the thesis. */
const fromThesis = localized('(Etter oppgavens beskrivelse)', '(As the thesis describes them)');

/**
 * The article matrix (litteraturmatrise): author, year, country and journal; title; aim;
 * method and design; participants; main findings — one row per included article. Findings taken
 * from the thesis's description of an article say so, in the cell and in a note.
 */
export function articleMatrixTable(
  records: readonly SourceRecord[],
  options: { lang: Lang },
): ThesisTable {
  const { lang } = options;
  const header = [
    localized('Forfatter, år, land, tidsskrift', 'Author, year, country, journal'),
    localized('Tittel', 'Title'),
    localized('Hensikt', 'Aim'),
    localized('Metode og design', 'Method and design'),
    localized('Deltakere og kontekst', 'Participants and setting'),
    localized('Hovedfunn', 'Main findings'),
  ].map((text) => pick(text, lang));
  let missing = false;
  const orBlank = (value: string | undefined) => {
    if (value === undefined || value.trim() === '') {
      missing = true;
      return notStated;
    }
    return value;
  };
  const rows = records.map((record): CellContent[] => {
    const item = record.entry.item;
    const c = record.characteristics;
    const peer =
      c.peerReviewed === 'unknown'
        ? localized('Fagfellevurdering: ukjent', 'Peer review: unknown')
        : c.peerReviewed
          ? localized('Fagfellevurdert', 'Peer-reviewed')
          : localized('Ikke fagfellevurdert', 'Not peer-reviewed');
    const method = [pick(c.design, lang), pick(c.dataCollection, lang)].filter(
      (line) => line.trim() !== '',
    );
    if (c.dataYears)
      method.push(
        lang === 'nb' ? `Data samlet inn ${c.dataYears}` : `Data collected ${c.dataYears}`,
      );
    method.push(pick(peer, lang));
    const participants = [pick(c.participants, lang), pick(c.setting, lang)].filter(
      (line) => line.trim() !== '',
    );
    return [
      [
        narrativeCitation(item, lang),
        orBlank(pick(c.country, lang)),
        orBlank(stringField(item['container-title'])),
      ],
      orBlank(item.title),
      orBlank(pick(c.aim, lang)),
      method,
      participants.length > 0 ? participants : orBlank(undefined),
      record.findings.length > 0
        ? [
            ...(record.findingsSource === 'thesis' ? [pick(fromThesis, lang)] : []),
            ...record.findings.map(
              (finding, index) => `${index + 1}. ${findingText(finding, lang)}`,
            ),
          ]
        : orBlank(undefined),
    ];
  });
  // Page numbers refer to the article only where a finding from the article has one.
  const pages = records.some(
    (record) =>
      record.findingsSource !== 'thesis' && record.findings.some((finding) => finding.page),
  );
  const notes = [
    pick(
      pages
        ? localized(
            'Funnene er gjengitt med egne ord; sidetallene viser til artikkelen.',
            'Findings are given in our own words; page numbers refer to the article.',
          )
        : localized('Funnene er gjengitt med egne ord.', 'Findings are given in our own words.'),
      lang,
    ),
  ];
  const described = records.filter(
    (record) => record.findingsSource === 'thesis' && record.findings.length > 0,
  );
  if (described.length > 0) {
    const list = described.map((record) => narrativeCitation(record.entry.item, lang)).join('; ');
    notes.push(
      lang === 'nb'
        ? `Funnene for ${list} er hentet fra oppgavens beskrivelse av ${described.length === 1 ? 'artikkelen, ikke fra artikkelen' : 'artiklene, ikke fra artiklene'} selv.`
        : `The findings of ${list} are taken from the thesis's description of ${described.length === 1 ? 'the article, not from the article itself' : 'the articles, not from the articles themselves'}.`,
    );
  }
  if (records.length === 0)
    notes.push(
      pick(
        localized(
          'Studien har ingen inkluderte artikler (included i study.yaml).',
          'The study has no included articles (included in study.yaml).',
        ),
        lang,
      ),
    );
  if (missing) notes.push(pick(unknownNote, lang));
  const unconfirmed = records.filter(
    (record) => record.entry.verification && record.entry.verification.status !== 'verified',
  );
  if (unconfirmed.length > 0) {
    const list = unconfirmed
      .map(
        (record) =>
          `${narrativeCitation(record.entry.item, lang)} (${pick(verificationNames[record.entry.verification!.status], lang)})`,
      )
      .join('; ');
    notes.push(
      lang === 'nb'
        ? `Bibliografiske opplysninger som ikke er fullt bekreftet: ${list}.`
        : `Bibliographic data not fully confirmed: ${list}.`,
    );
  }
  return createTable({
    id: 'article-matrix',
    lang,
    title: pick(
      localized(
        'Artikkelmatrise: de inkluderte artiklene',
        'Article matrix: the included articles',
      ),
      lang,
    ),
    header,
    rows,
    notes,
    rowHeaders: true,
  });
}

/**
 * The search history (søkehistorikk): one row per search; what the thesis does not give is
 * shown as "–" with a note saying so.
 */
export function searchHistoryTable(
  search: readonly SearchEntry[],
  options: { lang: Lang },
): ThesisTable {
  const { lang } = options;
  const header = [
    localized('Database', 'Database'),
    localized('Dato', 'Date'),
    localized('Søkeord', 'Search terms'),
    localized('Kombinasjon av søkeord', 'How the terms were combined'),
    localized('Avgrensninger', 'Limits'),
    localized('Treff', 'Hits'),
    localized('Leste titler', 'Titles read'),
    localized('Leste sammendrag', 'Abstracts read'),
    localized('Leste fulltekster', 'Full texts read'),
    localized('Inkludert', 'Included'),
  ].map((text) => pick(text, lang));
  let missing = false;
  const value = (text: string | number | undefined) => {
    if (text === undefined || String(text).trim() === '') {
      missing = true;
      return notStated;
    }
    return String(text);
  };
  const rows = search.map((entry): CellContent[] => [
    entry.database,
    value(entry.date),
    value(entry.terms.length > 0 ? entry.terms.join(', ') : undefined),
    value(entry.combination ? pick(entry.combination, lang) : undefined),
    value(entry.limits ? pick(entry.limits, lang) : undefined),
    value(entry.hits),
    value(entry.titlesRead),
    value(entry.abstractsRead),
    value(entry.fullTextsRead),
    value(entry.included),
  ]);
  return createTable({
    id: 'search-history',
    lang,
    title: pick(localized('Søkehistorikk', 'Search history'), lang),
    header,
    rows,
    notes: [
      ...(search.length === 0
        ? [
            pick(
              localized(
                'Studien har ingen søk registrert (search i study.yaml).',
                'The study records no searches (search in study.yaml).',
              ),
              lang,
            ),
          ]
        : []),
      ...(missing ? [pick(notStatedNote, lang)] : []),
    ],
    rowHeaders: true,
  });
}

/**
 * One discussion table per concept that findings are coded to: each article's findings on the
 * concept, the relation, the theory source, and (with a discussion map) where the thesis discusses it.
 */
export function discussionTables(input: StudyTablesInput): ThesisTable[] {
  const { lang, matrix } = input;
  const recordById = new Map(input.records.map((record) => [record.id, record]));
  const findingById = new Map(
    input.records.flatMap((record) =>
      record.findings.map((finding) => [finding.id, finding] as const),
    ),
  );
  const tables: ThesisTable[] = [];
  const mentionsOf = input.discussion ? indexMentions(input.discussion) : undefined;
  const linksByConcept = new Map<string, Matrix['links']>();
  for (const link of matrix.links) {
    const list = linksByConcept.get(link.conceptId);
    if (list) list.push(link);
    else linksByConcept.set(link.conceptId, [link]);
  }
  for (const concept of input.concepts) {
    const links = linksByConcept.get(concept.id) ?? [];
    if (links.length === 0) continue;
    const theory = theorySource(concept, input.entries, lang);
    const withPlaces = input.discussion !== undefined;
    const header = [
      localized('Artikkel', 'Article'),
      localized('Funn', 'Finding'),
      localized('Relasjon til begrepet', 'Relation to the concept'),
      localized('Teorikilde', 'Theory source'),
      ...(withPlaces ? [localized('Drøftet i oppgaven', 'Discussed in the thesis')] : []),
    ].map((text) => pick(text, lang));
    const rows = links.map((link): CellContent[] => {
      const record = recordById.get(link.recordId)!;
      const finding = findingById.get(link.findingId);
      const statement = finding ? findingText(finding, lang) : link.findingId;
      const row: CellContent[] = [
        narrativeCitation(record.entry.item, lang),
        statement,
        relationLabel(link.relation, lang),
        theory,
      ];
      if (mentionsOf) row.push(discussedAt(mentionsOf, link.recordId, concept.id, lang));
      return row;
    });
    const notes = [
      pick(
        localized(
          'Relasjonen sier om funnet støtter, nyanserer eller motsier begrepet, slik det er kodet i studien.',
          'The relation says whether the finding supports, nuances or contradicts the concept, as coded in the study.',
        ),
        lang,
      ),
    ];
    if (withPlaces) {
      notes.push(
        pick(
          localized(
            'Drøftet i oppgaven: avsnitt i drøftingskapitlet der artikkelen er henvist til og begrepet er nevnt (delkapittel, side og linje i manuset).',
            'Discussed in the thesis: paragraphs of the discussion chapter that cite the article and name the concept (section, page and line of the manuscript).',
          ),
          lang,
        ),
      );
    }
    tables.push(
      createTable({
        id: `discussion-${concept.id}`,
        lang,
        title: `${pick(localized('Drøftingstabell', 'Discussion table'), lang)}: ${pick(concept.label, lang)}${concept.theory ? ` (${pick(concept.theory, lang)})` : ''}`,
        header,
        rows,
        notes,
        rowHeaders: true,
      }),
    );
  }
  return tables;
}

/**
 * Similarities and differences across the articles: country, design and participants side by
 * side, then for each concept how each article's findings relate to it, with a verdict.
 */
export function similaritiesTable(input: StudyTablesInput): ThesisTable {
  const { lang, matrix } = input;
  const records = input.records;
  const names = records.map((record) => narrativeCitation(record.entry.item, lang));
  const header = [
    pick(localized('Tema', 'Theme'), lang),
    ...names,
    pick(localized('Likheter og forskjeller', 'Similarities and differences'), lang),
  ];
  const rows: CellContent[][] = [];

  let blank = false;
  // Categorical characteristics get a verdict (same for all, or the groups with their counts);
  // free-text ones are shown side by side, since equal wording is not what makes studies alike.
  const characteristic = (
    label: Localized,
    value: (record: SourceRecord) => string,
    categorical: boolean,
  ) => {
    const values = records.map((record) => value(record).trim() || notStated);
    let verdict = '';
    if (records.length > 1) {
      const groups = new Map<string, number>();
      for (const v of values) groups.set(v, (groups.get(v) ?? 0) + 1);
      if (groups.size === 1)
        verdict = pick(localized('Likhet: samme for alle', 'Similarity: the same for all'), lang);
      else if (categorical)
        verdict = `${pick(localized('Forskjell', 'Difference'), lang)}: ${[...groups].map(([v, n]) => `${v} (${n})`).join('; ')}`;
    }
    if (values.includes(notStated)) blank = true;
    rows.push([pick(label, lang), ...values, verdict]);
  };
  const peerReview = (record: SourceRecord) =>
    pick(
      record.characteristics.peerReviewed === 'unknown'
        ? localized('ukjent', 'unknown')
        : record.characteristics.peerReviewed
          ? localized('ja', 'yes')
          : localized('nei', 'no'),
      lang,
    );
  characteristic(
    localized('Land', 'Country'),
    (record) => pick(record.characteristics.country, lang),
    true,
  );
  characteristic(localized('Fagfellevurdert', 'Peer-reviewed'), peerReview, true);
  characteristic(
    localized('Datainnsamling (år)', 'Data collected (years)'),
    (record) => record.characteristics.dataYears ?? '',
    false,
  );
  characteristic(
    localized('Design', 'Design'),
    (record) => pick(record.characteristics.design, lang),
    false,
  );
  characteristic(
    localized('Deltakere', 'Participants'),
    (record) => pick(record.characteristics.participants, lang),
    false,
  );

  const cellsByRecord = new Map(
    matrix.sources.map((source) => [
      source.recordId,
      new Map(source.cells.map((cell) => [cell.conceptId, cell])),
    ]),
  );
  // Finding ids per concept, record and relation, in matrix order.
  const linked = new Map<string, string[]>();
  for (const link of matrix.links) {
    const key = `${link.conceptId}\u0000${link.recordId}\u0000${link.relation}`;
    const ids = linked.get(key);
    if (ids) ids.push(link.findingId);
    else linked.set(key, [link.findingId]);
  }
  for (const concept of input.concepts) {
    const perRecord = records.map((record) => cellsByRecord.get(record.id)?.get(concept.id));
    if (perRecord.every((cell) => cell === undefined)) continue;
    const cells = perRecord.map((cell, index): CellContent => {
      if (cell === undefined) return pick(localized('ikke berørt', 'not addressed'), lang);
      return relations
        .filter((relation) => cell.relations[relation] > 0)
        .map((relation) => {
          const record = records[index]!;
          const findings = (
            linked.get(`${concept.id}\u0000${record.id}\u0000${relation}`) ?? []
          ).map((id) => findingReference(record, id, lang));
          return `${relationLabel(relation, lang)}: ${findings.join('; ')}`;
        });
    });
    rows.push([
      pick(concept.label, lang),
      ...cells,
      conceptVerdict(
        names.map((name, i) => ({ name, cell: perRecord[i] })),
        lang,
      ),
    ]);
  }
  return createTable({
    id: 'similarities',
    lang,
    title: pick(
      localized(
        'Likheter og forskjeller mellom artiklene',
        'Similarities and differences between the articles',
      ),
      lang,
    ),
    header,
    rows,
    notes: [
      pick(
        localized(
          'For hvert begrep: hvordan funnene i hver artikkel forholder seg til det; funnene er nummerert som i artikkelmatrisen.',
          'For each concept: how the findings of each article relate to it; the findings are numbered as in the article matrix.',
        ),
        lang,
      ),
      ...(blank ? [pick(unknownNote, lang)] : []),
    ],
    rowHeaders: true,
  });
}

function conceptVerdict(
  perRecord: ReadonlyArray<{
    name: string;
    cell: Matrix['sources'][number]['cells'][number] | undefined;
  }>,
  lang: Lang,
): CellContent {
  const byRelation = new Map<Relation, string[]>();
  const untouched: string[] = [];
  for (const { name, cell } of perRecord) {
    if (cell === undefined) {
      untouched.push(name);
      continue;
    }
    for (const relation of relations) {
      if (cell.relations[relation] === 0) continue;
      const names = byRelation.get(relation);
      if (names) names.push(name);
      else byRelation.set(relation, [name]);
    }
  }
  const touched = perRecord.length - untouched.length;
  const only = byRelation.size === 1 ? [...byRelation.keys()][0]! : undefined;
  const plural: Record<Relation, string> = {
    supports: 'support',
    nuances: 'nuance',
    contradicts: 'contradict',
  };
  const lines: string[] = [];
  if (touched === 1) {
    const name = perRecord.find((entry) => entry.cell !== undefined)!.name;
    const how = [...byRelation.keys()]
      .map((relation) => relationLabel(relation, lang))
      .join(lang === 'nb' ? ' og ' : ' and ');
    return lang === 'nb' ? `Bare ${name}: ${how}` : `Only ${name}: ${how}`;
  } else if (only !== undefined && untouched.length === 0) {
    return lang === 'nb'
      ? `Likhet: alle artiklene ${relationLabel(only, lang)}`
      : `Similarity: all articles ${plural[only]}`;
  } else if (only !== undefined) {
    lines.push(
      lang === 'nb'
        ? `Likhet: ${touched} av ${perRecord.length} artikler ${relationLabel(only, lang)}`
        : `Similarity: ${touched} of ${perRecord.length} articles ${plural[only]}`,
    );
  } else {
    lines.push(pick(localized('Forskjell', 'Difference'), lang));
    for (const relation of relations) {
      const names = byRelation.get(relation);
      if (names) lines.push(`${capitalise(relationLabel(relation, lang))}: ${names.join('; ')}`);
    }
  }
  if (untouched.length > 0)
    lines.push(`${pick(localized('Ikke berørt', 'Not addressed'), lang)}: ${untouched.join('; ')}`);
  return lines;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function theorySource(
  concept: MatrixConcept,
  entries: readonly EntryLike[] | undefined,
  lang: Lang,
): string {
  if (concept.source === undefined) return notStated;
  const entry = entries?.find((candidate) => candidate.id === concept.source);
  if (entry) return narrativeCitation(entry.item, lang);
  return lang === 'nb'
    ? `${concept.source} (ikke i litteraturlisten)`
    : `${concept.source} (not in the bibliography)`;
}

function discussedAt(
  mentionsOf: MentionIndex,
  recordId: string,
  conceptId: string,
  lang: Lang,
): CellContent {
  const mentions = mentionsOf(recordId, conceptId);
  if (mentions.length === 0) return pick(localized('ikke drøftet', 'not discussed'), lang);
  return mentions.map((mention) => mentionPlace(mention, lang));
}

/** "Label: statement (s. 92)". */
function findingText(finding: SourceRecord['findings'][number], lang: Lang): string {
  const label = pick(finding.label, lang).replace(/[.:]$/, '');
  const statement = pick(finding.statement, lang).trim();
  if (!finding.page) return `${label}: ${statement}`;
  // APA: the page goes inside the sentence, before its full stop.
  const end = /[.!?]$/.test(statement) ? statement.slice(-1) : '';
  return `${label}: ${end ? statement.slice(0, -1) : statement} (${pageLabel(finding.page, lang)})${end}`;
}

/** Looks up the mentions of a source and a concept in a discussion map. */
export type MentionIndex = (recordId: string, conceptId: string) => DiscussionMap['mentions'];

/** Indexes the mentions of a discussion map by source and concept. */
export function indexMentions(map: DiscussionMap): MentionIndex {
  const index = new Map<string, DiscussionMap['mentions']>();
  for (const mention of map.mentions) {
    const key = `${mention.recordId}\u0000${mention.conceptId}`;
    const list = index.get(key);
    if (list) list.push(mention);
    else index.set(key, [mention]);
  }
  return (recordId, conceptId) => index.get(`${recordId}\u0000${conceptId}`) ?? [];
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
