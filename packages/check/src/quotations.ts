import type { Manuscript } from '@litsynth/ingest';

/** A direct quotation in the manuscript text. */
export interface Quotation {
  /** Offsets in `Manuscript.text` of the quotation including its marks, or of the block quote. */
  start: number;
  end: number;
  words: number;
  kind: 'inline' | 'block';
}

// «…» is the Norwegian quotation mark; “…” and "…" appear in pasted and English text; „…“ in
// text from German or older Norwegian keyboards; Word set to Norwegian writes ”…” (U+201D at both
// ends). A mark that both opens and closes pairs by position: it opens after a blank or an opening
// bracket and before a letter, and closes after a letter, so a stray mark does not turn the text
// between two quotations into one.
const inlinePattern =
  /«([^«»]*)»|“([^“”]*)”|„([^„“”\n]*)[“”]|(?<![\p{L}\p{N}])”(?=[^\s”])([^”“\n]*[^\s”“])”(?![\p{L}\p{N}])|"([^"\n]*)"/gu;
// Fewer words are terms and scare quotes («krise», «det normale livet»), not quotations.
const minimumQuotationWords = 4;
// A quoted title is not a quotation: «… heter «Jeg fikk blankpusset håpet …»»; nor is the name of
// a concept, dimension, variable, category, theme or project: «dimensjonen ”oppfattet tilgjengelig
// sosial støtte”», «prosjektet «Aktiv på dagtid»».
const titleBefore =
  /(heter|heiter|tittelen|med tittel|kalt|titled|entitled|called|begrepet|dimensjonen|variabelen|kategorien|temaet|konseptet|prosjektet|programmet|tiltaket|the term|the concept|the dimension|the variable|the category|the theme|the project|the program(?:me)?)\s*:?\s*$/i;

const countWords = (text: string): number =>
  text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;

/** Finds the direct quotations: passages in «…», “…”, ”…”, „…“ or "…" of four words or more, and block quotations of 40 words or more. */
export function findQuotations(manuscript: Manuscript): Quotation[] {
  const quotations: Quotation[] = [];
  const text = manuscript.text;
  for (const match of text.matchAll(inlinePattern)) {
    const content = match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '';
    if (content.includes('\n\n')) continue;
    const words = countWords(content);
    if (words < minimumQuotationWords) continue;
    const start = match.index;
    if (titleBefore.test(text.slice(Math.max(0, start - 30), start))) continue;
    quotations.push({ start, end: start + match[0].length, words, kind: 'inline' });
  }
  for (const block of manuscript.blocks) {
    if (block.kind !== 'block-quote') continue;
    const words = countWords(text.slice(block.start, block.end));
    if (words < 40) continue;
    // A block quote that is one «…» quotation is reported once, as the inline quotation.
    if (
      quotations.some((quotation) => quotation.start >= block.start && quotation.end <= block.end)
    )
      continue;
    quotations.push({ start: block.start, end: block.end, words, kind: 'block' });
  }
  return quotations.sort((a, b) => a.start - b.start);
}
