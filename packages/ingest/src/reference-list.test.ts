import { describe, expect, it } from 'vitest';
import { isBackMatterHeading } from './reference-list.js';
import { textToManuscript } from './text-to-manuscript.js';
import type { Manuscript } from './types.js';

// Synthetic reference lists (no thesis text), one shape each: how entries are told apart and
// where the list ends.

/** Each entry as [line, authors, year], the first line after the list, and what was left unread. */
function read(text: string): {
  entries: Array<[number, string[], string | null]>;
  after: string;
  unread: string[];
} {
  const manuscript: Manuscript = textToManuscript(text, { path: 'liste.txt' });
  const list = manuscript.referenceList;
  if (!list) throw new Error('no list');
  for (const entry of list.entries)
    expect(manuscript.text.slice(entry.start, entry.end).replace(/\s+/gu, ' ')).toBe(entry.raw);
  return {
    entries: list.entries.map((entry) => [
      manuscript.locate(entry.start).line,
      entry.authors,
      entry.year,
    ]),
    after: (manuscript.text.slice(list.end).trim().split('\n')[0] ?? '').slice(0, 30),
    unread: (list.unread ?? []).map((part) => manuscript.text.slice(part.start, part.end)),
  };
}

const intro = 'Innledning\n\nTeksten viser til kilder.\n\nLitteraturliste\n';

