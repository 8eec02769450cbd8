import { describe, expect, test } from 'vitest';
import { decodeLatexLeftovers, normalizeDecodedText } from './latex-text.js';

describe('decodeLatexLeftovers', () => {
  test.each([
    ['{\\AA}sheim', 'Åsheim'],
    ['\\AA{}sheim', 'Åsheim'],
    ['\\AA sheim', 'Åsheim'],
    ['P{\\aa}l', 'Pål'],
    ['P\\aa{}l', 'Pål'],
    ['Sk\\aa r', 'Skår'],
    ['se \\S~3', 'se §~3'],
    ['og s\\aa\\ videre', 'og så videre'],
    ['a \\ldots{} b \\dots c', 'a … b …c'],
    ['$\\pm$ 5 $\\geq$ 3', '$±$ 5 $≥$ 3'],
    ['{\\noopsort{b}}Aa', 'Aa'],
    ["\\protect\\'e", "\\'e"],
    ['\\textnormal{x}', 'x'],
    ['kom\\-mu\\-ni\\-ka\\-sjon', 'kommunikasjon'],
    ['NAV\\,–\\,fra', 'NAV – fra'],
    ['inn/\\slash ut', 'inn//ut'],
  ])('%s → %s', (input, output) => {
    expect(decodeLatexLeftovers(input)).toEqual(output);
  });

  test('keeps every line break, so that entries keep their lines', () => {
    const text = '@book{a,\n  author = {{\\AA}sheim, Kari},\n  title = {\\S\\ 3 \\ldots}\n}\n';
    expect(decodeLatexLeftovers(text).split('\n').length).toEqual(text.split('\n').length);
  });

  test('leaves what citation-js decodes itself', () => {
    expect(
      decodeLatexLeftovers('{\\o} {\\ae} \\"{o} {\\\'e} \\& -- --- {\\textendash} \\ss'),
    ).toEqual('{\\o} {\\ae} \\"{o} {\\\'e} \\& -- --- {\\textendash} \\ss');
  });
});

describe('normalizeDecodedText', () => {
  test('an accent on a dotless i or j is the accented letter; combining accents are composed', () => {
    expect(normalizeDecodedText('Mart\u0131\u0301n, Lo\u0131\u0308c, e\u0301')).toEqual(
      'Martín, Loïc, é',
    );
  });
});
