import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryFileSource } from './file-source.js';
import { openStudy } from './open-study.js';

const encode = (text: string) => new TextEncoder().encode(text);

// The frontmatter of a real record, with a body that has no findings section.
const realRecord = readFileSync(
  new URL('../../../sources/natland2019.md', import.meta.url),
  'utf8',
);
const withoutFindings = `${realRecord.slice(0, realRecord.indexOf('## Funn / Findings'))}\n`;

/** A small study in memory: one included article whose record has no findings section. */
const files = {
  'study/study.yaml': encode(
    [
      'id: demo',
      'title: Tillit',
      'question: Hva skaper tillit?',
      'manuscript: oppgave.txt',
      'sourcesDir: sources',
      'included: [natland2019]',
      'concepts: concepts.yaml',
      'rules: { missing-yeer: off }',
      '',
    ].join('\n'),
  ),
  'study/oppgave.txt': encode('Tillit\n\nBrukere opplever tillit (Natland, 2019).\n'),
  'study/sources/natland2019.md': encode(withoutFindings),
  'study/concepts.yaml': encode(
    [
      'theories:',
      '  - id: trust',
      '    label: Tillit',
      '    source: natland2019',
      '    concepts:',
      '      - id: tillit',
      '        label: Tillit',
      '        definition: Å stole på en annen.',
      '',
    ].join('\n'),
  ),
};

describe('openStudy', () => {
  it('checks the manuscript from the records’ frontmatter, without their bodies or the concepts', async () => {
    const study = openStudy(memoryFileSource(files), 'study');
    const session = await study.manuscript();
    const { combined, result } = await session.check();
    expect({
      path: session.path,
      keys: result.citations.map((citation) => citation.key),
      rules: combined.diagnostics.map((diagnostic) => diagnostic.rule),
    }).toEqual({
      path: 'study/oppgave.txt',
      keys: ['natland2019'],
      // The manuscript's own problems and the misspelt rule setting; none of the record's body.
      rules: ['et-al-usage', 'no-reference-list', 'unknown-rule-setting'],
    });
  });

  it('reads the records’ bodies, the concepts and the matrix when asked, each once', async () => {
    const study = openStudy(memoryFileSource(files), 'study');
    expect(await study.records()).toBe(await study.records());
    const { records, diagnostics } = await study.records();
    const matrix = await study.matrix();
    expect({
      records: records.map((item) => [item.id, item.findings.length]),
      loading: diagnostics.map((diagnostic) => diagnostic.rule),
      concepts: matrix.concepts.map((concept) => concept.id),
      discussion: matrix.discussion?.chapterFound,
      matrixProblems: (await study.matrixDiagnostics()).map((diagnostic) => diagnostic.rule),
      files: (await study.matrixFiles('nb')).files.map((file) => file.file),
    }).toEqual({
      records: [['natland2019', 0]],
      loading: ['source-record-no-findings'],
      concepts: ['tillit'],
      discussion: false,
      matrixProblems: [
        'concept-without-findings',
        'concepts-no-terms',
        'source-record-no-findings',
      ],
      files: [
        'matrix.json',
        'matrix.md',
        'matrix.html',
        ...['sources-concepts', 'findings-concepts', 'gaps'].flatMap((name) =>
          ['md', 'html', 'csv', 'json'].map((type) => `tables/matrix-${name}.${type}`),
        ),
        ...['md', 'html', 'csv', 'json'].map((type) => `tables/discussion-map.${type}`),
      ],
    });
  });

  it('refuses a folder without study.yaml, naming it', async () => {
    await expect(
      openStudy(memoryFileSource(files), 'study/sources').config(),
    ).rejects.toMatchObject({ code: 'not-a-study', file: 'study/sources' });
  });
});
