import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Link, PhrasingContent } from 'mdast';
import {
  defaultHandlers,
  type Options as ToMarkdownOptions,
  toMarkdown,
} from 'mdast-util-to-markdown';
import { entryToHast, hastToPhrasing } from './entry-tree.js';

// One reference-list entry as HTML or Markdown, serialised from trees (hast, mdast), which escape.
// Loaded only when a list is formatted as HTML or Markdown: a check never needs it.

/** Named references (&amp;) read better than numeric ones in a file the user opens. */
const htmlOptions = { characterReferences: { useNamedReferences: true } };

/** A URL that Markdown shows as a link when written bare (GFM autolinks it) and that holds nothing Markdown would read. */
const bareUrl = /^https?:\/\/[A-Za-z0-9\-.~:/?#@!$&'()+,;=%]+$/;

const markdownOptions: ToMarkdownOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  handlers: {
    // Brackets are the style's own ("[Doktorgradsavhandling]") and the to-do's placeholders
    // ("[Tittel]"): with no link definitions in the document, "[…]" is a link only when "(" or "["
    // follows its "]", so only then do they stay escaped.
    text(node, parent, state, info) {
      const safe = defaultHandlers.text(node, parent, state, info);
      return /\][([:]/.test(node.value) || /^[([:]/.test(info.after)
        ? safe
        : safe.replace(/\\\[/g, '[');
    },
    // A link whose text is its URL is written as the bare URL when that is safe (it still works
    // when pasted), else as an autolink or [text](url), which mdast-util-to-markdown escapes.
    link(node: Link, parent, state, info) {
      const text =
        node.children.length === 1 && node.children[0]?.type === 'text'
          ? node.children[0].value
          : undefined;
      if (text !== undefined && text === node.url && bareUrl.test(node.url)) return node.url;
      return defaultHandlers.link(node, parent, state, info);
    },
  },
};

function phrasingToMarkdown(children: PhrasingContent[]): string {
  return toMarkdown({ type: 'paragraph', children }, markdownOptions).trimEnd();
}

/** citeproc's HTML for one entry as safe HTML or Markdown: its formatting, links only to http(s) URLs and DOIs, the rest text. */
export function convertEntry(html: string, format: 'html' | 'md'): string {
  const tree: ElementContent[] = entryToHast(html);
  return format === 'html' ? toHtml(tree, htmlOptions) : phrasingToMarkdown(hastToPhrasing(tree));
}
