import type { CheckResult } from '@litsynth/check';
import { type Diagnostic, type Lang, type Localized, ruleRegistry } from '@litsynth/common';
import type { Manuscript } from '@litsynth/ingest';
import type { ReportData, ReportFailure, ReportKeyLabel, ReportTable } from '@litsynth/report';
import type { Study } from '@litsynth/study';
import type { ThesisTable } from '@litsynth/tables';
import { type ManuscriptReferences, referencesForReport } from './open-manuscript.js';
import type { StudyMatrix } from './open-study.js';

/** What report.html of a study shows, from the parts of a build that succeeded. */
export interface StudyReportInput {
  study: Study;
  lang: Lang;
  /** Absent when the manuscript could not be read. */
  manuscript?: Manuscript | undefined;
  /** The check's citations (none when the check failed). */
  citations: CheckResult['citations'];
  /** Every problem the report shows, in order. */
  diagnostics: Diagnostic[];
  /** What the study still lacks. */
  missing: readonly Localized[];
  /** The parts that could not be built. */
  failures: readonly ReportFailure[];
  tables: readonly ThesisTable[];
  /** Absent when the study names no concepts file, or the matrix could not be built. */
  matrix?: StudyMatrix | undefined;
  /** The study's reference list (absent when it could not be made). */
  references?: ManuscriptReferences | undefined;
}

/**
 * The data of a study's report.html: the study, its counts, every problem, the manuscript with
 * its citations, the reference list, the tables, the heat map of the matrix and the discussion map.
 */
export async function studyReportData(input: StudyReportInput): Promise<ReportData> {
  const { study, lang, manuscript, citations, matrix } = input;
  const [report, { narrativeCitation }] = await Promise.all([
    import('@litsynth/report'),
    import('@litsynth/matrix'),
  ]);
  const works = new Set(
    citations.map(
      (citation) => citation.key ?? `?${citation.authors.join('+')}|${citation.year ?? ''}`,
    ),
  );
  const data: ReportData = {
    lang,
    study: {
      id: study.config.id,
      title: study.config.title,
      question: study.config.question,
      language: study.config.language,
    },
    counts: {
      citations: citations.length,
      works: works.size,
      references: input.references?.listed.length ?? 0,
    },
    diagnostics: input.diagnostics,
    missing: [...input.missing],
    ...referencesForReport(report, input.references),
    tables: input.tables.map(
      (table): ReportTable => ({
        id: table.id,
        title: table.title,
        table: table.table,
        notes: table.notes,
        rowHeaders: table.rowHeaders,
      }),
    ),
    entryLabels: {
      ...typedListLabels(manuscript, lang),
      ...Object.fromEntries(
        study.entries.map((entry) => [entry.id, narrativeCitation(entry.item, lang)]),
      ),
    },
    keyLabels: keyLabels(study, matrix),
    ruleNames: Object.fromEntries(ruleRegistry.map((rule) => [rule.id, rule.name])),
    failures: [...input.failures],
  };
  if (manuscript) {
    data.manuscript = {
      file: manuscript.path,
      notes: manuscript.notes,
      blocks: report.manuscriptToReportBlocks(manuscript, citations),
    };
    const typedList = report.typedListToReport(manuscript, citations);
    if (typedList) data.typedList = typedList;
  }
  if (matrix) {
    data.heatMap = report.matrixToHeatMap({
      records: study.records,
      labels: Object.fromEntries(
        study.records.map((record) => [record.id, narrativeCitation(record.entry.item, lang)]),
      ),
      concepts: matrix.concepts,
      matrix: matrix.matrix,
    });
    const discussion = matrix.discussion;
    if (discussion) {
      data.discussionMap = {
        chapterFound: discussion.chapterFound,
        pairs: discussion.pairs.map((pair) => ({
          source: pair.recordId,
          concept: pair.conceptId,
          lines: pair.lines,
        })),
        sources: discussion.sources.map((source) => ({
          source: source.recordId,
          results: source.results,
          discussion: source.discussion,
        })),
      };
    }
  }
  return data;
}

/**
 * The entries of the thesis's own reference list (keys "list-<line>") as the reader knows them:
 * "Tufte (2011), linje 28 i litteraturlisten".
 */
function typedListLabels(manuscript: Manuscript | undefined, lang: Lang): Record<string, string> {
  const labels: Record<string, string> = {};
  if (!manuscript) return labels;
  for (const entry of manuscript.referenceList?.entries ?? []) {
    const { line } = manuscript.locate(entry.start);
    const and = lang === 'nb' ? 'og' : 'and';
    const names =
      entry.authors.length > 2 ? `${entry.authors[0]} et al.` : entry.authors.join(` ${and} `);
    const where =
      lang === 'nb' ? `linje ${line} i litteraturlisten` : `line ${line} of the reference list`;
    labels[`list-${line}`] =
      `${names || entry.raw.slice(0, 40)} (${entry.year ?? (lang === 'nb' ? 'uten år' : 'no year')}), ${where}`;
  }
  return labels;
}

/** The concepts and findings a diagnostic's key may name, as the reader knows them. */
function keyLabels(study: Study, matrix: StudyMatrix | undefined): Record<string, ReportKeyLabel> {
  const labels: Record<string, ReportKeyLabel> = {};
  for (const record of study.records) {
    for (const finding of record.findings)
      labels[finding.id] = { kind: 'finding', label: finding.label };
  }
  for (const concept of matrix?.concepts ?? [])
    labels[concept.id] = { kind: 'concept', label: concept.label };
  return labels;
}
