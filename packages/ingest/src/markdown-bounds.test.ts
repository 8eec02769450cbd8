import { describe, expect, test } from 'vitest';
import { refuseOverlyNestedMarkdown } from './markdown-bounds.js';

const limits = { maxNesting: 5, maxMarkersPerParagraph: 12, maxMarkers: 30 };

function refusal(text: string): { line: number | undefined; message: string } | null {
  try {
    refuseOverlyNestedMarkdown(text, 'thesis.md', limits);
    return null;
  } catch (error) {
    return { line: (error as { line?: number }).line, message: (error as Error).message };
  }
}

describe('refuseOverlyNestedMarkdown', () => {
  test('admits ordinary nesting, emphasis and links, and counts markers per paragraph', () => {
    const text = [
      '# Innledning',
      '',
      '- punkt',
      '  - under',
      '    > sitat *viktig*',
      '',
      'Se [Berg](https://x.org/a_b) og *Dahl*.',
      '',
      '*a* _b_ [c]',
      '| *x* | *y* | *z* | *w* |',
    ].join('\n');
    expect(refusal(text)).toBeNull();
  });

  test('refuses lists and quotations nested too deep, and a paragraph with too many markers, at their lines', () => {
    const lists = Array.from(
      { length: 8 },
      (_, depth) => `${'  '.repeat(depth)}- nivå ${depth}`,
    ).join('\n');
    expect([
      refusal(`Tekst.\n\n${lists}`),
      refusal('> > > > > > sitat'),
      refusal(`Tekst.\n\nFørst\n${'*_'.repeat(4)}x${'_*'.repeat(4)}`),
    ]).toEqual([
      {
        line: 8,
        message: 'The Markdown nests lists or quotations more than 5 levels deep; the limit is 5.',
      },
      {
        line: 1,
        message: 'The Markdown nests lists or quotations more than 5 levels deep; the limit is 5.',
      },
      {
        line: 3,
        message:
          'The Markdown paragraph starting here has more than 12 emphasis and link markers (* _ [ ]); litsynth reads at most 12.',
      },
    ]);
  });

  test('refuses more markers in the whole file than the limit, at the line that passes it', () => {
    expect(
      refusal(Array.from({ length: 4 }, (_, index) => `*a* *b* [c] _d_ (${index})`).join('\n\n')),
    ).toEqual({
      line: 7,
      message:
        'The Markdown has more than 30 emphasis and link markers (* _ [ ]); litsynth reads at most 30.',
    });
  });

  test('is linear: 200,000 levels of brackets, quotes and indentation are refused at once', () => {
    expect(refusal(`${'> '.repeat(200_000)}x`)?.line).toBe(1);
    expect(refusal(`${'['.repeat(200_000)}x`)?.line).toBe(1);
    expect(refusal(`${' '.repeat(200_000)}- x`)?.line).toBe(1);
  });
});
