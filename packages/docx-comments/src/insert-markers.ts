import type { CommentTarget } from './find-targets.js';
import { tokenKind, type XmlTokens } from './xml-tokens.js';
import type { FieldSpan, PartWalk, TextPiece, WordParagraph } from './word-paragraphs.js';

/** A comment to mark in a part: its place and its id in comments.xml. */
export interface MarkedComment {
  target: CommentTarget;
  id: number;
}

/**
 * A place between two characters in the XML: between elements (`run` -1: outside any run), or
 * inside a run, which is then split there (`textElement`: the w:t that is split, else -1), or inside
 * an empty-element paragraph (`run` expandParagraph, `textElement` its tag).
 */
interface Position {
  offset: number;
  run: number;
  textElement: number;
}

interface Marker {
  position: Position;
  /** At one offset: 0 ends of ranges begun earlier (with their references), 1 starts, 2 ends of empty ranges. */
  phase: number;
  sequence: number;
  xml: string;
}

/** Options for the markup written: the part's WordprocessingML prefix and the optional styles. */
export interface MarkupOptions {
  /** Whether styles.xml has the character style CommentReference. */
  referenceStyle: boolean;
}

/**
 * Writes w:commentRangeStart, w:commentRangeEnd and a run with w:commentReference for each comment
 * into the part's XML. Runs are split where a range starts or ends inside them (each piece keeps
 * the run's properties); a range in a field's result takes in the whole field, so that the field
 * keeps its structure; the reference run goes after the hyperlink or content control the range ends
 * in. Every other byte of the part is left as it was.
 */
export function insertCommentMarkers(
  part: PartWalk,
  comments: readonly MarkedComment[],
  options: MarkupOptions,
): string {
  const { tokens, w } = part;
  const xml = tokens.xml;
  const markers: Marker[] = [];
  let sequence = 0;
  for (const { target, id } of comments) {
    const { paragraph } = target;
    let start: Position;
    let end: Position;
    let reference: Position;
    if (target.run !== undefined) {
      // A whole run (a note's reference mark): around it.
      start = { offset: tokens.start[target.run] as number, run: -1, textElement: -1 };
      end = { offset: endOf(tokens, target.run), run: -1, textElement: -1 };
      reference = referencePosition(part, target.run, end);
    } else if (target.start < target.end) {
      // A range that begins or ends in a field's result (a reference manager's citation) takes in
      // the whole field: LibreOffice loses a range that begins or ends inside a field, and a
      // reference manager rewrites the result (not what is around it) when it refreshes.
      const first = pieceAt(paragraph, target.start);
      const last = pieceAt(paragraph, target.end - 1);
      const startField = fieldInParagraph(part, first);
      const endField = fieldInParagraph(part, last);
      start = startField
        ? {
            offset: tokens.start[hoist(part, startField.begin, 'first')] as number,
            run: -1,
            textElement: -1,
          }
        : before(part, paragraph, target.start);
      end = endField
        ? { offset: endOf(tokens, hoist(part, endField.end, 'last')), run: -1, textElement: -1 }
        : after(part, paragraph, target.end - 1);
      reference = referencePosition(part, endField ? endField.end : last.run, end);
    } else {
      start = emptyParagraphPosition(tokens, paragraph);
      end = start;
      reference = start;
    }
    const sameOffset = start.offset === end.offset && start.run === end.run;
    const endPhase = sameOffset ? 2 : 0;
    markers.push({
      position: start,
      phase: 1,
      sequence: sequence++,
      xml: `<${w}commentRangeStart ${w}id="${id}"/>`,
    });
    markers.push({
      position: end,
      phase: endPhase,
      sequence: sequence++,
      xml: `<${w}commentRangeEnd ${w}id="${id}"/>`,
    });
    const referenceRun = options.referenceStyle
      ? `<${w}r><${w}rPr><${w}rStyle ${w}val="CommentReference"/></${w}rPr><${w}commentReference ${w}id="${id}"/></${w}r>`
      : `<${w}r><${w}commentReference ${w}id="${id}"/></${w}r>`;
    const moved = reference.offset !== end.offset || reference.run !== end.run;
    markers.push({
      position: reference,
      phase: moved ? 0 : endPhase,
      sequence: sequence++,
      xml: referenceRun,
    });
  }
  markers.sort(
    (a, b) => a.position.offset - b.position.offset || a.phase - b.phase || a.sequence - b.sequence,
  );

  // Edits in order of offset: an insertion between elements, or a split run replacing the run.
  const byRun = new Map<number, Marker[]>();
  const plain: Marker[] = [];
  const expanded = new Map<number, string>();
  for (const marker of markers) {
    const { run } = marker.position;
    if (run === -1) plain.push(marker);
    else if (run === expandParagraph)
      expanded.set(
        marker.position.textElement,
        (expanded.get(marker.position.textElement) ?? '') + marker.xml,
      );
    else byRun.set(run, [...(byRun.get(run) ?? []), marker]);
  }
  const edits: Array<{ from: number; to: number; xml: string }> = [];
  for (const [token, inside] of expanded) {
    // An empty-element paragraph (<w:p/>) is written out as start and end tag around the markers.
    const tag = xml.slice(tokens.start[token], tokens.end[token]);
    edits.push({
      from: tokens.start[token] as number,
      to: tokens.end[token] as number,
      xml: `${tag.replace(/\s*\/>$/, '>')}${inside}</${w}p>`,
    });
  }
  for (const marker of plain) {
    const last = edits[edits.length - 1];
    if (last && last.from === marker.position.offset && last.to === last.from)
      last.xml += marker.xml;
    else edits.push({ from: marker.position.offset, to: marker.position.offset, xml: marker.xml });
  }
  for (const [run, runMarkers] of byRun) {
    edits.push({
      from: tokens.start[run] as number,
      to: endOf(tokens, run),
      xml: splitRun(part, run, runMarkers),
    });
  }
  // Insertions before a replaced run at the same offset go first.
  edits.sort((a, b) => a.from - b.from || a.to - a.from - (b.to - b.from));
  let out = '';
  let cursor = 0;
  for (const edit of edits) {
    out += xml.slice(cursor, edit.from) + edit.xml;
    cursor = edit.to;
  }
  return out + xml.slice(cursor);
}

