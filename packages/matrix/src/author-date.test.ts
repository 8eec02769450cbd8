import { describe, expect, test } from 'vitest';
import { narrativeCitation } from './author-date.js';

type Item = Parameters<typeof narrativeCitation>[0];

const item = (fields: Omit<Item, 'id' | 'type'>): Item =>
  ({ id: 'x', type: 'article-journal', ...fields }) as Item;
const four = [
  { family: 'Riis-Johansen' },
  { family: 'Halvorsen' },
  { family: 'Andenæs' },
  { family: 'Hammerstad' },
];

describe('narrativeCitation', () => {
  test('a known year, an undated work, and a year nobody knows, in both languages', () => {
    const forms = (entry: Item) => [narrativeCitation(entry, 'nb'), narrativeCitation(entry, 'en')];
    expect(
      forms(
        item({
          author: [{ family: 'Lundberg' }, { family: 'Syltevik' }],
          issued: { 'date-parts': [[2013, 12, 4]] },
        }),
      ),
    ).toEqual(['Lundberg og Syltevik (2013)', 'Lundberg and Syltevik (2013)']);
    expect(
      forms(item({ author: [{ literal: 'Helsedirektoratet' }], issued: { literal: 'u.å.' } })),
    ).toEqual(['Helsedirektoratet (u.å.)', 'Helsedirektoratet (n.d.)']);
    expect(forms(item({ author: four }))).toEqual([
      'Riis-Johansen et al. (år mangler)',
      'Riis-Johansen et al. (year missing)',
    ]);
    expect(forms(item({}))).toEqual([
      'Ukjent forfatter (år mangler)',
      'Unknown author (year missing)',
    ]);
  });
});
