import { constructFromEvents, type Event, getScalarValue, parseEvents } from 'js-yaml';

/** A 1-based place in a file. */
export interface YamlPlace {
  line: number;
  column: number;
}

/** A path into a YAML document: map keys and sequence indexes. */
export type YamlPath = ReadonlyArray<string | number>;

/** A syntax error of a YAML text, at its place in the file. */
export interface YamlSyntaxError extends YamlPlace {
  /** yaml's error code ("BAD_INDENT"). */
  code: string;
  /** The first line of yaml's message. */
  message: string;
}

/** How to parse a YAML text. */
export interface ParseYamlOptions {
  /**
   * The 1-based file line of the text's first line (a record's frontmatter starts below its
   * opening `---`); places are file places. Default 1.
   */
  firstLine?: number;
  /** Refuse a key written twice in a map (yaml's `uniqueKeys`); default true. */
  uniqueKeys?: boolean;
  /**
   * The field a key names, when a file may name one field in several ways (a Norwegian name for
   * an English one): paths and known keys use the field, the text may use either.
   */
  fieldOf?: (key: string) => string;
}

/** A YAML text parsed once: its value, its syntax errors, and the place of any part of it. */
export interface YamlDocument {
  /** Syntax errors; empty when the text is valid YAML. */
  readonly errors: readonly YamlSyntaxError[];
  /**
   * The plain value (maps as objects). Throws when aliases expand to more than `maxAliasCount`
   * nodes (a "billion laughs"); computed once.
   */
  value(): unknown;
  /**
   * The place of the value at `path`, or of its key with `at: 'key'`. When the path does not
   * exist (a missing field), the place of the deepest part of it that does.
   */
  placeOf(path: YamlPath, at?: 'key' | 'value'): YamlPlace;
  /** The place of an offset into the text. */
  placeOfOffset(offset: number): YamlPlace;
  /** The keys of the map at `path` whose field is not one of `known`, each at its place. */
  unknownKeys(path: YamlPath, known: readonly string[]): Array<YamlPlace & { key: string }>;
  /** The place of the key written `written` in the map at `path` (the text's start if none). */
  placeOfKey(path: YamlPath, written: string): YamlPlace;
}

/**
 * Reads a YAML text once, keeping the place of every part: the one reader of study.yaml and of
 * record frontmatter (after mystmd's simple-validators), so that messages can name the line and
 * column of any field. A plain text — one document of maps, lists and scalars, no error, alias,
 * tag or repeated key — is read with js-yaml's event parser, which costs a fraction of yaml's
 * document model on a cold start (docs/decisions/yaml-document.md); any other text is read by
 * yaml's document model (`yaml-document-full.ts`, imported only then), which names errors and
 * bounds aliases as it always did. Both give the same value and the same places.
 */
export async function readYamlDocument(
  text: string,
  options: ParseYamlOptions = {},
): Promise<YamlDocument> {
  const fast = fastYamlDocument(text, options);
  if (fast) return fast;
  const { parseYamlDocument } = await import('./yaml-document-full.js');
  return parseYamlDocument(text, options);
}

/** A map, list or scalar of the text, with the offset yaml's node range would start at. */
type PlacedNode =
  | { kind: 'map'; start: number; pairs: PlacedPair[] }
  | { kind: 'seq'; start: number; items: PlacedNode[] }
  | { kind: 'scalar'; start: number };
interface PlacedPair {
  key: string;
  keyStart: number;
  value: PlacedNode;
}

// js-yaml's event ids (EVENT_ID) and scalar styles (SCALAR_STYLE).
const documentEvent = 1;
const sequenceEvent = 2;
const mappingEvent = 3;
const scalarEvent = 4;
const plain = 1;
const singleQuoted = 2;
const doubleQuoted = 3;
const literalBlock = 4;
const foldedBlock = 5;
// What the YAML 1.2 core schema reads as null, a boolean or a number, when written plain.
const notPlainString =
  /^(?:|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?[0-9][0-9_.eE+-]*|[-+]?\.[0-9][0-9eE+-]*|0o[0-7]+|0x[0-9a-fA-F]+)$/;
