import { completeLocalized, type Diagnostic, type Localized } from '@litsynth/common';
import type { Blockquote, Heading, Paragraph, Root, RootContent } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import { recordDiagnostic } from './rules.js';
import type { Finding, FindingQuote } from './types.js';

/** Headings that open the findings section ("## Funn", "## Findings", "## Funn / Findings"). */
const findingsHeading = /^(funn|findings)(\s*\/\s*(funn|findings))?$/i;
/** `Label nb | Label en {#id page=12}`: the attribute block at the end of a finding heading. */
const headingWithAttributes = /^(.*?)\s*\{([^{}]*)\}\s*$/;
const findingId = /^[a-z][a-z0-9_-]*$/;
/** A page at the end of a quotation: "(s. 12)", "(p. 12)", "(pp. 12–13)". */
const trailingPage =
  /\s*\((?:s\.|p\.|pp\.|side|page)\s*([0-9ivxlc]+(?:\s*[–-]\s*[0-9ivxlc]+)?)\)\s*$/i;

/** Reads the findings of a record body; problems become diagnostics, bad findings are skipped. */
export function parseFindings(
  tree: Root,
  context: { file: string; recordId: string },
): { findings: Finding[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const findings: Finding[] = [];
  const start = tree.children.findIndex(
    (node) =>
      node.type === 'heading' && node.depth === 2 && findingsHeading.test(nodeText(node).trim()),
  );
  if (start === -1) {
    diagnostics.push(
      recordDiagnostic(
        'source-record-no-findings',
        { file: context.file, line: lastLine(tree), column: 1 },
        {
          nb: 'Posten har ingen funn: forventet en seksjon «## Funn / Findings» med ett «### Etikett | Label {#id}» per funn.',
          en: 'The record has no findings: expected a "## Funn / Findings" section with one "### Etikett | Label {#id}" per finding.',
        },
      ),
    );
    return { findings, diagnostics };
  }
  const section: RootContent[] = [];
  for (const node of tree.children.slice(start + 1)) {
    if (node.type === 'heading' && node.depth <= 2) break;
    section.push(node);
  }
  // Group the section into one heading plus its content per finding.
  const groups: Array<{ heading: Heading; content: RootContent[] }> = [];
  for (const node of section) {
    if (node.type === 'heading' && node.depth === 3) groups.push({ heading: node, content: [] });
    else groups.at(-1)?.content.push(node);
  }
  const seen = new Set<string>();
  for (const group of groups) {
    const finding = parseFinding(group.heading, group.content, context, diagnostics);
    if (!finding) continue;
    if (seen.has(finding.id)) {
      diagnostics.push(
        recordDiagnostic(
          'source-record-duplicate-finding-id',
          { file: context.file, line: finding.line, column: 1 },
          {
            nb: `Funn-id-en «${finding.id}» er brukt før i denne posten; forventet en unik id. Dette funnet hoppes over.`,
            en: `The finding id "${finding.id}" is already used in this record; expected a unique id. This finding is skipped.`,
          },
          { key: finding.id },
        ),
      );
      continue;
    }
    seen.add(finding.id);
    findings.push(finding);
  }
  if (groups.length === 0) {
    diagnostics.push(
      recordDiagnostic(
        'source-record-no-findings',
        { file: context.file, line: lineOf(tree.children[start]), column: 1 },
        {
          nb: 'Seksjonen «Funn» har ingen funn: forventet én «### Etikett | Label {#id}»-overskrift per funn.',
          en: 'The findings section has no findings: expected one "### Etikett | Label {#id}" heading per finding.',
        },
      ),
    );
  }
  return { findings, diagnostics };
}

function parseFinding(
  heading: Heading,
  content: RootContent[],
  context: { file: string; recordId: string },
  diagnostics: Diagnostic[],
): Finding | undefined {
  const line = lineOf(heading);
  const text = nodeText(heading).trim();
  const match = headingWithAttributes.exec(text);
  const attributes = parseAttributes(match?.[2] ?? '');
  const id = attributes.id;
  if (!match || !id || !findingId.test(id) || !id.startsWith(`${context.recordId}-`)) {
    const got = id ? `«${id}»` : 'ingen id';
    const gotEn = id ? `"${id}"` : 'no id';
    diagnostics.push(
      recordDiagnostic(
        'source-record-finding-id',
        { file: context.file, line, column: 1 },
        {
          nb: `Funnoverskriften «${text}» har ${got}; forventet {#${context.recordId}-navn} til slutt (små bokstaver, tall, - og _). Funnet hoppes over.`,
          en: `The finding heading "${text}" has ${gotEn}; expected {#${context.recordId}-name} at its end (lowercase letters, digits, - and _). The finding is skipped.`,
        },
        { raw: text },
      ),
    );
    return undefined;
  }
  const labels = (match[1] ?? '').split(/\s+\|\s+/, 2).map((part) => part.trim());
  const statement: Partial<Localized> = {};
  const quotes: FindingQuote[] = [];
  for (const node of content) {
    if (node.type === 'paragraph') {
      const lang = statementLanguage(node);
      if (lang) {
        statement[lang] = normalise(nodeText(node)).replace(/^(nb|en):\s*/i, '');
        continue;
      }
    } else if (node.type === 'blockquote') {
      quotes.push(parseQuote(node));
      continue;
    } else if (node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim())) {
      // A comment is invisible in the record as read (litsynth add's own template is one).
      continue;
    }
    diagnostics.push(
      recordDiagnostic(
        'source-record-unexpected-content',
        { file: context.file, line: lineOf(node), column: 1 },
        {
          nb: `Uventet innhold i funnet «${id}»: forventet avsnitt som begynner med «nb:» eller «en:», eller sitater (> …). Det ignoreres.`,
          en: `Unexpected content in finding "${id}": expected paragraphs starting with "nb:" or "en:", or quotations (> …). It is ignored.`,
        },
      ),
    );
  }
  const whole = completeLocalized(statement);
  if (!whole) {
    diagnostics.push(
      recordDiagnostic(
        'source-record-finding-statement',
        { file: context.file, line, column: 1 },
        {
          nb: `Funnet «${id}» har ikke noe utsagn; forventet et avsnitt som begynner med «nb:» (eller «en:»; ett språk holder). Funnet hoppes over.`,
          en: `Finding "${id}" has no statement; expected a paragraph starting with "en:" (or "nb:"; one language is enough). The finding is skipped.`,
        },
        { key: id },
      ),
    );
    return undefined;
  }
  const finding: Finding = {
    id,
    source: context.recordId,
    label: findingLabel(labels, statement, id),
    statement: whole,
    quotes,
    line,
  };
  if (attributes.page) finding.page = attributes.page;
  return finding;
}

