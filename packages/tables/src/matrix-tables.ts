import { basename } from 'pathe';
import type { Lang, Localized } from '@litsynth/common';
import {
  narrativeCitation,
  type DiscussionMap,
  type Matrix,
  type MatrixConcept,
} from '@litsynth/matrix';
import type { SourceRecord } from '@litsynth/sources';
import { createTable } from './create-table.js';
import { findingReference, mentionPlace, pick, relationLabel } from './labels.js';
import { indexMentions } from './thesis-tables.js';
import type { CellContent, ThesisTable } from './types.js';

/** What the matrix tables need: the matrix and the records and concepts it was built from. */
export interface MatrixTablesInput {
  matrix: Matrix;
  records: readonly SourceRecord[];
  concepts: readonly MatrixConcept[];
  lang: Lang;
}

const localized = (nb: string, en: string): Localized => ({ nb, en });

/**
 * The sources × concepts matrix as a table: one row per concept, one column per source; each
 * cell gives the number of the source's findings coded to the concept and, below it, those
 * findings by their number in the article matrix and their label.
 */
export function matrixToTable(input: MatrixTablesInput): ThesisTable {
  const { matrix, lang } = input;
  const records = orderedRecords(input);
  const cells = new Map(
    matrix.sources.map((source) => [
      source.recordId,
      new Map(source.cells.map((cell) => [cell.conceptId, cell])),
    ]),
  );
  const rows = input.concepts.map((concept): CellContent[] => {
    let total = 0;
    const row: CellContent[] = [pick(concept.label, lang)];
    for (const record of records) {
      const cell = cells.get(record.id)?.get(concept.id);
      if (cell === undefined) {
        row.push('0');
        continue;
      }
      total += cell.count;
      row.push([
        String(cell.count),
        ...cell.findingIds.map((id) => findingReference(record, id, lang)),
      ]);
    }
    row.push(String(total));
    return row;
  });
  return createTable({
    id: 'matrix-sources-concepts',
    lang,
    title: pick(
      localized(
        'Kilder × begreper: antall kodede funn',
        'Sources × concepts: number of coded findings',
      ),
      lang,
    ),
    header: [
      pick(localized('Begrep', 'Concept'), lang),
      ...records.map((record) => narrativeCitation(record.entry.item, lang)),
      pick(localized('Totalt', 'Total'), lang),
    ],
    rows,
    notes: [
      pick(
        localized(
          'Tallet er antall funn fra artikkelen som er kodet til begrepet; under det står funnene, nummerert som i artikkelmatrisen.',
          'The number is how many of the article’s findings are coded to the concept; below it are the findings, numbered as in the article matrix.',
        ),
        lang,
      ),
    ],
    rowHeaders: true,
  });
}

/** The findings × concepts matrix as a table: one row per finding, with the concepts it is coded to. */
export function findingsMatrixTable(input: MatrixTablesInput): ThesisTable {
  const { matrix, lang } = input;
  const recordById = new Map(input.records.map((record) => [record.id, record]));
  const conceptById = new Map(input.concepts.map((concept) => [concept.id, concept]));
  const rows = matrix.findings.map((row): CellContent[] => {
    const record = recordById.get(row.recordId);
    return [
      record ? narrativeCitation(record.entry.item, lang) : row.recordId,
      record ? findingReference(record, row.findingId, lang) : row.findingId,
      row.links.length > 0
        ? row.links.map(
            (link) =>
              `${pick(conceptById.get(link.conceptId)?.label ?? localized(link.conceptId, link.conceptId), lang)} (${relationLabel(link.relation, lang)})`,
          )
        : pick(localized('ikke kodet', 'not coded'), lang),
    ];
  });
  return createTable({
    id: 'matrix-findings-concepts',
    lang,
    title: pick(localized('Funn × begreper', 'Findings × concepts'), lang),
    header: [
      pick(localized('Artikkel', 'Article'), lang),
      pick(localized('Funn', 'Finding'), lang),
      pick(localized('Begreper (relasjon)', 'Concepts (relation)'), lang),
    ],
    rows,
    notes: [
      pick(
        localized(
          'Funnene er nummerert som i artikkelmatrisen.',
          'The findings are numbered as in the article matrix.',
        ),
        lang,
      ),
    ],
    rowHeaders: true,
  });
}

