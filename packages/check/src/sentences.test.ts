import { describe, expect, it } from 'vitest';
import { sentencesOf } from './sentences.js';

describe('sentencesOf', () => {
  it('ends sentences at . ! ? before a capital, but not after "et al.", "s." or an initial', () => {
    const text =
      'Gorzelitz et al. reported gains (s. 4). Did it help? Yes, said A. Berg. «Sitat» følger.';
    expect(
      sentencesOf(text, { start: 0, end: text.length }).map((span) =>
        text.slice(span.start, span.end),
      ),
    ).toEqual([
      'Gorzelitz et al. reported gains (s. 4).',
      'Did it help?',
      'Yes, said A. Berg.',
      '«Sitat» følger.',
    ]);
  });
});
