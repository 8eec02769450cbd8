/** The reference managers whose citation fields are read from .docx files ('word': Word's own citation tool). */
export type ReferenceManager = 'zotero' | 'mendeley' | 'endnote' | 'word';

/** One work in a reference-manager citation field, with the entry the manager embedded. */
export interface FieldCitationItem {
  /** The manager's id of the work (Zotero item id, Mendeley id, EndNote record number). */
  id: string;
  /**
   * The embedded entry as CSL-JSON (EndNote's record mapped to CSL fields). Exactly what the
   * manager stored: nothing is added.
   */
  item: { id: string; type: string; [field: string]: unknown };
  /** The cited place ("12", "31-33") and its CSL label ("page"), when the field has one. */
  locator?: string;
  label?: string;
  prefix?: string;
  suffix?: string;
}

/**
 * A citation that a reference manager inserted as a Word field: its displayed text is
 * `Manuscript.text.slice(start, end)`, and `items` are the works it cites.
 */
export interface FieldCitation {
  start: number;
  end: number;
  manager: ReferenceManager;
  items: FieldCitationItem[];
}
