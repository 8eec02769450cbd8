import { sha256 as sha256Of } from '@noble/hashes/sha2.js';
import { safeHref } from '@litsynth/bibliography';
import type { Diagnostic, Lang, Localized, Severity } from '@litsynth/common';
import { sentenceOfText } from '@litsynth/ingest';
import type { Element, ElementContent, Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { todoLabels } from '@litsynth/bibliography';
import { toHast } from 'mdast-util-to-hast';
import {
  labels,
  say,
  sayText,
  severityCountLabels,
  severityLabels,
  verificationLabels,
} from './labels.js';
import { reportScript, reportStyle } from './report-assets.js';
import type {
  ReportBlock,
  ReportCitationMark,
  ReportData,
  ReportDiscussionMap,
  ReportHeatMap,
  ReportReferencesTodo,
  ReportTable,
  ReportTodoEntry,
  ReportTypedList,
} from './types.js';

const severities: Severity[] = ['error', 'warning', 'info'];

/**
 * Renders report.html: one self-contained, offline page (inline CSS and script, no external
 * request). The page is built as a hast tree, so every text from the thesis or the sources is
 * escaped by hast-util-to-html; a Content-Security-Policy pins the inline style and script by
 * hash, so even injected markup could neither run nor load anything.
 */
export function renderReport(data: ReportData): string {
  const { lang } = data;
  const t = (label: Localized) => say(label, lang);
  const placed = placeProblems(data);
  const csp = [
    "default-src 'none'",
    `style-src '${sha256(reportStyle)}'`,
    `script-src '${sha256(reportScript)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  const sections: Array<[id: string, title: string, content: ElementContent[]]> = [
    ['overview', t(labels.overview), renderOverview(data)],
    ['problems', t(labels.problems), renderProblems(data, placed)],
    ['references', t(labels.references), renderReferences(data, placed)],
    ...(data.typedList
      ? [
          ['typed-list', t(labels.typedList), renderTypedList(data.typedList, lang)] as [
            string,
            string,
            ElementContent[],
          ],
        ]
      : []),
    ...(data.referencesTodo
      ? [
          [
            'references-todo',
            t(labels.referencesTodo),
            renderReferencesTodo(data, data.referencesTodo, placed),
          ] as [string, string, ElementContent[]],
        ]
      : []),
    // A manuscript checked alone has no study: no matrix and no tables to show or to miss.
    ...(data.manuscriptOnly
      ? []
      : ([
          ['matrix', t(labels.matrix), renderMatrix(data, lang)],
          [
            'tables',
            t(labels.tables),
            data.tables.length > 0
              ? [
                  tableContents(data.tables, lang),
                  ...data.tables.flatMap((table, index) => renderTable(table, index + 1, lang)),
                ]
              : [h('p', t(labels.notAvailable))],
          ],
        ] as Array<[string, string, ElementContent[]]>)),
    ['manuscript', t(labels.manuscript), renderManuscript(data, placed)],
  ];

  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { httpEquiv: 'Content-Security-Policy', content: csp }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'generator', content: 'litsynth' }),
          h('title', `${t(labels.documentTitle)}: ${data.study.title[lang]}`),
          h('style', reportStyle),
        ]),
        h('body', [
          h('a.skip', { href: '#problems' }, t(labels.skipToProblems)),
          h('header', [
            h('p', `${t(labels.documentTitle)} · ${t(labels.study)} ${data.study.id}`),
            h('h1', data.study.title[lang]),
            h('p.question', [h('strong', `${t(labels.question)}: `), data.study.question[lang]]),
          ]),
          h('nav.toc', { ariaLabel: t(labels.contents) }, [
            h(
              'ul',
              sections.map(([id, title]) => h('li', [h('a', { href: `#${id}` }, title)])),
            ),
          ]),
          h(
            'main',
            sections.map(([id, title, content]) =>
              h('section', { id, ariaLabelledBy: `${id}-title` }, [
                h('h2', { id: `${id}-title` }, title),
                ...content,
              ]),
            ),
          ),
          h('script', reportScript),
        ]),
      ]),
    ],
  };
  return `${toHtml(tree)}\n`;
}

/** A diagnostic with its number in the report and the manuscript block it belongs to. */
interface PlacedProblem {
  diagnostic: Diagnostic;
  id: string;
  block?: { index: number; block: ReportBlock };
}

function placeProblems(data: ReportData): PlacedProblem[] {
  const blocks = data.manuscript?.blocks ?? [];
  const manuscriptFile = data.manuscript?.file;
  // The thesis first, in reading order; problems in the study's other files after it.
  const inManuscript = (diagnostic: Diagnostic) =>
    manuscriptFile !== undefined && diagnostic.file === manuscriptFile;
  const ordered = [
    ...data.diagnostics.filter(inManuscript),
    ...data.diagnostics.filter((diagnostic) => !inManuscript(diagnostic)),
  ];
  return ordered.map((diagnostic, index) => {
    const placed: PlacedProblem = { diagnostic, id: `problem-${index + 1}` };
    if (manuscriptFile !== undefined && diagnostic.file === manuscriptFile) {
      const blockIndex = findBlock(blocks, diagnostic.line);
      const block = blocks[blockIndex];
      if (block) placed.block = { index: blockIndex, block };
    }
    return placed;
  });
}