// A block scalar's header: the indicator, chomping/indentation, an optional comment, line end.
const blockHeader = /[|>][-+1-9]{0,2}[ \t]*(?:#[^\n]*)?\r?$/;

/** The fast path of readYamlDocument, or undefined when the text needs yaml's document model. */
export function fastYamlDocument(
  text: string,
  options: ParseYamlOptions = {},
): YamlDocument | undefined {
  // A lone carriage return breaks a line in YAML, which the line index below counts by "\n"; a
  // byte order mark is an error to yaml.
  if (text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  // A text of comments and blank lines alone has no document; yaml's value is then null.
  const root =
    events.length === 0
      ? { node: undefined }
      : placedTree(text, events, options.uniqueKeys ?? true);
  if (root === undefined) return undefined;
  let value: unknown = null;
  if (events.length > 0) {
    let values: unknown[];
    try {
      values = constructFromEvents(events, { source: text, maxAliases: 0 });
    } catch {
      return undefined;
    }
    if (values.length !== 1) return undefined;
    value = values[0] ?? null;
  }
  const firstLine = options.firstLine ?? 1;
  const fieldOf = options.fieldOf ?? ((key: string) => key);
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1))
    lineStarts.push(at + 1);
  const placeOfOffset = (offset: number): YamlPlace => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + firstLine, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
  const pairOf = (node: PlacedNode | undefined, segment: string | number) =>
    node?.kind === 'map' ? node.pairs.find((pair) => fieldOf(pair.key) === segment) : undefined;
  const nodeAt = (path: YamlPath): PlacedNode | undefined => {
    let node: PlacedNode | undefined = root.node;
    for (const segment of path) {
      if (node?.kind === 'map') node = pairOf(node, segment)?.value;
      else if (node?.kind === 'seq' && typeof segment === 'number') node = node.items[segment];
      else return undefined;
    }
    return node;
  };
  return {
    errors: [],
    value: () => value,
    placeOf(path, at = 'value') {
      let node: PlacedNode | undefined = root.node;
      let best = root.node?.start ?? 0;
      for (const [index, segment] of path.entries()) {
        const last = index === path.length - 1;
        if (node?.kind === 'map') {
          const pair = pairOf(node, segment);
          if (!pair) break;
          if (last && at === 'key') return placeOfOffset(pair.keyStart);
          node = pair.value;
          best = node.start;
        } else if (node?.kind === 'seq' && typeof segment === 'number') {
          node = node.items[segment];
          if (!node) break;
          best = node.start;
        } else break;
      }
      return placeOfOffset(best);
    },
    placeOfOffset,
    unknownKeys(path, known) {
      const map = nodeAt(path);
      if (map?.kind !== 'map') return [];
      return map.pairs
        .filter((pair) => !known.includes(fieldOf(pair.key)))
        .map((pair) => ({ key: pair.key, ...placeOfOffset(pair.keyStart) }));
    },
    placeOfKey(path, written) {
      const map = nodeAt(path);
      const pair = map?.kind === 'map' ? map.pairs.find((item) => item.key === written) : undefined;
      return placeOfOffset(pair ? pair.keyStart : 0);
    },
  };
}

/**
 * The text's nodes with the offsets yaml's document would give them, from js-yaml's events;
 * undefined for what the fast path leaves to yaml: several documents, directives, aliases,
 * anchors, tags, keys that are not scalars, a repeated key, an empty list item, a place it
 * cannot be sure of.
 */
function placedTree(
  text: string,
  events: readonly Event[],
  uniqueKeys: boolean,
): { node: PlacedNode | undefined } | undefined {
  let index = 0;
  const scalarStart = (event: Extract<Event, { type: 4 }>): number | undefined => {
    if (event.valueStart < 0) return undefined;
    if (event.style === singleQuoted || event.style === doubleQuoted) return event.valueStart - 1;
    if (event.style === literalBlock || event.style === foldedBlock) {
      // yaml's range starts at the header (`|`, `>-`), js-yaml's at the content below it.
      const headerEnd = text.lastIndexOf('\n', event.valueStart - 1);
      const headerStart = text.lastIndexOf('\n', headerEnd - 1) + 1;
      const match = blockHeader.exec(text.slice(headerStart, headerEnd));
      return match ? headerStart + match.index : undefined;
    }
    return event.valueStart;
  };
  // Returns the node read from events[index] on, or null when the fast path must give up.
  const read = (): PlacedNode | null => {
    const event = events[index++];
    if (!event) return null;
    if (event.type === scalarEvent) {
      if (event.anchorStart >= 0 || event.tagStart >= 0) return null;
      const start = scalarStart(event);
      return start === undefined ? null : { kind: 'scalar', start };
    }
    if (event.type !== sequenceEvent && event.type !== mappingEvent) return null;
    if (event.anchorStart >= 0 || event.tagStart >= 0) return null;
    if (event.type === sequenceEvent) {
      const items: PlacedNode[] = [];
      while (events[index]?.type !== 6) {
        const item = read();
        if (item === null) return null;
        items.push(item);
      }
      index++;
      return { kind: 'seq', start: event.start, items };
    }
    const pairs: PlacedPair[] = [];
    const keys = new Set<string>();
    while (events[index]?.type !== 6) {
      const keyEvent = events[index++];
      if (keyEvent?.type !== scalarEvent || keyEvent.anchorStart >= 0 || keyEvent.tagStart >= 0)
        return null;
      const keyStart = scalarStart(keyEvent);
      if (keyStart === undefined) return null;
      const key = getScalarValue(text, keyEvent);
      // A plain key that is not a string to the core schema (`1:`, `true:`, `~:`), or a merge key:
      // yaml's value would name it otherwise.
      if (keyEvent.style === plain && (notPlainString.test(key) || key === '<<')) return null;
      if (keys.has(key) && uniqueKeys) return null;
      keys.add(key);
      // An empty value (`key:`) has no offset in js-yaml's events; yaml places it after the colon.
      const valueEvent = events[index];
      let value: PlacedNode | null;
      if (valueEvent?.type === scalarEvent && valueEvent.valueStart < 0) {
        index++;
        if (valueEvent.anchorStart >= 0 || valueEvent.tagStart >= 0) return null;
        const colon = text.indexOf(':', keyEvent.valueEnd);
        if (colon < 0) return null;
        value = { kind: 'scalar', start: colon + 1 };
      } else value = read();
      if (value === null) return null;
      pairs.push({ key, keyStart, value });
    }
    index++;
    return { kind: 'map', start: event.start, pairs };
  };
  const first = events[index++];
  if (first?.type !== documentEvent || first.directives.length > 0) return undefined;
  // An empty document: yaml's value is null, placed at the text's start.
  if (events[index]?.type === 6) {
    index++;
    return index === events.length ? { node: undefined } : undefined;
  }
  const node = read();
  if (node === null || events[index]?.type !== 6) return undefined;
  index++;
  return index === events.length ? { node } : undefined;
}