/** The gaps of the matrix: concepts no finding touches, findings coded to nothing. */
export function gapsTable(input: MatrixTablesInput): ThesisTable {
  const { matrix, lang } = input;
  const conceptById = new Map(input.concepts.map((concept) => [concept.id, concept]));
  const recordById = new Map(input.records.map((record) => [record.id, record]));
  // Each gap by its name and where to find it, not by its internal id.
  const where = (file: string | undefined, line: number | undefined) =>
    file === undefined
      ? ''
      : `${basename(file)}${line === undefined ? '' : `, ${lang === 'nb' ? 'linje' : 'line'} ${line}`}`;
  const rows: CellContent[][] = [
    ...matrix.gaps.conceptsWithoutFindings.map((id): CellContent[] => {
      const concept = conceptById.get(id);
      return [
        pick(localized('Begrep uten funn', 'Concept without findings'), lang),
        pick(concept?.label ?? localized(id, id), lang),
        where(concept?.file, concept?.line),
      ];
    }),
    ...matrix.gaps.findingsWithoutConcepts.map(({ recordId, findingId }): CellContent[] => {
      const record = recordById.get(recordId);
      const finding = record?.findings.find((candidate) => candidate.id === findingId);
      return [
        pick(localized('Funn uten begrep', 'Finding without concepts'), lang),
        `${record ? narrativeCitation(record.entry.item, lang) : recordId}: ${finding ? pick(finding.label, lang) : findingId}`,
        where(record?.file, finding?.line),
      ];
    }),
  ];
  return createTable({
    id: 'matrix-gaps',
    lang,
    title: pick(localized('Hull i matrisen', 'Gaps in the matrix'), lang),
    header: [
      pick(localized('Hull', 'Gap'), lang),
      pick(localized('Hva', 'What'), lang),
      pick(localized('Hvor', 'Where'), lang),
    ],
    rows,
    notes:
      rows.length === 0
        ? [
            pick(
              localized(
                'Ingen hull: alle begreper har funn, og alle funn er kodet.',
                'No gaps: every concept has findings and every finding is coded.',
              ),
              lang,
            ),
          ]
        : [],
  });
}

/**
 * The supervisor's cross-check as a table: for each source and concept that are coded or
 * discussed together, the coded findings, where the discussion takes them up, and the verdict.
 */
export function discussionMapTable(
  input: MatrixTablesInput & { discussion: DiscussionMap },
): ThesisTable {
  const { matrix, discussion, lang } = input;
  const records = orderedRecords(input);
  const coded = new Map(
    matrix.sources.map((source) => [
      source.recordId,
      new Map(source.cells.map((cell) => [cell.conceptId, cell])),
    ]),
  );
  const rows: CellContent[][] = [];
  const mentionsOf = indexMentions(discussion);
  for (const record of records) {
    for (const concept of input.concepts) {
      const cell = coded.get(record.id)?.get(concept.id);
      const mentions = mentionsOf(record.id, concept.id);
      if (cell === undefined && mentions.length === 0) continue;
      const verdict =
        cell && mentions.length > 0
          ? localized('kodet og drøftet', 'coded and discussed')
          : cell
            ? localized('kodet, ikke drøftet', 'coded, not discussed')
            : localized('drøftet, ikke kodet', 'discussed, not coded');
      rows.push([
        narrativeCitation(record.entry.item, lang),
        pick(concept.label, lang),
        cell ? cell.findingIds.map((id) => findingReference(record, id, lang)) : '–',
        mentions.length > 0 ? mentions.map((mention) => mentionPlace(mention, lang)) : '–',
        pick(verdict, lang),
      ]);
    }
  }
  const notes = [
    pick(
      localized(
        'Kodede funn er nummerert som i artikkelmatrisen. Drøftet: et avsnitt i drøftingskapitlet henviser til artikkelen og nevner begrepet (delkapittel, side og linje i manuset).',
        'Coded findings are numbered as in the article matrix. Discussed: a paragraph of the discussion chapter cites the article and names the concept (section, page and line of the manuscript).',
      ),
      lang,
    ),
  ];
  if (!discussion.chapterFound) {
    notes.push(
      pick(
        localized(
          'Drøftingskapitlet ble ikke funnet i manuset.',
          'The discussion chapter was not found in the manuscript.',
        ),
        lang,
      ),
    );
  }
  return createTable({
    id: 'discussion-map',
    lang,
    title: pick(
      localized(
        'Kodede og drøftede koblinger mellom artikler og begreper',
        'Coded and discussed links between articles and concepts',
      ),
      lang,
    ),
    header: [
      pick(localized('Artikkel', 'Article'), lang),
      pick(localized('Begrep', 'Concept'), lang),
      pick(localized('Kodede funn', 'Coded findings'), lang),
      pick(localized('Drøftet i', 'Discussed in'), lang),
      pick(localized('Vurdering', 'Verdict'), lang),
    ],
    rows,
    notes,
    rowHeaders: true,
  });
}

function orderedRecords(input: MatrixTablesInput): SourceRecord[] {
  const byId = new Map(input.records.map((record) => [record.id, record]));
  return input.matrix.records
    .map((id) => byId.get(id))
    .filter((record): record is SourceRecord => record !== undefined);
}
