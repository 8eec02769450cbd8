import { type Locator, parseCitations } from '@litsynth/citations';
import { describe, expect, it } from 'vitest';
import { checkPunctuation, expectedLocator } from './form-rules.js';

const locator = (label: string, value: string, raw: string): Locator => ({
  label,
  value,
  raw,
  start: 0,
});

describe('expectedLocator', () => {
  it('writes pages the Norwegian APA way, and the English way in English theses', () => {
    const written = [
      locator('s.', '112', 's.112'),
      locator('s', '53', 's 53'),
      locator('s,', '32', 's, 32'),
      locator('', '59', '59'),
      locator('s.', '31-33', 's.31-33'),
      locator('side', '4 - 5', 'side 4 - 5'),
    ];
    expect(written.map((item) => expectedLocator(item, 'nb'))).toEqual([
      's. 112',
      's. 53',
      's. 32',
      's. 59',
      's. 31–33',
      's. 4–5',
    ]);
    expect(written.map((item) => expectedLocator(item, 'en'))).toEqual([
      'p. 112',
      'p. 53',
      'p. 32',
      'p. 59',
      'pp. 31–33',
      'pp. 4–5',
    ]);
  });

  it('keeps other labels and the hyphen of a section of a law', () => {
    expect(
      [
        locator('§', '11-7', '§11-7'),
        locator('kap.', '3', 'kap.3'),
        locator('para.', '2', 'para. 2'),
      ].map((item) => expectedLocator(item, 'nb')),
    ).toEqual(['§ 11-7', 'kap. 3', 'para. 2']);
  });
});

describe('checkPunctuation of a title cited as author', () => {
  it('leaves the title its own comma and years, and still sees a missing comma before the year', () => {
    const problems = (text: string) =>
      parseCitations(text).map((citation) => checkPunctuation(citation)?.message.en ?? null);
    expect(
      problems(
        '(“Hvilke tiltak finnes?,” 2017; Moen, 2014; Plan for helse 2013-2017: Hverdag, 2013)',
      ),
    ).toEqual([null, null, null]);
    expect(problems('(«Hvilke tiltak finnes?» 2017)')).toEqual([
      'Punctuation of the citation: no comma between author and year.',
    ]);
  });
});
