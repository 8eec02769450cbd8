import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { citationContext, citationOf, renderReport } from './render-report.js';
import type { ReportData } from './types.js';

/** An entry tree as a hostile producer might hand it in (anything the HTML holds, scripts too). */
function entryTree(html: string): ElementContent[] {
  return fromHtml(html, { fragment: true }).children as ElementContent[];
}

const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">';

function sampleData(overrides: Partial<ReportData> = {}): ReportData {
  const paragraph = `Relasjonen er viktig (Natland mfl., 2020). ${hostile} Tillit bygges over tid (Lundberg & Syltevik, 2013).`;
  return {
    lang: 'nb',
    study: {
      id: 'demo',
      title: { nb: 'Relasjoner <b>i</b> NAV', en: 'Relationships in NAV' },
      question: { nb: 'Hvordan?', en: 'How?' },
      language: 'nb',
    },
    counts: { citations: 2, works: 2, references: 1 },
    // 'et-al-usage' has no name here: the report falls back to its id.
    ruleNames: {
      'year-mismatch': { nb: 'Feil årstall', en: 'Wrong year' },
      'bib-edition-years': { nb: 'Ulike utgaver av samme bok', en: 'Editions of one book' },
    },
    manuscript: {
      file: 'thesis.txt',
      blocks: [
        { kind: 'heading', text: '1.0 Innledning', line: 1, endLine: 1, page: 1, citations: [] },
        {
          kind: 'paragraph',
          text: paragraph,
          line: 3,
          endLine: 5,
          page: 1,
          citations: [
            {
              start: paragraph.indexOf('(Natland'),
              end: paragraph.indexOf('2020)') + 5,
              line: 3,
              column: 22,
            },
            {
              start: paragraph.indexOf('(Lundberg'),
              end: paragraph.indexOf('2013)') + 5,
              line: 5,
              column: 20,
            },
          ],
        },
      ],
    },
    diagnostics: [
      {
        rule: 'year-mismatch',
        severity: 'error',
        message: { nb: 'Feil årstall <i>', en: 'Wrong year <i>' },
        file: 'thesis.txt',
        line: 3,
        column: 22,
        page: 1,
        section: '1.0 Innledning',
        raw: '(Natland mfl., 2020)',
        key: 'natland2019',
        suggestion: { nb: 'Skriv 2019.', en: 'Write 2019.' },
      },
      {
        rule: 'et-al-usage',
        severity: 'info',
        message: { nb: 'Skrivemåte', en: 'Form' },
        file: 'thesis.txt',
        line: 5,
        column: 20,
        section: '1.0 Innledning',
        raw: '(Lundberg & Syltevik, 2013)',
        key: 'lundberg2013',
      },
    ],
    references: [
      {
        id: 'natland2019',
        text: 'Natland, S. (2019). Tittel.',
        tree: entryTree('Natland, S. (2019). <i>Tittel</i>.<script>alert(3)</script>'),
        status: 'partly-verified',
        evidence: [
          'https://example.org/a',
          'the thesis, line 3',
          'javascript:alert(5)',
          'https://example.org/"><b>x',
        ],
        notes: ['Year differs.'],
      },
    ],
    heatMap: {
      sources: [
        { id: 'natland2019', label: 'Natland mfl. (2019)' },
        { id: 'lundberg2013', label: 'Lundberg og Syltevik (2013)' },
      ],
      concepts: [
        { id: 'tillit', label: { nb: 'Tillit', en: 'Trust' } },
        { id: 'makt', label: { nb: 'Makt', en: 'Power' } },
      ],
      cells: [
        {
          source: 'natland2019',
          concept: 'tillit',
          findings: [
            {
              id: 'natland2019-f1',
              label: { nb: 'Tillit', en: 'Trust' },
              statement: { nb: 'Brukere stoler på <em>', en: 'Users trust' },
              page: '4',
            },
          ],
        },
      ],
    },
    tables: [
      {
        id: 'articles',
        title: 'Artikkelmatrise',
        notes: [],
        table: {
          type: 'table',
          children: [
            {
              type: 'tableRow',
              children: [{ type: 'tableCell', children: [{ type: 'text', value: 'Forfatter' }] }],
            },
            {
              type: 'tableRow',
              children: [
                {
                  type: 'tableCell',
                  children: [
                    { type: 'html', value: '<script>alert(4)</script>' },
                    { type: 'text', value: '<u>Natland</u>' },
                  ],
                },
              ],
            },
          ],
        },
      },
    ],
    failures: [],
    ...overrides,
  };
}