/**
 * The label of a finding from its heading: "Norsk | English", or one label alone, in the language
 * of the statement when the finding has one language only (else Norwegian, the heading's first).
 * A missing language shows the other, marked; no label at all is the id.
 */
function findingLabel(
  labels: readonly string[],
  statement: Partial<Localized>,
  id: string,
): Localized {
  const [first = '', second = ''] = labels;
  if (second) return completeLocalized({ nb: first, en: second }) ?? { nb: id, en: id };
  if (!first) return { nb: id, en: id };
  const only: keyof Localized = statement.en && !statement.nb ? 'en' : 'nb';
  return completeLocalized({ [only]: first }) ?? { nb: id, en: id };
}

/** `#id page=12 page="92–93"` → { id, page }. */
function parseAttributes(text: string): { id?: string; page?: string } {
  const result: { id?: string; page?: string } = {};
  for (const token of text.match(/#[^\s]+|[a-z]+=(?:"[^"]*"|[^\s]+)/gi) ?? []) {
    if (token.startsWith('#')) result.id = token.slice(1);
    else {
      const [key, ...rest] = token.split('=');
      if (key === 'page') result.page = rest.join('=').replace(/^"|"$/g, '');
    }
  }
  return result;
}

function statementLanguage(paragraph: Paragraph): 'nb' | 'en' | undefined {
  const first = paragraph.children[0];
  if (first?.type !== 'text') return undefined;
  const match = /^(nb|en):/i.exec(first.value);
  return match ? (match[1]?.toLowerCase() as 'nb' | 'en') : undefined;
}

function parseQuote(node: Blockquote): FindingQuote {
  let text = normalise(node.children.map((child) => nodeText(child)).join(' '));
  const quote: FindingQuote = { text, line: lineOf(node) };
  const page = trailingPage.exec(text);
  if (page?.[1]) {
    text = text.slice(0, page.index);
    quote.text = text;
    quote.page = page[1].replace(/\s+/g, '');
  }
  return quote;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function lineOf(node: { position?: { start: { line: number } } | undefined } | undefined): number {
  return node?.position?.start.line ?? 1;
}

function lastLine(tree: Root): number {
  return tree.position?.end.line ?? 1;
}
