import type { Diagnostic, RuleDefinition, RuleId } from '@litsynth/common';
import { manuscriptFromBlocks } from '@litsynth/ingest';
import { describe, expect, it } from 'vitest';
import { diagnosticsToComments } from './diagnostics-to-comments.js';

// A manuscript as ingest reads a .docx: one line per paragraph, the column the character in it.
const paragraphs = [
  'Relasjoner (Natland et al., 2019) bygges over tid (Natland et al., 2019).',
  'Et sitat: «hjelpen var god» (Bower, 2014, s. 3 og Bower, 2014).',
  'Litteraturliste',
];
const manuscript = manuscriptFromBlocks({
  path: 'oppgave.docx',
  format: 'docx',
  encoding: 'binary',
  blocks: paragraphs.map((text, index) => ({
    kind: index === 2 ? 'heading' : 'paragraph',
    spans: [{ text, line: index + 1, column: 1, join: 'inline' }],
  })),
});

const diagnostic = (
  rule: RuleId,
  severity: Diagnostic['severity'],
  line: number,
  column: number,
  raw: string,
  extra: Partial<Diagnostic> = {},
): Diagnostic => ({
  rule,
  severity,
  message: { nb: `Melding om ${raw}.`, en: `Message about ${raw}.` },
  file: 'oppgave.docx',
  line,
  column,
  raw,
  ...extra,
});

describe('diagnosticsToComments', () => {
  it('anchors each error and warning on its text, an info rule once with its places, and keeps other files apart', () => {
    const diagnostics = [
      diagnostic('uncited-entry', 'info', 1, 1, '69', {
        suggestion: { nb: 'Henvis til verket.', en: 'Cite it.' },
      }),
      diagnostic('year-mismatch', 'error', 1, 52, 'Natland et al., 2019', {
        suggestion: { nb: 'Skriv 2020.', en: 'Write 2020.' },
      }),
      diagnostic('locator-form', 'info', 1, 13, 'Natland et al., 2019', { page: 4 }),
      // At the quotation; its citation follows in the paragraph.
      diagnostic('quotation-without-page', 'warning', 2, 11, 'Bower, 2014'),
      diagnostic('locator-form', 'info', 2, 30, 'Bower, 2014, s. 3', { section: 'Innledning' }),
      // Points at the reference list's heading, about a citation elsewhere.
      diagnostic('bib-typed-entry-missing', 'error', 3, 1, 'Eide (2019)'),
      { ...diagnostic('bib-missing-field', 'warning', 12, 1, 'eide2019'), file: 'references.bib' },
    ];
    const rules: RuleDefinition[] = [
      {
        id: 'locator-form',
        scope: 'check',
        name: { nb: 'Sidetall', en: 'Page' },
        severity: 'info',
        description: {
          nb: 'Sidetallet er skrevet på en annen måte.',
          en: 'The page is written another way.',
        },
        example: '',
        docs: 'check-rules',
      },
    ];
    expect(diagnosticsToComments(diagnostics, manuscript, { lang: 'nb', rules })).toEqual({
      comments: [
        {
          paragraph: 1,
          paragraphText: paragraphs[0],
          body: ['Merknad om form: Melding om 69. (uncited-entry)', 'Forslag: Henvis til verket.'],
        },
        {
          paragraph: 1,
          paragraphText: paragraphs[0],
          anchor: { text: 'Natland et al., 2019', occurrence: 0, column: 13 },
          body: [
            'Merknad om form (locator-form), 2 ganger: Sidetallet er skrevet på en annen måte.',
            '• s. 4: Melding om Natland et al., 2019.',
            '• «Innledning»: Melding om Bower, 2014, s. 3.',
          ],
        },
        {
          paragraph: 1,
          paragraphText: paragraphs[0],
          anchor: { text: 'Natland et al., 2019', occurrence: 1, column: 52 },
          body: ['Feil: Melding om Natland et al., 2019. (year-mismatch)', 'Forslag: Skriv 2020.'],
        },
        {
          paragraph: 2,
          paragraphText: paragraphs[1],
          anchor: { text: 'Bower, 2014', occurrence: 0, column: 30 },
          body: ['Advarsel: Melding om Bower, 2014. (quotation-without-page)'],
        },
        {
          paragraph: 3,
          paragraphText: 'Litteraturliste',
          body: ['Feil: Melding om Eide (2019). (bib-typed-entry-missing)'],
        },
      ],
      elsewhere: [diagnostics[6]],
    });
  });

  it('writes English when asked, and lists at most 30 places of an info rule', () => {
    const many = Array.from({ length: 32 }, (_, index) =>
      diagnostic('locator-form', 'info', 1, 13, 'Natland et al., 2019', {
        page: index + 1,
        suggestion: { nb: 'Skriv s.', en: 'Write p.' },
      }),
    );
    const [comment] = diagnosticsToComments(many, manuscript, { lang: 'en' }).comments;
    expect(comment?.body.slice(0, 2)).toEqual([
      'Note on form (locator-form), 32 times: Message about Natland et al., 2019.',
      '• p. 1: Message about Natland et al., 2019.',
    ]);
    expect(comment?.body.slice(-3)).toEqual([
      '• p. 30: Message about Natland et al., 2019.',
      '… and 2 more.',
      'Suggestion: Write p.',
    ]);
  });
});
