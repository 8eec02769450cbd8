import type { Lang, Localized } from '@litsynth/common';
import type { InputFile, Outcome, Progress } from './run-check.js';

/** From the page to the check worker. */
export type ToWorker =
  /** Check these files (a new job; the previous one's results are dropped). */
  | { type: 'check'; job: number; manuscript: InputFile; bibliographies: InputFile[]; lang: Lang }
  /** The same files again, in another language (no new reading or checking). */
  | { type: 'present'; job: number; lang: Lang }
  /** Load and warm every part a check may need (see warm-up.ts). */
  | { type: 'warm-up' };

/** From the check worker to the page. */
export type FromWorker =
  | { type: 'progress'; job: number; progress: Progress }
  | { type: 'done'; job: number; outcome: Outcome; millis: number }
  | { type: 'failed'; job: number; message: Localized }
  /** Every part is loaded: the page works without a network from now on. */
  | { type: 'warm'; millis: number };
