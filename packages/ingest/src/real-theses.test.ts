import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readManuscriptFile } from './test-read-manuscript.js';
import type { Manuscript, ReferenceListEntry } from './types.js';

// Two real theses, read from ../shared/real-theses/ at test time (never copied into the
// repository). What is asserted is what a careful reader sees in them: how many entries the list
// has, its first and last entry, entries that used to run together, that nothing after the list
// became an entry, and the section a few citations stand in.

const folder = fileURLToPath(new URL('../../../../shared/real-theses/', import.meta.url));
const thesis = (name: string) => `${folder}${name}`;
if (!existsSync(folder))
  throw new Error(
    `The real theses are expected in ${folder} (../shared/real-theses beside the repository).`,
  );

const cache = new Map<string, Promise<Manuscript>>();
const read = (name: string): Promise<Manuscript> => {
  const cached = cache.get(name);
  if (cached) return cached;
  const manuscript = readManuscriptFile(thesis(name));
  cache.set(name, manuscript);
  return manuscript;
};

/** An entry as "First author year". */
const label = (entry: ReferenceListEntry) => `${entry.authors[0] ?? '?'} ${entry.year ?? '?'}`;
const withAuthor = (manuscript: Manuscript, author: string) =>
  (manuscript.referenceList?.entries ?? [])
    .filter((entry) => entry.authors[0] === author)
    .map((entry) => ({ authors: entry.authors, year: entry.year }));

/** The section (number and text) and line of the first place a text stands, from a line on. */
function placeOf(
  manuscript: Manuscript,
  text: string,
  fromLine = 0,
): { section: string; line: number } {
  let at = manuscript.text.indexOf(text);
  while (at >= 0 && manuscript.locate(at).line < fromLine)
    at = manuscript.text.indexOf(text, at + 1);
  const heading = manuscript.sectionAt(at);
  return {
    section: `${heading?.number ?? ''} ${heading?.text ?? ''}`.trim(),
    line: manuscript.locate(at).line,
  };
}

// Nothing from the appendices (SPSS output, questionnaire, approval letter) or the page furniture.
const debris =
  /Appendiks|Appediks|Appendix|SMEAN|R-sq|Communalities|Extraction|Vedlegg|\s\d{1,2}$/u;

describe.each(['storbukas-master-2018.txt', 'storbukas-master-2018.pdf'])(
  'the Norwegian thesis with EndNote citations (%s)',
  (name) => {
    it('reads its 108 entries, from the garbled first one to the last, and nothing after them', async () => {
      const manuscript = await read(name);
      const list = manuscript.referenceList;
      const entries = list?.entries ?? [];
      expect({
        heading: list?.heading.text,
        count: entries.length,
        first: label(entries[0] as ReferenceListEntry),
        last: label(entries.at(-1) as ReferenceListEntry),
      }).toEqual({
        heading: 'Referanser',
        count: 108,
        first: '2011:11 2011',
        last: 'Østfold Idrettskrets 2010',
      });
      expect(
        entries.filter((entry) => debris.test(entry.raw) || entry.year === null).map(label),
      ).toEqual([]);
      expect(list?.unread).toEqual([]);
    });

    it('keeps apart the entries that used to run together', async () => {
      const manuscript = await read(name);
      expect({
        bandura: withAuthor(manuscript, 'Bandura'),
        trondal: withAuthor(manuscript, 'Trondal'),
        tufte: withAuthor(manuscript, 'Tufte'),
        finance: withAuthor(manuscript, 'Finansdepartementet').map((entry) => entry.year),
        health: withAuthor(manuscript, 'Helse- og omsorgsdepartementet').map((entry) => entry.year),
      }).toEqual({
        bandura: [
          { authors: ['Bandura'], year: '1986' },
          { authors: ['Bandura'], year: '1997' },
        ],
        trondal: [{ authors: ['Trondal'], year: '2017' }],
        tufte: [{ authors: ['Tufte'], year: '2013' }],
        finance: ['2015-2016', '2016-2017'],
        health: ['2002-2003', '2005-2009', '2006-2007'],
      });
    });

    it('reads names with particles, other hyphens and a final -s', async () => {
      const manuscript = await read(name);
      expect({
        brouwer: withAuthor(manuscript, 'Brouwer')[0]?.authors,
        fox: withAuthor(manuscript, 'Fox-Wasylyshyn')[0]?.authors,
        schaufeli: withAuthor(manuscript, 'Schaufeli')[0]?.authors,
        volker: withAuthor(manuscript, 'Volker')[0]?.authors,
      }).toEqual({
        brouwer: ['Brouwer', 'Reneman', 'Bültmann', 'Van der Klink', 'Groothoff'],
        fox: ['Fox-Wasylyshyn', 'El-Masri'],
        schaufeli: ['Schaufeli', 'Taris'],
        volker: ['Volker', 'Zijlstra-Vlasveld', 'Brouwers', 'van Lomwel', 'van der Feltz-Cornelis'],
      });
    });

    it('finds the chapters by the table of contents, and the table and numbered questions are not headings', async () => {
      const manuscript = await read(name);
      const headings = manuscript.headings.map((heading) =>
        `${heading.number ?? ''} ${heading.text}`.trim(),
      );
      expect(
        [
          '1 Innledning',
          '2 Teoretisk rammeverk',
          '2.2 Den psykologiske effekten',
          '3.2.1 Indre validitet',
          '6 Diskusjon',
          'Referanser',
        ].filter((heading) => !headings.includes(heading)),
      ).toEqual([]);
      expect(headings.filter((heading) => /^\d+ Vil APD|…/u.test(heading))).toEqual([]);
      expect({
        horgen: placeOf(manuscript, '(Horgen, 2014)').section,
        thomas: placeOf(manuscript, '(Thomas, Nelson, & Silverman, 2005)').section,
        bandura: placeOf(manuscript, 'Bandura (1997)').section,
      }).toEqual({
        horgen: '1 Innledning',
        thomas: '3.2.1 Indre validitet',
        bandura: '2.2.1 Definisjon av begrepet self-efficacy',
      });
    });
  },
);