/** The block that contains a line, else the last block that starts before it. */
function findBlock(blocks: readonly ReportBlock[], line: number): number {
  let best = -1;
  for (const [index, block] of blocks.entries()) {
    if (block.line <= line && line <= block.endLine) return index;
    if (block.line <= line) best = index;
  }
  return best;
}

function blockAnchor(block: ReportBlock): string {
  return `line-${block.line}`;
}

function citationAnchor(citation: ReportCitationMark): string {
  return `citation-${citation.line}-${citation.column}`;
}

function renderOverview(data: ReportData): ElementContent[] {
  const { lang } = data;
  const t = (label: Localized) => say(label, lang);
  const bySeverity = new Map<Severity, number>(severities.map((severity) => [severity, 0]));
  for (const diagnostic of data.diagnostics)
    bySeverity.set(diagnostic.severity, (bySeverity.get(diagnostic.severity) ?? 0) + 1);
  const count = (label: string, value: number, className?: string) =>
    h('div', className ? { className } : {}, [h('dt', label), h('dd', String(value))]);
  const content: ElementContent[] = [
    h('dl.counts', [
      count(t(labels.citations), data.counts.citations),
      count(t(labels.works), data.counts.works),
      count(t(labels.referenceCount), data.counts.references),
      ...(data.referencesTodo
        ? [
            count(
              t(labels.referencesTodoCount),
              data.referencesTodo.entries.length,
              data.referencesTodo.entries.length > 0 ? 'sev-error' : undefined,
            ),
          ]
        : []),
      ...severities.map((severity) =>
        count(t(severityCountLabels[severity]), bySeverity.get(severity) ?? 0, `sev-${severity}`),
      ),
    ]),
  ];
  if (data.missing && data.missing.length > 0) {
    content.push(
      h('div.missing', [
        h('h3', t(labels.stillMissing)),
        h(
          'ul',
          data.missing.map((item) => h('li', item[lang])),
        ),
      ]),
    );
  }
  content.push(...renderRuleCounts(data));
  const incomplete = data.referencesTodo?.entries.length ?? 0;
  if (incomplete > 0) {
    // The list cannot be handed in: said where nobody can miss it.
    content.push(
      h('div.failures.references-not-ready', { role: 'alert' }, [
        h('p', [
          h(
            'strong',
            incomplete === 1
              ? t(labels.referencesNotReadyOne)
              : t(labels.referencesNotReady).replace('{count}', String(incomplete)),
          ),
          ' ',
          h('a', { href: '#references-todo' }, t(labels.referencesNotReadyLink)),
        ]),
      ]),
    );
  }
  if (data.failures.length > 0) {
    content.push(
      h('div.failures', { role: 'alert' }, [
        h('h3', t(labels.failures)),
        h(
          'ul',
          data.failures.map((failure) =>
            h('li', [h('strong', `${failure.part[lang]}: `), failure.message[lang]]),
          ),
        ),
      ]),
    );
  }
  return content;
}

function renderProblems(data: ReportData, placed: readonly PlacedProblem[]): ElementContent[] {
  const { lang } = data;
  const t = (label: Localized) => say(label, lang);
  if (placed.length === 0)
    return [
      h('p', t(data.missing && data.missing.length > 0 ? labels.noProblemsYet : labels.noProblems)),
    ];

  const rules = [...new Set(data.diagnostics.map((diagnostic) => diagnostic.rule))].sort((a, b) =>
    ruleName(data, a).localeCompare(ruleName(data, b), lang),
  );
  const sources = [
    ...new Set(data.diagnostics.map((diagnostic) => sourceOf(data, diagnostic))),
  ].sort((a, b) =>
    a === '' ? -1 : b === '' ? 1 : entryName(data, a).localeCompare(entryName(data, b), lang),
  );
  const select = (name: string, label: string, options: Array<[value: string, text: string]>) =>
    h('label', [
      label,
      h('select', { name }, [
        h('option', { value: '' }, t(labels.all)),
        ...options.map(([value, text]) => h('option', { value }, text)),
      ]),
    ]);
  const filters = h('form.filters#filters', [
    h('fieldset', [
      h('legend', t(labels.filters)),
      select(
        'severity',
        t(labels.severity),
        severities.map((severity) => [severity, t(severityLabels[severity])]),
      ),
      select(
        'rule',
        t(labels.rule),
        rules.map((rule) => [rule, ruleName(data, rule)]),
      ),
      select(
        'source',
        t(labels.source),
        sources.map((source) => [
          source,
          source === '' ? t(labels.noSource) : entryName(data, source),
        ]),
      ),
    ]),
  ]);
  const total = String(placed.length);
  const status = h(
    'p.filter-status#filter-status',
    { ariaLive: 'polite', dataTemplate: t(labels.filterStatus) },
    t(labels.filterStatus).replace('{shown}', total).replace('{total}', total),
  );

  // Group by section (or by file, for problems outside the manuscript), then by rule, in order of
  // first appearance: the reader meets them in the order of the thesis.
  const manuscriptFile = data.manuscript?.file;
  const groups = new Map<string, Map<string, PlacedProblem[]>>();
  for (const problem of placed) {
    const { diagnostic } = problem;
    const group =
      manuscriptFile === undefined || diagnostic.file === manuscriptFile
        ? (diagnostic.section ?? t(labels.noSection))
        : diagnostic.file;
    const byRule = groups.get(group) ?? new Map<string, PlacedProblem[]>();
    groups.set(group, byRule);
    const list = byRule.get(diagnostic.rule) ?? [];
    byRule.set(diagnostic.rule, list);
    list.push(problem);
  }
  const rendered: ElementContent[] = [];
  for (const [group, byRule] of groups) {
    rendered.push(
      h('div.problem-group', [
        h('h3', group),
        // Within a section the worst problems come first: errors, then warnings, then form.
        // Notes on form are folded: signal before noise (a filter, or printing, unfolds them).
        ...[...byRule]
          .sort(([, a], [, b]) => worstRank(a) - worstRank(b))
          .map(([rule, problems]) => {
            const heading = h('h4', `${ruleName(data, rule)} (${problems.length})`);
            const body = problems.map((problem) => renderProblem(problem, data));
            return worstRank(problems) === severities.indexOf('info')
              ? h('details.problem-group', [h('summary', heading), ...body])
              : h('div.problem-group', [heading, ...body]);
          }),
      ]),
    );
  }
  return [filters, status, ...rendered];
}

