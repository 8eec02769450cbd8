import type { Element, ElementContent, Properties, Root, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Link, RootContent as MdastContent, Root as MdastRoot, PhrasingContent } from 'mdast';
import { defaultHandlers, type Options as ToMarkdownOptions, toMarkdown } from 'mdast-util-to-markdown';
import { entryToHast, hastToPhrasing } from './entry-tree.js';
import type { CslItem } from './types.js';

// The HTML and Markdown of a reference list, serialised from trees (hast, mdast), which escape.
// Loaded only when a list is formatted as HTML or Markdown (a check never needs it).

/** The words of the document around the entries. */
export interface ListTexts {
  list: string;
  notes: string;
  notesIntro: string;
}

/** A note on an entry that is not fully verified, as the list shows it: its id and the rest. */
export interface ListNote {
  id: string;
  text: string;
}

/** An entry ready to be placed in the document. */
export interface TreeEntry {
  id: string;
  tree: ElementContent[];
  /** "[ikke verifisert]" for an entry that is not fully verified, else "". */
  marker: string;
}

function element(tagName: string, properties: Properties, children: Array<ElementContent | string>): Element {
  return { type: 'element', tagName, properties, children: children.map((child) => (typeof child === 'string' ? { type: 'text', value: child } : child)) };
}

/** One entry as citeproc rendered it → its tree (links only for the item's http(s) URL and DOI). */
export function entryTree(html: string, item: CslItem | undefined): ElementContent[] {
  return entryToHast(html, item, true);
}

/** Our own marker of an unverified entry in Markdown: written as it is ("[ikke verifisert]", not "\\[…]"). */
interface MarkerNode {
  type: 'litsynthMarker';
  value: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    litsynthMarker: MarkerNode;
  }
}

/** An entry's HTML: its tree and the marker of an unverified entry. */
function entryHtml(entry: TreeEntry): ElementContent[] {
  return entry.marker ? [...entry.tree, { type: 'text', value: ' ' }, element('span', { className: ['litsynth-unverified'] }, [entry.marker])] : entry.tree;
}

/** An entry's Markdown phrasing: its tree and the marker of an unverified entry. */
function entryPhrasing(entry: TreeEntry): PhrasingContent[] {
  const phrasing = hastToPhrasing(entry.tree);
  return entry.marker ? [...phrasing, { type: 'text', value: ' ' }, { type: 'litsynthMarker', value: entry.marker }] : phrasing;
}

/** One entry as HTML or Markdown, without list markup. */
export function entryText(entry: TreeEntry, format: 'html' | 'md'): string {
  return format === 'html' ? toHtml(entryHtml(entry), htmlOptions) : phrasingToMarkdown(entryPhrasing(entry));
}

/** The whole document: heading, entries, and the notes on the unverified entries. */
export function listDocument(entries: readonly TreeEntry[], notes: readonly ListNote[], texts: ListTexts, format: 'html' | 'md'): string {
  if (format === 'html') {
    const newline: Text = { type: 'text', value: '\n' };
    const indent: Text = { type: 'text', value: '\n  ' };
    const list = entries.flatMap((entry) => [
      indent,
      element('div', { className: ['csl-entry'], dataId: entry.id, style: 'padding-left: 2em; text-indent: -2em;' }, entryHtml(entry)),
    ]);
    const noteItems = notes.flatMap((note) => [indent, element('li', {}, [element('code', {}, [note.id]), note.text])]);
    const tree: Root = {
      type: 'root',
      children: [
        element('h2', {}, [texts.list]),
        newline,
        element('div', { className: ['csl-bib-body'], style: 'line-height: 2;' }, [...list, newline]),
        ...(notes.length
          ? [newline, element('h3', {}, [texts.notes]), newline, element('p', {}, [texts.notesIntro]), newline, element('ul', {}, [...noteItems, newline])]
          : []),
        newline,
      ],
    };
    return toHtml(tree, htmlOptions);
    }
    const text = (value: string): PhrasingContent => ({ type: 'text', value });
    const tree: MdastRoot = {
      type: 'root',
      children: [
        { type: 'heading', depth: 1, children: [text(texts.list)] },
        ...entries.map((entry): MdastContent => ({ type: 'paragraph', children: entryPhrasing(entry) })),
        ...(notes.length
          ? [
              { type: 'heading', depth: 2, children: [text(texts.notes)] } as MdastContent,
              { type: 'paragraph', children: [text(texts.notesIntro)] } as MdastContent,
              {
                type: 'list',
                ordered: false,
                spread: false,
                children: notes.map((note) => ({
                  type: 'listItem',
                  spread: false,
                  children: [{ type: 'paragraph', children: [{ type: 'inlineCode', value: note.id }, text(note.text)] }],
                })),
              } as MdastContent,
            ]
          : []),
      ],
    };
    return toMarkdown(tree, markdownOptions);
  }

/** Named references (&amp;) read better than numeric ones in a file the user opens. */
const htmlOptions = { characterReferences: { useNamedReferences: true } };

/** A URL that Markdown shows as a link when written bare (GFM autolinks it) and that holds nothing Markdown would read. */
const bareUrl = /^https?:\/\/[A-Za-z0-9\-.~:/?#@!$&'()+,;=%]+$/;

const markdownOptions: ToMarkdownOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  handlers: {
    // mdast-util-to-markdown types its handlers by mdast's own node types only.
    ...({ litsynthMarker: (node: MarkerNode) => node.value } as Record<string, unknown>),
    // A link whose text is its URL is written as the bare URL when that is safe (it still works
    // when pasted), else as an autolink or [text](url), which mdast-util-to-markdown escapes.
    link(node: Link, parent, state, info) {
      const text = node.children.length === 1 && node.children[0]?.type === 'text' ? node.children[0].value : undefined;
      if (text !== undefined && text === node.url && bareUrl.test(node.url)) return node.url;
      return defaultHandlers.link(node, parent, state, info);
    },
  },
};

export function phrasingToMarkdown(children: PhrasingContent[]): string {
  return toMarkdown({ type: 'paragraph', children }, markdownOptions).trimEnd();
}

/** Converts citeproc's HTML for one entry to Markdown through trees, without links (see citeprocHtmlToMarkdown). */
export function entryHtmlToMarkdown(html: string): string {
  return phrasingToMarkdown(hastToPhrasing(entryToHast(html, undefined, false)));
}