function elements(
  tree: Root | Element,
  test: (element: Element) => boolean,
  found: Element[] = [],
): Element[] {
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    if (test(child)) found.push(child);
    elements(child, test, found);
  }
  return found;
}

function textOf(node: Element | Root): string {
  return node.children
    .map((child) =>
      child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '',
    )
    .join('');
}

describe('renderReport', () => {
  const html = renderReport(sampleData());
  const tree = fromHtml(html);

  it('keeps every text from the thesis and the sources inert', () => {
    expect(elements(tree, (element) => element.tagName === 'script').length).toBe(1);
    expect(elements(tree, (element) => element.tagName === 'img')).toEqual([]);
    expect(
      elements(tree, (element) =>
        Object.keys(element.properties).some((name) => /^on/i.test(name)),
      ),
    ).toEqual([]);
    expect(
      elements(tree, (element) => element.tagName === 'u' || element.tagName === 'em'),
    ).toEqual([]);
    // The hostile markup is still there, as text the reader can see.
    const manuscript = elements(tree, (element) => element.properties.id === 'line-3')[0];
    expect(manuscript && textOf(manuscript)).toEqual(
      `3–5Relasjonen er viktig (Natland mfl., 2020)[1]. ${hostile} Tillit bygges over tid (Lundberg & Syltevik, 2013)[2].`,
    );
  });

  it('pins its only script and style by hash and allows no other request', () => {
    const policy = elements(
      tree,
      (element) => element.tagName === 'meta' && element.properties.httpEquiv !== undefined,
    )[0];
    expect(String(policy?.properties.content)).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:; base-uri 'none'; form-action 'none'$/,
    );
    expect(
      elements(
        tree,
        (element) => element.tagName === 'link' || element.properties.src !== undefined,
      ),
    ).toEqual([]);
  });

  it('draws a heat-map cell for every source × concept pair', () => {
    const cells = elements(
      tree,
      (element) => element.tagName === 'td' && element.properties.dataConcept !== undefined,
    );
    expect(
      cells.map((cell) => [
        cell.properties.dataSource,
        cell.properties.dataConcept,
        cell.properties.className,
      ]),
    ).toEqual([
      ['natland2019', 'tillit', ['heat-4']],
      ['lundberg2013', 'tillit', ['heat-0']],
      ['natland2019', 'makt', ['heat-0']],
      ['lundberg2013', 'makt', ['heat-0']],
    ]);
    expect(cells.every((cell) => cell.properties.tabIndex === 0)).toBe(true);
    // The tip names each finding by its label, statement and page: no internal id.
    const tip = elements(cells[0]!, (element) => element.tagName === 'li')[0];
    expect(tip && textOf(tip)).toBe('Tillit: Brukere stoler på <em> (side 4)');
  });

  it('groups problems by section and rule, marks the citation and links to the manuscript', () => {
    const problems = elements(tree, (element) => element.tagName === 'article');
    expect(
      problems.map((problem) => ({
        id: problem.properties.id,
        rule: problem.properties.dataRule,
        quote: elements(problem, (element) => element.tagName === 'mark').map(textOf),
        links: elements(problem, (element) => element.tagName === 'a').map(
          (link) => link.properties.href,
        ),
      })),
    ).toEqual([
      {
        id: 'problem-1',
        rule: 'year-mismatch',
        quote: ['(Natland mfl., 2020)'],
        links: ['#citation-3-22'],
      },
      {
        id: 'problem-2',
        rule: 'et-al-usage',
        quote: ['(Lundberg & Syltevik, 2013)'],
        links: ['#citation-5-20'],
      },
    ]);
    expect(elements(tree, (element) => element.tagName === 'h4').map(textOf)).toEqual([
      'Feil årstall (1)',
      'et-al-usage (1)',
    ]);
    // Notes on form (info) are folded; errors and warnings are not.
    const groups = elements(
      tree,
      (element) => String(element.properties.className) === 'problem-group',
    );
    expect(
      groups.map((group) => [
        group.tagName,
        textOf(
          elements(group, (element) => element.tagName === 'h3' || element.tagName === 'h4')[0]!,
        ),
      ]),
    ).toEqual([
      ['div', '1.0 Innledning'],
      ['div', 'Feil årstall (1)'],
      ['details', 'et-al-usage (1)'],
    ]);
    // The manuscript marks both citations, with anchors and a link back to each problem.
    const marks = elements(
      tree,
      (element) =>
        element.tagName === 'mark' && String(element.properties.id ?? '').startsWith('citation-'),
    );
    expect(marks.map((mark) => [mark.properties.id, textOf(mark)])).toEqual([
      ['citation-3-22', '(Natland mfl., 2020)'],
      ['citation-5-20', '(Lundberg & Syltevik, 2013)'],
    ]);
    expect(
      elements(tree, (element) => String(element.properties.className) === 'backref').map(
        (link) => link.properties.href,
      ),
    ).toEqual(['#problem-1', '#problem-2']);
  });

  it('numbers the tables as tables.md does, in the contents and above each table', () => {
    const contents = elements(
      tree,
      (element) => String(element.properties.className) === 'table-contents',
    )[0];
    const heading = elements(
      tree,
      (element) => element.tagName === 'h3' && element.properties.id === 'table-articles',
    )[0];
    expect({
      contents: contents && elements(contents, (element) => element.tagName === 'a').map(textOf),
      heading: heading && textOf(heading),
    }).toEqual({
      contents: ['Tabell 1: Artikkelmatrise'],
      heading: 'Tabell 1Artikkelmatrise',
    });
  });

  it('counts problems per rule, errors first', () => {
    const table = elements(
      tree,
      (element) =>
        element.tagName === 'table' && String(element.properties.className) === 'rule-counts',
    )[0];
    const rows = table
      ? elements(table, (element) => element.tagName === 'tr').map((row) =>
          elements(row, (cell) => cell.tagName === 'th' || cell.tagName === 'td').map(textOf),
        )
      : [];
    expect(rows).toEqual([
      ['Regel', 'Alvorlighet', 'Antall', 'Nøkkel i study.yaml (rules:)'],
      ['Feil årstall', 'Feil', '1', 'year-mismatch'],
      ['et-al-usage', 'Info', '1', 'et-al-usage'],
    ]);
  });

  it('keeps the italics of a reference and drops anything active', () => {
    const entry = elements(tree, (element) => element.properties.id === 'ref-natland2019')[0];
    expect(entry && elements(entry, (element) => element.tagName === 'i').map(textOf)).toEqual([
      'Tittel',
    ]);
    expect(entry && textOf(entry)).not.toContain('alert(3)');
  });

  it('lists the evidence of a reference, a URL as a link and anything else as text', () => {
    const entry = elements(tree, (element) => element.properties.id === 'ref-natland2019')[0]!;
    const evidence = elements(entry, (element) => element.tagName === 'ul')[0]!;
    expect(toHtml(evidence)).toEqual(
      '<ul>' +
        '<li><a href="https://example.org/a" rel="noreferrer">https://example.org/a</a></li>' +
        '<li>the thesis, line 3</li>' +
        '<li>javascript:alert(5)</li>' +
        '<li><a href="https://example.org/%22%3E%3Cb%3Ex" rel="noreferrer">https://example.org/">&#x3C;b>x</a></li>' +
        '</ul>',
    );
  });

  it('is deterministic and speaks English when asked', () => {
    expect(renderReport(sampleData())).toBe(html);
    const english = fromHtml(renderReport(sampleData({ lang: 'en' })));
    expect(elements(english, (element) => element.tagName === 'h2').map(textOf)).toEqual([
      'Overview',
      'Problems',
      'Reference list',
      'Findings × concepts',
      'Tables',
      'The manuscript',
    ]);
  });
});