describe('findReferenceList: entries by their shape', () => {
  it('splits entries that wrap, lack their final period or carry a wrapped link', () => {
    const list = [
      'Berg, A. (1986). En lang tittel som fortsetter på neste linje uten at',
      'oppføringen slutter her Oslo: Forlaget',
      'Berg, A. (1997). Den neste boken: Forlaget.',
      'Dahl, B., Eng, C., & Fjell, D. (2010). Rapporten. Hentet fra https://example.org/rapporter/2010/',
      'lang-adresse/rapport.pdf',
      'Direktoratet. (2015-2016). Budsjett for et år. Oslo',
      'Direktoratet. (2016-2017). Budsjett for neste år. https://doi.org/10.1000/',
      'abc.123',
      'Gran, E. Bok uten årstall.',
      'Hauge, F., Isaksen, G., Jensen, H., Karlsen, I., Lund, J., Moe, K.,',
      'Nilsen, L., & Olsen, M. (2012). Mange forfattere over to linjer.',
    ].join('\n');
    expect(read(`${intro}${list}\n`).entries).toEqual([
      [6, ['Berg'], '1986'],
      [8, ['Berg'], '1997'],
      [9, ['Dahl', 'Eng', 'Fjell'], '2010'],
      [11, ['Direktoratet'], '2015-2016'],
      [12, ['Direktoratet'], '2016-2017'],
      [14, ['Gran'], null],
      [15, ['Hauge', 'Isaksen', 'Jensen', 'Karlsen', 'Lund', 'Moe', 'Nilsen', 'Olsen'], '2012'],
    ]);
  });

  it('keeps an entry whole across a page break with its page number, and a hanging indent', () => {
    const filler = (page: number) =>
      Array.from(
        { length: 14 },
        (_, line) => `Avsnitt ${page} setning ${'abcdefghijklmn'[line]} fortsetter med mer tekst`,
      );
    const text = [
      ...filler(1),
      '1',
      '',
      'Litteraturliste',
      'Aas, A. (2001). Første bok med en tittel som går over',
      '    flere linjer med hengende innrykk. Forlaget.',
      'Bø, B. (2002). Andre bok. Forlaget.',
      ...Array.from(
        { length: 10 },
        (_, index) =>
          `Ck${'abcdefghij'[index]}, C. (20${10 + index}). Bok nummer ${index}. Forlaget.`,
      ),
      'Dal, D., & Eik, E. (2003). En artikkel som brytes av sideskiftet. Tidsskrift,',
      '2',
      '',
      '12(3), 45-67.',
      'Fos, F. (2004). Siste bok. Forlaget.',
      ...Array.from(
        { length: 12 },
        (_, index) =>
          `Gk${'abcdefghijkl'[index]}, G. (19${80 + index}). Eldre bok ${index}. Forlaget.`,
      ),
      '3',
    ].join('\n');
    const { entries } = read(text);
    expect(entries.map(([, authors]) => authors[0])).toEqual([
      'Aas',
      'Bø',
      ...'abcdefghij'.split('').map((letter) => `Ck${letter}`),
      'Dal',
      'Fos',
      ...'abcdefghijkl'.split('').map((letter) => `Gk${letter}`),
    ]);
    expect(entries[12]).toEqual([31, ['Dal', 'Eik'], '2003']);
  });

  const twoEntries =
    'Aas, A. (2001). Første bok med en tittel som går over mer enn én linje i\nlisten. Forlaget.\nBø, B. (2002). Bok to. Forlaget.\n';

  it('ends at an appendix line, a heading or not, and leaves what follows out', () => {
    const text = `${intro}${twoEntries}Vedlegg 1: Intervjuguide\nHvordan opplever du (Aas, 2001) dette?\n`;
    expect(read(text)).toEqual({
      entries: [
        [6, ['Aas'], '2001'],
        [8, ['Bø'], '2002'],
      ],
      after: 'Vedlegg 1: Intervjuguide',
      unread: [],
    });
    const glued = `${intro}${twoEntries}Appendiks:\nAppendiks A: Tabeller\nHvordan opplever du (Aas, 2001) dette?\n`;
    expect(read(glued).after).toBe('Appendiks:');
  });

  it('ends where the lines stop looking like entries (statistics output without a heading)', () => {
    const output = [
      'Communalities',
      'Initial',
      '1,000',
      ',484',
      'Extraction Method: Principal',
      'Component Analysis.',
      'Total',
      '5,475 39,106',
      'Sig.',
      ',000',
    ];
    const text = `${intro}${twoEntries}${output.join('\n')}\n`;
    expect(read(text)).toEqual({
      entries: [
        [6, ['Aas'], '2001'],
        [8, ['Bø'], '2002'],
      ],
      after: 'Communalities Initial 1,000 ,4',
      unread: [],
    });
  });

  it('reads one entry a paragraph (text saved from Word) and state reports by number', () => {
    const entries = [
      'Arbeidsdepartementet. (2019). En strategi for arbeid og helse som er lang nok til at linjen blir lengre enn et trykt linjeskift. https://example.org/strategi',
      'Meld. St. 12 (2019–2020). Et tenkt dokument om arbeid og helse som også er lang nok til å fylle mer enn én linje. Departementet.',
      'NOU 2018:5 En utredning uten årstall i parentes som er lang nok til at linjen blir lengre enn en trykt linje. Departementet.',
      'Ye, Q., & van der Berg, K. (i trykk). En artikkel som kommer, med en tittel lang nok til å fylle en hel linje og litt til. Tidsskrift.',
    ];
    const text = `Innledning\n\n${'Dette er en lang linje i et avsnitt som er lagret fra Word, der hvert avsnitt står på én linje og er langt. '.repeat(2)}\n\nReferanser\n\n${entries.join('\n\n')}\n`;
    expect(read(text).entries).toEqual([
      [7, ['Arbeidsdepartementet'], '2019'],
      [9, ['Meld. St. 12'], '2019–2020'],
      [11, ['NOU 2018:5'], '2018'],
      [13, ['Ye', 'van der Berg'], 'i trykk'],
    ]);
  });

  it("takes the thesis's list, not the list of an article in an appendix", () => {
    const text = `${intro}${twoEntries}\nVedlegg 1: Artikkel\n\nEn artikkel.\n\nReferences\n\nCole, C. (1999). Other. Press.\n`;
    expect(read(text).entries.map(([, authors]) => authors[0])).toEqual(['Aas', 'Bø']);
  });

  it('names back matter that ends a list', () => {
    expect(
      [
        'Vedlegg',
        'Vedlegg 2: Samtykkeskjema',
        'Appendiks A: Faktoranalyse',
        'Appendix II',
        '9.0 Appendices',
        'Bilag',
        'Tabelloversikt',
        'Vedlegget viser',
        'Aas, A. (2001). Vedlegg.',
      ].map(isBackMatterHeading),
    ).toEqual([true, true, true, true, true, true, true, false, false]);
  });
});
