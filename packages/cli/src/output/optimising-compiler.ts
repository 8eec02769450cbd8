import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// V8 optimises a function that runs hot with TurboFan, in background threads, and compiles a
// regular expression to machine code on its second use. A check of a thesis is over in a fraction
// of a second: measured on the NAV study, both cost more CPU than they saved (bundled cold check
// 590 → 400 ms of CPU without TurboFan, 250 → 230 ms without the regular-expression tier-up;
// docs/decisions/check-startup.md). Long work — pdf.js reading a PDF, mammoth a .docx, the check
// of a long text, citeproc formatting a long list — gains from them (a 100-page PDF: 2.9 → 2.2 s
// of CPU with them). The flags are set once, before any of the work is loaded, and never changed
// back: V8 does not support changing them while code compiled under them runs (switching the
// regular-expression tier-up back on mid-run crashed on .docx and .pdf files).

/** Inputs at least this large (bytes) make a run long enough for optimised code to pay. */
export const longWorkBytes = 128 * 1024;

/** The commands that format a reference list with citeproc: their work grows with the bibliography. */
const formattingCommands = new Set(['build', 'bib']);

/**
 * Whether the command line asks for short work: not `build` or `bib` (citeproc formats every
 * entry: a 1,000-entry list took 2.4 s wall with the optimising compiler, 3.2 s without; the NAV
 * study's build takes the same wall time either way), no .docx or .pdf, no `--annotate`, no file
 * of at least `longWorkBytes` among its arguments. A study folder given to `check` counts as short
 * (its manuscript is named inside; a study with a .docx manuscript is checked unoptimised).
 */
export function isShortRun(args: readonly string[]): boolean {
  if (args.some((arg) => formattingCommands.has(arg))) return false;
  for (const arg of args) {
    if (arg === '--annotate' || arg.startsWith('--annotate=')) return false;
    if (/\.(?:docx|pdf)$/i.test(arg)) return false;
    if (arg.startsWith('-')) continue;
    try {
      const info = statSync(arg);
      if (info.isFile() && info.size >= longWorkBytes) return false;
    } catch {
      // Not a file: a command name, an option's value, a folder that does not exist yet.
    }
  }
  return true;
}

/**
 * Turns V8's optimising compilers off for a short run (call first, before the work is loaded).
 * Returns whether it did: the bundle's code cache is made for one set of flags.
 */
export function chooseCompilersForRun(args: readonly string[]): boolean {
  if (!isShortRun(args)) return false;
  setFlagsFromString('--no-opt');
  setFlagsFromString('--no-regexp-tier-up');
  return true;
}
