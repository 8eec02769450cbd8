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

import type { ParseYamlOptions, YamlDocument, YamlPath, YamlPlace } from './yaml-document.js';

/** A YAML text read with yaml's document model: every node, its range, and its place. */
export interface FullYamlDocument extends YamlDocument {
  /** yaml's document (its nodes carry their ranges). */
  readonly document: Document;
  /** The place of a node of the document (the text's start for one without a range). */
  placeOfNode(node: unknown): YamlPlace;
}

/** The key of a pair as text (keys in our files are plain scalars). */
export function yamlKeyText(pair: Pair): string {
  return String(isScalar(pair.key) ? pair.key.value : pair.key);
}

/**
 * Parses a YAML text once with yaml's document model, keeping every node: what the readers that
 * walk the nodes themselves (concepts.yaml, coding.yaml) use, and what `readYamlDocument` falls
 * back to for a text its fast path does not take (an error, an alias, a tag: yaml names and
 * bounds them).
 */
export function parseYamlDocument(text: string, options: ParseYamlOptions = {}): FullYamlDocument {
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
    placeOfKey(path, written) {
      const map = nodeAt(path);
      const pair = isMap(map) ? map.items.find((item) => yamlKeyText(item) === written) : undefined;
      return isNode(pair?.key) ? placeOfNode(pair.key) : placeOfOffset(0);
    },
  };
}
