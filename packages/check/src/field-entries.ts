import type { BibEntry, CslDate, CslItem, CslName } from '@litsynth/bibliography';
import type { FieldCitation, Manuscript, ReferenceManager } from '@litsynth/ingest';

/** How each reference manager is written in messages. */
export const managerNames: Record<ReferenceManager, string> = {
  zotero: 'Zotero',
  mendeley: 'Mendeley',
  endnote: 'EndNote',
  word: 'Word',
};

/**
 * The works a reference manager stored in the citation fields of a .docx, as bibliography
 * entries: one per work (by its id, first field first), defined at the line of its first field,
 * and marked unverified because nothing but the document vouches for them.
 */
export function entriesFromFields(manuscript: Manuscript): BibEntry[] {
  const entries = new Map<string, BibEntry>();
  for (const field of manuscript.fieldCitations ?? []) {
    for (const cited of field.items) {
      const item = cslItemOf(cited.item, cited.id);
      if (!item || entries.has(item.id)) continue;
      const line = manuscript.locate(field.start).line;
      entries.set(item.id, {
        id: item.id,
        item,
        verification: {
          status: 'unverified',
          evidence: [],
          notes: [
            `Stored by ${managerNames[field.manager]} in a citation field of ${manuscript.path} (line ${line}); not checked against a record.`,
          ],
        },
        origin: { file: manuscript.path, line },
      });
    }
  }
  return [...entries.values()];
}

/** The field citation whose displayed text contains [start, end), if any. */
export function fieldAt(
  manuscript: Manuscript,
  start: number,
  end: number,
): FieldCitation | undefined {
  return manuscript.fieldCitations?.find((field) => field.start <= start && end <= field.end);
}

/**
 * The stored item as a CslItem the bibliography functions can rely on: what a document stores is
 * user data, so names and dates of the wrong shape are left out rather than trusted.
 */
function cslItemOf(stored: Record<string, unknown>, fallbackId: string): CslItem | null {
  const id =
    typeof stored.id === 'string' && stored.id.trim()
      ? stored.id.trim()
      : typeof stored.id === 'number'
        ? String(stored.id)
        : fallbackId.trim();
  if (!id) return null;
  const item: CslItem = {
    ...stored,
    id,
    type: typeof stored.type === 'string' ? stored.type : 'document',
  };
  for (const role of ['author', 'editor'] as const) {
    const names = namesOf(stored[role]);
    if (names) item[role] = names;
    else delete item[role];
  }
  const issued = dateOf(stored.issued);
  if (issued) item.issued = issued;
  else delete item.issued;
  return item;
}

function namesOf(value: unknown): CslName[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const names = value.flatMap((name): CslName[] => {
    if (typeof name !== 'object' || name === null) return [];
    const result: CslName = {};
    for (const part of [
      'family',
      'given',
      'literal',
      'non-dropping-particle',
      'dropping-particle',
      'suffix',
    ] as const) {
      const text = (name as Record<string, unknown>)[part];
      if (typeof text === 'string' && text.trim()) result[part] = text;
    }
    return result.family || result.literal ? [result] : [];
  });
  return names.length > 0 ? names : undefined;
}

function dateOf(value: unknown): CslDate | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const date = value as Record<string, unknown>;
  const result: CslDate = {};
  const parts = date['date-parts'];
  if (
    Array.isArray(parts) &&
    Array.isArray(parts[0]) &&
    parts[0].every((part: unknown) => typeof part === 'number' || typeof part === 'string')
  ) {
    result['date-parts'] = [parts[0] as Array<number | string>];
  }
  if (typeof date.literal === 'string') result.literal = date.literal;
  if (typeof date.raw === 'string') result.raw = date.raw;
  return Object.keys(result).length > 0 ? result : undefined;
}
