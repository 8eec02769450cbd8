import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from './index.js';
import { parseCitations } from './parse-citations.js';

describe('public API', () => {
  it('exports exactly parseCitations', () => {
    expect(Object.keys(api).sort()).toEqual(['parseCitations']);
  });
});

describe('parseCitations', () => {
  it('returns the whole citation with offsets, locator and group', () => {
    const text = 'Relasjonen er viktig (Levin & Ellingsen, 2015, s.112). Slik er det.';
    expect(parseCitations(text)).toEqual([
      {
        raw: 'Levin & Ellingsen, 2015, s.112',
        start: 22,
        end: 52,
        form: 'parenthetical',
        authors: ['Levin', 'Ellingsen'],
        corporate: false,
        etAl: null,
        connector: '&',
        year: '2015',
        notYear: null,
        locator: { label: 's.', value: '112', raw: 's.112', start: 47 },
        prefix: null,
        secondary: null,
        group: 0,
        yearOnly: false,
      },
    ]);
  });

  it('splits several years of one author into citations of one group, the locator on the last', () => {
    const citations = parseCitations('(Eide & Eide, 2008, 2016, s. 17)');
    expect(
      citations.map(({ raw, year, locator, group }) => ({
        raw,
        year,
        locator: locator?.raw ?? null,
        group,
      })),
    ).toEqual([
      { raw: 'Eide & Eide, 2008', year: '2008', locator: null, group: 0 },
      { raw: '2016, s. 17', year: '2016', locator: 's. 17', group: 0 },
    ]);
  });

  it('spans a narrative citation from the names to the closing parenthesis', () => {
    const text = 'Ifølge Lundberg og Syltevik (2013) er NAV komplekst.';
    const [citation] = parseCitations(text);
    expect(citation?.raw).toBe('Lundberg og Syltevik (2013)');
    expect(citation?.form).toBe('narrative');
  });

  it('numbers groups by parenthesis in order of appearance, unbracketed ones included', () => {
    const text =
      'A (Skau, 2017; Levin, 2004). Eide & Eide, 2016, s.80 God kommunikasjon. B Dalland (2017).';
    expect(
      parseCitations(text).map(({ raw, group, unbracketed }) => ({ raw, group, unbracketed })),
    ).toEqual([
      { raw: 'Skau, 2017', group: 0, unbracketed: undefined },
      { raw: 'Levin, 2004', group: 0, unbracketed: undefined },
      { raw: 'Eide & Eide, 2016, s.80', group: 1, unbracketed: true },
      { raw: 'Dalland (2017)', group: 2, unbracketed: undefined },
    ]);
  });

  it('reads raw text with line breaks inside a citation', () => {
    const text = 'rett til arbeid (Arbeids- og velferdsdirektoratet, \ns.6). Starten';
    const [citation] = parseCitations(text);
    expect(citation?.raw).toBe('Arbeids- og velferdsdirektoratet, \ns.6');
    expect(citation?.locator?.raw).toBe('s.6');
  });

  it('returns more citations than a call may take arguments (no spread of the result)', () => {
    const text = 'Eide & Eide, 2016 og '.repeat(130_000);
    expect(parseCitations(text)).toHaveLength(130_000);
  });

  it('joins a parenthesis broken over lines with a blank line between, as PDF text has it', () => {
    expect(parseCitations('(Eide & Eide, \n \n2016)').map((citation) => citation.raw)).toEqual([
      'Eide & Eide, \n \n2016',
    ]);
  });

  it('finds the same citations in the seed thesis as given (raw PDF text) and normalised', () => {
    const manuscript = readFileSync(
      new URL('../../../studies/nav-relasjon/manuscript.txt', import.meta.url),
      'utf8',
    );
    // What ingest does: the lines of the text joined with one space.
    const normalised = manuscript
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .join(' ');
    const summary = (text: string) =>
      parseCitations(text).map((citation) => ({
        authors: citation.authors,
        year: citation.year,
        page: citation.locator?.value ?? null,
        form: citation.form,
      }));
    const fromRaw = summary(manuscript);
    expect(fromRaw).toHaveLength(146);
    expect(fromRaw).toEqual(summary(normalised));
    // Decomposed letters (NFD, as text from a Mac may have them) give the same citations.
    const fromDecomposed = summary(manuscript.normalize('NFD')).map((citation) => ({
      ...citation,
      authors: citation.authors.map((author) => author.normalize('NFC')),
    }));
    expect(fromDecomposed).toEqual(fromRaw);
    for (const citation of parseCitations(manuscript))
      expect(manuscript.slice(citation.start, citation.end)).toBe(citation.raw);
  });
});

describe('citations that refer back', () => {
  it('reads "ibid." and a page alone with their exact spans, the full stop of "ibid." kept', () => {
    const text =
      'Makt er til stede (Skau, 2017). Hun må se den (ibid.), og «makt kan misbrukes» (s. 69.). Igjen (Ibid., s. 70).';
    expect(
      parseCitations(text).map(({ raw, start, end, locator, ibid, locatorOnly, group }) => ({
        raw,
        start,
        end,
        locator,
        ibid,
        locatorOnly,
        group,
      })),
    ).toEqual([
      {
        raw: 'Skau, 2017',
        start: 19,
        end: 29,
        locator: null,
        ibid: undefined,
        locatorOnly: undefined,
        group: 0,
      },
      {
        raw: 'ibid.',
        start: 47,
        end: 52,
        locator: null,
        ibid: true,
        locatorOnly: undefined,
        group: 1,
      },
      {
        raw: 's. 69',
        start: 80,
        end: 85,
        locator: { label: 's.', value: '69', raw: 's. 69', start: 80 },
        ibid: undefined,
        locatorOnly: true,
        group: 2,
      },
      {
        raw: 'Ibid., s. 70',
        start: 96,
        end: 108,
        locator: { label: 's.', value: '70', raw: 's. 70', start: 103 },
        ibid: true,
        locatorOnly: undefined,
        group: 3,
      },
    ]);
  });
});
