import type { Nodes, Parents, Root } from 'mdast';
import { LitsynthError } from '@litsynth/common';
import { manuscriptFromBlocks } from './build-manuscript.js';
import { refuseOverlyNestedMarkdown } from './markdown-bounds.js';
import type { TextSource } from './text-to-manuscript.js';
import type { BlockKind, Manuscript, SourceBlock, SourceSpan } from './types.js';

/** Builds the remark parser (CommonMark, GFM, front matter). */
async function createParser() {
  const [{ unified }, remarkParse, remarkGfm, remarkFrontmatter] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
    import('remark-frontmatter'),
  ]);
  return unified()
    .use(remarkParse.default)
    .use(remarkGfm.default)
    .use(remarkFrontmatter.default, ['yaml', 'toml']);
}

let parser: ReturnType<typeof createParser> | undefined;

/**
 * The remark parser, loaded with the first Markdown manuscript: remark with GFM is about 100
 * modules and 0.15-0.2 s of CPU to load, which `litsynth check` of a .txt, .docx or .pdf thesis
 * need not pay.
 */
function markdownParser(): ReturnType<typeof createParser> {
  parser ??= createParser();
  return parser;
}

/**
 * Reads Markdown into a `Manuscript` through remark (CommonMark, GFM, front matter): headings,
 * paragraphs, block quotes, list items and table cells become blocks; inline text is flattened;
 * positions come from the syntax tree, so offsets map back to the Markdown source exactly.
 * Asynchronous because remark is loaded on first use.
 */
export async function markdownToManuscript(text: string, source: TextSource): Promise<Manuscript> {
  refuseOverlyNestedMarkdown(text, source.path);
  const lineStarts = findLineStarts(text);
  const blocks: SourceBlock[] = [];
  const parser = await markdownParser();
  try {
    const tree = parser.parse(text) as Root;
    collectBlocks(tree, 'paragraph', { text, lineStarts, blocks });
  } catch (cause) {
    // remark walks the tree recursively: lists or quotes nested thousands deep exhaust the stack.
    if (!(cause instanceof RangeError)) throw cause;
    throw new LitsynthError(
      'unsupported-format',
      'The Markdown nests lists or quotations too deeply to be read.',
      {
        file: source.path,
        messageNb:
          'Markdown-filen har for mange nivåer av lister eller sitater inni hverandre til å kunne leses.',
        cause,
      },
    );
  }
  return manuscriptFromBlocks({
    path: source.path,
    format: source.format ?? 'md',
    encoding: source.encoding ?? 'utf-8',
    notes: source.notes ?? [],
    blocks,
  });
}

interface Context {
  text: string;
  lineStarts: number[];
  blocks: SourceBlock[];
}

/** Offsets where lines start (after LF, CRLF or CR), as micromark counts lines. */
function findLineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) starts.push(index + 1);
  }
  return starts;
}

function placeOf(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lineStarts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] as number) + 1 };
}

/** Walks block-level nodes; `kind` is what a paragraph inside the current container becomes. */
function collectBlocks(node: Nodes, kind: BlockKind, context: Context): void {
  switch (node.type) {
    case 'heading': {
      const spans = inlineSpans(node, context);
      if (spans.length > 0) context.blocks.push({ kind: 'heading', spans, level: node.depth });
      return;
    }
    case 'paragraph': {
      const spans = inlineSpans(node, context);
      if (spans.length > 0) context.blocks.push({ kind, spans });
      return;
    }
    case 'blockquote':
      for (const child of node.children) collectBlocks(child, 'block-quote', context);
      return;
    case 'listItem':
      for (const child of node.children)
        collectBlocks(child, kind === 'block-quote' ? kind : 'list-item', context);
      return;
    case 'tableCell': {
      const spans = inlineSpans(node, context);
      if (spans.length > 0) context.blocks.push({ kind: 'paragraph', spans });
      return;
    }
    case 'code':
    case 'html':
    case 'yaml':
    case 'definition':
    case 'thematicBreak':
      return;
    default:
      if ('children' in node)
        for (const child of (node as Parents).children)
          collectBlocks(child as Nodes, kind, context);
  }
}