describe('renderReport with the optional parts', () => {
  const tree = fromHtml(
    renderReport(
      sampleData({
        entryLabels: {
          natland2019: 'Natland mfl. (2019)',
          lundberg2013: 'Lundberg og Syltevik (2013)',
        },
        discussionMap: {
          chapterFound: true,
          pairs: [{ source: 'natland2019', concept: 'tillit', lines: [4, 5] }],
          sources: [
            { source: 'natland2019', results: 1, discussion: 2 },
            { source: 'lundberg2013', results: 0, discussion: 1 },
          ],
        },
        failures: [
          {
            part: { nb: 'referanseliste', en: 'reference list' },
            message: { nb: 'stilen <x> finnes ikke', en: 'no style <x>' },
          },
        ],
      }),
    ),
  );

  it('names sources in the filter by author and year', () => {
    const options = elements(
      tree,
      (element) => element.tagName === 'select' && element.properties.name === 'source',
    )[0];
    expect(
      options &&
        elements(options, (element) => element.tagName === 'option').map((option) => [
          option.properties.value,
          textOf(option),
        ]),
    ).toEqual([
      ['', 'Alle'],
      ['lundberg2013', 'Lundberg og Syltevik (2013)'],
      ['natland2019', 'Natland mfl. (2019)'],
    ]);
  });

  it('draws the discussion map with counts per chapter and links to the discussing lines', () => {
    const table = elements(
      tree,
      (element) =>
        element.tagName === 'table' && String(element.properties.className) === 'discussion-map',
    )[0];
    const rows = table
      ? elements(table, (element) => element.tagName === 'tr').map((row) =>
          elements(row, (cell) => cell.tagName === 'th' || cell.tagName === 'td').map(textOf),
        )
      : [];
    expect(rows).toEqual([
      ['Begrep', 'Natland mfl. (2019)', 'Lundberg og Syltevik (2013)'],
      ['Sitert i resultatkapitlet', '1', '0'],
      ['Sitert i drøftingen', '2', '1'],
      ['Tillit', 'linje 4, 5', '–'],
      ['Makt', '–', '–'],
    ]);
    const links = table
      ? elements(table, (element) => element.tagName === 'a').map((link) => link.properties.href)
      : [];
    expect(links).toEqual(['#line-3', '#line-3']);
  });

  it('says at the top which parts could not be built', () => {
    const alert = elements(tree, (element) => element.properties.role === 'alert')[0];
    expect(alert && textOf(alert)).toBe(
      'Deler som ikke kunne lagesreferanseliste: stilen <x> finnes ikke',
    );
  });
});

