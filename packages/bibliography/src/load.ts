import { extname } from 'pathe';
import { decodeText, type FileSource, LitsynthError } from '@litsynth/common';
import { loadBibtexText } from './load-bibtex.js';
import { loadCslJsonFast, loadCslYaml } from './load-csl.js';
import { loadRisText } from './load-ris.js';
import type { LoadedBibliography } from './types.js';

/** The bibliography formats litsynth reads, by file extension. */
export const bibliographyExtensions = [
  '.bib',
  '.bibtex',
  '.json',
  '.yaml',
  '.yml',
  '.ris',
] as const;

/**
 * The format (extension) of a bibliography file by its name; a LitsynthError ('unsupported-format')
 * for a name that is none of `bibliographyExtensions`, before anything is read.
 */
export function bibliographyFormatOf(path: string): string {
  const extension = extname(path).toLowerCase();
  if (!(bibliographyExtensions as readonly string[]).includes(extension)) {
    throw new LitsynthError(
      'unsupported-format',
      `unknown bibliography format "${extension || '(no extension)'}": use .bib, .json, .yaml or .ris`,
      {
        file: path,
        messageNb: `ukjent bibliografiformat «${extension || '(ingen filendelse)'}»: bruk .bib, .json, .yaml eller .ris`,
      },
    );
  }
  return extension;
}

/**
 * Loads a bibliography file from its bytes: BibTeX/BibLaTeX (.bib .bibtex), CSL-JSON (.json),
 * CSL-YAML (.yaml .yml, with optional `verification` blocks) or RIS (.ris), by its name. Bad
 * entries become diagnostics naming the entry and its line, valid entries still load; an unusable
 * file (unknown format, not text) is a LitsynthError. The caller reads the bytes (the engine's file
 * source, the CLI).
 */
export async function loadBibliographyBytes(
  bytes: Uint8Array,
  path: string,
): Promise<LoadedBibliography> {
  const extension = bibliographyFormatOf(path);
  const { text } = decodeText(bytes, path);
  return loadBibliographyText(text, path, extension);
}

/**
 * Loads a bibliography file through a file source (the disk, a page's dropped files): an unknown
 * format is refused by its name before the file is read.
 */
export async function readBibliography(
  source: FileSource,
  path: string,
): Promise<LoadedBibliography> {
  bibliographyFormatOf(path);
  return loadBibliographyBytes(
    await source.read(path, { role: 'bibliography', binary: false }),
    path,
  );
}

/**
 * Most entries read from one bibliography file: ten times what a thesis cites. Counted before the
 * entries are parsed. The check compares each citation with every entry: a 2 MiB thesis dense
 * with citations against 1,000 entries takes about 7 s of CPU, against 2,000 14 s, against 10,000
 * it took 46 s (docs/benchmarks.md, "Hostile inputs"); 50,000 entries ran out of memory loading.
 */
export const maxEntriesPerFile = 1000;

/** The number of entries a bibliography text holds, counted without parsing them. */
export function countEntries(text: string, extension: string): number {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  switch (extension.toLowerCase()) {
    case '.bib':
    case '.bibtex':
      return count(/@\s*[A-Za-z]+\s*[{(]/g);
    case '.ris':
      return count(/^TY {2}-/gm);
    default: {
      // A block list ("- id: …"): the items at the indentation of the first one.
      const first = /^([ \t]*)-(?:[ \t]|$)/m.exec(text);
      if (first) return count(new RegExp(`^${first[1]}-(?:[ \\t]|$)`, 'gm'));
      return countFlowItems(text);
    }
  }
}

/** The mappings directly inside the outermost list of JSON or flow YAML ("[{…}, {…}]"). */
function countFlowItems(text: string): number {
  let depth = 0;
  let items = 0;
  let quote = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (quote) {
      if (char === 92) index++;
      else if (char === quote) quote = 0;
    } else if (char === 34) quote = char;
    else if (char === 91 || char === 123) {
      if (char === 123 && depth === 1) items++;
      depth++;
    } else if (char === 93 || char === 125) depth--;
  }
  return items;
}

/** Loads bibliography text of a known format (an extension such as ".bib"); see loadBibliographyFile. */
export async function loadBibliographyText(
  text: string,
  file: string,
  extension: string,
): Promise<LoadedBibliography> {
  if (text.trim() === '') {
    throw new LitsynthError('empty-file', 'the bibliography file is empty', {
      file,
      messageNb: 'bibliografifilen er tom',
    });
  }
  const entries = countEntries(text, extension);
  if (entries > maxEntriesPerFile) {
    throw new LitsynthError(
      'too-large',
      `the bibliography has ${entries.toLocaleString('en-US')} entries; the limit is ${maxEntriesPerFile.toLocaleString('en-US')} per file (export the works the thesis cites)`,
      {
        file,
        messageNb: `bibliografien har ${entries.toLocaleString('nb-NO')} referanser; grensen er ${maxEntriesPerFile.toLocaleString('nb-NO')} per fil (eksporter verkene oppgaven siterer)`,
      },
    );
  }
  switch (extension.toLowerCase()) {
    case '.bib':
    case '.bibtex':
      return loadBibtexText(text, file);
    case '.ris':
      return loadRisText(text, file);
    case '.json': {
      const fast = loadCslJsonFast(text, file);
      if (fast) return fast;
      return loadCslYaml(text, file, 'JSON');
    }
    default:
      return loadCslYaml(text, file);
  }
}
