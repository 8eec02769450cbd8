import type { Lang } from '@litsynth/common';
import type { VerificationText } from './types.js';

/** A note or piece of evidence in one language: its own language for a `{ nb, en }` pair, as it is for a single text. */
export function verificationText(text: VerificationText, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}
