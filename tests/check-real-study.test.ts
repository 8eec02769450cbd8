import { describe, expect, it } from 'vitest';
import { litsynth } from './litsynth-cli.js';

// `litsynth check` on the real NAV thesis, through the built CLI (pnpm test builds first).

interface DiagnosticJson {
  rule: string;
  severity: string;
  message: string;
  line: number;
  raw: string | null;
  key: string | null;
  suggestion: string | null;
  group?: string;
}

const run = litsynth(['check', 'studies/nav-relasjon', '--format', 'json']);
const report = JSON.parse(run.stdout) as {
  version: number;
  manuscript: string;
  citations: Array<{
    raw: string;
    line: number;
    key: string | null;
    match: string;
    reasons: Array<{ kind: string; cited?: string; entry?: string }>;
  }>;
  diagnostics: DiagnosticJson[];
  summary: Record<string, unknown>;
};
const lines = (rule: string, key?: string) =>
  report.diagnostics
    .filter(
      (diagnostic) => diagnostic.rule === rule && (key === undefined || diagnostic.key === key),
    )
    .map((diagnostic) => diagnostic.line);

describe('litsynth check studies/nav-relasjon', () => {
  it('exits 1 (the thesis has errors) with one JSON document and nothing on stderr', () => {
    expect({
      code: run.code,
      stderr: run.stderr,
      version: report.version,
      manuscript: report.manuscript,
    }).toEqual({
      code: 1,
      stderr: '',
      version: 1,
      manuscript: 'studies/nav-relasjon/manuscript.txt',
    });
  });

  it('finds an included article\'s author spelled two ways (Natland/Netland), and not "Torstenssen" in prose', () => {
    expect(lines('author-misspelled', 'natland2019')).toEqual([1209, 1251, 1255, 1300, 1376]);
    const natland = report.diagnostics.find(
      (diagnostic) =>
        diagnostic.rule === 'inconsistent-citation' && diagnostic.key === 'natland2019',
    );
    expect(natland?.message).toBe(
      'Samme verk (natland2019) er henvist til på ulike måter: Natland et al. (2020) ×8, Netland et al. (2020) ×5.',
    );
    expect(report.citations.filter((citation) => citation.raw.includes('Torstenssen'))).toEqual([]);
  });

  it('finds included articles cited with another year than the entry, or with two years', () => {
    expect(lines('year-mismatch', 'natland2019')).toEqual([
      422, 426, 438, 1166, 1182, 1198, 1209, 1251, 1255, 1300, 1376, 1653, 1665,
    ]);
    expect(lines('year-mismatch', 'stenbrenden2018')).toEqual([1555]);
    // Every citation in a deviating form, so that all three Riis-Johansen et al. (2020) get fixed.
    // "Berge/Berg et al. (2015)" (68, 134, 1151, 1394) are the edited book: each is told to write Ellingsen et al. (author-misspelled).
    expect(lines('inconsistent-citation')).toEqual([
      1209, 1251, 1255, 1300, 1376, 1504, 1529, 1541, 1555,
    ]);
    const riis = report.diagnostics.filter(
      (diagnostic) =>
        diagnostic.rule === 'inconsistent-citation' && diagnostic.key === 'riisjohansen2018',
    );
    expect(riis.map(({ line, message, group }) => ({ line, message, group }))).toEqual(
      [1504, 1529, 1541].map((line) => ({
        line,
        message:
          'Samme verk (riisjohansen2018) er henvist til på ulike måter: Riis-Johansen et al. (2018) ×4, Riis-Johansen et al. (2020) ×3.',
        group: 'inconsistent-citation:riisjohansen2018',
      })),
    );
  });

  it('finds authors named as the source without a year (and not the theorists cited with one)', () => {
    const found = report.diagnostics
      .filter((diagnostic) => diagnostic.rule === 'author-without-year')
      .map(({ line, raw, key }) => ({ line, raw, key }));
    expect(found).toEqual([
      { line: 418, raw: 'Natlands Sidsel, Bjerke Erik og Torstenssen Tom', key: 'natland2019' },
      { line: 760, raw: 'Arbeids- og velferdsdirektoratet', key: null },
      { line: 1322, raw: 'Lundberg & Syltevik', key: 'lundberg2013' },
    ]);
  });

  it('finds citations without a year, and "Rapporten" where the year belongs', () => {
    expect(lines('missing-year')).toEqual([33, 381, 1208]);
    expect(lines('not-a-year')).toEqual([722, 732, 1492, 1682]);
  });

  it("finds the secondary citations written without the original's family name and year", () => {
    expect(lines('secondary-citation-form')).toEqual([21, 941, 960, 1215, 1860]);
  });

  it('finds the quotations without a page', () => {
    expect(lines('quotation-without-page')).toEqual([1149, 1401]);
  });

  it('finds the pages written in five different ways', () => {
    const forms = new Set(
      report.diagnostics
        .filter((diagnostic) => diagnostic.rule === 'locator-form')
        .map((diagnostic) => /«([^»]*)»/.exec(diagnostic.message)?.[1]?.replace(/\d+/g, '#')),
    );
    expect([...forms].sort()).toEqual(['#', 's #', 's, #', 's.#', 's.#-#']);
  });

  it("takes the ministry cited with 2015 for the expert group's report it published, and says to cite the expert group", () => {
    const cited = report.citations
      .filter((citation) => citation.key === 'ekspertgruppen2015')
      .map(({ line, raw, match, reasons }) => ({ line, raw, match, reasons }));
    const reason = {
      kind: 'publisher-as-author',
      cited: 'Arbeids- og sosialdepartementet',
      entry: 'Ekspertgruppen for gjennomgang av NAV',
    };
    expect(cited).toEqual([
      {
        line: 772,
        raw: 'Arbeids- og sosialdepartementet, 2015, s. 143',
        match: 'fuzzy',
        reasons: [reason],
      },
      {
        line: 1354,
        raw: 'Arbeids- og sosialdepartementet, 2015, s.8',
        match: 'fuzzy',
        reasons: [reason],
      },
    ]);
    const diagnostic = report.diagnostics.find(
      (candidate) => candidate.rule === 'cited-under-publisher',
    );
    expect({ message: diagnostic?.message, suggestion: diagnostic?.suggestion }).toEqual({
      message:
        '«Arbeids- og sosialdepartementet» ga ut verket, men er ikke forfatteren; i litteraturlisten står det under Ekspertgruppen for gjennomgang av NAV (2015).',
      suggestion: 'Henvis til forfatteren: Ekspertgruppen for gjennomgang av NAV (2015).',
    });
    // Every entry is cited: "Berg et al. (2015)" is the edited book (ellingsen2015), no longer uncited.
    expect(lines('uncited-entry')).toEqual([]);
  });

  it('says that the thesis has no reference list', () => {
    expect(lines('no-reference-list')).toEqual([1860]);
  });

  it('reports exactly these errors and warnings (each one looked at: no false alarms)', () => {
    // line, rule and the entry it is about (the citation text itself is the parser's to shape).
    const found = report.diagnostics
      .filter((diagnostic) => diagnostic.severity !== 'info')
      .map((diagnostic) => `${diagnostic.line} ${diagnostic.rule} ${diagnostic.key ?? '-'}`);
    expect(found).toEqual([
      '21 secondary-citation-form melberg2017',
      '33 missing-year avdirrapporten',
      '68 author-misspelled ellingsen2015',
      '128 year-mismatch snl2018sosialarbeider',
      '134 author-misspelled ellingsen2015',
      '144 year-mismatch snl2018sosialarbeider',
      '381 missing-year lisethtellemann',
      // "skrevet av Natlands Sidsel, Bjerke Erik og Torstenssen Tom": names, given names, no year.
      '418 author-without-year natland2019',
      '422 year-mismatch natland2019',
      '426 year-mismatch natland2019',
      '438 year-mismatch natland2019',
      '464 author-connector lundberg2013',
      '523 author-connector stenbrenden2018',
      '523 et-al-usage stenbrenden2018',
      '560 author-connector riisjohansen2018',
      '560 et-al-usage riisjohansen2018',
      '665 author-misspelled andreassenfossestol2011',
      '675 author-connector andreassenfossestol2011',
      '687 author-connector andreassenfossestol2011',
      '722 not-a-year avdirrapporten',
      '732 not-a-year avdirrapporten',
      // "ifølge Arbeids- og velferdsdirektoratet": which of its works is not said.
      '760 author-without-year -',
      // "Arbeids- og sosialdepartementet (2015)": the ministry published the expert group's report.
      '772 cited-under-publisher ekspertgruppen2015',
      '866 author-connector damgaardnorrelykke2013',
      '882 author-connector eideeide2008',
      '901 author-connector eideeide2016',
      '933 author-misspelled rokeneshanssen2002',
      '941 secondary-citation-form eideeide2005',
      '960 secondary-citation-form eideeide2005',
      '984 author-connector eideeide2005',
      '1002 author-misspelled shulman2013',
      '1012 author-misspelled rokeneshanssen2002',
      '1012 author-connector rokeneshanssen2002',
      '1021 author-misspelled rokeneshanssen2002',
      '1086 author-misspelled rokeneshanssen2012',
      '1149 quotation-without-page ellingsen2015',
      '1151 author-misspelled ellingsen2015',
      '1166 year-mismatch natland2019',
      '1182 year-mismatch natland2019',
      '1198 year-mismatch natland2019',
      '1208 missing-year eideeide2005',
      '1209 author-misspelled natland2019',
      '1209 inconsistent-citation natland2019',
      '1209 year-mismatch natland2019',
      '1215 secondary-citation-form eideeide2005',
      '1251 author-misspelled natland2019',
      '1251 inconsistent-citation natland2019',
      '1251 year-mismatch natland2019',
      '1255 author-misspelled natland2019',
      '1255 inconsistent-citation natland2019',
      '1255 year-mismatch natland2019',
      '1300 author-misspelled natland2019',
      '1300 inconsistent-citation natland2019',
      '1300 year-mismatch natland2019',
      '1322 author-without-year lundberg2013',
      '1354 cited-under-publisher ekspertgruppen2015',
      '1360 author-connector lundberg2013',
      '1366 author-connector eideeide2008',
      '1376 author-misspelled natland2019',
      '1376 inconsistent-citation natland2019',
      '1376 year-mismatch natland2019',
      '1394 author-misspelled ellingsen2015',
      '1400 author-connector lundberg2013',
      '1401 quotation-without-page lundberg2013',
      '1492 not-a-year avdirrapporten',
      '1504 inconsistent-citation riisjohansen2018',
      '1529 inconsistent-citation riisjohansen2018',
      '1541 inconsistent-citation riisjohansen2018',
      '1555 inconsistent-citation stenbrenden2018',
      '1555 year-mismatch stenbrenden2018',
      '1608 author-misspelled rokeneshanssen2012',
      '1608 author-connector rokeneshanssen2012',
      '1616 author-connector rokeneshanssen2012',
      '1653 year-mismatch natland2019',
      '1665 year-mismatch natland2019',
      '1682 not-a-year avdirrapporten',
      '1860 secondary-citation-form skau2017',
      '1860 no-reference-list -',
    ]);
  });

  it('prints pretty output with errors first, repeated form problems once, and a summary; --lang en switches language', () => {
    const pretty = litsynth(['check', 'studies/nav-relasjon']);
    const out = pretty.stdout;
    expect(pretty.code).toBe(1);
    expect(out.indexOf('Feil (')).toBeLessThan(out.indexOf('Advarsler ('));
    expect(out.indexOf('Advarsler (')).toBeLessThan(out.indexOf('Merknader om form ('));
    expect(out.match(/^Sidetall skrevet feil \(locator-form\) ×\d+ ganger: /gm)).toHaveLength(1);
    expect(out).toContain(
      '      1209 │  Funnene til Netland et al., (2020) støtter også denne delen av Roger sin teori; ifølge studiens',
    );
    expect(out.trimEnd().split('\n').at(-1)).toMatch(
      /^Oppsummering: 146 henvisninger \(\d+ eksakt, \d+ omtrentlig, 0 uløst\); \d+ feil, \d+ advarsler, \d+ merknader om form\.$/,
    );
    const english = litsynth(['check', 'studies/nav-relasjon', '--lang', 'en']).stdout;
    expect(english.trimEnd().split('\n').at(-1)).toMatch(/^Summary: 146 citations /);
  });
});
