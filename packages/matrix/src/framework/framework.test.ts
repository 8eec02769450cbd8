import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Diagnostic, memoryFileSource } from '@litsynth/common';
import fc from 'fast-check';
import { readSourceRecords } from '@litsynth/sources';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CodingContext, ConceptsOptions } from './types.js';
import { parseCoding, parseConcepts } from './index.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const study = `${root}studies/nav-relasjon/`;

/** A study's concepts.yaml read from disk (the engine reads it through its file source). */
const loadConcepts = async (file: string, options?: ConceptsOptions) =>
  parseConcepts(await readFile(file, 'utf8'), file, options);
/** A study's coding.yaml read from disk. */
const loadCoding = async (file: string, context: CodingContext) =>
  parseCoding(await readFile(file, 'utf8'), file, context);

interface Cases {
  concepts: Array<{
    name: string;
    text: string;
    entryIds?: string[];
    concepts: string[];
    labels?: string[];
    diagnostics: string[];
  }>;
  coding: {
    context: { concepts: string[]; findings: string[] };
    cases: Array<{ name: string; text: string; links: string[]; diagnostics: string[] }>;
  };
}
const cases = parse(
  await readFile(new URL('./framework-cases.yaml', import.meta.url), 'utf8'),
) as Cases;

function lines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message.en}`);
}

describe('parseConcepts (case table)', () => {
  it.each(cases.concepts)('$name', (testCase) => {
    const result = parseConcepts(
      testCase.text,
      'concepts.yaml',
      testCase.entryIds ? { entryIds: testCase.entryIds } : {},
    );
    expect({
      concepts: result.framework.concepts.map((concept) => concept.id),
      diagnostics: lines(result.diagnostics),
    }).toEqual({
      concepts: testCase.concepts,
      diagnostics: testCase.diagnostics,
    });
    expect(
      result.diagnostics.every((d) => d.file === 'concepts.yaml' && d.message.nb !== d.message.en),
    ).toBe(true);
    // "nb / en" of each label, where the case says how a text in one language is made whole.
    if (testCase.labels)
      expect(
        result.framework.concepts.map((concept) => `${concept.label.nb} / ${concept.label.en}`),
      ).toEqual(testCase.labels);
  });
});

describe('parseCoding (case table)', () => {
  const context = {
    concepts: cases.coding.context.concepts.map((id) => ({ id })),
    records: [{ id: 'demo', findings: cases.coding.context.findings.map((id) => ({ id })) }],
  };
  it.each(cases.coding.cases)('$name', (testCase) => {
    const result = parseCoding(testCase.text, 'coding.yaml', context);
    expect({
      links: result.coding.links.map((link) => `${link.finding} ${link.concept} ${link.relation}`),
      diagnostics: lines(result.diagnostics),
    }).toEqual({ links: testCase.links, diagnostics: testCase.diagnostics });
  });
});

/** The repository's shared source records, read from files in memory (their paths as on disk). */
async function sharedRecords() {
  const folder = `${root}sources`;
  const files = new Map<string, Uint8Array>();
  for (const name of await readdir(folder))
    if (name.endsWith('.md')) files.set(`${folder}/${name}`, await readFile(`${folder}/${name}`));
  return readSourceRecords(memoryFileSource(files), folder);
}

describe('the NAV study framework and coding', () => {
  it('loads every theory and concept of concepts.yaml, with sources from the bibliography', async () => {
    const references = (
      parse(await readFile(`${root}sources/references.yaml`, 'utf8')) as Array<{ id: string }>
    ).map((entry) => entry.id);
    const { records } = await sharedRecords();
    const { framework, diagnostics } = await loadConcepts(`${study}concepts.yaml`, {
      entryIds: [...references, ...records.map((record) => record.id)],
    });
    expect(lines(diagnostics)).toEqual([]);
    expect(framework.theories.map((theory) => [theory.id, theory.concepts])).toEqual([
      ['rogers', ['empathy', 'unconditional-respect', 'genuineness', 'being-heard']],
      ['honneth', ['recognition', 'love', 'rights', 'solidarity']],
      ['communication', ['active-listening', 'communication-skills']],
      ['relational-competence', ['relational-competence', 'trust']],
      ['power', ['help-and-control', 'asymmetry']],
      ['user-participation', ['user-participation']],
      ['empowerment', ['empowerment', 'self-help']],
      [
        'professional-ethics',
        ['professional-ethics', 'respect-for-the-individual', 'holistic-view', 'confidentiality'],
      ],
      [
        'nav-organisation',
        ['nav-reform', 'complexity', 'street-level-bureaucracy', 'unstable-relations'],
      ],
    ]);
    expect(framework.concepts[0]).toEqual({
      id: 'empathy',
      label: { nb: 'Empati', en: 'Empathy' },
      definition: {
        nb: 'Evnen til å leve seg inn i den andres situasjon, både følelsene (affektiv empati) og tankene og forståelsen personen har av seg selv (kognitiv empati).',
        en: "The ability to enter into another person's situation, both their feelings (affective empathy) and their thoughts and self-understanding (cognitive empathy).",
      },
      theoryId: 'rogers',
      theory: { nb: "Rogers' relasjonsteori", en: "Rogers's theory of the helping relationship" },
      source: 'eideeide2005',
      page: '35',
      terms: {
        nb: ['empati*', 'innlevelse', 'sette seg inn i', 'leve seg inn i'],
        en: ['empath*'],
      },
      file: `${study}concepts.yaml`,
      line: 12,
    });
  });

  it('loads every link of coding.yaml against the real records, leaving two findings uncoded on purpose', async () => {
    const { records } = await sharedRecords();
    const { framework } = await loadConcepts(`${study}concepts.yaml`);
    const { coding, diagnostics } = await loadCoding(`${study}coding.yaml`, {
      concepts: framework.concepts,
      records,
    });
    expect(lines(diagnostics)).toEqual([]);
    expect(coding.links).toHaveLength(42);
    expect(coding.links.find((link) => link.relation === 'contradicts')).toEqual({
      finding: 'lundberg2013-kompleks',
      concept: 'nav-reform',
      relation: 'contradicts',
      note: {
        nb: '5.2 og 6.0 - reformen skulle gi helhetlig bistand, men brukerne møtte en oppstykket organisasjon; reformen har ikke gjort det enklere.',
        en: '5.2 and 6.0 - the reform was to give joined-up help, but users met a fragmented organisation; the reform has not made things easier.',
      },
      file: `${study}coding.yaml`,
      line: 87,
    });
    const coded = new Set(coding.links.map((link) => link.finding));
    const uncoded = records
      .flatMap((record) => record.findings.map((finding) => finding.id))
      .filter((id) => !coded.has(id));
    expect(uncoded).toEqual(['natland2019-belastning', 'riisjohansen2018-kunnskapshull']);
  });
});

describe('the loaders on any text', () => {
  it('never throw, and point every diagnostic at a line of the file', () => {
    const yamlish = fc.array(
      fc.constantFrom(
        'theories:',
        '  - id: a',
        '    label: { nb: A, en: B }',
        '    concepts:',
        '      - id: b',
        'x-f1:',
        '  - { concept: a, relation: supports }',
        '  - [',
        ' }',
        ': :',
        '\t',
        '- -',
        '',
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          yamlish.map((lines) => lines.join('\n')),
        ),
        (text) => {
          const lineCount = text.split('\n').length;
          const concepts = parseConcepts(text, 'concepts.yaml');
          const coding = parseCoding(text, 'coding.yaml', {
            concepts: [{ id: 'a' }],
            records: [{ id: 'x', findings: [{ id: 'x-f1' }] }],
          });
          for (const d of [...concepts.diagnostics, ...coding.diagnostics]) {
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.line).toBeLessThanOrEqual(lineCount);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