/** The piece holding character `index` of the paragraph's text. */
function pieceAt(paragraph: WordParagraph, index: number): TextPiece {
  const { pieces } = paragraph;
  let low = 0;
  let high = pieces.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((pieces[middle] as TextPiece).from <= index) low = middle;
    else high = middle - 1;
  }
  return pieces[low] as TextPiece;
}

/** The position right before character `index`. */
function before(part: PartWalk, paragraph: WordParagraph, index: number): Position {
  const { tokens } = part;
  const piece = pieceAt(paragraph, index);
  const k = index - piece.from;
  if (piece.offsets) {
    const atContentStart = tokens.start[piece.textToken] === tokens.end[piece.element];
    if (k > 0 || !atContentStart)
      return { offset: piece.offsets[k] as number, run: piece.run, textElement: piece.element };
  }
  const children = contentChildren(part, piece.run);
  if (children[0] === piece.element)
    return {
      offset: tokens.start[hoist(part, piece.run, 'first')] as number,
      run: -1,
      textElement: -1,
    };
  return { offset: tokens.start[piece.element] as number, run: piece.run, textElement: -1 };
}

/** The position right after character `index`. */
function after(part: PartWalk, paragraph: WordParagraph, index: number): Position {
  const { tokens } = part;
  const piece = pieceAt(paragraph, index);
  const k = index - piece.from + 1;
  if (piece.offsets) {
    const atContentEnd =
      tokens.end[piece.textToken] === tokens.start[tokens.match[piece.element] as number];
    if (k < piece.length || !atContentEnd)
      return { offset: piece.offsets[k] as number, run: piece.run, textElement: piece.element };
  }
  const children = contentChildren(part, piece.run);
  if (children[children.length - 1] === piece.element)
    return { offset: endOf(tokens, hoist(part, piece.run, 'last')), run: -1, textElement: -1 };
  return { offset: endOf(tokens, piece.element), run: piece.run, textElement: -1 };
}

