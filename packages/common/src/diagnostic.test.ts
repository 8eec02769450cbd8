import { describe, expect, it } from 'vitest';
import { completeLocalized } from './diagnostic.js';

describe('completeLocalized', () => {
  it('keeps a text given in both languages', () => {
    expect(completeLocalized({ nb: 'Empati', en: 'Empathy' })).toEqual({
      nb: 'Empati',
      en: 'Empathy',
    });
  });

  it('shows the given language, marked, where the other is missing', () => {
    expect([
      completeLocalized({ nb: 'Empati' }),
      completeLocalized({ en: 'Empathy', nb: '  ' }),
    ]).toEqual([
      { nb: 'Empati', en: 'Empati (nb)' },
      { nb: 'Empathy (en)', en: 'Empathy' },
    ]);
  });

  it('is undefined without text in either language', () => {
    expect(completeLocalized({ nb: '', en: ' ' })).toBeUndefined();
  });
});