describe('renderReport of a study just begun', () => {
  it('lists what is still missing, and does not claim there are no problems', () => {
    const tree = fromHtml(
      renderReport(
        sampleData({
          diagnostics: [],
          missing: [
            { nb: 'begreper: concepts.yaml er tom', en: 'concepts: concepts.yaml is empty' },
          ],
        }),
      ),
    );
    const missing = elements(
      tree,
      (element) => String(element.properties.className) === 'missing',
    )[0];
    const problems = elements(tree, (element) => element.properties.id === 'problems')[0];
    expect({
      missing:
        missing &&
        elements(missing, (element) => element.tagName === 'h3' || element.tagName === 'li').map(
          textOf,
        ),
      problems: problems && elements(problems, (element) => element.tagName === 'p').map(textOf),
    }).toEqual({
      missing: ['Mangler ennå', 'begreper: concepts.yaml er tom'],
      problems: [
        'Ingen problemer i det som finnes så langt; se hva som mangler ennå i oversikten.',
      ],
    });
  });
});

describe('renderReport naming what a problem is about', () => {
  const about = (key: string, line: number) => ({
    rule: 'concept-without-findings' as const,
    severity: 'info' as const,
    message: { nb: 'Ingen funn', en: 'No findings' },
    file: 'concepts.yaml',
    line,
    column: 1,
    key,
  });
  const tree = fromHtml(
    renderReport(
      sampleData({
        diagnostics: [
          about('tillit', 3),
          about('list-28', 5),
          about('snl2018a', 7),
          about('snl2018b', 9),
        ],
        entryLabels: {
          snl2018a: 'SNL (2018)',
          snl2018b: 'SNL (2018)',
          natland2019: 'Natland mfl. (2019)',
        },
        keyLabels: { tillit: { kind: 'concept', label: { nb: 'Tillit', en: 'Trust' } } },
      }),
    ),
  );

  it('names a concept as a concept, leaves out a bare id, and tells alike entries apart by their id', () => {
    const places = elements(tree, (element) => element.tagName === 'article').map((problem) => [
      problem.properties.dataSource,
      textOf(elements(problem, (element) => String(element.properties.className) === 'place')[0]!),
    ]);
    expect(places).toEqual([
      ['', 'concepts.yaml: linje 3, kolonne 1 · Begrep: Tillit'],
      ['', 'concepts.yaml: linje 5, kolonne 1'],
      ['snl2018a', 'concepts.yaml: linje 7, kolonne 1 · Kilde: SNL (2018) · snl2018a'],
      ['snl2018b', 'concepts.yaml: linje 9, kolonne 1 · Kilde: SNL (2018) · snl2018b'],
    ]);
    const options = elements(
      tree,
      (element) => element.tagName === 'select' && element.properties.name === 'source',
    )[0];
    expect(
      options && elements(options, (element) => element.tagName === 'option').map(textOf),
    ).toEqual(['Alle', '(ingen kilde)', 'SNL (2018) · snl2018a', 'SNL (2018) · snl2018b']);
  });
});

