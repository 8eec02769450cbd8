import { describe, expect, it } from 'vitest';
import { buildMatrix } from './build-matrix.js';
import { buildDiscussionMap, findChapter } from './discussion-map.js';
import { coding, concepts, records, smallCitations, smallManuscript } from './test-small-study.js';

const manuscript = smallManuscript([
  '3.0 Resultater',
  'Hansen et al. fant at tillit tar tid (Hansen et al., 2020).',
  '4.0 Teori',
  'Makt og tillit er teoriens begreper (Lie & Øien, 2018).',
  '5.0 Drøfting',
  '5.1 Tillit',
  'Tilliten mellom bruker og veileder tar tid (Hansen et al., 2020). Også Lie og Øien viser det (Lie & Øien, 2018).',
  'Et avsnitt uten henvisning om makt.',
  '5.2 Makt',
  'Maktforholdet er ujevnt (Lie & Øien, 2018), og solidaritet nevnes (Hansen et al., 2020).',
  '2005 var året reformen kom, og tillit var målet.',
  'Litteraturliste',
]);
const citations = smallCitations(manuscript.text);
const matrix = buildMatrix({ records, concepts, coding });

describe('findChapter', () => {
  it('spans from the heading to the next chapter, ignoring a year that looks like a heading number', () => {
    const chapter = findChapter(manuscript, '5.0');
    expect(chapter && manuscript.text.slice(chapter.start, chapter.end).split('\n\n').at(-1)).toBe(
      'Litteraturliste',
    );
    expect(findChapter(manuscript, '3')?.heading.text).toBe('Resultater');
    expect(findChapter(manuscript, '7.0')).toBeUndefined();
  });
});

describe('buildDiscussionMap', () => {
  it('maps sources × concepts per paragraph of the discussion and cross-checks the coding', () => {
    const map = buildDiscussionMap({
      manuscript,
      citations,
      records,
      concepts,
      matrix,
      chapters: { results: '3.0', discussion: '5.0' },
    });
    expect(map.chapterFound).toBe(true);
    expect(
      map.mentions.map((m) => [m.recordId, m.conceptId, m.section, m.line, m.citations, m.terms]),
    ).toEqual([
      ['hansen2020', 'trust', '5.1 Tillit', 7, ['(Hansen et al., 2020)'], ['tilliten']],
      ['lie2018', 'trust', '5.1 Tillit', 7, ['(Lie & Øien, 2018)'], ['tilliten']],
      ['hansen2020', 'power', '5.2 Makt', 10, ['(Hansen et al., 2020)'], ['maktforholdet']],
      ['hansen2020', 'solidarity', '5.2 Makt', 10, ['(Hansen et al., 2020)'], ['solidaritet']],
      ['lie2018', 'power', '5.2 Makt', 10, ['(Lie & Øien, 2018)'], ['maktforholdet']],
      ['lie2018', 'solidarity', '5.2 Makt', 10, ['(Lie & Øien, 2018)'], ['solidaritet']],
    ]);
    expect(map.pairs).toEqual([
      { recordId: 'hansen2020', conceptId: 'trust', paragraphs: 1, lines: [7] },
      { recordId: 'hansen2020', conceptId: 'power', paragraphs: 1, lines: [10] },
      { recordId: 'hansen2020', conceptId: 'solidarity', paragraphs: 1, lines: [10] },
      { recordId: 'lie2018', conceptId: 'trust', paragraphs: 1, lines: [7] },
      { recordId: 'lie2018', conceptId: 'power', paragraphs: 1, lines: [10] },
      { recordId: 'lie2018', conceptId: 'solidarity', paragraphs: 1, lines: [10] },
    ]);
    expect(map.sources).toEqual([
      { recordId: 'hansen2020', results: 1, discussion: 2 },
      { recordId: 'lie2018', results: 0, discussion: 2 },
    ]);
    expect(
      map.diagnostics.map(
        (d) => `${d.line} ${d.severity} ${d.rule} [${d.section}] ${d.message.nb}`,
      ),
    ).toEqual([
      '1 warning source-missing-from-results [3.0 Resultater] Den inkluderte artikkelen Lie og Øien (2018) er ikke henvist til i resultatkapitlet (3.0 Resultater).',
      '10 info discussed-link-not-coded [5.2 Makt] Drøftingen nevner Hansen et al. (2020) sammen med «Solidaritet» (1 avsnitt), men ingen funn fra artikkelen er kodet til begrepet.',
      '10 info discussed-link-not-coded [5.2 Makt] Drøftingen nevner Lie og Øien (2018) sammen med «Makt» (1 avsnitt), men ingen funn fra artikkelen er kodet til begrepet.',
      '10 info discussed-link-not-coded [5.2 Makt] Drøftingen nevner Lie og Øien (2018) sammen med «Solidaritet» (1 avsnitt), men ingen funn fra artikkelen er kodet til begrepet.',
    ]);
  });

  it('reports coded links never discussed and a missing chapter', () => {
    const map = buildDiscussionMap({
      manuscript,
      citations: citations.filter((citation) => !citation.raw.includes('Hansen')),
      records,
      concepts,
      matrix,
      chapters: { results: '9.0', discussion: '5.0' },
    });
    expect(map.diagnostics.map((d) => `${d.line} ${d.rule} ${d.message.en}`)).toEqual([
      '1 chapter-not-found Found no heading numbered 9.0 (the results chapter in study.yaml).',
      '5 coded-link-not-discussed Hansen et al. (2020) is coded to "Trust" (finding 1 "Trust takes time"), but the discussion never mentions them in the same paragraph.',
      '5 coded-link-not-discussed Hansen et al. (2020) is coded to "Power" (finding 1 "Trust takes time", finding 2), but the discussion never mentions them in the same paragraph.',
      '5 source-missing-from-discussion The included article Hansen et al. (2020) is not cited in the discussion chapter (5.0 Drøfting).',
      '10 discussed-link-not-coded The discussion mentions Lie and Øien (2018) together with "Power" (1 paragraph), but no finding of the article is coded to the concept.',
      '10 discussed-link-not-coded The discussion mentions Lie and Øien (2018) together with "Solidarity" (1 paragraph), but no finding of the article is coded to the concept.',
    ]);
    // The findings by their number in the article matrix and their heading, never their ids.
    expect(
      map.diagnostics.filter((d) => d.rule === 'coded-link-not-discussed').map((d) => d.message.nb),
    ).toEqual([
      'Hansen et al. (2020) er kodet til «Tillit» (funn 1 «Tillit tar tid»), men drøftingen nevner dem aldri i samme avsnitt.',
      'Hansen et al. (2020) er kodet til «Makt» (funn 1 «Tillit tar tid», funn 2), men drøftingen nevner dem aldri i samme avsnitt.',
    ]);
  });
});
