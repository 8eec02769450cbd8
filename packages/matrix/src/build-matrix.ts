import { compareDiagnostics, type Diagnostic, type RuleIdOf } from '@litsynth/common';
import type {
  FindingRow,
  Matrix,
  MatrixCodingLink,
  MatrixInput,
  MatrixLink,
  Relation,
  SourceConceptCell,
  SourceRow,
} from './types.js';

/** The relations in their fixed order (tables and counts follow it). */
export const relations: readonly Relation[] = ['supports', 'nuances', 'contradicts'];

const relationNames: Record<Relation, { nb: string; en: string }> = {
  supports: { nb: 'støtter', en: 'supports' },
  nuances: { nb: 'nyanserer', en: 'nuances' },
  contradicts: { nb: 'motsier', en: 'contradicts' },
};

/** The name of a relation in Norwegian and English ("støtter" / "supports"). */
export function relationName(relation: Relation): { nb: string; en: string } {
  return relationNames[relation];
}

/**
 * Builds the findings × concepts and sources × concepts matrix with its gaps. Pure and
 * deterministic: records and findings keep their given order, concepts the framework order.
 * A coding link to an unknown finding or concept becomes a diagnostic; the rest still builds.
 */
export function buildMatrix(input: MatrixInput): Matrix {
  const diagnostics: Diagnostic[] = [];
  const conceptIndex = new Map<string, number>();
  input.concepts.forEach((concept, index) => {
    if (!conceptIndex.has(concept.id)) conceptIndex.set(concept.id, index);
  });
  const findingOwner = new Map<string, string>();
  for (const record of input.records) {
    for (const finding of record.findings) {
      if (!findingOwner.has(finding.id)) findingOwner.set(finding.id, record.id);
    }
  }

  // Valid links, deduplicated per (finding, concept).
  const linksByFinding = new Map<string, Map<string, Relation>>();
  for (const link of input.coding) {
    const recordId = findingOwner.get(link.finding);
    if (recordId === undefined) {
      diagnostics.push(
        codingDiagnostic(link, 'coding-unknown-finding', 'error', {
          nb: `Funnet «${link.finding}» finnes ikke i noen inkludert kilde.`,
          en: `The finding "${link.finding}" is not in any included source.`,
        }),
      );
      continue;
    }
    if (!conceptIndex.has(link.concept)) {
      diagnostics.push(
        codingDiagnostic(link, 'coding-unknown-concept', 'error', {
          nb: `Begrepet «${link.concept}» finnes ikke i begrepsrammen.`,
          en: `The concept "${link.concept}" is not in the concept framework.`,
        }),
      );
      continue;
    }
    let concepts = linksByFinding.get(link.finding);
    if (concepts === undefined) {
      concepts = new Map();
      linksByFinding.set(link.finding, concepts);
    }
    if (concepts.has(link.concept)) {
      diagnostics.push(
        codingDiagnostic(link, 'coding-duplicate-link', 'warning', {
          nb: `Funnet «${link.finding}» er koblet til «${link.concept}» mer enn én gang; den første koblingen gjelder.`,
          en: `The finding "${link.finding}" is linked to "${link.concept}" more than once; the first link counts.`,
        }),
      );
      continue;
    }
    concepts.set(link.concept, link.relation);
  }

  const byConceptOrder = (a: string, b: string) =>
    (conceptIndex.get(a) ?? 0) - (conceptIndex.get(b) ?? 0);
  const links: MatrixLink[] = [];
  const findings: FindingRow[] = [];
  const sources: SourceRow[] = [];
  const touchedConcepts = new Set<string>();
  const findingsWithoutConcepts: Matrix['gaps']['findingsWithoutConcepts'] = [];

  for (const record of input.records) {
    const cells = new Map<string, SourceConceptCell>();
    for (const finding of record.findings) {
      if (findingOwner.get(finding.id) !== record.id) continue; // a duplicate id: its first owner has it
      const coded = linksByFinding.get(finding.id);
      const conceptIds = coded ? [...coded.keys()].sort(byConceptOrder) : [];
      const row: FindingRow = { recordId: record.id, findingId: finding.id, links: [] };
      for (const conceptId of conceptIds) {
        const relation = coded!.get(conceptId)!;
        row.links.push({ conceptId, relation });
        links.push({ recordId: record.id, findingId: finding.id, conceptId, relation });
        touchedConcepts.add(conceptId);
        let cell = cells.get(conceptId);
        if (cell === undefined) {
          cell = {
            conceptId,
            count: 0,
            findingIds: [],
            relations: { supports: 0, nuances: 0, contradicts: 0 },
          };
          cells.set(conceptId, cell);
        }
        cell.count++;
        cell.findingIds.push(finding.id);
        cell.relations[relation]++;
      }
      findings.push(row);
      if (row.links.length === 0) {
        findingsWithoutConcepts.push({ recordId: record.id, findingId: finding.id });
        diagnostics.push({
          rule: 'finding-not-coded',
          severity: 'info',
          // By its heading where it has one (the line says where it is); its id is what the coding writes.
          message: finding.label
            ? {
                nb: `Funnet «${finding.label.nb}» er ikke koblet til noe begrep.`,
                en: `The finding "${finding.label.en}" is linked to no concept.`,
              }
            : {
                nb: `Funnet «${finding.id}» er ikke koblet til noe begrep.`,
                en: `The finding "${finding.id}" is linked to no concept.`,
              },
          suggestion: {
            nb: `Koble det til et begrep i kodingen under ${finding.id}, om det hører til et.`,
            en: `Link it to a concept in the coding under ${finding.id}, if it belongs to one.`,
          },
          file: record.file,
          line: finding.line,
          column: 1,
          key: record.id,
        });
      }
    }
    sources.push({
      recordId: record.id,
      cells: [...cells.values()].sort((a, b) => byConceptOrder(a.conceptId, b.conceptId)),
    });
  }

  const concepts = [...conceptIndex.keys()];
  const conceptsWithoutFindings = concepts.filter((id) => !touchedConcepts.has(id));
  for (const id of conceptsWithoutFindings) {
    const concept = input.concepts[conceptIndex.get(id)!]!;
    diagnostics.push({
      rule: 'concept-without-findings',
      severity: 'info',
      message: {
        nb: `Ingen funn er kodet til begrepet «${concept.label.nb}».`,
        en: `No finding is coded to the concept "${concept.label.en}".`,
      },
      file: concept.file ?? 'concepts.yaml',
      line: concept.line ?? 1,
      column: 1,
      key: id,
    });
  }

  return {
    concepts,
    records: input.records.map((record) => record.id),
    links,
    findings,
    sources,
    gaps: { conceptsWithoutFindings, findingsWithoutConcepts },
    // Ties (links without a line, from code rather than a file) fall back to key and message.
    diagnostics: diagnostics.sort(
      (a, b) =>
        compareDiagnostics(a, b) ||
        compareText(a.key ?? '', b.key ?? '') ||
        compareText(a.message.en, b.message.en),
    ),
  };
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function codingDiagnostic(
  link: MatrixCodingLink,
  rule: RuleIdOf<'matrix'>,
  severity: Diagnostic['severity'],
  message: Diagnostic['message'],
): Diagnostic {
  return {
    rule,
    severity,
    message,
    file: link.file ?? 'coding.yaml',
    line: link.line ?? 1,
    column: 1,
    key: link.finding,
  };
}
