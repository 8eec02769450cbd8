import type { CommentTarget } from './find-targets.js';
import { tokenKind, type XmlTokens } from './xml-tokens.js';
import type { PartWalk, TextPiece, WordParagraph } from './word-paragraphs.js';

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
 * the run's properties); the reference run goes after the hyperlink, content control or reference
 * manager's field the range ends in, so that the field keeps its structure. Every other byte of the
 * part is left as it was.
 */
export function insertCommentMarkers(part: PartWalk, comments: readonly MarkedComment[], options: MarkupOptions): string {
  const { tokens, w } = part;
  const xml = tokens.xml;
  const markers: Marker[] = [];
  let sequence = 0;
  for (const { target, id } of comments) {
    const { paragraph } = target;
    const start = target.start < target.end ? before(part, paragraph, target.start) : emptyParagraphPosition(tokens, paragraph);
    const end = target.start < target.end ? after(part, paragraph, target.end - 1) : start;
    const reference =
      target.start < target.end ? referencePosition(part, pieceAt(paragraph, target.end - 1), end) : end;
    const sameOffset = start.offset === end.offset && start.run === end.run;
    const endPhase = sameOffset ? 2 : 0;
    markers.push({ position: start, phase: 1, sequence: sequence++, xml: `<${w}commentRangeStart ${w}id="${id}"/>` });
    markers.push({ position: end, phase: endPhase, sequence: sequence++, xml: `<${w}commentRangeEnd ${w}id="${id}"/>` });
    const referenceRun = options.referenceStyle
      ? `<${w}r><${w}rPr><${w}rStyle ${w}val="CommentReference"/></${w}rPr><${w}commentReference ${w}id="${id}"/></${w}r>`
      : `<${w}r><${w}commentReference ${w}id="${id}"/></${w}r>`;
    const moved = reference.offset !== end.offset || reference.run !== end.run;
    markers.push({ position: reference, phase: moved ? 0 : endPhase, sequence: sequence++, xml: referenceRun });
  }
  markers.sort((a, b) => a.position.offset - b.position.offset || a.phase - b.phase || a.sequence - b.sequence);

  // Edits in order of offset: an insertion between elements, or a split run replacing the run.
  const byRun = new Map<number, Marker[]>();
  const plain: Marker[] = [];
  const expanded = new Map<number, string>();
  for (const marker of markers) {
    const { run } = marker.position;
    if (run === -1) plain.push(marker);
    else if (run === expandParagraph) expanded.set(marker.position.textElement, (expanded.get(marker.position.textElement) ?? '') + marker.xml);
    else byRun.set(run, [...(byRun.get(run) ?? []), marker]);
  }
  const edits: Array<{ from: number; to: number; xml: string }> = [];
  for (const [token, inside] of expanded) {
    // An empty-element paragraph (<w:p/>) is written out as start and end tag around the markers.
    const tag = xml.slice(tokens.start[token], tokens.end[token]);
    edits.push({ from: tokens.start[token] as number, to: tokens.end[token] as number, xml: `${tag.replace(/\s*\/>$/, '>')}${inside}</${w}p>` });
  }
  for (const marker of plain) {
    const last = edits[edits.length - 1];
    if (last && last.from === marker.position.offset && last.to === last.from) last.xml += marker.xml;
    else edits.push({ from: marker.position.offset, to: marker.position.offset, xml: marker.xml });
  }
  for (const [run, runMarkers] of byRun) {
    edits.push({ from: tokens.start[run] as number, to: endOf(tokens, run), xml: splitRun(part, run, runMarkers) });
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
    if (k > 0 || !atContentStart) return { offset: piece.offsets[k] as number, run: piece.run, textElement: piece.element };
  }
  const children = contentChildren(part, piece.run);
  if (children[0] === piece.element) return { offset: tokens.start[piece.run] as number, run: -1, textElement: -1 };
  return { offset: tokens.start[piece.element] as number, run: piece.run, textElement: -1 };
}

