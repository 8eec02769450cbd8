import type { Localized } from '@litsynth/common';
import { type MatchText, normaliseForMatch, normalisedText, occurrencesOf } from './match-text.js';
import type { CommentPlacement, CommentRequest } from './types.js';
import type { WordParagraph } from './word-paragraphs.js';

/**
 * Where one comment goes: characters [start, end) of a paragraph's text (start = end: an empty
 * paragraph), or the run `run` of the paragraph (a note's reference mark).
 */
export interface CommentTarget {
  paragraph: WordParagraph;
  start: number;
  end: number;
  run?: number;
  placement: CommentPlacement;
  /** Said first in the comment (which note it is about). */
  lead?: Localized;
  /** Why it is on the paragraph only (for 'paragraph-fallback'). */
  note?: Localized;
}

// How far (in paragraphs) to look for a paragraph whose number ingest and this reader disagree on.
const searchRadius = 25;

/** Finds the place of each comment: its paragraph, then its text in that paragraph. */
export class TargetFinder {
  readonly #numbered: readonly WordParagraph[];
  readonly #normalised = new Map<WordParagraph, MatchText>();
  #byText: Map<string, number[]> | undefined;

  readonly #commentsInNotes: boolean;

  constructor(numbered: readonly WordParagraph[], options: { commentsInNotes: boolean }) {
    this.#numbered = numbered;
    this.#commentsInNotes = options.commentsInNotes;
  }

  /** The place of one comment; never fails (a document without paragraphs has none: undefined). */
  find(request: CommentRequest): CommentTarget | undefined {
    const target = this.#find(request);
    const reference = target?.paragraph.noteOf;
    if (!target || !reference || this.#commentsInNotes) return target;
    // In a footnote or endnote: on its reference mark in the text, saying which note and what in it.
    const quoted =
      target.placement === 'text'
        ? quote(target.paragraph.text.slice(target.start, target.end))
        : undefined;
    const note =
      reference.type === 'footnote'
        ? { nb: 'fotnote', en: 'footnote' }
        : { nb: 'sluttnote', en: 'endnote' };
    return {
      paragraph: reference.paragraph,
      start: 0,
      end: 0,
      run: reference.run,
      placement: 'note-reference',
      lead: {
        nb: `Gjelder ${note.nb} ${reference.number}${quoted ? `: «${quoted}»` : ''}.`,
        en: `About ${note.en} ${reference.number}${quoted ? `: “${quoted}”` : ''}.`,
      },
    };
  }

  #find(request: CommentRequest): CommentTarget | undefined {
    const found = this.#findParagraph(request);
    if (!found) return undefined;
    const { paragraph, verified } = found;
    const host = outermostHost(paragraph);
    const anchor = request.anchor;
    if (host !== paragraph) {
      return this.#wholeParagraph(host, {
        nb: 'Stedet står i en tekstboks; merknaden gjelder avsnittet som har tekstboksen.',
        en: 'The place is in a text box; the comment is on the paragraph that holds the text box.',
      });
    }
    if (!anchor || normalisedText(anchor.text) === '') {
      return verified
        ? this.#wholeParagraph(paragraph)
        : this.#wholeParagraph(paragraph, notFoundPlace);
    }
    const inParagraph = this.#findText(paragraph, anchor, verified);
    if (inParagraph) return inParagraph;
    if (!verified) {
      // The paragraph was taken by its number alone and the text is not in it: look around.
      const index = this.#numbered.indexOf(paragraph);
      for (let distance = 1; distance <= searchRadius; distance++) {
        for (const candidate of [
          this.#numbered[index - distance],
          this.#numbered[index + distance],
        ]) {
          if (!candidate || candidate.host) continue;
          const nearby = this.#findText(candidate, anchor, false);
          if (nearby) return nearby;
        }
      }
      return this.#wholeParagraph(paragraph, notFoundPlace);
    }
    const quoted = quote(anchor.text);
    return this.#wholeParagraph(paragraph, {
      nb: `litsynth fant ikke «${quoted}» nøyaktig i avsnittet; merknaden gjelder hele avsnittet.`,
      en: `litsynth could not find “${quoted}” exactly in the paragraph; the comment is on the whole paragraph.`,
    });
  }

  #findParagraph(
    request: CommentRequest,
  ): { paragraph: WordParagraph; verified: boolean } | undefined {
    const numbered = this.#numbered;
    if (numbered.length === 0) return undefined;
    const index = Math.min(Math.max(request.paragraph - 1, 0), numbered.length - 1);
    const byNumber = numbered[index] as WordParagraph;
    const inRange = request.paragraph >= 1 && request.paragraph <= numbered.length;
    if (request.paragraphText === undefined) return { paragraph: byNumber, verified: inRange };
    const wanted = normalisedText(request.paragraphText);
    if (inRange && this.#text(byNumber).text === wanted)
      return { paragraph: byNumber, verified: true };
    // Ingest and this reader numbered differently: the paragraph with the same text nearest to the number.
    const same = this.#paragraphsWithText(wanted);
    if (same.length > 0) {
      const nearest = same.reduce((best, candidate) =>
        Math.abs(candidate - index) < Math.abs(best - index) ? candidate : best,
      );
      return { paragraph: numbered[nearest] as WordParagraph, verified: true };
    }
    return { paragraph: byNumber, verified: false };
  }

  #findText(
    paragraph: WordParagraph,
    anchor: NonNullable<CommentRequest['anchor']>,
    verified: boolean,
  ): CommentTarget | undefined {
    const text = this.#text(paragraph);
    const needle = normalisedText(anchor.text);
    const found = occurrencesOf(text.text, needle);
    if (found.length === 0) return undefined;
    let chosen: number | undefined;
    if (verified && anchor.occurrence !== undefined) chosen = found[anchor.occurrence];
    if (chosen === undefined && anchor.column !== undefined) {
      const column = anchor.column;
      const distance = (at: number) => Math.abs((text.source[at] as number) + 1 - column);
      chosen = found.reduce((best, at) => (distance(at) < distance(best) ? at : best));
    }
    chosen ??= found[0] as number;
    const start = text.source[chosen] as number;
    const end = text.sourceEnd[chosen + needle.length - 1] as number;
    return { paragraph, start, end, placement: 'text' };
  }

  #wholeParagraph(paragraph: WordParagraph, note?: Localized): CommentTarget {
    const target: CommentTarget = {
      paragraph,
      start: 0,
      end: paragraph.text.length,
      placement: note ? 'paragraph-fallback' : 'paragraph',
    };
    if (note) target.note = note;
    return target;
  }

  #text(paragraph: WordParagraph): MatchText {
    let text = this.#normalised.get(paragraph);
    if (!text) {
      text = normaliseForMatch(paragraph.text);
      this.#normalised.set(paragraph, text);
    }
    return text;
  }

  #paragraphsWithText(wanted: string): number[] {
    if (!this.#byText) {
      const byText = new Map<string, number[]>();
      this.#numbered.forEach((paragraph, index) => {
        const key = this.#text(paragraph).text;
        const list = byText.get(key);
        if (list) list.push(index);
        else byText.set(key, [index]);
      });
      this.#byText = byText;
    }
    return this.#byText.get(wanted) ?? [];
  }
}

const notFoundPlace: Localized = {
  nb: 'litsynth fant ikke stedet nøyaktig; merknaden står på avsnittet nærmest det.',
  en: 'litsynth could not find the exact place; the comment is on the paragraph nearest to it.',
};

function quote(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function outermostHost(paragraph: WordParagraph): WordParagraph {
  let current = paragraph;
  while (current.host) current = current.host;
  return current;
}