function worstRank(problems: readonly PlacedProblem[]): number {
  return Math.min(...problems.map((problem) => severities.indexOf(problem.diagnostic.severity)));
}

/** Problems per rule, worst and most frequent first: what the thesis gets wrong, at a glance. */
function renderRuleCounts(data: ReportData): ElementContent[] {
  const { lang } = data;
  const t = (label: Localized) => say(label, lang);
  const byRule = new Map<string, { severity: Severity; count: number }>();
  for (const diagnostic of data.diagnostics) {
    const entry = byRule.get(diagnostic.rule) ?? { severity: diagnostic.severity, count: 0 };
    entry.count++;
    if (severities.indexOf(diagnostic.severity) < severities.indexOf(entry.severity))
      entry.severity = diagnostic.severity;
    byRule.set(diagnostic.rule, entry);
  }
  if (byRule.size === 0) return [];
  const rows = [...byRule].sort(
    ([ruleA, a], [ruleB, b]) =>
      severities.indexOf(a.severity) - severities.indexOf(b.severity) ||
      b.count - a.count ||
      (ruleA < ruleB ? -1 : 1),
  );
  return [
    h('div.table-wrap', [
      h('table.rule-counts', [
        h('caption', t(labels.problemsByRule)),
        h('thead', [
          h('tr', [
            h('th', { scope: 'col' }, t(labels.rule)),
            h('th', { scope: 'col' }, t(labels.severity)),
            h('th', { scope: 'col' }, t(labels.count)),
            h('th', { scope: 'col' }, t(labels.ruleKey)),
          ]),
        ]),
        h(
          'tbody',
          rows.map(([rule, entry]) =>
            h('tr', [
              h('th', { scope: 'row' }, ruleName(data, rule)),
              h('td', h(`span.badge.sev-${entry.severity}`, t(severityLabels[entry.severity]))),
              h('td', String(entry.count)),
              // The id is the key a study sets the rule with (rules: { locator-form: off }).
              h('td', h('code.rule-id', rule)),
            ]),
          ),
        ),
      ]),
    ]),
  ];
}

function renderProblem(problem: PlacedProblem, data: ReportData): Element {
  const { lang } = data;
  const t = (label: Localized) => say(label, lang);
  const { diagnostic } = problem;
  const documentPlace = documentPlaceOf(data, diagnostic);
  const place = documentPlace
    ? [documentPlace]
    : [
        diagnostic.page === undefined ? undefined : `${t(labels.page)} ${diagnostic.page}`,
        `${t(labels.line)} ${diagnostic.line}`,
        `${t(labels.column)} ${diagnostic.column}`,
      ].filter((part) => part !== undefined);
  const children: ElementContent[] = [
    h('p', [
      h(`span.badge.sev-${diagnostic.severity}`, t(severityLabels[diagnostic.severity])),
      ' ',
      diagnostic.message[lang],
    ]),
    h('p.place', [
      `${diagnostic.file}: ${place.join(', ')}`,
      ...keyText(data, diagnostic).map((text) => ` · ${text}`),
    ]),
  ];
  const context = problem.block ? citationContext(problem.block.block, diagnostic) : undefined;
  if (context) {
    children.push(
      h('blockquote', { lang: data.study.language }, [
        context.before,
        h('mark', context.marked),
        context.after,
      ]),
    );
  }
  if (diagnostic.suggestion) {
    children.push(h('p', [h('strong', `${t(labels.suggestion)}: `), diagnostic.suggestion[lang]]));
  }
  if (problem.block) {
    // To the citation itself when it is marked in the manuscript, else to its paragraph.
    const mark = citationOf(problem.block.block, diagnostic);
    const anchor = mark ? citationAnchor(mark) : blockAnchor(problem.block.block);
    children.push(h('p', [h('a', { href: `#${anchor}` }, t(labels.showInManuscript))]));
  }
  return h(
    'article.problem',
    {
      id: problem.id,
      dataSeverity: diagnostic.severity,
      dataRule: diagnostic.rule,
      dataSource: sourceOf(data, diagnostic),
    },
    children,
  );
}

