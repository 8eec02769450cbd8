import { describe, expect, it } from 'vitest';
import { buildMatrix } from './build-matrix.js';
import { coding, concepts, records } from './test-small-study.js';

describe('buildMatrix', () => {
  it('builds findings × concepts and sources × concepts with gaps and coding diagnostics', () => {
    const matrix = buildMatrix({ records, concepts, coding });
    expect({
      ...matrix,
      diagnostics: matrix.diagnostics.map(
        (d) => `${d.file}:${d.line} ${d.severity} ${d.rule} ${d.message.en}`,
      ),
    }).toEqual({
      concepts: ['trust', 'power', 'solidarity'],
      records: ['hansen2020', 'lie2018'],
      links: [
        {
          recordId: 'hansen2020',
          findingId: 'hansen2020-trust',
          conceptId: 'trust',
          relation: 'nuances',
        },
        {
          recordId: 'hansen2020',
          findingId: 'hansen2020-trust',
          conceptId: 'power',
          relation: 'supports',
        },
        {
          recordId: 'hansen2020',
          findingId: 'hansen2020-power',
          conceptId: 'power',
          relation: 'contradicts',
        },
        {
          recordId: 'lie2018',
          findingId: 'lie2018-trust',
          conceptId: 'trust',
          relation: 'supports',
        },
      ],
      findings: [
        {
          recordId: 'hansen2020',
          findingId: 'hansen2020-trust',
          links: [
            { conceptId: 'trust', relation: 'nuances' },
            { conceptId: 'power', relation: 'supports' },
          ],
        },
        {
          recordId: 'hansen2020',
          findingId: 'hansen2020-power',
          links: [{ conceptId: 'power', relation: 'contradicts' }],
        },
        { recordId: 'hansen2020', findingId: 'hansen2020-other', links: [] },
        {
          recordId: 'lie2018',
          findingId: 'lie2018-trust',
          links: [{ conceptId: 'trust', relation: 'supports' }],
        },
      ],
      sources: [
        {
          recordId: 'hansen2020',
          cells: [
            {
              conceptId: 'trust',
              count: 1,
              findingIds: ['hansen2020-trust'],
              relations: { supports: 0, nuances: 1, contradicts: 0 },
            },
            {
              conceptId: 'power',
              count: 2,
              findingIds: ['hansen2020-trust', 'hansen2020-power'],
              relations: { supports: 1, nuances: 0, contradicts: 1 },
            },
          ],
        },
        {
          recordId: 'lie2018',
          cells: [
            {
              conceptId: 'trust',
              count: 1,
              findingIds: ['lie2018-trust'],
              relations: { supports: 1, nuances: 0, contradicts: 0 },
            },
          ],
        },
      ],
      gaps: {
        conceptsWithoutFindings: ['solidarity'],
        findingsWithoutConcepts: [{ recordId: 'hansen2020', findingId: 'hansen2020-other' }],
      },
      diagnostics: [
        'coding.yaml:14 warning coding-duplicate-link The finding "hansen2020-trust" is linked to "trust" more than once; the first link counts.',
        'coding.yaml:17 error coding-unknown-finding The finding "hansen2020-missing" is not in any included source.',
        'coding.yaml:20 error coding-unknown-concept The concept "hope" is not in the concept framework.',
        'concepts.yaml:15 info concept-without-findings No finding is coded to the concept "Solidarity".',
        'sources/hansen2020.md:31 info finding-not-coded The finding "Something else" is linked to no concept.',
      ],
    });
  });

  it('names a finding coded to nothing by its heading, and gives its id for the coding in the suggestion', () => {
    const diagnostic = buildMatrix({ records, concepts, coding }).diagnostics.find(
      (d) => d.rule === 'finding-not-coded',
    );
    expect([diagnostic?.message, diagnostic?.suggestion]).toEqual([
      {
        nb: 'Funnet «Noe annet» er ikke koblet til noe begrep.',
        en: 'The finding "Something else" is linked to no concept.',
      },
      {
        nb: 'Koble det til et begrep i kodingen under hansen2020-other, om det hører til et.',
        en: 'Link it to a concept in the coding under hansen2020-other, if it belongs to one.',
      },
    ]);
  });

  it('is deterministic: the same input gives the same matrix', () => {
    expect(JSON.stringify(buildMatrix({ records, concepts, coding }))).toBe(
      JSON.stringify(buildMatrix({ records, concepts, coding })),
    );
  });

  it('builds an empty matrix from empty input', () => {
    expect(buildMatrix({ records: [], concepts: [], coding: [] })).toEqual({
      concepts: [],
      records: [],
      links: [],
      findings: [],
      sources: [],
      gaps: { conceptsWithoutFindings: [], findingsWithoutConcepts: [] },
      diagnostics: [],
    });
  });
});
