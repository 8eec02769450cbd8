import { describe, expect, it } from 'vitest';
import { detectLanguage, detectManuscriptLanguage } from './detect-language.js';
import { textToManuscript } from './text-to-manuscript.js';

// Synthetic texts written for these tests (no thesis text).
const bokmal =
  'Denne oppgaven handler om hvordan ansatte i NAV kan bygge en god relasjon til brukere som er i en vanskelig livssituasjon. ' +
  'Jeg har valgt en litteraturstudie, fordi det finnes mye forskning på feltet, og fordi det er viktig å se hva andre har funnet. ' +
  'Det viser seg at tillit er sentralt, men også at tiden saksbehandleren har, betyr mye for brukeren. ' +
  'Hvis veilederen ikke har tid til samtalen, blir det vanskelig å skape en relasjon som varer over tid. ' +
  'I drøftingen ser jeg på hvordan dette kan forstås i lys av teori om anerkjennelse og makt, og hva det betyr for praksis.';

const nynorsk =
  'Denne oppgåva handlar om korleis tilsette i NAV kan byggje ein god relasjon til brukarar som er i ein vanskeleg livssituasjon. ' +
  'Eg har valt ein litteraturstudie, fordi det finst mykje forsking på feltet, og fordi det er viktig å sjå kva andre har funne. ' +
  'Det viser seg at tillit er sentralt, men òg at tida saksbehandlaren har, betyr mykje for brukaren. ' +
  'Viss rettleiaren ikkje har tid til samtalen, blir det vanskeleg å skape ein relasjon som varer over tid. ' +
  'I drøftinga ser eg på korleis dette kan forståast i lys av teori om anerkjenning og makt, og kva det betyr for praksis.';

const english =
  'This thesis examines how caseworkers in the welfare administration can build a good relationship with users who are in a difficult situation. ' +
  'I chose a literature review because there is a large body of research in the field, and because it is important to see what others have found. ' +
  'The studies show that trust is central, but also that the time the caseworker has matters a great deal to the user. ' +
  'When the adviser does not have time for the conversation, it is hard to build a relationship that lasts. ' +
  'The discussion considers how this can be understood in the light of theories of recognition and power, and what it means for practice.';

describe('detectLanguage', () => {
  it('tells bokmål, nynorsk and English apart, with the counts it decided on', () => {
    expect(detectLanguage(bokmal)).toEqual({
      language: 'nb',
      decided: true,
      confidence: 1,
      counts: { en: 0, no: 32, nb: 10, nn: 0 },
      words: 102,
    });
    expect(detectLanguage(nynorsk)).toEqual({
      language: 'nn',
      decided: true,
      confidence: 1,
      counts: { en: 0, no: 31, nb: 0, nn: 11 },
      words: 102,
    });
    expect(detectLanguage(english)).toEqual({
      language: 'en',
      decided: true,
      confidence: 1,
      counts: { en: 55, no: 0, nb: 0, nn: 0 },
      words: 113,
    });
  });

  it('keeps a Norwegian text Norwegian with English quotations in it', () => {
    const quoted = `${bokmal} En informant sa det slik: «We are not here to judge, we are here to help the user find a way forward.» ${bokmal}`;
    expect(detectLanguage(quoted)).toMatchObject({
      language: 'nb',
      decided: true,
      confidence: 0.915,
    });
  });

  it('leaves a very short text, or one half Norwegian and half English, undecided: Norwegian', () => {
    expect(detectLanguage('Relasjonen er viktig for brukeren.')).toEqual({
      language: 'nb',
      decided: false,
      confidence: 0.033,
      counts: { en: 0, no: 1, nb: 0, nn: 0 },
      words: 5,
    });
    expect(detectLanguage('The relationship is important to the user.')).toEqual({
      language: 'nb',
      decided: false,
      confidence: 0,
      counts: { en: 4, no: 0, nb: 0, nn: 0 },
      words: 7,
    });
    expect(detectLanguage('')).toEqual({
      language: 'nb',
      decided: false,
      confidence: 0,
      counts: { en: 0, no: 0, nb: 0, nn: 0 },
      words: 0,
    });
    expect(detectLanguage(`${bokmal} ${english}`)).toMatchObject({
      language: 'nb',
      decided: false,
      confidence: 0.433,
    });
  });
});

describe('detectManuscriptLanguage', () => {
  it('reads a Norwegian thesis as Norwegian without its English reference list and block quotations', () => {
    const list = Array.from(
      { length: 30 },
      (_, index) =>
        `Author${String.fromCharCode(65 + (index % 26))}, A., & Writer, B. (${2000 + index}). What is known about the role of trust in the work of the welfare services and how it is built. Journal of Social Work, ${index + 1}(2), 1–20.`,
    );
    const quote = `    ${english}`;
    const text = [
      '1 Innledning',
      '',
      bokmal,
      '',
      quote,
      '',
      'Litteraturliste',
      '',
      ...list.flatMap((entry) => [entry, '']),
    ].join('\n');
    const manuscript = textToManuscript(text, { path: 'oppgave.txt' });
    expect(manuscript.referenceList?.entries.length).toBe(30);
    expect(manuscript.blocks.filter((block) => block.kind === 'block-quote').length).toBe(1);
    expect(detectManuscriptLanguage(manuscript)).toEqual({
      language: 'nb',
      decided: true,
      confidence: 1,
      counts: { en: 0, no: 32, nb: 10, nn: 0 },
      words: 103,
    });
    // The whole text, list and quotation included, would have been English.
    expect(detectLanguage(manuscript.text).language).toBe('en');
  });
});