/** A rule as the reader knows it: its name in the report's language ("Feil årstall"), else its id. */
function ruleName(data: ReportData, rule: string): string {
  return data.ruleNames?.[rule]?.[data.lang] ?? rule;
}

/**
 * The bibliography entry a diagnostic is about, else ''. Its key is an entry when the entry
 * labels name it (or, without entry labels, when it is not a concept or finding of keyLabels).
 */
function sourceOf(data: ReportData, diagnostic: Diagnostic): string {
  const { key } = diagnostic;
  if (key === undefined || data.keyLabels?.[key] !== undefined) return '';
  return data.entryLabels === undefined || data.entryLabels[key] !== undefined ? key : '';
}

/** What a diagnostic's key names, as the reader knows it: "Kilde: Natland mfl. (2019)", "Begrep: Tillit"; nothing for a bare id. */
function keyText(data: ReportData, diagnostic: Diagnostic): string[] {
  const { key } = diagnostic;
  if (key === undefined) return [];
  const other = data.keyLabels?.[key];
  if (other) return [`${say(labels[other.kind], data.lang)}: ${other.label[data.lang]}`];
  return sourceOf(data, diagnostic) === ''
    ? []
    : [`${say(labels.source, data.lang)}: ${entryName(data, key)}`];
}

/**
 * An entry as the reader knows it ("Natland mfl. (2019)"); its id is added only where two entries
 * would read alike ("SNL (2018) · snl2018bruker").
 */
function entryName(data: ReportData, id: string): string {
  const label = data.entryLabels?.[id];
  if (label === undefined) return id;
  const alike = Object.entries(data.entryLabels ?? {}).some(
    ([other, text]) => other !== id && text === label,
  );
  return alike && label !== id ? `${label} · ${id}` : label;
}

/**
 * Where a supervisor finds a problem in a .docx or .pdf manuscript, as `litsynth check` says it: a
 * PDF's page ("side 12"); a Word document's paragraph, page when Word saved one, and heading
 * ("avsnitt 34 (s. 5) under «2.1 Metode»"). Undefined for other files (line and column).
 */
function documentPlaceOf(data: ReportData, diagnostic: Diagnostic): string | undefined {
  if (data.manuscript === undefined || diagnostic.file !== data.manuscript.file) return undefined;
  const { lang } = data;
  const page =
    diagnostic.page === undefined ? undefined : `${lang === 'nb' ? 's.' : 'p.'} ${diagnostic.page}`;
  if (/\.pdf$/i.test(diagnostic.file))
    return page === undefined ? undefined : `${say(labels.page, lang)} ${diagnostic.page}`;
  if (!/\.(docx|docm|dotx|dotm)$/i.test(diagnostic.file)) return undefined;
  const heading =
    diagnostic.section === undefined
      ? ''
      : lang === 'nb'
        ? ` under «${diagnostic.section}»`
        : ` under "${diagnostic.section}"`;
  return `${say(labels.paragraph, lang)} ${diagnostic.line}${page === undefined ? '' : ` (${page})`}${heading}`;
}

/**
 * The citation of a block a diagnostic is about: the one starting at its place, else (a
 * diagnostic may point inside its citation, e.g. at the locator) the last citation starting
 * before its place whose text is the diagnostic's `raw` text.
 */
export function citationOf(
  block: ReportBlock,
  diagnostic: Pick<Diagnostic, 'line' | 'column' | 'raw'>,
): ReportCitationMark | undefined {
  const exact = block.citations.find(
    (citation) => citation.line === diagnostic.line && citation.column === diagnostic.column,
  );
  if (exact || !diagnostic.raw) return exact;
  const raw = diagnostic.raw;
  const before = (citation: ReportCitationMark) =>
    citation.line < diagnostic.line ||
    (citation.line === diagnostic.line && citation.column <= diagnostic.column);
  const candidates = block.citations.filter((citation) => {
    const text = block.text.slice(citation.start, citation.end);
    return text === raw || text.includes(raw) || raw.includes(text);
  });
  return candidates.filter(before).at(-1) ?? candidates[0];
}

/** Longest sentence quoted under a problem (the page wraps it); a longer one is cut around the citation. */
const contextChars = 320;

/**
 * The sentence of the thesis a diagnostic's citation is in (as `litsynth check` quotes it:
 * ingest's sentenceOfText), with the citation separated out to be marked.
 */
export function citationContext(
  block: ReportBlock,
  diagnostic: Pick<Diagnostic, 'line' | 'column' | 'raw'>,
): { before: string; marked: string; after: string } | undefined {
  let start: number | undefined;
  let end: number | undefined;
  const mark = citationOf(block, diagnostic);
  if (mark) {
    start = mark.start;
    end = mark.end;
  } else if (diagnostic.raw) {
    const found = block.text.indexOf(diagnostic.raw);
    if (found >= 0) {
      start = found;
      end = found + diagnostic.raw.length;
    }
  }
  if (start === undefined || end === undefined) return undefined;
  const sentence = sentenceOfText(block.text, start, end, { maxLength: contextChars });
  return {
    before: sentence.text.slice(0, sentence.mark.start),
    marked: sentence.text.slice(sentence.mark.start, sentence.mark.end),
    after: sentence.text.slice(sentence.mark.end),
  };
}

