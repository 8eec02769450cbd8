import { describe, expect, it } from 'vitest';
import { compileConceptTerms } from './concept-terms.js';

describe('compileConceptTerms', () => {
  const find = compileConceptTerms({
    id: 'x',
    label: { nb: 'x', en: 'x' },
    terms: { nb: ['tillit', 'aktiv lytting', 'makt*', 'hjelp til selvhjelp'], en: ['trust'] },
  });

  it.each([
    ['Tilliten mellom dem vokste.', ['tilliten']],
    ['Uten tillit, ingen relasjon; TILLIT er alt.', ['tillit']],
    ['Hun brukte aktiv  lytting og maktapparatet merket det.', ['aktiv lytting', 'maktapparatet']],
    ['Hjelp til selvhjelp og trust.', ['hjelp til selvhjelp', 'trust']],
    ['Mistillit og tillitsvalgt er andre ord.', []],
    ['Trustworthy is not the term.', []],
    ['MAKTEN og AKTIV LYTTING i store bokstaver.', ['aktiv lytting', 'makten']],
    ['Hjelp-til-selvhjelp med bindestrek teller ikke.', []],
  ])('%s', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it('finds a word form ending in -e with the endings of its definite and plural forms', () => {
    const findBalance = compileConceptTerms({
      id: 'z',
      label: { nb: 'z', en: 'z' },
      terms: { nb: ['maktubalanse'] },
    });
    expect(findBalance('Maktubalansen og flere maktubalanser, men ikke maktubalansering.')).toEqual(
      ['maktubalansen', 'maktubalanser'],
    );
  });

  it('finds nothing for a concept without word forms', () => {
    expect(compileConceptTerms({ id: 'y', label: { nb: 'y', en: 'y' } })('anything')).toEqual([]);
  });
});
