import type { Lang } from '@litsynth/common';
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Link, PhrasingContent } from 'mdast';
import {
  defaultHandlers,
  type Options as ToMarkdownOptions,
  toMarkdown,
} from 'mdast-util-to-markdown';
import { entryInner } from './citeproc-html.js';
import { entryToHast, hastText, hastToPhrasing } from './entry-tree.js';
import type { EntryTree, ReferenceListFormat } from './types.js';

// The reference list's writers: citeproc's HTML for an entry made into one sanitised hast tree,
// and that tree serialised as HTML, Markdown or text (hast-util-to-html, mdast-util-to-markdown,
// which escape). Loaded only when a list is formatted (loadReferenceWriters): a check never needs it.

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

/**
 * citeproc's HTML for one entry (`<div class="csl-entry">…</div>`) as a sanitised hast tree: its
 * formatting, links only to http(s) URLs and DOIs, the rest text.
 */
export function entryTree(html: string): EntryTree {
  // A URL placeholder ("[URL]" in a template) is not a link.
  return entryToHast(entryInner(html).replace(/<a href="(\[[^"\]]+\])">\1<\/a>/g, '$1'));
}

/** An entry's tree as HTML. */
export function entryTreeToHtml(tree: EntryTree): string {
  return toHtml(tree as ElementContent[], htmlOptions);
}

/** An entry's tree as Markdown (one paragraph). */
export function entryTreeToMarkdown(tree: EntryTree): string {
  return phrasingToMarkdown(hastToPhrasing(tree));
}

/** An entry's tree as plain text. */
export function entryTreeToText(tree: EntryTree): string {
  return hastText(tree).trim();
}

/** An entry's tree in a format of the reference list. */
export function entryTreeTo(format: ReferenceListFormat, tree: EntryTree): string {
  return format === 'html'
    ? entryTreeToHtml(tree)
    : format === 'md'
      ? entryTreeToMarkdown(tree)
      : entryTreeToText(tree);
}

const listHeading = { nb: 'Litteraturliste', en: 'References' } as const;

/**
 * The whole reference list as a document: its heading and the entries in list order (HTML: each in
 * citeproc's hanging-indent `csl-entry`; Markdown and text: one paragraph each).
 */
export function referenceListDocument(
  entries: ReadonlyArray<{ id: string; tree: EntryTree }>,
  format: ReferenceListFormat,
  lang: Lang,
): string {
  if (format === 'html') {
    const body: ElementContent[] = [];
    for (const entry of entries) {
      body.push({ type: 'text', value: '\n  ' }, {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['csl-entry'],
          dataId: entry.id,
          style: 'padding-left: 2em; text-indent: -2em;',
        },
        children: [...entry.tree],
      } satisfies Element);
    }
    if (body.length > 0) body.push({ type: 'text', value: '\n' });
    const document: Root = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'h2',
          properties: {},
          children: [{ type: 'text', value: listHeading[lang] }],
        },
        { type: 'text', value: '\n' },
        {
          type: 'element',
          tagName: 'div',
          properties: { className: ['csl-bib-body'], style: 'line-height: 2;' },
          children: body.length > 0 ? body : [{ type: 'text', value: '\n' }],
        },
        { type: 'text', value: '\n' },
      ],
    };
    return toHtml(document, htmlOptions);
  }
  const heading = format === 'md' ? `# ${listHeading[lang]}` : listHeading[lang];
  return [heading, '', ...entries.flatMap((entry) => [entryTreeTo(format, entry.tree), ''])].join(
    '\n',
  );
}