function renderReferences(data: ReportData, placed: readonly PlacedProblem[]): ElementContent[] {
  const { references, lang } = data;
  const t = (label: Localized) => say(label, lang);
  if (references.length === 0) return [h('p', t(labels.noReferences))];
  const problemIds = problemIdsOf(placed);
  return [
    h(
      'div.references',
      // APA lists are alphabetical and unnumbered, with a hanging indent.
      h(
        'ul',
        references.map((reference) => {
          const status = reference.status ?? 'none';
          const details: ElementContent[] = [];
          if (reference.evidence.length > 0) {
            details.push(
              h('p', h('strong', t(labels.evidence))),
              h(
                'ul',
                reference.evidence.map((item) => h('li', [linkOrText(sayText(item, lang))])),
              ),
            );
          }
          if (reference.notes.length > 0) {
            details.push(
              h('p', h('strong', t(labels.notes))),
              h(
                'ul',
                reference.notes.map((note) => h('li', sayText(note, lang))),
              ),
            );
          }
          return h('li', { id: `ref-${reference.id}` }, [
            h('div.entry', entryContent(reference)),
            ...(reference.problems && reference.problems.length > 0
              ? [renderEntryProblems(data, reference.problems, problemIds)]
              : []),
            h('details', [
              h('summary', [
                `${t(labels.verification)}: `,
                h(`strong.status-${status}`, t(verificationLabels[status])),
                // Where the entry is, rather than its id: the place is what the student can find.
                ` · ${reference.origin ? `${reference.origin.file}, ${t(labels.line)} ${reference.origin.line}` : reference.id}`,
              ]),
              ...details,
            ]),
          ]);
        }),
      ),
    ),
  ];
}

/**
 * The thesis's own reference list as read: one row per entry with its line (and page), the
 * authors and year read from it, the entry as written and how often the text cites it. An entry
 * cited nowhere stands out (class `uncited`).
 */
function renderTypedList(list: ReportTypedList, lang: Lang): ElementContent[] {
  const t = (label: Localized) => say(label, lang);
  const caption = t(labels.typedListCaption)
    .replace('{heading}', list.heading)
    .replace('{line}', String(list.line));
  if (list.entries.length === 0) return [h('p', caption), h('p', t(labels.noReferences))];
  return [
    h('table.typed-list', [
      h('caption', caption),
      h(
        'thead',
        h(
          'tr',
          [
            t(labels.line),
            t(labels.typedAuthors),
            t(labels.typedYear),
            t(labels.typedEntry),
            t(labels.typedCited),
          ].map((label) => h('th', { scope: 'col' }, label)),
        ),
      ),
      h(
        'tbody',
        list.entries.map((entry) =>
          h(entry.cited === 0 ? 'tr.uncited' : 'tr', [
            h(
              'td',
              entry.page === undefined
                ? String(entry.line)
                : `${entry.line} (${t(labels.page)} ${entry.page})`,
            ),
            h('td', entry.authors.join('; ')),
            h('td', entry.year ?? '–'),
            h('td', entry.raw),
            h('td', String(entry.cited)),
          ]),
        ),
      ),
    ]),
  ];
}

/** "2018 (linje 12, 40), 2020 (linje 88)". */
function citedYearsText(years: ReportTodoEntry['citedYears'], lang: Lang): string {
  return years
    .map((cited) => {
      const year = cited.year === '' ? say(todoLabels.noYear, lang) : cited.year;
      return cited.lines.length
        ? `${year} (${say(labels.line, lang)} ${cited.lines.join(', ')})`
        : year;
    })
    .join(', ');
}

/**
 * The reference list's to-do: per entry that is kept out of the list, where it is, what is
 * missing and what to confirm, the years it is cited under, a template in the style's form, the
 * possible matches the records name, and the notes; then the listed entries to check.
 */
