import { LitsynthError, type Diagnostic } from '@litsynth/common';
import { loadCitationJs } from './citation-js.js';
import { foldText } from './fold-text.js';
import { duplicateId, unreadable } from './load-csl.js';
import type { BibEntry, CslItem, LoadedBibliography } from './types.js';

interface RisRecord {
  text: string;
  line: number;
  /** The record's own ID tag, if any. */
  id?: string;
  doi?: string;
  complete: boolean;
}

const tagLine = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;

/** Splits RIS text into records (TY … ER); a record that never reaches ER is marked incomplete. */
export function splitRis(text: string): RisRecord[] {
  const lines = text.split(/\r?\n/);
  const records: RisRecord[] = [];
  let current: { lines: string[]; line: number; id?: string; doi?: string } | undefined;
  const finish = (complete: boolean) => {
    if (!current) return;
    const record: RisRecord = {
      text: `${current.lines.join('\n')}\n`,
      line: current.line,
      complete,
    };
    if (current.id) record.id = current.id;
    if (current.doi) record.doi = current.doi;
    records.push(record);
    current = undefined;
  };
  lines.forEach((raw, index) => {
    const line = raw.replace(/^\uFEFF/, '');
    const match = tagLine.exec(line.trimEnd()) ?? tagLine.exec(line);
    const tag = match?.[1];
    const value = (match?.[2] ?? '').trim();
    if (tag === 'TY') {
      finish(false);
      current = { lines: [line], line: index + 1 };
      return;
    }
    if (!current) return;
    current.lines.push(line);
    if (tag === 'ID' && value) current.id = value;
    if (tag === 'DO' && value) current.doi = value;
    if (tag === 'ER') finish(true);
  });
  finish(false);
  return records;
}

/** Loads RIS text through citation-js: every complete record, a diagnostic for each cut-off or bad one. */
export async function loadRisText(text: string, file: string): Promise<LoadedBibliography> {
  const records = splitRis(text);
  if (records.length === 0) {
    throw new LitsynthError('unsupported-format', 'not a RIS file: no "TY  - " line found', {
      file,
      messageNb: 'ikke en RIS-fil: fant ingen «TY  - »-linje',
    });
  }
  const diagnostics: Diagnostic[] = [];
  const complete: RisRecord[] = [];
  for (const record of records) {
    if (record.complete) complete.push(record);
    else
      diagnostics.push(
        unreadable(
          file,
          record.line,
          'the RIS record is cut off: no "ER  - " line before the next record or the end of the file',
          'RIS-posten er avkuttet: ingen «ER  - »-linje før neste post eller slutten av filen',
          record.id,
        ),
      );
  }
  const citationJs = await loadCitationJs();
  const parsed = new Map<RisRecord, CslItem>();
  try {
    const items = citationJs.parse(complete.map((record) => record.text).join('\n'), '@ris/file');
    if (items.length !== complete.length) throw new Error('record count differs');
    items.forEach((item, index) => {
      parsed.set(complete[index]!, item);
    });
  } catch {
    parsed.clear();
    for (const record of complete) {
      try {
        const [item] = citationJs.parse(record.text, '@ris/file');
        if (item) parsed.set(record, item);
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
        diagnostics.push(
          unreadable(file, record.line, `RIS record: ${reason}`, `RIS-post: ${reason}`, record.id),
        );
      }
    }
  }
  const entries: BibEntry[] = [];
  const seen = new Map<string, number>();
  for (const record of complete) {
    const item = parsed.get(record);
    if (!item) continue;
    const id = record.id ?? generatedId(item, seen);
    const previous = seen.get(id);
    if (previous !== undefined) {
      diagnostics.push(duplicateId(file, record.line, id, previous));
      continue;
    }
    seen.set(id, record.line);
    const clean = { ...item, id } as CslItem;
    delete clean._graph;
    // citation-js 0.7 drops DO for some record types; the tag is the record's own data.
    if (!clean.DOI && record.doi) clean.DOI = record.doi;
    entries.push({ id, item: clean, origin: { file, line: record.line } });
  }
  return { entries, diagnostics };
}

/** A readable id for a record without ID: first author's family name and year, ASCII-folded ("natland2019"). */
function generatedId(item: CslItem, taken: ReadonlyMap<string, unknown>): string {
  const first = item.author?.[0] ?? item.editor?.[0];
  const name = first?.family ?? first?.literal ?? item.title ?? 'entry';
  const year = item.issued?.['date-parts']?.[0]?.[0] ?? '';
  const base = foldText(`${name}${year}`).replace(/[^a-z0-9]/g, '') || 'entry';
  let id = base;
  for (let counter = 2; taken.has(id); counter++) id = `${base}-${counter}`;
  return id;
}
