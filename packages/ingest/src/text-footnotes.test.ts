import { describe, expect, it } from 'vitest';
import { textToManuscript } from './text-to-manuscript.js';

const read = (lines: string[]) =>
  textToManuscript(`${lines.join('\n')}\n`, { path: 'oppgave.txt' });

// Wrapped lines, as a text export has them (one empty line is then a paragraph break).
const body = [
  '1 Innledning',
  '',
  'Brukerne vil bli sett (Natland et al., 2019).[1]',
  'Det krever tid.',
  '',
  'Relasjonen bygges over',
  'tid (Skau, 2017).[2]',
  '',
  'Referanser',
  '',
  'Natland, S., Bjerke, E. & Torstensen, T. B. (2019).',
  'Opplevelser av god hjelp. Fontene forskning.',
  '',
  'Skau, G. M. (2017). Gode fagfolk vokser',
  '(6. utg.). Cappelen Damm.',
];
const natland =
  'Natland, S., Bjerke, E. & Torstensen, T. B. (2019). Opplevelser av god hjelp. Fontene forskning.';
const skau = 'Skau, G. M. (2017). Gode fagfolk vokser (6. utg.). Cappelen Damm.';

describe('footnotes after the reference list of a plain-text thesis', () => {
  it('moves "[n]" footnotes after the paragraph with their marker, keeps their place, and keeps them out of the list', () => {
    const manuscript = read([
      ...body,
      '',
      '[1] Åtte kvinner ble intervjuet',
      '(Stenbrenden et al., 2018).',
      '',
      '[2] Se også Eide og Eide (2017).',
    ]);
    expect(manuscript.text).toBe(
      [
        '1 Innledning',
        'Brukerne vil bli sett (Natland et al., 2019).[1] Det krever tid.',
        'Åtte kvinner ble intervjuet (Stenbrenden et al., 2018).',
        'Relasjonen bygges over tid (Skau, 2017).[2]',
        'Se også Eide og Eide (2017).',
        'Referanser',
        natland,
        skau,
      ].join('\n\n'),
    );
    expect(manuscript.referenceList?.entries.map((entry) => entry.authors)).toEqual([
      ['Natland', 'Bjerke', 'Torstensen'],
      ['Skau'],
    ]);
    // Line and column of the footnote's text as in the file (after its "[1] ").
    expect(manuscript.locate(manuscript.text.indexOf('Åtte kvinner'))).toEqual({
      line: 17,
      column: 5,
    });
    expect(manuscript.blocks.map((block) => block.kind)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
    ]);
  });

  it('reads "1 …" footnotes numbered from 1 whose markers are glued to the text ("tid.1")', () => {
    const lines = [
      ...body.slice(0, 2),
      'Brukerne vil bli sett.1 Det',
      'krever tid.2',
      ...body.slice(7),
      '',
      '1 Natland et al. (2019).',
      '',
      '2 Skau (2017).',
    ];
    const manuscript = read(lines);
    expect(manuscript.text.split('\n\n').slice(1, 4)).toEqual([
      'Brukerne vil bli sett.1 Det krever tid.2',
      'Natland et al. (2019).',
      'Skau (2017).',
    ]);
    expect(manuscript.referenceList?.entries).toHaveLength(2);
  });

  it('splits "[n]" lines that follow the last entry without an empty line', () => {
    const manuscript = read([...body, '[1] Åtte kvinner.', '[2] Se også Eide og Eide (2017).']);
    expect(manuscript.text.split('\n\n').slice(1, 5)).toEqual([
      'Brukerne vil bli sett (Natland et al., 2019).[1] Det krever tid.',
      'Åtte kvinner.',
      'Relasjonen bygges over tid (Skau, 2017).[2]',
      'Se også Eide og Eide (2017).',
    ]);
    expect(manuscript.referenceList?.entries.map((entry) => entry.raw)).toEqual([natland, skau]);
  });

  it('puts footnotes whose marker is not found before the reference list, with a separator line', () => {
    const manuscript = read([...body, '', '-----', '', '[3] En merknad uten', 'merke i teksten.']);
    expect(manuscript.text.split('\n\n').slice(3)).toEqual([
      '-----',
      'En merknad uten merke i teksten.',
      'Referanser',
      natland,
      skau,
    ]);
    expect(manuscript.referenceList?.entries).toHaveLength(2);
  });

  it('leaves a list alone whose last paragraphs only look numbered, and a thesis without a list', () => {
    // "2 …" alone does not start at 1: it may be an entry (and it parses as one).
    const numbered = read([...body, '', '2 Kilder uten forfatter (2020).', 'Nettside.']);
    expect(numbered.referenceList?.entries).toHaveLength(3);
    const noList = read([...body.slice(0, 8), '[1] Fotnote', 'med to linjer.']);
    expect(noList.text.split('\n\n').slice(3)).toEqual(['[1] Fotnote med to linjer.']);
  });
});
