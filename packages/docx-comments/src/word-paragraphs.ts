import { unusable } from './docx-package.js';
import {
  attributeOf,
  decodeTextWithOffsets,
  prefixDeclared,
  tokenKind,
  type XmlTokens,
} from './xml-tokens.js';

export const namespaces = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  v: 'urn:schemas-microsoft-com:vml',
} as const;

/** Characters of a paragraph's text that come from one place in the XML. */
export interface TextPiece {
  /** Index of the first character in the paragraph's text. */
  from: number;
  length: number;
  /** The w:r start tag the characters are in. */
  run: number;
  /** The element the characters come from: a w:t start tag, or a w:tab, w:br, … tag. */
  element: number;
  /** For text: the character-data token inside w:t. */
  textToken: number;
  /** For text: where each character starts in the XML, and one past the last (length + 1 entries). */
  offsets: number[] | undefined;
  /** The complex fields (indexes into `PartWalk.fields`) open at these characters, outermost first. */
  fields: readonly number[];
}

/** A w:p as ingest (mammoth) reads it: its visible text, with each character's place in the XML. */
export interface WordParagraph {
  /** The w:p start tag. */
  token: number;
  text: string;
  pieces: TextPiece[];
  /** The footnotes and endnotes this paragraph refers to: their type, id, and the run of the reference mark. */
  noteReferences: Array<{ type: 'footnote' | 'endnote'; id: string; run: number }>;
  /** For a paragraph of a footnote or endnote: where the body refers to the note. */
  noteOf?: NoteReference;
  /** Paragraphs of VML text boxes in this paragraph: ingest reads them right after it. */
  extras: WordParagraph[];
  /** For a text box's paragraph: the paragraph that holds the text box (comments go there). */
  host: WordParagraph | undefined;
  /** A paragraph whose mark is deleted (tracked change): ingest reads its text with the next paragraph. */
  merged: boolean;
  part: PartWalk;
}

/** Where the body refers to a note: the paragraph and the run of the reference mark, and the note's number. */
export interface NoteReference {
  type: 'footnote' | 'endnote';
  /** The note's number as Word shows it (notes of a type are numbered in the order they are referred to). */
  number: number;
  paragraph: WordParagraph;
  run: number;
}

/** A complex field (w:fldChar begin … end): the runs of its begin and end characters. */
export interface FieldSpan {
  begin: number;
  /** The run of the end character, -1 when the part ends first. */
  end: number;
}

/** A WordprocessingML part (document, footnotes, endnotes) read into paragraphs. */
export interface PartWalk {
  name: string;
  tokens: XmlTokens;
  /** The prefix bound to the WordprocessingML namespace, with its colon ("w:"). */
  w: string;
  /** The top-level paragraphs in document order (text-box paragraphs are their hosts' extras). */
  paragraphs: WordParagraph[];
  fields: FieldSpan[];
  /** Footnotes and endnotes parts: the top-level paragraphs of each note, by note id. */
  notes: Map<string, WordParagraph[]>;
}

// Elements ingest's reader (mammoth) reads into; anything not listed is skipped with its content,
// as mammoth skips it (deleted text, field instructions, properties, DrawingML shapes, math, …).
const transparent = new Set([
  'w:document',
  'w:body',
  'w:footnotes',
  'w:footnote',
  'w:endnotes',
  'w:endnote',
  'w:hyperlink',
  'w:tbl',
  'w:tr',
  'w:tc',
  'w:sdt',
  'w:sdtContent',
  'w:customXml',
  'w:ins',
  'w:moveTo',
  'w:object',
  'w:smartTag',
  'w:pict',
  'w:txbxContent',
  'v:roundrect',
  'v:shape',
  'v:textbox',
  'v:group',
  'v:rect',
  'mc:AlternateContent',
  'mc:Fallback',
]);

interface StackEntry {
  /** Canonical name (fixed prefixes w:, mc:, v:). */
  name: string;
  hidden: boolean;
}

/**
 * Reads the paragraphs of a WordprocessingML part as ingest does: the text of w:t, w:tab (a tab),
 * w:br (a space; a page break adds nothing), w:noBreakHyphen ("-"), w:softHyphen and w:sym, in
 * runs of paragraphs, hyperlinks, content controls, insertions and field results; not deleted text,
 * field instructions, DrawingML text boxes or simple fields.
 */