/** The text of a block's inline content as spans that map back to the source. */
function inlineSpans(node: Parents, context: Context): SourceSpan[] {
  const spans: SourceSpan[] = [];
  let join: 'line' | 'inline' = 'line';
  const visit = (child: Nodes): void => {
    switch (child.type) {
      case 'text':
      case 'inlineCode':
        join = alignedSpans(
          child.value,
          child.position?.start.offset,
          child.position?.end.offset,
          join,
          spans,
          context,
        );
        return;
      case 'break':
        join = 'line';
        return;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
      case 'html':
        return;
      default:
        if ('children' in child)
          for (const grandchild of (child as Parents).children) visit(grandchild as Nodes);
    }
  };
  for (const child of node.children) visit(child as Nodes);
  if (spans[0]) spans[0].join = 'line';
  return spans;
}

/**
 * Turns a node's value into spans by aligning it with its source: characters the parser removed
 * (escapes, entities, indentation, ">" markers of continued quotes) are skipped, so every span
 * maps one to one onto source columns. Returns how the next span attaches.
 */
function alignedSpans(
  value: string,
  start: number | undefined,
  end: number | undefined,
  join: 'line' | 'inline',
  spans: SourceSpan[],
  context: Context,
): 'line' | 'inline' {
  if (start === undefined || end === undefined) return join;
  const source = context.text;
  // Most text nodes are their source verbatim: one span per source line.
  if (source.slice(start, end) === value) return verbatimSpans(value, start, join, spans, context);
  let next = join;
  let spanText = '';
  let spanSource = -1;
  let lastSource = start - 1;
  const flush = (): void => {
    if (spanText === '') return;
    const place = placeOf(context.lineStarts, spanSource);
    spans.push({ text: spanText, line: place.line, column: place.column, join: next });
    next = 'inline';
    spanText = '';
  };
  let cursor = start;
  for (let index = 0; index < value.length; index++) {
    const char = value[index] as string;
    if (char === '\n' || char === '\r') {
      // A line ending inside the value (mdast keeps CRLF and CR as they are in the source).
      if (char === '\r' && value[index + 1] === '\n') index++;
      flush();
      next = 'line';
      // Skip the line ending in the source as well.
      while (cursor < end && source[cursor] !== '\n' && source[cursor] !== '\r') cursor++;
      if (source[cursor] === '\r') cursor++;
      if (source[cursor] === '\n') cursor++;
      continue;
    }
    let at = -1;
    for (let look = cursor; look < Math.min(end, cursor + 16); look++) {
      if (source[look] === char) {
        at = look;
        break;
      }
    }
    if (at < 0) {
      // A character the parser produced (from an entity or escape): map it to where that starts.
      at = Math.min(cursor, Math.max(start, end - 1));
      cursor = source[at] === '&' ? Math.max(at + 1, source.indexOf(';', at) + 1) : at + 1;
    } else {
      cursor = at + 1;
    }
    if (spanText !== '' && at !== lastSource + 1) flush();
    if (spanText === '') spanSource = at;
    spanText += char;
    lastSource = at;
  }
  flush();
  return next;
}

/** Spans of a value that is its source slice as it is, split at its line endings. */
function verbatimSpans(
  value: string,
  start: number,
  join: 'line' | 'inline',
  spans: SourceSpan[],
  context: Context,
): 'line' | 'inline' {
  let next = join;
  const lineEnding = /\r\n|\r|\n/gu;
  let from = 0;
  for (;;) {
    const match = lineEnding.exec(value);
    const to = match ? match.index : value.length;
    if (to > from) {
      const place = placeOf(context.lineStarts, start + from);
      spans.push({
        text: value.slice(from, to),
        line: place.line,
        column: place.column,
        join: next,
      });
      next = 'inline';
    }
    if (!match) return next;
    next = 'line';
    from = match.index + match[0].length;
  }
}