describe('renderReport with problems of a reference list entry', () => {
  const entryProblem = {
    rule: 'bib-edition-years' as const,
    severity: 'warning' as const,
    message: {
      nb: '«Tittel <b>» finnes under flere år',
      en: '"Tittel <b>" appears under several years',
    },
    file: 'sources/references.yaml',
    line: 12,
    column: 1,
    key: 'natland2019',
    raw: 'Natland (2019)',
  };
  const base = sampleData();
  const tree = fromHtml(
    renderReport(
      sampleData({
        diagnostics: [...base.diagnostics, entryProblem],
        references: base.references.map((reference) => ({
          ...reference,
          problems: [entryProblem],
        })),
      }),
    ),
  );

  it('shows them beside the entry, escaped, linked to the same problem in the filterable list', () => {
    const entry = elements(tree, (element) => element.properties.id === 'ref-natland2019')[0]!;
    const problems = elements(
      entry,
      (element) => String(element.properties.className) === 'entry-problems',
    )[0]!;
    const items = elements(problems, (element) => element.tagName === 'li');
    expect(items.map(textOf)).toEqual([
      'Advarsel «Tittel <b>» finnes under flere år · Ulike utgaver av samme bok · Vis blant problemene',
    ]);
    expect(elements(entry, (element) => element.tagName === 'b')).toEqual([]);
    const href = String(
      elements(items[0]!, (element) => element.tagName === 'a')[0]?.properties.href,
    );
    const problem = elements(tree, (element) => `#${String(element.properties.id)}` === href)[0];
    expect(
      problem && [problem.tagName, problem.properties.dataRule, problem.properties.dataSource],
    ).toEqual(['article', 'bib-edition-years', 'natland2019']);
    // Listed once among the problems: the entry shows it, it does not add a second one.
    expect(
      elements(tree, (element) => element.properties.dataRule === 'bib-edition-years').length,
    ).toBe(1);
  });
});

describe("renderReport with the thesis's own reference list", () => {
  const tree = fromHtml(
    renderReport(
      sampleData({
        typedList: {
          heading: 'Litteraturliste',
          line: 40,
          entries: [
            {
              line: 42,
              page: 9,
              authors: ['Natland', 'Bjerke'],
              year: '2019',
              title: 'Hjelp',
              raw: 'Natland, S., & Bjerke, E. (2019). Hjelp <b>.',
              cited: 2,
            },
            {
              line: 43,
              authors: ['Skau'],
              year: null,
              title: null,
              raw: 'Skau, G. M. Uten år.',
              cited: 0,
            },
          ],
        },
      }),
    ),
  );

  it('lists each entry as read, with its line and how often it is cited, the uncited marked', () => {
    const table = elements(
      tree,
      (element) =>
        element.tagName === 'table' && String(element.properties.className) === 'typed-list',
    )[0];
    const rows = table ? elements(table, (element) => element.tagName === 'tr') : [];
    expect(
      rows.map((row) => [
        String(row.properties.className ?? ''),
        ...elements(row, (cell) => cell.tagName === 'th' || cell.tagName === 'td').map(textOf),
      ]),
    ).toEqual([
      ['', 'linje', 'Forfattere', 'År', 'Oppføring', 'Henvist'],
      [
        '',
        '42 (side 9)',
        'Natland; Bjerke',
        '2019',
        'Natland, S., & Bjerke, E. (2019). Hjelp <b>.',
        '2',
      ],
      ['uncited', '43', 'Skau', '–', 'Skau, G. M. Uten år.', '0'],
    ]);
    const caption = table
      ? elements(table, (element) => element.tagName === 'caption')[0]
      : undefined;
    expect(caption && textOf(caption)).toBe(
      'Oppføringene slik litsynth leste dem fra «Litteraturliste» (linje 40), og hvor mange henvisninger i teksten som viser til hver.',
    );
    expect(elements(tree, (element) => element.tagName === 'b')).toEqual([]);
  });
});