function renderReferencesTodo(
  data: ReportData,
  todo: ReportReferencesTodo,
  placed: readonly PlacedProblem[],
): ElementContent[] {
  const { lang } = data;
  const t = (label: Localized) => say(label, lang);
  const problemIds = problemIdsOf(placed);
  const content: ElementContent[] = [];
  if (todo.entries.length === 0) content.push(h('p', t(labels.referencesTodoNone)));
  else {
    content.push(h('p', t(labels.referencesTodoIntro)));
    content.push(
      h(
        'div.references-todo',
        todo.entries.map((entry) => {
          const items: ElementContent[] = [];
          const item = (label: string, value: Array<ElementContent | string>) =>
            items.push(h('li', [h('strong', `${label}: `), ...value]));
          if (entry.missing.length)
            item(t(todoLabels.missing), [entry.missing.map((name) => name[lang]).join('; ')]);
          if (entry.unconfirmed.length)
            item(t(todoLabels.confirm), [entry.unconfirmed.map((name) => name[lang]).join('; ')]);
          if (entry.citedYears.length) {
            const several = new Set(entry.citedYears.map((cited) => cited.year)).size > 1;
            const years = citedYearsText(entry.citedYears, lang);
            item(several ? t(todoLabels.citedUnder) : t(todoLabels.citedAs), [
              several ? `${years}. ${t(todoLabels.whichEdition)}` : years,
            ]);
          }
          for (const template of entry.templates) {
            item(
              template.kind
                ? `${t(todoLabels.template)} (${template.kind[lang]})`
                : t(todoLabels.template),
              [h('span.template', entryContent(template))],
            );
          }
          for (const candidate of entry.candidates) {
            const notes = candidate.notes.map((note) => sayText(note, lang)).join(' ');
            item(t(todoLabels.candidate), [
              h('span.candidate', entryContent(candidate)),
              ...(notes ? [` (${notes})`] : []),
            ]);
          }
          const notes = entry.notes.map((note) => sayText(note, lang)).join(' ');
          if (notes) item(t(todoLabels.notes), [notes]);
          const status =
            entry.status && entry.status !== 'verified'
              ? ` · ${t(verificationLabels[entry.status])}`
              : '';
          return h('article.todo-entry', { id: `todo-${entry.id}` }, [
            h('h3', entry.citedAs[lang]),
            h('p.place', `${entry.origin.file}, ${t(labels.line)} ${entry.origin.line}${status}`),
            h('ul', items),
            ...(entry.problems && entry.problems.length > 0
              ? [renderEntryProblems(data, entry.problems, problemIds)]
              : []),
          ]);
        }),
      ),
    );
  }
  if (todo.toCheck.length > 0) {
    content.push(
      h('h3', t(todoLabels.checkHeading)),
      h('p', t(todoLabels.checkIntro)),
      h(
        'ul.to-check',
        todo.toCheck.map((entry) => {
          const notes = entry.notes.map((note) => sayText(note, lang)).join(' ');
          return h('li', [
            h('strong', entry.citedAs[lang]),
            ` (${entry.origin.file}, ${t(labels.line)} ${entry.origin.line})`,
            ...(notes ? [`: ${notes}`] : []),
          ]);
        }),
      ),
    );
  }
  return content;
}

/** A formatted entry: its tree sanitised (italics stay, anything active goes), else its text. */
function entryContent(entry: { text: string; tree?: ElementContent[] }): ElementContent[] {
  if (entry.tree === undefined) return [{ type: 'text', value: entry.text }];
  const tree = sanitize({ type: 'root', children: entry.tree });
  return tree.type === 'root'
    ? (tree.children as ElementContent[])
    : [{ type: 'text', value: entry.text }];
}

/** The problem ids of the problems list, by the diagnostic (or an equal one), for linking to them. */
function problemIdsOf(
  placed: readonly PlacedProblem[],
): (diagnostic: Diagnostic) => string | undefined {
  const byObject = new Map(placed.map((problem) => [problem.diagnostic, problem.id]));
  const identity = (diagnostic: Diagnostic) =>
    [
      diagnostic.rule,
      diagnostic.file,
      diagnostic.line,
      diagnostic.column,
      diagnostic.key ?? '',
      diagnostic.message.en,
    ].join('\u0000');
  const byIdentity = new Map(placed.map((problem) => [identity(problem.diagnostic), problem.id]));
  return (diagnostic) => byObject.get(diagnostic) ?? byIdentity.get(identity(diagnostic));
}

/** An entry's own problems, worst first: severity, message, rule name, and a link to it among the problems (filterable there). */
function renderEntryProblems(
  data: ReportData,
  problems: readonly Diagnostic[],
  problemId: (diagnostic: Diagnostic) => string | undefined,
): Element {
  const { lang } = data;
  const t = (label: Localized) => say(label, lang);
  const ordered = [...problems].sort(
    (a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity),
  );
  return h('div.entry-problems', [
    h('p', h('strong', t(labels.entryProblems))),
    h(
      'ul',
      ordered.map((diagnostic) => {
        const id = problemId(diagnostic);
        return h('li', [
          h(`span.badge.sev-${diagnostic.severity}`, t(severityLabels[diagnostic.severity])),
          ' ',
          diagnostic.message[lang],
          ' · ',
          ruleName(data, diagnostic.rule),
          ...(id ? [' · ', h('a', { href: `#${id}` }, t(labels.showInProblems))] : []),
        ]);
      }),
    ),
  ]);
}

/** A link for an http(s) URL or a DOI (its href percent-encoded by the URL parser), else the value as text. */
function linkOrText(value: string): ElementContent {
  const href = safeHref(value);
  return href ? h('a', { href, rel: 'noreferrer' }, value) : { type: 'text', value };
}

function renderMatrix(data: ReportData, lang: Lang): ElementContent[] {
  const t = (label: Localized) => say(label, lang);
  const content: ElementContent[] = [];
  content.push(data.heatMap ? renderHeatMap(data.heatMap, lang) : h('p', t(labels.notAvailable)));
  content.push(h('h3', t(labels.discussionMap)));
  content.push(
    data.discussionMap && data.heatMap
      ? renderDiscussionMap(data, data.discussionMap, data.heatMap)
      : h('p', t(labels.notAvailable)),
  );
  return content;
}