// Containers of runs that a range may begin or end outside of when it begins at their first run or
// ends at their last (a comment mark inside an insertion is lost to pandoc, for one).
const hoistable = new Set(['ins', 'moveTo', 'hyperlink', 'smartTag', 'customXml', 'sdtContent']);

/**
 * The outermost element whose first (or last) content is `run`, up to the paragraph: a range that
 * begins at the run may as well begin before it. For w:sdtContent, its w:sdt.
 */
function hoist(part: PartWalk, run: number, edge: 'first' | 'last'): number {
  const { tokens, w } = part;
  let node = run;
  for (;;) {
    const parent = tokens.parent[node] as number;
    if (parent === -1) return node;
    const name = tokens.name[parent] as string;
    if (!name.startsWith(w) || !hoistable.has(name.slice(w.length))) return node;
    const children = elementChildren(tokens, parent).filter(
      (child) => !/Pr$/.test(tokens.name[child] as string),
    );
    if ((edge === 'first' ? children[0] : children[children.length - 1]) !== node) return node;
    node = parent;
    if (name === `${w}sdtContent`) {
      const sdt = tokens.parent[parent] as number;
      const siblings = elementChildren(tokens, sdt).filter(
        (child) => !/Pr$/.test(tokens.name[child] as string),
      );
      if (siblings.length !== 1) return node;
      node = sdt;
    }
  }
}

/** The element children of an element, in order. */
function elementChildren(tokens: XmlTokens, element: number): number[] {
  const children: number[] = [];
  if (tokens.kind[element] === tokenKind.empty) return children;
  const close = tokens.match[element] as number;
  for (let index = element + 1; index < close; index++) {
    if (tokens.parent[index] !== element) continue;
    const kind = tokens.kind[index];
    if (kind === tokenKind.open || kind === tokenKind.empty) children.push(index);
  }
  return children;
}

// `Position.run` of a place inside an empty-element paragraph (<w:p/>), which gets written out.
const expandParagraph = -2;

/** In a paragraph without text: right before its end tag. */
function emptyParagraphPosition(tokens: XmlTokens, paragraph: WordParagraph): Position {
  if (tokens.kind[paragraph.token] === tokenKind.empty)
    return {
      offset: tokens.start[paragraph.token] as number,
      run: expandParagraph,
      textElement: paragraph.token,
    };
  const close = tokens.match[paragraph.token] as number;
  return { offset: tokens.start[close] as number, run: -1, textElement: -1 };
}

/** The w:p a token is in, or -1. */
function paragraphOf(part: PartWalk, token: number): number {
  const { tokens } = part;
  const paragraphName = `${part.w}p`;
  let current = tokens.parent[token] as number;
  while (current !== -1 && tokens.name[current] !== paragraphName)
    current = tokens.parent[current] as number;
  return current;
}

/** The outermost complex field open at a piece whose begin and end are both in the piece's paragraph. */
function fieldInParagraph(part: PartWalk, piece: TextPiece): FieldSpan | undefined {
  if (piece.fields.length === 0) return undefined;
  const paragraph = paragraphOf(part, piece.run);
  for (const index of piece.fields) {
    const field = part.fields[index];
    if (
      field &&
      field.end !== -1 &&
      paragraphOf(part, field.begin) === paragraph &&
      paragraphOf(part, field.end) === paragraph
    )
      return field;
  }
  return undefined;
}

/**
 * Where the reference run goes: right after the range's end, unless that end is inside a
 * hyperlink, content control, insertion or other container of the paragraph (then after it).
 */
function referencePosition(part: PartWalk, run: number, end: Position): Position {
  const { tokens } = part;
  const paragraph = paragraphOf(part, run);
  let container = run;
  while (container !== -1 && tokens.parent[container] !== paragraph)
    container = tokens.parent[container] as number;
  const offset = container !== run && container !== -1 ? endOf(tokens, container) : -1;
  return offset === -1 || offset <= end.offset ? end : { offset, run: -1, textElement: -1 };
}

