import { isMap, isNode, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** A 1-based place in a file. */
export interface Place {
  line: number;
  column: number;
}

/** Where the YAML text sits in its file: frontmatter starts below the opening `---`. */
export interface YamlOrigin {
  lineCounter: LineCounter;
  /** 1-based file line of the YAML text's first line. */
  firstLine: number;
}

/** The file place of an offset in the YAML text. */
export function placeOfOffset(origin: YamlOrigin, offset: number): Place {
  const { line, col } = origin.lineCounter.linePos(offset);
  return { line: line + origin.firstLine - 1, column: col };
}

/**
 * The place of the value at `path` in a YAML document, or of its key when `at` is 'key'. When the
 * path does not exist (a missing field), the place of the deepest part of it that does.
 */
export function placeOfPath(
  doc: Document,
  origin: YamlOrigin,
  path: ReadonlyArray<string | number>,
  at: 'key' | 'value' = 'value',
): Place {
  let node: unknown = doc.contents;
  let best: Node | undefined = isNode(node) ? node : undefined;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => (isScalar(item.key) ? item.key.value : item.key) === segment,
      );
      if (!pair) break;
      if (last && at === 'key' && isNode(pair.key)) return placeOfNode(origin, pair.key);
      if (isNode(pair.key)) best = pair.key;
      node = pair.value;
      if (isNode(node) && node.range) best = node;
      if (node === null && isNode(pair.key)) best = pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (!isNode(node)) break;
      best = node;
    } else {
      break;
    }
  }
  return best ? placeOfNode(origin, best) : { line: origin.firstLine, column: 1 };
}

function placeOfNode(origin: YamlOrigin, node: Node): Place {
  return node.range ? placeOfOffset(origin, node.range[0]) : { line: origin.firstLine, column: 1 };
}
