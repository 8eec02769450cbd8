import { createHash } from 'node:crypto';
import type { Diagnostic, Lang, Localized, Severity } from '@litsynth/common';

// What `litsynth build` tells about the build before it: problems added and fixed, matrix cells
// and tables changed. The build keeps a snapshot of each complete build in its stamp and compares
// the next build with it.

/** A problem as the snapshot keeps it: enough to name it again, and an identity that survives moved lines. */
export interface SnapshotProblem {
  /** Rule, file, key, citation text and the message's form (its digits left out), joined. */
  identity: string;
  /** Rule, file, key and citation text: the same problem, whatever its message now says. */
  subject: string;
  rule: string;
  severity: Severity;
  file: string;
  line: number;
  message: Localized;
}

/** One build's problems, matrix cells and tables. */
export interface BuildSnapshot {
  problems: SnapshotProblem[];
  /** "record|concept" → the ids of the findings in that cell of the sources × concepts matrix. */
  cells: Record<string, string[]>;
  /** Table id → its title and a hash of its content. */
  tables: Record<string, { title: string; hash: string }>;
}

/** A cell of the sources × concepts matrix that changed. */
export interface CellChange {
  source: string;
  concept: string;
  /** The findings in the cell before and after (empty when the cell is new or gone). */
  before: string[];
  after: string[];
}

/** What changed from one build to the next. */
export interface BuildChanges {
  /** False for the first build of a study (in this output folder): nothing to compare with. */
  previousBuild: boolean;
  /** Added and fixed problems, and those whose message changed (a new form of an inconsistent citation). */
  problems: { added: SnapshotProblem[]; fixed: SnapshotProblem[]; changed: SnapshotProblem[] };
  cells: CellChange[];
  tables: {
    added: Array<{ id: string; title: string }>;
    removed: Array<{ id: string; title: string }>;
    changed: Array<{ id: string; title: string }>;
  };
}