/** Sources × concepts: the discussion paragraphs (by line, linked) that discuss the two together. */
function renderDiscussionMap(
  data: ReportData,
  map: ReportDiscussionMap,
  heatMap: ReportHeatMap,
): Element {
  const { lang } = data;
  const t = (label: Localized) => say(label, lang);
  if (!map.chapterFound) return h('p', t(labels.noDiscussionChapter));
  const blocks = data.manuscript?.blocks ?? [];
  const pairs = new Map(
    map.pairs.map((pair) => [`${pair.source}\u0000${pair.concept}`, pair.lines]),
  );
  const counts = new Map(map.sources.map((source) => [source.source, source]));
  const lineLink = (line: number): ElementContent => {
    const block = blocks[findBlock(blocks, line)];
    return block
      ? h('a', { href: `#${blockAnchor(block)}` }, String(line))
      : { type: 'text', value: String(line) };
  };
  return h('div.table-wrap', [
    h('table.discussion-map', [
      h('caption', t(labels.discussionMapCaption)),
      h('thead', [
        h('tr', [
          h('th', { scope: 'col' }, t(labels.conceptColumn)),
          ...heatMap.sources.map((source) => h('th', { scope: 'col' }, source.label)),
        ]),
      ]),
      h('tbody', [
        h('tr.counts', [
          h('th', { scope: 'row' }, t(labels.citedInResults)),
          ...heatMap.sources.map((source) => h('td', String(counts.get(source.id)?.results ?? 0))),
        ]),
        h('tr.counts', [
          h('th', { scope: 'row' }, t(labels.citedInDiscussion)),
          ...heatMap.sources.map((source) =>
            h('td', String(counts.get(source.id)?.discussion ?? 0)),
          ),
        ]),
        ...heatMap.concepts.map((concept) =>
          h('tr', [
            h('th', { scope: 'row' }, concept.label[lang]),
            ...heatMap.sources.map((source) => {
              const lines = pairs.get(`${source.id}\u0000${concept.id}`) ?? [];
              return h(
                'td',
                lines.length === 0
                  ? '–'
                  : [
                      `${t(labels.line)} `,
                      ...lines.flatMap((line, index) =>
                        index === 0 ? [lineLink(line)] : [', ', lineLink(line)],
                      ),
                    ],
              );
            }),
          ]),
        ),
      ]),
    ]),
  ]);
}

function renderHeatMap(heatMap: ReportHeatMap, lang: Lang): Element {
  const t = (label: Localized) => say(label, lang);
  const cells = new Map(heatMap.cells.map((cell) => [`${cell.source}\u0000${cell.concept}`, cell]));
  const max = Math.max(1, ...heatMap.cells.map((cell) => cell.findings.length));
  let tip = 0;
  return h('div.table-wrap', [
    h('table.heat-map', [
      h('caption', t(labels.heatMapCaption)),
      h('thead', [
        h('tr', [
          h('th', { scope: 'col' }, t(labels.conceptColumn)),
          ...heatMap.sources.map((source) =>
            h('th', { scope: 'col', dataSource: source.id }, source.label),
          ),
        ]),
      ]),
      h(
        'tbody',
        heatMap.concepts.map((concept) =>
          h('tr', [
            h('th', { scope: 'row', dataConcept: concept.id }, concept.label[lang]),
            ...heatMap.sources.map((source) => {
              const findings = cells.get(`${source.id}\u0000${concept.id}`)?.findings ?? [];
              const level =
                findings.length === 0 ? 0 : Math.max(1, Math.ceil((findings.length / max) * 4));
              const tipId = `heat-tip-${++tip}`;
              return h(
                `td.heat-${level}`,
                {
                  tabIndex: 0,
                  dataSource: source.id,
                  dataConcept: concept.id,
                  ariaDescribedBy: tipId,
                },
                [
                  h('span', String(findings.length)),
                  h('div.tip', { id: tipId, role: 'tooltip' }, [
                    h('p', h('strong', `${source.label} × ${concept.label[lang]}`)),
                    findings.length === 0
                      ? h('p', t(labels.noFindings))
                      : h(
                          'ul',
                          findings.map((finding) =>
                            // The finding by its label and statement, as the article matrix has it; its id is for data.
                            h('li', [
                              finding.label ? h('strong', `${finding.label[lang]}: `) : '',
                              finding.statement[lang],
                              finding.page === undefined
                                ? ''
                                : ` (${t(labels.page)} ${finding.page})`,
                            ]),
                          ),
                        ),
                  ]),
                ],
              );
            }),
          ]),
        ),
      ),
    ]),
  ]);
}

/** Links to every table: a study has many (one discussion table per concept). */
function tableContents(tables: readonly ReportTable[], lang: Lang): Element {
  return h('nav.table-contents', { ariaLabel: say(labels.tables, lang) }, [
    h(
      'ol',
      tables.map((table, index) =>
        h('li', [
          h(
            'a',
            { href: `#table-${table.id}` },
            `${say(labels.table, lang)} ${index + 1}: ${table.title}`,
          ),
        ]),
      ),
    ),
  ]);
}

/**
 * A generated table, numbered as in tables.md and tables.html (APA 7: "Tabell N", the title in
 * italics, the notes after "Merknad."): mdast → hast (raw HTML in the tree is dropped), with real
 * column headers.
 */
