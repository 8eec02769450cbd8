import { describe, expect, test } from 'vitest';
import {
  layoutToBlocks,
  linesOfPages,
  printedPageOffset,
  type PdfPage,
  type PdfTextItem,
} from './pdf-layout.js';

/** A body line of 12 pt text at a baseline; `right` sets its width (a full line reaches 520). */
const line = (
  y: number,
  text: string,
  options: { x?: number; right?: number; height?: number } = {},
): PdfTextItem => {
  const x = options.x ?? 72;
  return { text, x, y, width: (options.right ?? 520) - x, height: options.height ?? 12 };
};
const page = (...items: PdfTextItem[]): PdfPage => ({ height: 842, items });
const header = (y = 800) => line(y, 'Bacheloroppgave – Relasjoner i Nav', { x: 300, right: 520 });
const pageNumber = (n: number) => line(40, String(n), { x: 295, right: 301 });

function blocksOf(pages: PdfPage[]) {
  return layoutToBlocks(linesOfPages(pages)).blocks.map((block) => ({
    kind: block.kind,
    text: block.spans.map((span) => span.text).join(' / '),
    pages: [...new Set(block.spans.map((span) => span.page))],
  }));
}

describe('layoutToBlocks', () => {
  test('removes running headers and page numbers, continues a paragraph over a page break', () => {
    const pages = [
      page(
        header(),
        line(700, 'Første avsnitt begynner her og fortsetter helt ut til'),
        line(686, 'høyre marg og videre over side-'),
        pageNumber(1),
      ),
      page(
        header(),
        line(700, 'skiftet til neste side.', { right: 200 }),
        line(670, 'Andre avsnitt.', { right: 150 }),
        pageNumber(2),
      ),
      page(header(), line(700, 'Tredje avsnitt.', { right: 150 }), pageNumber(3)),
    ];
    expect(blocksOf(pages)).toEqual([
      {
        kind: 'paragraph',
        text: 'Første avsnitt begynner her og fortsetter helt ut til / høyre marg og videre over side- / skiftet til neste side.',
        pages: [1, 2],
      },
      { kind: 'paragraph', text: 'Andre avsnitt.', pages: [2] },
      { kind: 'paragraph', text: 'Tredje avsnitt.', pages: [3] },
    ]);
    expect(layoutToBlocks(linesOfPages(pages)).removed.map((removed) => removed.text)).toEqual([
      'Bacheloroppgave – Relasjoner i Nav',
      '1',
      'Bacheloroppgave – Relasjoner i Nav',
      '2',
      'Bacheloroppgave – Relasjoner i Nav',
      '3',
    ]);
  });

  test("removes a running header that names the chapter, repeated only on that chapter's pages", () => {
    const chapterHeader = (title: string) => line(800, title, { x: 72, right: 250 });
    const text = (n: number) =>
      line(700, `Tekst nummer ${'x'.repeat(n)} på denne siden.`, { right: 300 });
    const pages = [
      ...[1, 2, 3].map((n) => page(chapterHeader('2 Teori'), text(n), pageNumber(n))),
      ...[4, 5, 6, 7, 8, 9, 10].map((n) => page(chapterHeader('3 Metode'), text(n), pageNumber(n))),
    ];
    const layout = layoutToBlocks(linesOfPages(pages));
    expect(layout.blocks.flatMap((block) => block.spans.map((span) => span.text))).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `Tekst nummer ${'x'.repeat(n)} på denne siden.`),
    );
  });

  test('keeps chapter headings that stand at the same height on the first page of each chapter', () => {
    const body = (n: number) =>
      line(700, `Tekst nummer ${'x'.repeat(n)} på denne siden.`, { right: 300 });
    const pages = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) =>
      [1, 4, 7].includes(n)
        ? page(
            line(760, `Kapittel ${(n + 2) / 3}`, { height: 16, right: 180 }),
            body(n),
            pageNumber(n),
          )
        : page(body(n), pageNumber(n)),
    );
    expect(
      blocksOf(pages)
        .filter((block) => block.kind === 'heading')
        .map((block) => block.text),
    ).toEqual(['Kapittel 1', 'Kapittel 2', 'Kapittel 3']);
  });

  test('finds headings by size, block quotations by indentation, paragraphs by first-line indent', () => {
    const pages = [
      page(
        line(740, '2 Teori', { height: 16, right: 150 }),
        line(710, 'Han skrev det slik:', { right: 200 }),
        line(690, 'Et langt sitat som står innrykket', { x: 100, right: 480 }),
        line(676, 'over flere linjer (Kierkegaard, 1859).', { x: 100, right: 400 }),
        line(656, 'Etter sitatet kommer vanlig tekst som går helt ut til'),
        line(642, 'margen.', { right: 120 }),
        line(628, 'Et nytt avsnitt med innrykk på første linje og tekst', { x: 90 }),
        line(614, 'som fortsetter.', { right: 160 }),
      ),
    ];
    expect(blocksOf(pages)).toEqual([
      { kind: 'heading', text: '2 Teori', pages: [1] },
      { kind: 'paragraph', text: 'Han skrev det slik:', pages: [1] },
      {
        kind: 'block-quote',
        text: 'Et langt sitat som står innrykket / over flere linjer (Kierkegaard, 1859).',
        pages: [1],
      },
      {
        kind: 'paragraph',
        text: 'Etter sitatet kommer vanlig tekst som går helt ut til / margen.',
        pages: [1],
      },
      {
        kind: 'paragraph',
        text: 'Et nytt avsnitt med innrykk på første linje og tekst / som fortsetter.',
        pages: [1],
      },
    ]);
  });

  test('a reference-list heading in body size is a heading (bold is not in the text layer)', () => {
    const pages = [
      page(
        line(700, 'Siste avsnitt.', { right: 150 }),
        line(670, 'Litteraturliste', { right: 160 }),
        line(640, 'Dalland, O. (2017). Metode og oppgaveskriving. Gyldendal Akademisk.', {
          right: 500,
        }),
      ),
    ];
    expect(blocksOf(pages).map((block) => block.kind)).toEqual([
      'paragraph',
      'heading',
      'paragraph',
    ]);
  });

  test('a reference list with hanging indents: one block per entry', () => {
    const pages = [
      page(
        line(740, 'Referanser', { height: 16, right: 160 }),
        line(710, 'Lundberg, K. G. & Syltevik, L. J. (2013). Brukererfaringer med Nav i', {
          right: 505,
        }),
        line(696, 'reformperioden: Kompleks organisasjon, bakkebyråkrati og ustabile', {
          x: 108,
          right: 500,
        }),
        line(682, 'relasjoner. Fontene forskning.', { x: 108, right: 290 }),
        line(668, 'Natland, S., Bjerke, E. & Torstensen, T. B. (2019). «Jeg fikk blankpusset', {
          right: 515,
        }),
        line(654, 'håpet om at jeg hadde en framtid». Fontene forskning.', { x: 108, right: 420 }),
        line(640, 'Dalland, O. (2017). Metode og oppgaveskriving. Gyldendal Akademisk.', {
          right: 470,
        }),
      ),
    ];
    expect(blocksOf(pages).map((block) => [block.kind, block.text.split(' / ').length])).toEqual([
      ['heading', 1],
      ['paragraph', 3],
      ['paragraph', 2],
      ['paragraph', 1],
    ]);
  });

  test('drops footnote reference numbers and puts the footnote after the paragraph that refers to it', () => {
    const pages = [
      page(
        line(700, 'Et avsnitt med en fotnote.', { right: 250 }),
        { text: '1', x: 250, y: 705, width: 4, height: 7 },
        line(672, 'Et annet avsnitt som går over på neste side og helt ut'),
        line(658, 'til høyre marg, to ganger faktisk, før det brytes'),
        { text: '1', x: 72, y: 94, width: 4, height: 7 },
        line(90, 'Fotnoten (Dalland, 2017).', { x: 78, right: 300 }),
      ),
      page(line(700, 'til margen.', { right: 150 })),
    ];
    expect(blocksOf(pages)).toEqual([
      { kind: 'paragraph', text: 'Et avsnitt med en fotnote.', pages: [1] },
      { kind: 'paragraph', text: 'Fotnoten (Dalland, 2017).', pages: [1] },
      {
        kind: 'paragraph',
        text: 'Et annet avsnitt som går over på neste side og helt ut / til høyre marg, to ganger faktisk, før det brytes / til margen.',
        pages: [1, 2],
      },
    ]);
  });
});

describe('printedPageOffset', () => {
  const words = ['Første', 'Andre', 'Tredje', 'Fjerde', 'Femte'];
  const body = (n: number) =>
    line(700, `${words[n - 1]} side har tekst som går helt ut til høyre marg.`);
  test('tells how far printed page numbers lag behind PDF pages (title page and contents first)', () => {
    const pages = [
      page(line(700, 'Tittelside', { right: 200 })),
      page(body(2), line(40, 'ii', { x: 295, right: 301 })),
      page(body(3), pageNumber(1)),
      page(body(4), pageNumber(2)),
      page(body(5), pageNumber(3)),
    ];
    expect(printedPageOffset(layoutToBlocks(linesOfPages(pages)).removed)).toBe(2);
  });

  test('0 when they agree, null without page numbers', () => {
    const numbered = [page(body(1), pageNumber(1)), page(body(2), pageNumber(2))];
    expect(printedPageOffset(layoutToBlocks(linesOfPages(numbered)).removed)).toBe(0);
    expect(
      printedPageOffset(layoutToBlocks(linesOfPages([page(body(1)), page(body(2))])).removed),
    ).toBe(null);
  });
});