/** What a build made, as snapshotBuild needs it. */
export interface SnapshotInput {
  diagnostics: readonly Diagnostic[];
  /** The sources × concepts matrix (a `Matrix` of @litsynth/matrix fits); absent without concepts. */
  matrix?: {
    sources: ReadonlyArray<{
      recordId: string;
      cells: ReadonlyArray<{ conceptId: string; findingIds: readonly string[] }>;
    }>;
  };
  tables: ReadonlyArray<{ id: string; title: string; table: unknown; notes: readonly string[] }>;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The snapshot of a build, in a stable order. */
export function snapshotBuild(input: SnapshotInput): BuildSnapshot {
  const problems = input.diagnostics.map(
    (diagnostic): SnapshotProblem => ({
      identity: [
        diagnostic.rule,
        diagnostic.file,
        diagnostic.key ?? '',
        diagnostic.raw ?? '',
        diagnostic.message.en.replace(/\d+/g, '#'),
      ].join('\u0000'),
      subject: [diagnostic.rule, diagnostic.file, diagnostic.key ?? '', diagnostic.raw ?? ''].join(
        '\u0000',
      ),
      rule: diagnostic.rule,
      severity: diagnostic.severity,
      file: diagnostic.file,
      line: diagnostic.line,
      message: diagnostic.message,
    }),
  );
  const cells: Record<string, string[]> = {};
  for (const row of input.matrix?.sources ?? []) {
    for (const cell of row.cells)
      if (cell.findingIds.length > 0)
        cells[`${row.recordId}|${cell.conceptId}`] = [...cell.findingIds].sort();
  }
  const tables: BuildSnapshot['tables'] = {};
  for (const table of input.tables) {
    const hash = createHash('sha256')
      .update(JSON.stringify([table.title, table.table, table.notes]))
      .digest('hex')
      .slice(0, 16);
    tables[table.id] = { title: table.title, hash };
  }
  return { problems, cells, tables };
}

/** What changed from `previous` (undefined for a first build) to `current`. */
export function compareBuilds(
  previous: BuildSnapshot | undefined,
  current: BuildSnapshot,
): BuildChanges {
  const changes: BuildChanges = {
    previousBuild: previous !== undefined,
    problems: { added: [], fixed: [], changed: [] },
    cells: [],
    tables: { added: [], removed: [], changed: [] },
  };
  if (!previous) return changes;
  // Problems are compared as multisets of identities: three "s.52" where there were two is one added.
  const surplus = (
    from: readonly SnapshotProblem[],
    against: readonly SnapshotProblem[],
    by: 'identity' | 'subject',
  ) => {
    const left = new Map<string, number>();
    for (const problem of against) left.set(problem[by], (left.get(problem[by]) ?? 0) + 1);
    const result: SnapshotProblem[] = [];
    for (const problem of from) {
      const count = left.get(problem[by]) ?? 0;
      if (count > 0) left.set(problem[by], count - 1);
      else result.push(problem);
    }
    return result.sort(
      (a, b) =>
        severityRank[a.severity] - severityRank[b.severity] ||
        compareText(a.file, b.file) ||
        a.line - b.line ||
        compareText(a.rule, b.rule),
    );
  };
  const added = surplus(current.problems, previous.problems, 'identity');
  const fixed = surplus(previous.problems, current.problems, 'identity');
  // A problem about the same thing whose message now reads otherwise has changed, not come and gone.
  changes.problems.added = surplus(added, fixed, 'subject');
  changes.problems.fixed = surplus(fixed, added, 'subject');
  const addedNow = new Set(changes.problems.added);
  changes.problems.changed = added.filter((problem) => !addedNow.has(problem));
  for (const key of [
    ...new Set([...Object.keys(previous.cells), ...Object.keys(current.cells)]),
  ].sort()) {
    const before = previous.cells[key] ?? [];
    const after = current.cells[key] ?? [];
    if (before.join('\u0000') === after.join('\u0000')) continue;
    const [source = '', concept = ''] = key.split('|');
    changes.cells.push({ source, concept, before, after });
  }
  for (const [id, table] of Object.entries(current.tables)) {
    const earlier = previous.tables[id];
    if (!earlier) changes.tables.added.push({ id, title: table.title });
    else if (earlier.hash !== table.hash) changes.tables.changed.push({ id, title: table.title });
  }
  for (const [id, table] of Object.entries(previous.tables))
    if (!current.tables[id]) changes.tables.removed.push({ id, title: table.title });
  return changes;
}

/** Whether anything changed at all. */
export function hasChanges(changes: BuildChanges): boolean {
  const { problems, cells, tables } = changes;
  return (
    problems.added.length +
      problems.fixed.length +
      problems.changed.length +
      cells.length +
      tables.added.length +
      tables.removed.length +
      tables.changed.length >
    0
  );
}

/** out/changes.json: the changes in the build's language, deterministic (no dates). */
export function changesJson(changes: BuildChanges, lang: Lang): string {
  const problem = (item: SnapshotProblem) => ({
    rule: item.rule,
    severity: item.severity,
    file: item.file,
    line: item.line,
    message: item.message[lang],
  });
  const document = {
    version: 1,
    previousBuild: changes.previousBuild,
    problems: {
      added: changes.problems.added.map(problem),
      fixed: changes.problems.fixed.map(problem),
      changed: changes.problems.changed.map(problem),
    },
    matrix: { cells: changes.cells },
    tables: changes.tables,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const shownProblems = 3;

/** The changes in a few lines for the build summary: counts, then the first new problems. */
export function changesSummary(changes: BuildChanges, lang: Lang, where: string): string[] {
  const nb = lang === 'nb';
  if (!changes.previousBuild)
    return [
      nb
        ? `  Endringer: første bygg av studien (${where})`
        : `  Changes: first build of the study (${where})`,
    ];
  if (!hasChanges(changes))
    return [nb ? '  Endringer siden forrige bygg: ingen' : '  Changes since the last build: none'];
  const { problems, cells, tables } = changes;
  const tableCount = tables.added.length + tables.removed.length + tables.changed.length;
  const changed =
    problems.changed.length > 0
      ? nb
        ? `, ${problems.changed.length} endret`
        : `, ${problems.changed.length} changed`
      : '';
  const parts = nb
    ? [
        `${problems.added.length} nye problemer, ${problems.fixed.length} rettet${changed}`,
        `${cells.length} matriseceller endret`,
        `${tableCount} tabeller endret`,
      ]
    : [
        `${problems.added.length} new problems, ${problems.fixed.length} fixed${changed}`,
        `${cells.length} matrix cells changed`,
        `${tableCount} tables changed`,
      ];
  const lines = [
    `  ${nb ? 'Endringer siden forrige bygg' : 'Changes since the last build'}: ${parts.join('; ')} (${where})`,
  ];
  for (const item of problems.added.slice(0, shownProblems))
    lines.push(`    + ${item.file}:${item.line}: ${item.message[lang]}`);
  const more = problems.added.length - shownProblems;
  if (more > 0) lines.push(nb ? `    … og ${more} til` : `    … and ${more} more`);
  return lines;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
