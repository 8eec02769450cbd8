import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMatrix } from './build-matrix.js';
import type { MatrixCodingLink, MatrixConcept, MatrixRecord, Relation } from './types.js';

// Random studies: up to 5 records with up to 4 findings, up to 6 concepts, and links among them
// (some to unknown findings or concepts).
const study = fc
  .record({
    findingsPerRecord: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 5 }),
    conceptCount: fc.integer({ min: 0, max: 6 }),
    links: fc.array(
      fc.record({
        record: fc.nat(6),
        finding: fc.nat(5),
        concept: fc.nat(7),
        relation: fc.constantFrom<Relation>('supports', 'nuances', 'contradicts'),
      }),
      { maxLength: 25 },
    ),
  })
  .map(({ findingsPerRecord, conceptCount, links }) => {
    const records: MatrixRecord[] = findingsPerRecord.map((count, r) => ({
      id: `r${r}`,
      file: `sources/r${r}.md`,
      entry: {
        id: `r${r}`,
        item: { author: [{ family: `Author${r}` }], issued: { 'date-parts': [[2000 + r]] } },
      },
      findings: Array.from({ length: count }, (_, f) => ({
        id: `r${r}-f${f}`,
        line: 10 + f,
        statement: { nb: 'x', en: 'x' },
      })),
    }));
    const concepts: MatrixConcept[] = Array.from({ length: conceptCount }, (_, c) => ({
      id: `c${c}`,
      label: { nb: `c${c}`, en: `c${c}` },
    }));
    const coding: MatrixCodingLink[] = links.map((link) => ({
      finding: `r${link.record}-f${link.finding}`,
      concept: `c${link.concept}`,
      relation: link.relation,
    }));
    return { records, concepts, coding };
  });

describe('buildMatrix on random studies', () => {
  it('counts every valid link once, in both views, and the gaps are exactly what no link touches', () => {
    fc.assert(
      fc.property(study, ({ records, concepts, coding }) => {
        const matrix = buildMatrix({ records, concepts, coding });
        const findingIds = new Set(
          records.flatMap((record) => record.findings.map((finding) => finding.id)),
        );
        const conceptIds = new Set(concepts.map((concept) => concept.id));
        const valid = new Set(
          coding
            .filter((link) => findingIds.has(link.finding) && conceptIds.has(link.concept))
            .map((link) => `${link.finding}>${link.concept}`),
        );
        expect(matrix.links.length).toBe(valid.size);
        expect(matrix.findings.reduce((sum, row) => sum + row.links.length, 0)).toBe(valid.size);
        expect(
          matrix.sources.reduce(
            (sum, row) => sum + row.cells.reduce((cells, cell) => cells + cell.count, 0),
            0,
          ),
        ).toBe(valid.size);
        for (const row of matrix.sources) {
          for (const cell of row.cells)
            expect(
              cell.relations.supports + cell.relations.nuances + cell.relations.contradicts,
            ).toBe(cell.count);
        }
        expect(matrix.findings.map((row) => row.findingId)).toEqual([...findingIds]);
        const touched = new Set(matrix.links.map((link) => link.conceptId));
        expect(matrix.gaps.conceptsWithoutFindings).toEqual(
          concepts.map((concept) => concept.id).filter((id) => !touched.has(id)),
        );
        expect(matrix.gaps.findingsWithoutConcepts.map((gap) => gap.findingId)).toEqual(
          matrix.findings.filter((row) => row.links.length === 0).map((row) => row.findingId),
        );
        const invalid = coding.filter(
          (link) => !findingIds.has(link.finding) || !conceptIds.has(link.concept),
        ).length;
        expect(
          matrix.diagnostics.filter(
            (d) => d.rule === 'coding-unknown-finding' || d.rule === 'coding-unknown-concept',
          ).length,
        ).toBe(invalid);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the coding when no link is written twice', () => {
    fc.assert(
      fc.property(
        study.chain((input) => {
          const seen = new Set<string>();
          const coding = input.coding.filter((link) => {
            const key = `${link.finding}>${link.concept}`;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          });
          return fc.tuple(
            fc.constant({ ...input, coding }),
            fc.shuffledSubarray(coding, { minLength: coding.length, maxLength: coding.length }),
          );
        }),
        ([input, shuffled]) => {
          expect(buildMatrix({ ...input, coding: shuffled })).toEqual(buildMatrix(input));
        },
      ),
      { numRuns: 300 },
    );
  });
});
