import { loadBibliographyText } from '@litsynth/bibliography';
import { textToManuscript } from '@litsynth/ingest';
import { describe, expect, it } from 'vitest';
import { checkManuscript } from './check-manuscript.js';

// Synthetic theses written for these tests (no thesis text): an English one and a Norwegian one,
// each citing two works, with a typed reference list in APA 7 (English) form.
const bibliography = `
- id: smith2020
  type: article-journal
  author: [{family: Smith, given: Jane}, {family: Jones, given: Karl}]
  title: Trust in welfare services
  container-title: Journal of Social Work
  volume: 23
  page: 86-99
  issued: {date-parts: [[2020]]}
- id: lee2015
  type: chapter
  author: [{family: Lee, given: Ingrid}]
  title: Recognition in encounters with users
  container-title: Social work
  editor: [{family: Berg, given: Anne}, {family: Dahl, given: Lise}]
  page: 95-110
  publisher: Routledge
  issued: {date-parts: [[2015]]}
`;

const englishList = [
  'Lee, I. (2015). Recognition in encounters with users. In A. Berg & L. Dahl (Eds.), Social work (pp. 95–110). Routledge.',
  'Smith, J., & Jones, K. (2020). Trust in welfare services. Journal of Social Work, 23, 86–99.',
];

const englishBody =
  'This thesis examines how caseworkers in the welfare services can build a good relationship with users who are in a difficult situation (Smith & Jones, 2020). ' +
  'The studies show that trust is central, but also that the time the caseworker has matters a great deal to the user. ' +
  'When the adviser does not have time for the conversation, it is hard to build a relationship that lasts, as Lee (2015, p. 97) has shown. ' +
  'The discussion considers how this can be understood in the light of theories of recognition and power, and what it means for practice.';

const norwegianBody =
  'Denne oppgaven handler om hvordan ansatte i NAV kan bygge en god relasjon til brukere som er i en vanskelig livssituasjon (Smith & Jones, 2020). ' +
  'Det viser seg at tillit er sentralt, men også at tiden saksbehandleren har, betyr mye for brukeren. ' +
  'Hvis veilederen ikke har tid til samtalen, blir det vanskelig å skape en relasjon som varer over tid, slik Lee (2015, s. 97) har vist. ' +
  'I drøftingen ser jeg på hvordan dette kan forstås i lys av teori om anerkjennelse og makt, og hva det betyr for praksis.';

async function checkThesis(
  body: string,
  heading: string,
  list: string[],
  options: { language?: 'nb' | 'en'; style?: string } = {},
) {
  const text = [
    '1 Introduction',
    '',
    body,
    '',
    heading,
    '',
    ...list.flatMap((entry) => [entry, '']),
  ].join('\n');
  const { entries } = await loadBibliographyText(bibliography, 'references.yaml', '.yaml');
  return checkManuscript({
    manuscript: textToManuscript(text, { path: 'thesis.txt' }),
    entries,
    ...options,
  });
}

const forms = (result: Awaited<ReturnType<typeof checkThesis>>) =>
  result.diagnostics
    .filter((diagnostic) => diagnostic.rule === 'bib-typed-entry-form')
    .map((diagnostic) => [diagnostic.line, diagnostic.message.en]);

describe('the thesis language and the style of a lone manuscript', () => {
  it('checks an English thesis in English against APA 7: its list forms and "p." are right', async () => {
    const result = await checkThesis(englishBody, 'References', englishList);
    expect(result.language).toEqual({
      thesis: 'en',
      source: 'detected',
      detected: {
        language: 'en',
        decided: true,
        confidence: 1,
        counts: { en: 43, no: 0, nb: 0, nn: 0 },
        words: 94,
      },
      style: 'apa',
      styleInferred: true,
    });
    expect(result.diagnostics.map((diagnostic) => diagnostic.rule)).toEqual([]);
  });

  it('holds the same list to the Norwegian APA manual when a study says so', async () => {
    const result = await checkThesis(englishBody, 'References', englishList, {
      language: 'nb',
      style: 'norsk-apa-manual',
    });
    expect(result.language).toEqual({
      thesis: 'nb',
      source: 'given',
      style: 'norsk-apa-manual',
      styleInferred: false,
    });
    expect(forms(result)).toEqual([
      [7, 'Reference list: editors marked otherwise than "(Red.)".'],
      [7, 'Reference list: "In" before the editors of a book.'],
      [7, 'Reference list: pages written "pp.".'],
      [9, 'Reference list: a comma before "&" in the author list.'],
    ]);
  });

  it('leaves a Norwegian thesis its list written the APA 7 way throughout, and flags the APA 7 forms of a mixed list', async () => {
    const consistent = await checkThesis(norwegianBody, 'Litteraturliste', englishList);
    expect(consistent.language).toMatchObject({
      thesis: 'nb',
      source: 'detected',
      style: 'norsk-apa-manual',
      styleInferred: true,
    });
    expect(forms(consistent)).toEqual([]);
    const mixed = [
      englishList[0]!.replace('(Eds.)', '(Red.)').replace('. In ', '. I '),
      englishList[1]!,
    ];
    expect(forms(await checkThesis(norwegianBody, 'Litteraturliste', mixed))).toEqual([
      [7, 'Reference list: pages written "pp.".'],
      [9, 'Reference list: a comma before "&" in the author list.'],
    ]);
  });
});
