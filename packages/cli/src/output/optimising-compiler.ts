import { setFlagsFromString } from 'node:v8';

// V8 optimises a function that runs hot with TurboFan, in background threads. A check of a
// thesis is over in a fraction of a second: measured on the NAV study, the optimising compiler
// cost more CPU than it saved (bundled cold check 590 → 400 ms CPU without it, build 2.3 →
// 1.6 s; docs/decisions/cli-start.md). Long work — pdf.js reading a PDF, mammoth a .docx, the
// check of a long text — gains from it again (a 100-page PDF: 2.9 → 2.2 s CPU with it). So the
// CLI starts with it off and turns it on when a large or binary document is read. Both are
// V8 flags that may change at run time: they decide what is compiled from then on.

/** Inputs at least this large (bytes) make a run long enough for optimised code to pay. */
export const longWorkBytes = 128 * 1024;

let optimising = true;

/** Starts the program without the optimising compiler (call first, before the work is loaded). */
export function startWithoutOptimisingCompiler(): void {
  setFlagsFromString('--no-opt');
  // Likewise for regular expressions: V8 first interprets a pattern, then compiles it to machine
  // code on its next use; the citation parser's ~70 patterns each run a few times in a short check.
  setFlagsFromString('--no-regexp-tier-up');
  optimising = false;
}

/** Whether V8's optimising compiler is on (it is, unless the program started without it). */
export function isOptimising(): boolean {
  return optimising;
}

/** Turns the optimising compiler (back) on for a long run; does nothing when it is on. */
export function optimiseForLongWork(): void {
  if (optimising) return;
  setFlagsFromString('--opt');
  setFlagsFromString('--regexp-tier-up');
  optimising = true;
}