export function walkPart(name: string, tokens: XmlTokens): PartWalk {
  const { xml } = tokens;
  const root = firstElement(tokens);
  const rootTag = root === -1 ? '' : xml.slice(tokens.start[root], tokens.end[root]);
  const wPrefix = prefixDeclared(rootTag, namespaces.w);
  if (!wPrefix) {
    throw unusable(
      `its part ${name} does not use the usual WordprocessingML namespace prefix (it may be saved as "Strict Open XML")`,
      `delen ${name} bruker ikke det vanlige navnerommet for WordprocessingML (den kan være lagret som «Strict Open XML»)`,
    );
  }
  const canonicalPrefix = new Map<string, string>([[wPrefix, 'w']]);
  for (const [key, uri] of Object.entries(namespaces)) {
    const prefix = prefixDeclared(rootTag, uri);
    if (prefix) canonicalPrefix.set(prefix, key);
  }
  const canonicalCache = new Map<string, string>();
  const canonical = (qualified: string): string => {
    let result = canonicalCache.get(qualified);
    if (result === undefined) {
      const colon = qualified.indexOf(':');
      const prefix = canonicalPrefix.get(colon === -1 ? '' : qualified.slice(0, colon));
      result = prefix === undefined ? `?${qualified}` : `${prefix}:${qualified.slice(colon + 1)}`;
      canonicalCache.set(qualified, result);
    }
    return result;
  };

  const walk: PartWalk = {
    name,
    tokens,
    w: `${wPrefix}:`,
    paragraphs: [],
    fields: [],
    notes: new Map(),
  };
  const stack: StackEntry[] = [];
  let hiddenDepth = 0;
  const paragraphStack: WordParagraph[] = [];
  const runStack: number[] = [];
  // Replaced, not changed, when a field begins or ends: pieces keep the stack of their moment.
  let fieldStack: readonly number[] = [];
  let textElement = -1;
  let pending:
    | { text: string; pieces: TextPiece[]; noteReferences: WordParagraph['noteReferences'] }
    | undefined;
  let noteId: string | undefined;

  const paragraph = () => paragraphStack[paragraphStack.length - 1];
  const run = () => runStack[runStack.length - 1];
  const addText = (
    text: string,
    element: number,
    textToken: number,
    offsets: number[] | undefined,
  ) => {
    const target = paragraph();
    const runToken = run();
    if (!target || runToken === undefined || text === '') return;
    target.pieces.push({
      from: target.text.length,
      length: text.length,
      run: runToken,
      element,
      textToken,
      offsets,
      fields: fieldStack,
    });
    target.text += text;
  };
  // A self-contained element that stands for characters (w:tab, w:br, …), inside a run.
  const addAtom = (local: string, token: number) => {
    switch (local) {
      case 'w:tab':
        addText('\t', token, -1, undefined);
        break;
      case 'w:br': {
        const type = attributeOf(tokens, token, `${wPrefix}:type`);
        if (type === undefined || type === 'textWrapping' || type === 'column')
          addText(' ', token, -1, undefined);
        break;
      }
      case 'w:noBreakHyphen':
        addText('-', token, -1, undefined);
        break;
      case 'w:softHyphen':
        addText('\u00ad', token, -1, undefined);
        break;
      case 'w:sym':
        addText('\ufffc', token, -1, undefined);
        break;
      case 'w:footnoteReference':
      case 'w:endnoteReference': {
        const id = attributeOf(tokens, token, `${wPrefix}:id`);
        const runToken = run();
        if (id !== undefined && runToken !== undefined) {
          paragraph()?.noteReferences.push({
            type: local === 'w:footnoteReference' ? 'footnote' : 'endnote',
            id,
            run: runToken,
          });
        }
        break;
      }
      case 'w:fldChar': {
        const runToken = run();
        if (runToken === undefined) break;
        const type = attributeOf(tokens, token, `${wPrefix}:fldCharType`);
        if (type === 'begin') {
          walk.fields.push({ begin: runToken, end: -1 });
          fieldStack = [...fieldStack, walk.fields.length - 1];
        } else if (type === 'end') {
          const open = fieldStack[fieldStack.length - 1];
          fieldStack = fieldStack.slice(0, -1);
          if (open !== undefined) (walk.fields[open] as FieldSpan).end = runToken;
        }
        break;
      }
    }
  };

  for (let index = 0; index < tokens.count; index++) {
    const kind = tokens.kind[index];
    if (kind === tokenKind.text || kind === tokenKind.cdata) {
      if (hiddenDepth === 0 && textElement !== -1 && tokens.parent[index] === textElement) {
        const from = tokens.start[index] as number;
        const to = tokens.end[index] as number;
        if (kind === tokenKind.text) {
          const decoded = decodeTextWithOffsets(xml, from, to);
          addText(decoded.text.replace(/\u2011/g, '-'), textElement, index, decoded.offsets);
        } else {
          const text = xml.slice(from + 9, to - 3);
          const offsets = Array.from({ length: text.length + 1 }, (_, at) => from + 9 + at);
          addText(text.replace(/\u2011/g, '-'), textElement, index, offsets);
        }
      }
      continue;
    }
    if (kind === tokenKind.close) {
      const entry = stack.pop();
      if (!entry) continue;
      if (entry.hidden) {
        hiddenDepth--;
        continue;
      }
      if (entry.name === 'w:p') closeParagraph();
      else if (entry.name === 'w:r') runStack.pop();
      else if (entry.name === 'w:t') textElement = -1;
      else if (entry.name === 'w:footnote' || entry.name === 'w:endnote') noteId = undefined;
      continue;
    }
    if (kind !== tokenKind.open && kind !== tokenKind.empty) continue;
    const local = canonical(tokens.name[index] as string);
    const isOpen = kind === tokenKind.open;
    if (hiddenDepth > 0) {
      // Inside skipped content, only a deleted paragraph mark or table row matters.
      if (local === 'w:del') markDeleted();
      if (isOpen) {
        stack.push({ name: local, hidden: true });
        hiddenDepth++;
      }
      continue;
    }
    let hidden = false;
    switch (local) {
      case 'w:p':
        openParagraph(index);
        if (!isOpen) closeParagraph();
        break;
      case 'w:r':
        if (isOpen) runStack.push(index);
        break;
      case 'w:t':
        if (run() === undefined) hidden = true;
        else if (isOpen) textElement = index;
        break;
      case 'w:footnote':
      case 'w:endnote':
        noteId = attributeOf(tokens, index, `${wPrefix}:id`);
        break;
      case 'w:tab':
      case 'w:br':
      case 'w:noBreakHyphen':
      case 'w:softHyphen':
      case 'w:sym':
      case 'w:footnoteReference':
      case 'w:endnoteReference':
      case 'w:fldChar':
        if (run() !== undefined) addAtom(local, index);
        hidden = true;
        break;
      default:
        hidden = !transparent.has(local);
    }
    if (isOpen) {
      stack.push({ name: local, hidden });
      if (hidden) hiddenDepth++;
    }
  }
  return walk;

  function openParagraph(token: number): void {
    const host = paragraph();
    const created: WordParagraph = {
      token,
      text: pending?.text ?? '',
      pieces: pending?.pieces ?? [],
      noteReferences: pending?.noteReferences ?? [],
      extras: [],
      host,
      merged: false,
      part: walk,
    };
    pending = undefined;
    if (host) host.extras.push(created);
    else if (noteId !== undefined)
      walk.notes.set(noteId, [...(walk.notes.get(noteId) ?? []), created]);
    else walk.paragraphs.push(created);
    paragraphStack.push(created);
  }

  function closeParagraph(): void {
    const closed = paragraphStack.pop();
    if (closed?.merged)
      pending = { text: closed.text, pieces: closed.pieces, noteReferences: closed.noteReferences };
  }

  // w:p/w:pPr/w:rPr/w:del: the paragraph mark is deleted; w:tr/w:trPr/w:del: the row is deleted.
  function markDeleted(): void {
    const parent = stack[stack.length - 1]?.name;
    const grandparent = stack[stack.length - 2]?.name;
    const greatGrandparent = stack[stack.length - 3];
    if (
      parent === 'w:rPr' &&
      grandparent === 'w:pPr' &&
      greatGrandparent?.name === 'w:p' &&
      !greatGrandparent.hidden
    ) {
      const current = paragraph();
      if (current) current.merged = true;
    } else if (parent === 'w:trPr' && grandparent === 'w:tr') {
      const row = stack[stack.length - 2] as StackEntry;
      if (!row.hidden) {
        row.hidden = true;
        hiddenDepth++;
      }
    }
  }
}

