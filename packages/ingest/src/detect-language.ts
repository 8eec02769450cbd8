import type { Manuscript } from './types.js';

/** A language litsynth can tell a thesis to be written in: Norwegian bokmål, nynorsk, or English. */
export type ThesisLanguage = 'nb' | 'nn' | 'en';

/** What `detectLanguage` found, with the counts it decided on. */
export interface LanguageGuess {
  /** The language of the text; `nb` (the product's default) when undecided. */
  language: ThesisLanguage;
  /** Whether the text held enough marker words, clearly enough of one language, to decide. */
  decided: boolean;
  /**
   * Share (0–1) of the marker words that speak for the language given (English against Norwegian;
   * for nb and nn, Norwegian against English), scaled down when fewer than 30 were counted.
   */
  confidence: number;
  /**
   * Marker words counted: `en` English; `no` Norwegian in both written standards; `nb` and `nn` the
   * words only bokmål or only nynorsk writes.
   */
  counts: { en: number; no: number; nb: number; nn: number };
  /** Words read. */
  words: number;
}

// Frequent function words that the other language does not write (or writes rarely), so each one
// counted is a vote. Words both languages write ("i", "for", "at", "under", "man") are left out.
const english = new Set(
  'the and of to in is are was were be been being this that these those with from by on which who whom whose what when where how not or an have has had their there they its it into than such also can could would should will may might however between about because both each other more most our we us do does did'.split(
    ' ',
  ),
);
const norwegian = new Set(
  'og er som på av til med å har den det om var kan seg eller også ved skal vil sin sine sitt etter mellom dette når slik andre hadde enn mer blant gjennom vi oss'.split(
    ' ',
  ),
);
const bokmal = new Set(
  'ikke fra jeg hvor hvordan ble disse deres hva hvis noe mye bare være vært de hun hennes hvilke hvilken nå noen egen egne'.split(
    ' ',
  ),
);
const nynorsk = new Set(
  'ikkje frå eg kvar korleis vart desse deira kva viss noko mykje berre vere vore dei ho hennar kvifor nokon eigen eigne òg'.split(
    ' ',
  ),
);

// Fewer marker words than this (a title page, a sentence) decide nothing.
const minimumMarkers = 30;
// The share one side needs to win: a Norwegian thesis with English quotations and an English
// abstract stays Norwegian, a text that is half and half stays undecided.
const decisiveShare = 0.7;

/**
 * Tells the language of a text (Norwegian bokmål, nynorsk, or English) by counting frequent
 * function words that only one of them writes. Transparent and deterministic; undecided (too few
 * words, or mixed) gives `nb`, the product's default.
 */
export function detectLanguage(text: string): LanguageGuess {
  const counts = { en: 0, no: 0, nb: 0, nn: 0 };
  let words = 0;
  for (const match of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    const word = match[0];
    words += 1;
    if (english.has(word)) counts.en += 1;
    else if (norwegian.has(word)) counts.no += 1;
    else if (bokmal.has(word)) counts.nb += 1;
    else if (nynorsk.has(word)) counts.nn += 1;
  }
  const total = counts.en + counts.no + counts.nb + counts.nn;
  const englishShare = total === 0 ? 0 : counts.en / total;
  // Fewer markers than the minimum scale the confidence down: a sentence is no evidence.
  const weight = Math.min(1, total / minimumMarkers);
  const guess = (language: ThesisLanguage, decided: boolean, share: number): LanguageGuess => ({
    language,
    decided,
    confidence: Math.round(share * weight * 1000) / 1000,
    counts,
    words,
  });
  const enough = total >= minimumMarkers;
  if (enough && englishShare >= decisiveShare) return guess('en', true, englishShare);
  const norwegianShare = total === 0 ? 0 : 1 - englishShare;
  if (!enough || norwegianShare < decisiveShare) return guess('nb', false, norwegianShare);
  // Norwegian: nynorsk when its own words clearly outnumber bokmål's.
  return guess(counts.nn >= 5 && counts.nn > 2 * counts.nb ? 'nn' : 'nb', true, norwegianShare);
}

/**
 * The language of a manuscript's own text: its paragraphs, headings and list items, without its
 * reference list (titles there are in the language of the works cited) and block quotations.
 */
export function detectManuscriptLanguage(manuscript: Manuscript): LanguageGuess {
  const list = manuscript.referenceList;
  const parts = manuscript.blocks
    .filter((block) => block.kind !== 'block-quote')
    .filter((block) => !list || block.end <= list.start || block.start >= list.end)
    .map((block) => manuscript.text.slice(block.start, block.end));
  return detectLanguage(parts.join('\n\n'));
}