describe('citationOf', () => {
  const text = 'Først (Tufte, 2011, s.72) og så (Tufte, 2011, s.75) igjen.';
  const first = { start: text.indexOf('(Tufte'), end: text.indexOf(')') + 1, line: 4, column: 7 };
  const second = {
    start: text.lastIndexOf('(Tufte'),
    end: text.lastIndexOf(')') + 1,
    line: 5,
    column: 3,
  };
  const block = {
    kind: 'paragraph' as const,
    text,
    line: 4,
    endLine: 5,
    citations: [first, second],
  };

  it('finds the citation a diagnostic points into, also at its locator', () => {
    expect(citationOf(block, { line: 5, column: 3, raw: '(Tufte, 2011, s.75)' })).toBe(second);
    expect(citationOf(block, { line: 4, column: 21, raw: '(Tufte, 2011, s.72)' })).toBe(first);
    expect(citationOf(block, { line: 5, column: 15, raw: 'Tufte, 2011, s.75' })).toBe(second);
    expect(citationOf(block, { line: 9, column: 1, raw: '(Dalland, 2017)' })).toBeUndefined();
  });
});

describe('renderReport of a .docx or .pdf manuscript', () => {
  /** The place line of each problem, when the manuscript (and its diagnostics) is `file`. */
  const placesOf = (file: string, lang: 'nb' | 'en') => {
    const data = sampleData();
    const tree = fromHtml(
      renderReport({
        ...data,
        lang,
        manuscript: { ...data.manuscript!, file },
        diagnostics: data.diagnostics.map((diagnostic) => ({ ...diagnostic, file })),
      }),
    );
    return elements(tree, (element) => element.tagName === 'article').map((problem) =>
      textOf(elements(problem, (element) => String(element.properties.className) === 'place')[0]!),
    );
  };

  it('places a problem as litsynth check does: a PDF by its page, a Word document by paragraph and heading', () => {
    expect(placesOf('oppgave.pdf', 'nb')).toEqual([
      'oppgave.pdf: side 1 · Kilde: natland2019',
      // Without a page (a PDF's diagnostics always have one), its line and column.
      'oppgave.pdf: linje 5, kolonne 20 · Kilde: lundberg2013',
    ]);
    expect(placesOf('oppgave.docx', 'nb')).toEqual([
      'oppgave.docx: avsnitt 3 (s. 1) under «1.0 Innledning» · Kilde: natland2019',
      'oppgave.docx: avsnitt 5 under «1.0 Innledning» · Kilde: lundberg2013',
    ]);
    expect(placesOf('thesis.docx', 'en')).toEqual([
      'thesis.docx: paragraph 3 (p. 1) under "1.0 Innledning" · Source: natland2019',
      'thesis.docx: paragraph 5 under "1.0 Innledning" · Source: lundberg2013',
    ]);
  });
});

describe('citationContext', () => {
  it('cuts at word boundaries and marks the citation', () => {
    const text = `${'ord '.repeat(60)}(Natland, 2019) ${'mer '.repeat(60)}`;
    const start = text.indexOf('(');
    const context = citationContext(
      {
        kind: 'paragraph',
        text,
        line: 1,
        endLine: 1,
        citations: [{ start, end: start + 15, line: 1, column: 9 }],
      },
      { line: 1, column: 9 },
    );
    expect(context?.marked).toBe('(Natland, 2019)');
    expect(context?.before.startsWith('… ord ')).toBe(true);
    expect(context?.after.endsWith('mer …')).toBe(true);
  });
});