function renderTable(table: ReportTable, number: number, lang: Lang): ElementContent[] {
  const hast = toHast(table.table);
  if (hast.type === 'root' || hast.type === 'element')
    addHeaderScopes(hast, table.rowHeaders === true, false);
  const content: ElementContent[] = [
    h('h3', { id: `table-${table.id}` }, [
      h('span.table-number', `${say(labels.table, lang)} ${number}`),
      h('br'),
      h('span.table-title', table.title),
    ]),
    h(
      'div.table-wrap',
      hast.type === 'root' ? (hast.children as ElementContent[]) : [hast as ElementContent],
    ),
  ];
  if (table.notes.length > 0)
    content.push(
      h('p.table-notes', [
        h('span.table-note-label', say(labels.tableNote, lang)),
        ` ${table.notes.join(' ')}`,
      ]),
    );
  return content;
}

/** Header cells get `scope="col"`; with row headers, the first cell of a body row becomes `<th scope="row">`. */
function addHeaderScopes(node: Root | Element, rowHeaders: boolean, inBody: boolean): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'th') child.properties.scope = 'col';
    if (child.tagName === 'tr' && inBody && rowHeaders) {
      const first = child.children.find((cell): cell is Element => cell.type === 'element');
      if (first?.tagName === 'td') {
        first.tagName = 'th';
        first.properties.scope = 'row';
      }
    }
    addHeaderScopes(child, rowHeaders, inBody || child.tagName === 'tbody');
  }
}

function renderManuscript(data: ReportData, placed: readonly PlacedProblem[]): ElementContent[] {
  const { lang } = data;
  const t = (label: Localized) => say(label, lang);
  const manuscript = data.manuscript;
  if (!manuscript) return [h('p', t(labels.noManuscript))];
  const problemsByBlock = new Map<number, PlacedProblem[]>();
  for (const problem of placed) {
    if (!problem.block) continue;
    const list = problemsByBlock.get(problem.block.index) ?? [];
    problemsByBlock.set(problem.block.index, list);
    list.push(problem);
  }
  const content: ElementContent[] = [h('p.place', manuscript.file)];
  if (manuscript.notes && manuscript.notes.length > 0)
    content.push(
      h(
        'ul.notes',
        manuscript.notes.map((note) => h('li', note[lang])),
      ),
    );
  const body: ElementContent[] = [];
  let page: number | undefined;
  for (const [index, block] of manuscript.blocks.entries()) {
    if (block.page !== undefined && block.page !== page) {
      page = block.page;
      body.push(h('span.pageno', `${t(labels.page)} ${page}`));
    }
    const problems = problemsByBlock.get(index) ?? [];
    const inline = markCitations(block, problems, lang);
    const lineLabel =
      block.endLine > block.line ? `${block.line}–${block.endLine}` : String(block.line);
    const lineno = h('span.lineno', { ariaHidden: 'true' }, lineLabel);
    const attributes = {
      id: blockAnchor(block),
      className: ['block'],
      dataLine: String(block.line),
    };
    if (block.kind === 'heading') {
      body.push(h('h3', attributes, [lineno, ...inline]));
    } else if (block.kind === 'block-quote') {
      body.push(h('blockquote', attributes, [lineno, ...inline]));
    } else {
      body.push(h('p', attributes, [lineno, ...inline]));
    }
  }
  content.push(h('div.manuscript', { lang: data.study.language }, body));
  return content;
}

/** The block's text with its citations marked; citations with problems link back to them. */
function markCitations(
  block: ReportBlock,
  problems: readonly PlacedProblem[],
  lang: Lang,
): ElementContent[] {
  const result: ElementContent[] = [];
  let position = 0;
  const used = new Set<PlacedProblem>();
  for (const citation of block.citations) {
    if (citation.start < position || citation.end > block.text.length) continue;
    result.push({ type: 'text', value: block.text.slice(position, citation.start) });
    const here = problems.filter((problem) => citationOf(block, problem.diagnostic) === citation);
    for (const problem of here) used.add(problem);
    result.push(
      h(
        here.length > 0 ? 'mark.has-problem' : 'mark',
        { id: citationAnchor(citation) },
        block.text.slice(citation.start, citation.end),
      ),
    );
    result.push(...here.map((problem) => backref(problem, lang)));
    position = citation.end;
  }
  result.push({ type: 'text', value: block.text.slice(position) });
  // Problems in this block that match no marked citation still get a way back.
  for (const problem of problems) if (!used.has(problem)) result.push(backref(problem, lang));
  return result;
}

function backref(problem: PlacedProblem, lang: Lang): Element {
  const number = problem.id.replace('problem-', '');
  return h(
    'a.backref',
    {
      href: `#${problem.id}`,
      ariaLabel: `${severityLabels[problem.diagnostic.severity][lang]} ${number}: ${problem.diagnostic.message[lang]}`,
    },
    `[${number}]`,
  );
}

function sha256(text: string): string {
  let binary = '';
  for (const byte of sha256Of(new TextEncoder().encode(text))) binary += String.fromCharCode(byte);
  return `sha256-${btoa(binary)}`;
}