/** The position right after character `index`. */
function after(part: PartWalk, paragraph: WordParagraph, index: number): Position {
  const { tokens } = part;
  const piece = pieceAt(paragraph, index);
  const k = index - piece.from + 1;
  if (piece.offsets) {
    const atContentEnd = tokens.end[piece.textToken] === tokens.start[tokens.match[piece.element] as number];
    if (k < piece.length || !atContentEnd) return { offset: piece.offsets[k] as number, run: piece.run, textElement: piece.element };
  }
  const children = contentChildren(part, piece.run);
  if (children[children.length - 1] === piece.element) return { offset: endOf(tokens, piece.run), run: -1, textElement: -1 };
  return { offset: endOf(tokens, piece.element), run: piece.run, textElement: -1 };
}

// `Position.run` of a place inside an empty-element paragraph (<w:p/>), which gets written out.
const expandParagraph = -2;

/** In a paragraph without text: right before its end tag. */
function emptyParagraphPosition(tokens: XmlTokens, paragraph: WordParagraph): Position {
  if (tokens.kind[paragraph.token] === tokenKind.empty) return { offset: tokens.start[paragraph.token] as number, run: expandParagraph, textElement: paragraph.token };
  const close = tokens.match[paragraph.token] as number;
  return { offset: tokens.start[close] as number, run: -1, textElement: -1 };
}

/**
 * Where the reference run goes: right after the range's end, unless that end is inside a
 * hyperlink, content control, insertion or other container of the paragraph (then after it), or
 * inside a complex field that ends in the same paragraph (then after the field's end run).
 */
function referencePosition(part: PartWalk, last: TextPiece, end: Position): Position {
  const { tokens } = part;
  const paragraphName = `${part.w}p`;
  const paragraphOf = (token: number): number => {
    let current = tokens.parent[token] as number;
    while (current !== -1 && tokens.name[current] !== paragraphName) current = tokens.parent[current] as number;
    return current;
  };
  const topLevelChild = (token: number, paragraph: number): number => {
    let current = token;
    while (tokens.parent[current] !== paragraph && current !== -1) current = tokens.parent[current] as number;
    return current;
  };
  const paragraph = paragraphOf(last.run);
  let offset = -1;
  const container = topLevelChild(last.run, paragraph);
  if (container !== last.run && container !== -1) offset = endOf(tokens, container);
  const field = last.field === -1 ? undefined : part.fields[last.field];
  if (field && field.end !== -1 && field.end > last.run && paragraphOf(field.end) === paragraph) {
    const holder = topLevelChild(field.end, paragraph);
    if (holder !== -1) offset = Math.max(offset, endOf(tokens, holder));
  }
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
    if ((kind === tokenKind.open || kind === tokenKind.empty) && tokens.name[index] !== `${part.w}rPr`) children.push(index);
  }
  return children;
}

/** The offset just past an element (its end tag, or itself when empty). */
function endOf(tokens: XmlTokens, token: number): number {
  return tokens.kind[token] === tokenKind.empty ? (tokens.end[token] as number) : (tokens.end[tokens.match[token] as number] as number);
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
    if (tokens.parent[index] === run && tokens.name[index] === `${part.w}rPr` && tokens.kind[index] !== tokenKind.close) {
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
    if (element !== -1) kept.set(tokens.start[element] as number, { to: tokens.end[element] as number, xml: preserveSpaces(xml.slice(tokens.start[element], tokens.end[element])) });
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
    if (element !== -1) segment += xml.slice(tokens.start[tokens.match[element] as number], tokens.end[tokens.match[element] as number]);
    flush();
    while (index < markers.length && (markers[index] as Marker).position.offset === position.offset) {
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
  if (/\sxml:space\s*=/.test(tag)) return tag.replace(/(\sxml:space\s*=\s*)(["'])[^"']*\2/, '$1"preserve"');
  return tag.replace(/\s*(\/?)>$/, ' xml:space="preserve"$1>');
}
