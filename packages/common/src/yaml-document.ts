import {
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Pair,
} from 'yaml';

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
  /** yaml's document (its nodes carry their ranges). */
  readonly document: Document;
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
  /** The place of a node of the document (the text's start for one without a range). */
  placeOfNode(node: unknown): YamlPlace;
  /** The place of an offset into the text. */
  placeOfOffset(offset: number): YamlPlace;
  /** The keys of the map at `path` whose field is not one of `known`, each at its place. */
  unknownKeys(path: YamlPath, known: readonly string[]): Array<YamlPlace & { key: string }>;
}

/** The key of a pair as text (keys in our files are plain scalars). */
export function yamlKeyText(pair: Pair): string {
  return String(isScalar(pair.key) ? pair.key.value : pair.key);
}

/**
 * Parses a YAML text once, keeping every node's place: the one reader of study.yaml, record
 * frontmatter, concepts.yaml and coding.yaml (after mystmd's simple-validators), so that messages
 * can name the line and column of any field.
 */
export function parseYamlDocument(text: string, options: ParseYamlOptions = {}): YamlDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: options.uniqueKeys ?? true,
  });
  const firstLine = options.firstLine ?? 1;
  const fieldOf = options.fieldOf ?? ((key: string) => key);
  const placeOfOffset = (offset: number): YamlPlace => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const placeOfNode = (node: unknown): YamlPlace =>
    isNode(node) && node.range ? placeOfOffset(node.range[0]) : { line: firstLine, column: 1 };
  const pairOf = (map: unknown, segment: string | number): Pair | undefined =>
    isMap(map) ? map.items.find((item) => fieldOf(yamlKeyText(item)) === segment) : undefined;
  const nodeAt = (path: YamlPath): unknown => {
    let node: unknown = document.contents;
    for (const segment of path) {
      if (isMap(node)) node = pairOf(node, segment)?.value;
      else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
      else return undefined;
    }
    return node;
  };
  let plain: { value: unknown } | undefined;
  return {
    document,
    errors: document.errors.map((error) => ({
      code: error.code,
      message: error.message.split('\n')[0] ?? error.message,
      ...placeOfOffset(error.pos[0]),
    })),
    value() {
      // yaml counts the nodes its aliases expand to and stops a "billion laughs" (maxAliasCount).
      plain ??= { value: document.toJS({ maxAliasCount: 100 }) };
      return plain.value;
    },
    placeOf(path, at = 'value') {
      let node: unknown = document.contents;
      let best: Node | undefined = isNode(node) ? node : undefined;
      for (const [index, segment] of path.entries()) {
        const last = index === path.length - 1;
        if (isMap(node)) {
          const pair = pairOf(node, segment);
          if (!pair) break;
          if (last && at === 'key' && isNode(pair.key)) return placeOfNode(pair.key);
          if (isNode(pair.key)) best = pair.key;
          node = pair.value;
          if (isNode(node) && node.range) best = node;
        } else if (isSeq(node) && typeof segment === 'number') {
          node = node.items[segment];
          if (!isNode(node)) break;
          best = node;
        } else break;
      }
      return placeOfNode(best);
    },
    placeOfNode,
    placeOfOffset,
    unknownKeys(path, known) {
      const map = nodeAt(path);
      if (!isMap(map)) return [];
      return map.items
        .filter((pair) => isScalar(pair.key) && !known.includes(fieldOf(yamlKeyText(pair))))
        .map((pair) => ({ key: yamlKeyText(pair), ...placeOfNode(pair.key) }));
    },
  };
}
