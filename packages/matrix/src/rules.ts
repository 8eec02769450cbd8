import type { RuleDefinition } from '@litsynth/common';

/** The rule ids of the matrix and the discussion map, documented; ids never change once released. */
export const matrixRules: RuleDefinition[] = [
  {
    id: 'coding-unknown-finding',
    name: { nb: 'Koding av ukjent funn', en: 'Coding of an unknown finding' },
    severity: 'error',
    description: {
      nb: 'Kodingen viser til et funn som ingen inkludert kilde har.',
      en: 'The coding refers to a finding that no included source has.',
    },
    example: '- finding: natland2019-f9  # the record has f1–f5',
  },
  {
    id: 'coding-unknown-concept',
    name: { nb: 'Koding til ukjent begrep', en: 'Coding to an unknown concept' },
    severity: 'error',
    description: {
      nb: 'Kodingen viser til et begrep som ikke finnes i begrepsrammen.',
      en: 'The coding refers to a concept that is not in the concept framework.',
    },
    example: '  concept: empathy2  # concepts.yaml has empathy',
  },
  {
    id: 'coding-duplicate-link',
    name: { nb: 'Samme kobling to ganger', en: 'Same link twice' },
    severity: 'warning',
    description: {
      nb: 'Samme funn er koblet til samme begrep mer enn én gang.',
      en: 'The same finding is linked to the same concept more than once.',
    },
    example: 'natland2019-f1 → empathy twice',
  },
  {
    id: 'concept-without-findings',
    name: { nb: 'Begrep uten funn', en: 'Concept without findings' },
    severity: 'info',
    description: {
      nb: 'Ingen funn er kodet til begrepet: teorien står uten empiri i oppgaven.',
      en: 'No finding is coded to the concept: the theory stands without evidence in the thesis.',
    },
    example: 'solidarity: 0 findings',
  },
  {
    id: 'finding-not-coded',
    name: { nb: 'Funn uten begrep', en: 'Finding linked to no concept' },
    severity: 'info',
    description: {
      nb: 'Funnet er ikke koblet til noe begrep.',
      en: 'The finding is linked to no concept.',
    },
    example: 'riisjohansen2018-f4: no links',
  },
  {
    id: 'coded-link-not-discussed',
    name: { nb: 'Kodet, men ikke drøftet', en: 'Coded but not discussed' },
    severity: 'warning',
    description: {
      nb: 'Et funn er kodet til et begrep, men drøftingen nevner aldri kilden og begrepet i samme avsnitt.',
      en: 'A finding is coded to a concept, but the discussion never mentions the source and the concept in the same paragraph.',
    },
    example: 'natland2019 × power: coded, never discussed together',
  },
  {
    id: 'discussed-link-not-coded',
    name: { nb: 'Drøftet, men ikke kodet', en: 'Discussed but not coded' },
    severity: 'info',
    description: {
      nb: 'Drøftingen nevner kilden og begrepet i samme avsnitt, men ingen funn fra kilden er kodet til begrepet.',
      en: 'The discussion mentions the source and the concept in one paragraph, but no finding of the source is coded to the concept.',
    },
    example: '«… tillit … (Natland mfl., 2019)» with no natland2019 finding coded to trust',
  },
  {
    id: 'chapter-not-found',
    name: { nb: 'Kapittel ikke funnet', en: 'Chapter not found' },
    severity: 'warning',
    description: {
      nb: 'Kapitlet som study.yaml oppgir (chapters.results / chapters.discussion), finnes ikke i manuset.',
      en: 'The chapter study.yaml names (chapters.results / chapters.discussion) is not in the manuscript.',
    },
    example: 'chapters: { discussion: "7.0" } in a thesis with five chapters',
  },
  {
    id: 'source-missing-from-results',
    name: { nb: 'Artikkel mangler i resultatene', en: 'Article missing from the results' },
    severity: 'warning',
    description: {
      nb: 'En inkludert artikkel er ikke henvist til i resultatkapitlet.',
      en: 'An included article is not cited in the results chapter.',
    },
    example: 'stenbrenden2018: 0 citations in 3.0',
  },
  {
    id: 'source-missing-from-discussion',
    name: { nb: 'Artikkel mangler i drøftingen', en: 'Article missing from the discussion' },
    severity: 'warning',
    description: {
      nb: 'En inkludert artikkel er ikke henvist til i drøftingskapitlet.',
      en: 'An included article is not cited in the discussion chapter.',
    },
    example: 'stenbrenden2018: 0 citations in 5.0',
  },
];