describe('renderReport with an incomplete reference list', () => {
  const tree = fromHtml(
    renderReport(
      sampleData({
        referencesTodo: {
          entries: [
            {
              id: 'tufte2011',
              citedAs: { nb: 'Tufte (2011)', en: 'Tufte (2011)' },
              origin: { file: 'sources/references.yaml', line: 49 },
              status: 'unverified',
              missing: [{ nb: 'tittel', en: 'title' }],
              unconfirmed: [],
              templates: [
                {
                  kind: { nb: 'bok', en: 'book' },
                  text: 'Tufte, [X.]. (2011). *[Tittel]*. [Forlag].',
                  tree: entryTree(
                    'Tufte, [X.]. (2011). <i>[Tittel]</i>. [Forlag].<script>alert(4)</script>',
                  ),
                },
              ],
              candidates: [
                {
                  text: 'Tufte, P. A. (2011). *Statistikk*. Cappelen.',
                  tree: entryTree('Tufte, P. A. (2011). <i>Statistikk</i>. Cappelen.'),
                  evidence: [],
                  notes: [{ nb: 'mulig, ikke bekreftet', en: 'possible, not confirmed' }],
                },
              ],
              citedYears: [
                { year: '2011', lines: [241], id: 'tufte2011' },
                { year: '2012', lines: [249], id: 'tufte2011' },
              ],
              notes: [{ nb: 'Søkt etter, ikke funnet.', en: 'Searched, not found.' }],
            },
          ],
          toCheck: [
            {
              id: 'natland2019',
              citedAs: { nb: 'Natland et al. (2019)', en: 'Natland et al. (2019)' },
              origin: { file: 'sources/natland2019.md', line: 4 },
              notes: ['Year differs.'],
            },
          ],
        },
      }),
    ),
  );

  it('says so at the top, where nobody can miss it, with a link to what is missing', () => {
    const alert = elements(tree, (element) => element.properties.role === 'alert')[0];
    expect(alert && textOf(alert)).toBe(
      'Litteraturlisten kan ikke leveres ennå: 1 referanse mangler opplysninger og er holdt utenfor listen. Se hva som mangler',
    );
    const link = alert ? elements(alert, (element) => element.tagName === 'a')[0] : undefined;
    expect(link?.properties.href).toBe('#references-todo');
  });

  it('gives each incomplete entry its place, what it lacks, the years, a sanitised template and the possible matches', () => {
    const section = elements(
      tree,
      (element) => element.tagName === 'section' && element.properties.id === 'references-todo',
    )[0];
    const entry = section
      ? elements(section, (element) => element.tagName === 'article')[0]
      : undefined;
    expect(
      entry && [
        entry.properties.id,
        ...elements(entry, (element) => ['h3', 'p', 'li'].includes(element.tagName)).map(textOf),
      ],
    ).toEqual([
      'todo-tufte2011',
      'Tufte (2011)',
      'sources/references.yaml, linje 49 · Ikke verifisert',
      'Mangler: tittel',
      'Sitert under flere år: 2011 (linje 241), 2012 (linje 249). Er det samme verk i ulike utgaver? Oppgi utgaven du har lest, med dens år, overalt.',
      'Mal (bok): Tufte, [X.]. (2011). [Tittel]. [Forlag].',
      'Mulig treff – bekreft: Tufte, P. A. (2011). Statistikk. Cappelen. (mulig, ikke bekreftet)',
      'Merknader: Søkt etter, ikke funnet.',
    ]);
    expect(entry ? elements(entry, (element) => element.tagName === 'script') : []).toEqual([]);
    const checks = section
      ? elements(
          section,
          (element) =>
            element.tagName === 'ul' && String(element.properties.className) === 'to-check',
        )[0]
      : undefined;
    expect(checks && textOf(checks)).toBe(
      'Natland et al. (2019) (sources/natland2019.md, linje 4): Year differs.',
    );
  });
});

describe('renderReport, the verification of a listed entry', () => {
  const tree = fromHtml(
    renderReport(
      sampleData({
        references: [
          {
            id: 'dalland2017',
            origin: { file: 'sources/references.yaml', line: 43 },
            text: 'Dalland, O. (2017). Metode.',
            status: 'partly-verified',
            evidence: [
              'https://example.org/a',
              { nb: 'oppgaven, linje 227', en: 'the thesis, line 227' },
              'a note in one language',
            ],
            notes: [{ nb: 'Utgaven er ikke bekreftet.', en: 'Edition not verified.' }],
          },
        ],
      }),
    ),
  );

  it('names the entry by its place, and shows its evidence and notes in the report language', () => {
    const details = elements(
      tree,
      (element) =>
        element.tagName === 'details' &&
        element.children.some(
          (child) =>
            child.type === 'element' &&
            child.tagName === 'summary' &&
            textOf(child).startsWith('Verifisering'),
        ),
    )[0];
    expect(
      details &&
        elements(details, (element) => ['summary', 'li'].includes(element.tagName)).map(textOf),
    ).toEqual([
      'Verifisering: Delvis verifisert · sources/references.yaml, linje 43',
      'https://example.org/a',
      'oppgaven, linje 227',
      'a note in one language',
      'Utgaven er ikke bekreftet.',
    ]);
  });
});