/** The element children of a run that hold content (all but w:rPr). */
function contentChildren(part: PartWalk, run: number): number[] {
  const { tokens } = part;
  const children: number[] = [];
  const close = tokens.match[run] as number;
  for (let index = run + 1; index < close; index++) {
    if (tokens.parent[index] !== run) continue;
    const kind = tokens.kind[index];
    if (
      (kind === tokenKind.open || kind === tokenKind.empty) &&
      tokens.name[index] !== `${part.w}rPr`
    )
      children.push(index);
  }
  return children;
}

/** The offset just past an element (its end tag, or itself when empty). */
function endOf(tokens: XmlTokens, token: number): number {
  return tokens.kind[token] === tokenKind.empty
    ? (tokens.end[token] as number)
    : (tokens.end[tokens.match[token] as number] as number);
}

/**
 * The run rewritten as several runs with the markers between them. Each piece repeats the run's
 * start tag and properties; a w:t split in two is closed and reopened (both keeping their spaces).
 */
function splitRun(part: PartWalk, run: number, markers: readonly Marker[]): string {
  const { tokens } = part;
  const xml = tokens.xml;
  const close = tokens.match[run] as number;
  const openTag = xml.slice(tokens.start[run], tokens.end[run]);
  const closeTag = xml.slice(tokens.start[close], tokens.end[close]);
  let properties = '';
  let contentStart = tokens.end[run] as number;
  for (let index = run + 1; index < close; index++) {
    if (
      tokens.parent[index] === run &&
      tokens.name[index] === `${part.w}rPr` &&
      tokens.kind[index] !== tokenKind.close
    ) {
      properties = xml.slice(tokens.start[index], endOf(tokens, index));
      contentStart = endOf(tokens, index);
      break;
    }
  }
  const contentEnd = tokens.start[close] as number;
  // The start tags of the w:t elements that are split, rewritten to keep their spaces.
  const kept = new Map<number, { to: number; xml: string }>();
  for (const marker of markers) {
    const element = marker.position.textElement;
    if (element !== -1)
      kept.set(tokens.start[element] as number, {
        to: tokens.end[element] as number,
        xml: preserveSpaces(xml.slice(tokens.start[element], tokens.end[element])),
      });
  }
  const copy = (from: number, to: number): string => {
    let text = '';
    let at = from;
    for (const [start, replacement] of [...kept].sort((a, b) => a[0] - b[0])) {
      if (start < at || start >= to) continue;
      text += xml.slice(at, start) + replacement.xml;
      at = replacement.to;
    }
    return text + xml.slice(at, to);
  };
  let out = '';
  let segment = '';
  let cursor = contentStart;
  const flush = () => {
    if (segment !== '') out += openTag + properties + segment + closeTag;
    segment = '';
  };
  let index = 0;
  while (index < markers.length) {
    const position = (markers[index] as Marker).position;
    segment += copy(cursor, position.offset);
    const element = position.textElement;
    if (element !== -1)
      segment += xml.slice(
        tokens.start[tokens.match[element] as number],
        tokens.end[tokens.match[element] as number],
      );
    flush();
    while (
      index < markers.length &&
      (markers[index] as Marker).position.offset === position.offset
    ) {
      out += (markers[index] as Marker).xml;
      index++;
    }
    if (element !== -1) segment = kept.get(tokens.start[element] as number)?.xml ?? '';
    cursor = position.offset;
  }
  segment += copy(cursor, contentEnd);
  flush();
  return out;
}

/** A w:t start tag with xml:space="preserve" (a split leaves spaces at the ends of the pieces). */
function preserveSpaces(tag: string): string {
  if (/\sxml:space\s*=/.test(tag))
    return tag.replace(/(\sxml:space\s*=\s*)(["'])[^"']*\2/, '$1"preserve"');
  return tag.replace(/\s*(\/?)>$/, ' xml:space="preserve"$1>');
}
