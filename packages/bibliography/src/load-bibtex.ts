import { LitsynthError, type Diagnostic } from '@litsynth/common';
import { loadCitationJs } from './citation-js.js';
import { decodeLatexLeftovers, normalizeDecodedValue } from './latex-text.js';
import { duplicateId, unreadable } from './load-csl.js';
import type { BibEntry, CslItem, LoadedBibliography } from './types.js';

/** One `@type{…}` block of a BibTeX file, as found by scanning braces. */
interface BibtexBlock {
  type: string;
  key: string;
  text: string;
  line: number;
  /** Why the block cannot be parsed, when the scan already knows. */
  problem?: { en: string; nb: string };
}

const entryStart = /@\s*([A-Za-z]+)\s*([{(])/g;

/**
 * Splits BibTeX/BibLaTeX text into blocks by balancing braces, so that one broken entry
 * (unbalanced braces) is reported with its line and the next entry still loads.
 */
export function splitBibtex(text: string): BibtexBlock[] {
  const blocks: BibtexBlock[] = [];
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1))
    lineStarts.push(index + 1);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  entryStart.lastIndex = 0;
  for (let match = entryStart.exec(text); match !== null; match = entryStart.exec(text)) {
    const start = match.index;
    const type = match[1]!.toLowerCase();
    const open = match[2]!;
    const close = open === '{' ? '}' : ')';
    let depth = 1;
    let index = entryStart.lastIndex;
    let end = -1;
    let broken = -1;
    for (; index < text.length; index++) {
      const char = text[index];
      if (char === '\\') {
        index++;
        continue;
      }
      if (char === '{') depth++;
      else if (char === '}') {
        if (open === '{' || depth > 1) depth--;
      } else if (char === close && depth === 1) depth--;
      if (depth === 0) {
        end = index + 1;
        break;
      }
      // A new entry at the start of a line while this one is still open: this one is unbalanced.
      if (char === '\n' && /^[ \t]*@\s*[A-Za-z]+\s*[{(]/.test(text.slice(index + 1, index + 80))) {
        broken = index + 1;
        break;
      }
    }
    const line = lineOf(start);
    if (end < 0) {
      const stop = broken < 0 ? text.length : broken;
      blocks.push({
        type,
        key: keyOf(text.slice(entryStart.lastIndex, stop)),
        text: text.slice(start, stop),
        line,
        problem: {
          en: `unbalanced braces: the entry starting here is not closed${broken < 0 ? ' before the end of the file' : ` before the next entry (line ${lineOf(broken)})`}`,
          nb: `klammeparentesene går ikke opp: referansen som starter her, lukkes ikke${broken < 0 ? ' før filen slutter' : ` før neste referanse (linje ${lineOf(broken)})`}`,
        },
      });
      entryStart.lastIndex = stop;
      continue;
    }
    blocks.push({
      type,
      key: keyOf(text.slice(entryStart.lastIndex, end - 1)),
      text: text.slice(start, end),
      line,
    });
    entryStart.lastIndex = end;
  }
  return blocks;
}

function keyOf(body: string): string {
  const comma = body.indexOf(',');
  const key = (comma < 0 ? body : body.slice(0, comma)).trim();
  return /^[^\s{}=",]+$/.test(key) ? key : '';
}

/** Loads BibTeX or BibLaTeX text through citation-js: every valid entry, a diagnostic for each bad one. */
export async function loadBibtexText(text: string, file: string): Promise<LoadedBibliography> {
  const blocks = splitBibtex(text);
  const records = blocks.filter((block) => block.type !== 'comment' && block.type !== 'preamble');
  if (records.length === 0) {
    throw new LitsynthError(
      'unsupported-format',
      'not a BibTeX file: no @type{key, …} entry found',
      {
        file,
        messageNb: 'ikke en BibTeX-fil: fant ingen @type{nøkkel, …}-referanse',
      },
    );
  }
  const diagnostics: Diagnostic[] = [];
  const macros = records
    .filter((block) => block.type === 'string' && !block.problem)
    .map((block) => block.text)
    .join('\n');
  const candidates: BibtexBlock[] = [];
  const seen = new Map<string, number>();
  for (const block of records) {
    if (block.type === 'string') {
      if (block.problem)
        diagnostics.push(
          unreadable(
            file,
            block.line,
            `@string: ${block.problem.en}`,
            `@string: ${block.problem.nb}`,
          ),
        );
      continue;
    }
    const keyPart = block.key ? { key: block.key } : {};
    if (block.problem) {
      diagnostics.push(
        unreadable(
          file,
          block.line,
          describe(block, block.problem.en, 'en'),
          describe(block, block.problem.nb, 'nb'),
          keyPart.key,
        ),
      );
      continue;
    }
    if (!block.key) {
      diagnostics.push(
        unreadable(
          file,
          block.line,
          `@${block.type} entry without a citation key`,
          `@${block.type}-referanse uten nøkkel`,
        ),
      );
      continue;
    }
    const previous = seen.get(block.key);
    if (previous !== undefined) {
      diagnostics.push(duplicateId(file, block.line, block.key, previous));
      continue;
    }
    seen.set(block.key, block.line);
    candidates.push(block);
  }
  const citationJs = await loadCitationJs();
  const parsed = new Map<string, CslItem>();
  const parseBlocks = (blocks: BibtexBlock[]) => {
    // What citation-js does not decode ({\aa}, \dots, …) is decoded first; line breaks are kept.
    const items = citationJs.parse(
      decodeLatexLeftovers(`${macros}\n${blocks.map((block) => block.text).join('\n')}`),
      '@biblatex/text',
    );
    items.forEach((item, index) => {
      parsed.set(blocks[index]?.key ?? String(item.id), item);
    });
  };
  try {
    parseBlocks(candidates);
  } catch {
    // One entry citation-js cannot parse stops the whole parse: parse one by one to name it.
    parsed.clear();
    for (const block of candidates) {
      try {
        parseBlocks([block]);
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error))
          .split('\n')[0]!
          .replace(/ at line \d+ col \d+:?$/, '');
        diagnostics.push(
          unreadable(
            file,
            block.line,
            describe(block, reason, 'en'),
            describe(block, reason, 'nb'),
            block.key,
          ),
        );
      }
    }
  }
  const entries: BibEntry[] = [];
  for (const block of candidates) {
    const item = parsed.get(block.key);
    if (!item) continue;
    const clean = { ...normalizeDecodedValue(item), id: block.key } as CslItem;
    delete clean['citation-key'];
    delete clean._graph;
    entries.push({ id: block.key, item: clean, origin: { file, line: block.line } });
  }
  return { entries, diagnostics };
}

function describe(block: BibtexBlock, reason: string, lang: 'en' | 'nb'): string {
  const name = block.key ? `@${block.type}{${block.key}}` : `@${block.type}`;
  return lang === 'en' ? `${name}: ${reason}` : `${name}: ${reason}`;
}
