import type { Diagnostic, Localized } from '@litsynth/common';
import type { ElementContent } from 'hast';
import type {
  ReportBlock,
  ReportHeatMap,
  ReportReference,
  ReportText,
  ReportTypedList,
} from './types.js';

/**
 * Converters from the pipeline's results to the report's input. They take the few fields they
 * need (structural types), so any object of the right shape fits: a `Manuscript` of
 * @litsynth/ingest, a `CheckedCitation` of @litsynth/check, a `Matrix` of @litsynth/matrix.
 */

/** What `manuscriptToReportBlocks` needs of a manuscript (a `Manuscript` of @litsynth/ingest fits). */
export interface ManuscriptLike {
  text: string;
  blocks: ReadonlyArray<{ kind: ReportBlock['kind']; start: number; end: number }>;
  locate(offset: number): { line: number; column: number; page?: number };
}

/** A citation with its offsets in the manuscript text and its place (a `CheckedCitation` fits). */
export interface PlacedCitation {
  start: number;
  end: number;
  line: number;
  column: number;
}

/** The manuscript's blocks for the reading view: text, first and last line, page, and the citations in each. */
export function manuscriptToReportBlocks(
  manuscript: ManuscriptLike,
  citations: readonly PlacedCitation[],
): ReportBlock[] {
  const sorted = [...citations].sort((a, b) => a.start - b.start);
  let next = 0;
  return manuscript.blocks.map((block) => {
    const first = manuscript.locate(block.start);
    const last = manuscript.locate(Math.max(block.start, block.end - 1));
    const marks: ReportBlock['citations'] = [];
    while (next < sorted.length && (sorted[next]?.start ?? 0) < block.start) next++;
    for (let index = next; index < sorted.length; index++) {
      const citation = sorted[index];
      if (!citation || citation.start >= block.end) break;
      marks.push({
        start: citation.start - block.start,
        end: Math.min(citation.end, block.end) - block.start,
        line: citation.line,
        column: citation.column,
      });
    }
    const reportBlock: ReportBlock = {
      kind: block.kind,
      text: manuscript.text.slice(block.start, block.end),
      line: first.line,
      endLine: last.line,
      citations: marks,
    };
    if (first.page !== undefined) reportBlock.page = first.page;
    return reportBlock;
  });
}

/** Input of `matrixToHeatMap`. */
export interface HeatMapInput {
  /** The included records in the order of the study (a `SourceRecord` fits). */
  records: ReadonlyArray<{
    id: string;
    findings: ReadonlyArray<{ id: string; label?: Localized; statement: Localized; page?: string }>;
  }>;
  /** How to name each record to the reader ("Natland mfl. (2019)"), by id; the id when absent. */
  labels: Readonly<Record<string, string>>;
  /** The concepts in framework order. */
  concepts: ReadonlyArray<{ id: string; label: Localized }>;
  /** The sources × concepts matrix (a `Matrix` of @litsynth/matrix fits). */
  matrix: {
    sources: ReadonlyArray<{
      recordId: string;
      cells: ReadonlyArray<{ conceptId: string; findingIds: readonly string[] }>;
    }>;
  };
}

/** The sources × concepts matrix as a heat map, with each cell's findings (label, statement and page). */
export function matrixToHeatMap(input: HeatMapInput): ReportHeatMap {
  const findings = new Map(
    input.records.flatMap((record) =>
      record.findings.map((finding) => [finding.id, finding] as const),
    ),
  );
  return {
    sources: input.records.map((record) => ({
      id: record.id,
      label: input.labels[record.id] ?? record.id,
    })),
    concepts: input.concepts.map((concept) => ({ id: concept.id, label: concept.label })),
    cells: input.matrix.sources.flatMap((row) =>
      row.cells.map((cell) => ({
        source: row.recordId,
        concept: cell.conceptId,
        findings: cell.findingIds.map((id) => {
          const finding = findings.get(id);
          const shown: ReportHeatMap['cells'][number]['findings'][number] = {
            id,
            statement: finding?.statement ?? { nb: id, en: id },
          };
          if (finding?.label !== undefined) shown.label = finding.label;
          if (finding?.page !== undefined) shown.page = finding.page;
          return shown;
        }),
      })),
    ),
  };
}

