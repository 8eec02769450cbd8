import { describe, expect, it } from 'vitest';
import { textToManuscript } from './text-to-manuscript.js';

// A synthetic thesis whose headings lost their type size: the table of contents names them.

/** Headings as [number, text, level, line]. */
function headings(text: string): Array<[string | undefined, string, number, number]> {
  const manuscript = textToManuscript(text, { path: 'oppgave.txt' });
  return manuscript.headings.map((heading) => [
    heading.number,
    heading.text,
    heading.level,
    manuscript.locate(heading.start).line,
  ]);
}

const contents = [
  'Innholdsfortegnelse',
  'i Forord……………………………………2',
  '1. Innledning……………………………3',
  '1.1 Bakgrunn………………………………3',
  '2. Teoretisk rammeverk……………5',
  '2.1 Tillit og “relasjon”…………………6',
  'Litteraturliste……………………………9',
];

describe('applyTableOfContents', () => {
  it('finds the headings the table of contents names, not its own lines nor a numbered list', () => {
    const body = [
      'Forord',
      'Takk til alle som har hjulpet meg med oppgaven, og til familien',
      '1. Innledning',
      'Teksten begynner her og har to problemstillinger.',
      '1. Hva betyr tillit for dem som møter tjenesten',
      '2. Hva betyr relasjonen over tid',
      'Begge blir drøftet i kapittel 2 her nedenfor.',
      '1.1 Bakgrunn',
      'Bakgrunnen er kort beskrevet her med en kilde (Berg, 2019) som viser',
      'at dette er viktig',
      '2',
      'Teoretisk rammeverk',
      'Teorien følger her.',
      '2.1 Tillit og relasjon',
      'Om tillit (Dahl, 2018).',
      'Litteraturliste',
      'Berg, A. (2019). Tillit. Forlaget.',
      'Dahl, B. (2018). Relasjon. Forlaget.',
    ];
    expect(headings([...contents, '', ...body].join('\n'))).toEqual([
      [undefined, 'Innholdsfortegnelse', 1, 1],
      [undefined, 'Forord', 1, 9],
      ['1', 'Innledning', 1, 11],
      ['1.1', 'Bakgrunn', 2, 16],
      ['2', 'Teoretisk rammeverk', 1, 19],
      ['2.1', 'Tillit og relasjon', 2, 22],
      [undefined, 'Litteraturliste', 1, 24],
    ]);
  });

  it('takes numbered lines with a page but no leaders for a table only when there are several', () => {
    const text = [
      'Table of contents',
      '',
      '1.0 Theory 4',
      '',
      '1.1 Cancer 4',
      '',
      '2.0 Method 7',
      '',
      '1.0 Theory',
      '',
      'Text.',
      '',
      '1.1 Cancer',
      '',
      'More text.',
    ].join('\n');
    expect(headings(text)).toEqual([
      [undefined, 'Table of contents', 1, 1],
      ['1.0', 'Theory', 1, 9],
      ['1.1', 'Cancer', 2, 13],
    ]);
  });
});
