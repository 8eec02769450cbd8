import { describe, expect, it } from 'vitest';
import { parseYamlDocument } from './yaml-document-full.js';

const text = [
  'id: study',
  'tittel: A',
  'rules:',
  '  missing-year: off',
  'bibliografi:',
  '  - a.bib',
  'typo: 1',
  '',
].join('\n');
const norwegian: Record<string, string> = { tittel: 'title', bibliografi: 'bibliography' };

describe('parseYamlDocument', () => {
  const yaml = parseYamlDocument(text, { fieldOf: (key) => norwegian[key] ?? key });

  it('reads the value once, with no errors', () => {
    expect(yaml.errors).toEqual([]);
    expect(yaml.value()).toEqual({
      id: 'study',
      tittel: 'A',
      rules: { 'missing-year': 'off' },
      bibliografi: ['a.bib'],
      typo: 1,
    });
    expect(yaml.value()).toBe(yaml.value());
  });

  it('places values and keys by field, with the deepest existing part for a missing one', () => {
    expect(yaml.placeOf(['title'])).toEqual({ line: 2, column: 9 });
    expect(yaml.placeOf(['rules', 'missing-year'], 'key')).toEqual({ line: 4, column: 3 });
    expect(yaml.placeOf(['bibliography', 0])).toEqual({ line: 6, column: 5 });
    expect(yaml.placeOf(['rules', 'nothing'])).toEqual({ line: 4, column: 3 });
    expect(yaml.placeOf(['nothing'])).toEqual({ line: 1, column: 1 });
  });

  it('names the unknown keys of a map at their places', () => {
    expect(yaml.unknownKeys([], ['id', 'title', 'rules', 'bibliography'])).toEqual([
      { key: 'typo', line: 7, column: 1 },
    ]);
    expect(yaml.unknownKeys(['rules'], [])).toEqual([{ key: 'missing-year', line: 4, column: 3 }]);
  });

  it('gives file places for a text that starts below the first line', () => {
    const frontmatter = parseYamlDocument('id: x\nentry: [\n', { firstLine: 2 });
    expect(frontmatter.errors.map(({ code, line }) => ({ code, line }))).toEqual([
      { code: 'BAD_INDENT', line: 4 },
    ]);
    expect(frontmatter.placeOfOffset(0)).toEqual({ line: 2, column: 1 });
  });

  it('refuses aliases that expand to too much', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 5; level++)
      laughs.push(
        `${'b'.repeat(level)}: &${'b'.repeat(level)} [${Array(10)
          .fill(`*${level === 1 ? 'a' : 'b'.repeat(level - 1)}`)
          .join(', ')}]`,
      );
    expect(() => parseYamlDocument(laughs.join('\n')).value()).toThrow();
  });
});
