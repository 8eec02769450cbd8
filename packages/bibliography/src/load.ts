import { extname } from 'pathe';
import { LitsynthError, readTextFile } from '@litsynth/common';
import { loadBibtexText } from './load-bibtex.js';
import { loadCslJsonFast, loadCslText } from './load-csl.js';
import { loadRisText } from './load-ris.js';
import type { LoadedBibliography } from './types.js';

/** The bibliography formats litsynth reads, by file extension. */
export const bibliographyExtensions = ['.bib', '.bibtex', '.json', '.yaml', '.yml', '.ris'] as const;

/**
 * Loads a bibliography file: BibTeX/BibLaTeX (.bib .bibtex), CSL-JSON (.json), CSL-YAML (.yaml .yml,
 * with optional `verification` blocks) or RIS (.ris). Bad entries become diagnostics naming the entry
 * and its line, valid entries still load; an unreadable file is a LitsynthError.
 */
export async function loadBibliographyFile(path: string): Promise<LoadedBibliography> {
  const extension = extname(path).toLowerCase();
  if (!(bibliographyExtensions as readonly string[]).includes(extension)) {
    throw new LitsynthError('unsupported-format', `unknown bibliography format "${extension || '(no extension)'}": use .bib, .json, .yaml or .ris`, {
      file: path,
      messageNb: `ukjent bibliografiformat «${extension || '(ingen filendelse)'}»: bruk .bib, .json, .yaml eller .ris`,
    });
  }
  const { text } = await readTextFile(path, { role: 'bibliography' });
  return loadBibliographyText(text, path, extension);
}

/** Loads bibliography text of a known format (an extension such as ".bib"); see loadBibliographyFile. */
export async function loadBibliographyText(text: string, file: string, extension: string): Promise<LoadedBibliography> {
  if (text.trim() === '') {
    throw new LitsynthError('empty-file', 'the bibliography file is empty', { file, messageNb: 'bibliografifilen er tom' });
  }
  switch (extension.toLowerCase()) {
    case '.bib':
    case '.bibtex':
      return loadBibtexText(text, file);
    case '.ris':
      return loadRisText(text, file);
    case '.json':
      return loadCslJsonFast(text, file) ?? loadCslText(text, file, 'JSON');
    default:
      return loadCslText(text, file);
  }
}