/** A bibliography entry as far as the report needs it (a `BibEntry` of @litsynth/bibliography fits). */
export interface EntryWithVerification {
  id: string;
  origin?: { file: string; line: number };
  verification?: {
    status: 'verified' | 'partly-verified' | 'unverified';
    evidence: readonly ReportText[];
    notes: readonly ReportText[];
  };
}

/** A formatted entry of a reference list (a `FormattedEntry` of @litsynth/bibliography fits). */
export interface FormattedReference {
  id: string;
  /** The entry as text, shown when it has no tree. */
  text: string;
  /** The entry as a hast tree (sanitised when rendered). */
  tree?: ElementContent[];
}

/**
 * The reference list for the report: the entries in list order, each as its tree (sanitised when
 * rendered) and text, with its verification status, evidence and notes, and the problems (e.g. of
 * `checkBibliography`) whose key is its id.
 */
export function referenceListToReport(
  entries: readonly EntryWithVerification[],
  formatted: readonly FormattedReference[],
  problems: readonly Diagnostic[] = [],
): ReportReference[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const problemsById = new Map<string, Diagnostic[]>();
  for (const problem of problems) {
    if (problem.key === undefined) continue;
    const known = problemsById.get(problem.key);
    if (known) known.push(problem);
    else problemsById.set(problem.key, [problem]);
  }
  return formatted.map((formatted) => {
    const entry = byId.get(formatted.id);
    const reference: ReportReference = {
      id: formatted.id,
      text: formatted.text,
      evidence: [...(entry?.verification?.evidence ?? [])],
      notes: [...(entry?.verification?.notes ?? [])],
    };
    if (formatted.tree) reference.tree = formatted.tree;
    if (entry?.origin) reference.origin = { file: entry.origin.file, line: entry.origin.line };
    if (entry?.verification) reference.status = entry.verification.status;
    const own = problemsById.get(formatted.id);
    if (own) reference.problems = own;
    return reference;
  });
}

/** What `typedListToReport` needs of a manuscript (a `Manuscript` of @litsynth/ingest fits). */
export interface TypedListManuscript {
  referenceList: {
    heading: { text: string; start: number };
    entries: ReadonlyArray<{
      start: number;
      raw: string;
      authors: readonly string[];
      year: string | null;
      title: string | null;
    }>;
  } | null;
  locate(offset: number): { line: number; column: number; page?: number };
}

/** A citation with the entry it resolved to (a `CheckedCitation` of @litsynth/check fits). */
export interface ResolvedCitation {
  key: string | null;
  authors: readonly string[];
  year: string | null;
}

/**
 * The thesis's own reference list as read, for the report: each entry with its line, what was
 * read of it, and how many citations resolved to it — to its "list-<line>" key, or, when the
 * citations resolved to bibliography entries instead, by first author and year. Undefined when
 * the thesis has no list.
 */
export function typedListToReport(
  manuscript: TypedListManuscript,
  citations: readonly ResolvedCitation[],
): ReportTypedList | undefined {
  const list = manuscript.referenceList;
  if (!list) return undefined;
  const fold = (name: string) =>
    name
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, '')
      .toLowerCase();
  const byKey = new Map<string, number>();
  const byAuthorYear = new Map<string, number>();
  for (const citation of citations) {
    if (citation.key === null) continue;
    if (citation.key.startsWith('list-'))
      byKey.set(citation.key, (byKey.get(citation.key) ?? 0) + 1);
    else {
      const signature = `${fold(citation.authors[0] ?? '')}|${citation.year ?? ''}`;
      byAuthorYear.set(signature, (byAuthorYear.get(signature) ?? 0) + 1);
    }
  }
  return {
    heading: list.heading.text,
    line: manuscript.locate(list.heading.start).line,
    entries: list.entries.map((entry) => {
      const place = manuscript.locate(entry.start);
      const signature = `${fold(entry.authors[0] ?? '')}|${entry.year ?? ''}`;
      const shown: ReportTypedList['entries'][number] = {
        line: place.line,
        authors: [...entry.authors],
        year: entry.year,
        title: entry.title,
        raw: entry.raw,
        cited: (byKey.get(`list-${place.line}`) ?? 0) + (byAuthorYear.get(signature) ?? 0),
      };
      if (place.page !== undefined) shown.page = place.page;
      return shown;
    }),
  };
}