function firstElement(tokens: XmlTokens): number {
  for (let index = 0; index < tokens.count; index++) {
    if (tokens.kind[index] === tokenKind.open || tokens.kind[index] === tokenKind.empty)
      return index;
  }
  return -1;
}

/**
 * The paragraphs in ingest's numbering: `result[n - 1]` is paragraph n. Every paragraph of the
 * body (table cells and text boxes included, a paragraph with a deleted mark joined to the next),
 * then the paragraphs of the notes, in the order the body refers to them.
 */
export function numberParagraphs(
  body: PartWalk,
  notes: { footnote?: PartWalk; endnote?: PartWalk },
): WordParagraph[] {
  const flatten = (paragraphs: readonly WordParagraph[]): WordParagraph[] =>
    paragraphs.flatMap((paragraph) =>
      paragraph.merged ? flatten(paragraph.extras) : [paragraph, ...flatten(paragraph.extras)],
    );
  const bodyParagraphs = flatten(body.paragraphs);
  const numbered = [...bodyParagraphs];
  const counts = { footnote: 0, endnote: 0 };
  for (const paragraph of bodyParagraphs) {
    for (const reference of paragraph.noteReferences) {
      const number = ++counts[reference.type];
      for (const noteParagraph of flatten(notes[reference.type]?.notes.get(reference.id) ?? [])) {
        noteParagraph.noteOf ??= { type: reference.type, number, paragraph, run: reference.run };
        numbered.push(noteParagraph);
      }
    }
  }
  return numbered;
}