describe('the Norwegian thesis as pdftotext gave it (page numbers without form feeds)', () => {
  it('takes the page numbers out and gives each line its printed page', async () => {
    const manuscript = await read('storbukas-master-2018.txt');
    const horgen = manuscript.text.indexOf('(Horgen, 2014)');
    expect(manuscript.locate(horgen)).toEqual({ line: 131, column: 31, page: 6 });
    // The entry that closed page 57 ends with its pages, not with the page number under it.
    const festinger = manuscript.referenceList?.entries.find(
      (entry) => entry.authors[0] === 'Festinger',
    );
    expect(festinger?.raw.endsWith('117-140.')).toBe(true);
  });
});

describe.each(['cirotzki-master-2026-en.txt', 'cirotzki-master-2026-en.docx'])(
  'the English thesis with Zotero citations (%s)',
  (name) => {
    it('reads its 92 entries and stops before the appendices', async () => {
      const manuscript = await read(name);
      const entries = manuscript.referenceList?.entries ?? [];
      expect({
        count: entries.length,
        first: label(entries[0] as ReferenceListEntry),
        last: label(entries.at(-1) as ReferenceListEntry),
      }).toEqual({
        count: 92,
        first: 'Andrioti 2023',
        last: 'Zdun-Ryżewska 2024',
      });
      expect(
        entries.filter((entry) => debris.test(entry.raw) || entry.year === null).map(label),
      ).toEqual([]);
    });

    it('keeps two-letter family names, particles and names with U+2010 hyphens', async () => {
      const manuscript = await read(name);
      expect({
        fu: withAuthor(manuscript, 'Fu')[0]?.authors,
        ye: withAuthor(manuscript, 'Ye')[0]?.authors,
        bullard: withAuthor(manuscript, 'Bullard')[0]?.authors.slice(0, 3),
        deBacker: withAuthor(manuscript, 'De Backer')[0]?.year,
        galiano: withAuthor(manuscript, 'Galiano-Castillo').map((entry) => entry.year),
      }).toEqual({
        fu: ['Fu', 'Guang', 'Gao'],
        ye: ['Ye', 'He', 'Beestrum'],
        bullard: ['Bullard', 'Ji', 'An'],
        deBacker: '2009',
        galiano: ['2016a', '2016b'],
      });
    });

    it('gives citations their chapter, not the table of contents', async () => {
      const manuscript = await read(name);
      expect(
        manuscript.headings
          .filter((heading) => /\s\d+$/u.test(heading.text))
          .map((heading) => heading.text),
      ).toEqual([]);
      expect(placeOf(manuscript, 'Hanahan and Weinberg (2000)').section).toBe(
        '1.3 “Hallmarks of cancer”',
      );
    });
  },
);
