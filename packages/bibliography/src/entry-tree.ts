import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { PhrasingContent } from 'mdast';
import { normalizeDoi, safeHref } from './doi.js';

// citeproc writes each entry as an HTML string. Nothing of it reaches an output as a string: it
// is parsed into a hast tree, reduced to the few elements citeproc itself writes (user text that
// looks like markup stays text), links are added only for http(s) URLs and DOIs, and the outputs
// are serialised from trees (hast-util-to-html, mdast-util-to-markdown), which escape.

/** The elements citeproc writes for formatting; anything else is replaced by its text. */
const formatting = new Set(['i', 'em', 'b', 'strong', 'sup', 'sub', 'span']);
/** The inline styles citeproc writes on a span (font style, weight, variant, decoration). */
const spanStyle = /^(?:font-(?:style|weight|variant)|text-decoration|vertical-align):\s*[a-z-]+;?$/;

/**
 * The href for a link citeproc made from the text it shows: an http(s) URL as the URL parser writes
 * it; a doi.org link only when what follows is a DOI (citeproc links a URL without a scheme as
 * https://doi.org/www.…, which is no DOI).
 */
export function linkHref(text: string): string | undefined {
  const doiLink = /^https?:\/\/(?:dx\.)?doi\.org\/(.*)$/i.exec(text.trim());
  if (doiLink && !normalizeDoi(doiLink[1] ?? '')) return undefined;
  return safeHref(text);
}

/** Keeps citeproc's formatting elements (a span only with a known style), turns anything else into its text. */
function clean(
  nodes: readonly (ElementContent | HastRoot['children'][number])[],
): ElementContent[] {
  const result: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') result.push({ type: 'text', value: node.value });
    else if (node.type === 'element') {
      const children = clean(node.children);
      if (node.tagName === 'a') {
        // citeproc writes href unescaped ("…x"onmouseover="…"): the link is rebuilt from its text.
        const href = linkHref(hastText(children));
        result.push(
          ...(href
            ? [{ type: 'element', tagName: 'a', properties: { href }, children } as Element]
            : children),
        );
        continue;
      }
      if (!formatting.has(node.tagName)) {
        result.push(...children);
        continue;
      }
      const style =
        typeof node.properties.style === 'string' ? node.properties.style.trim() : undefined;
      const properties = node.tagName === 'span' && style && spanStyle.test(style) ? { style } : {};
      result.push({ type: 'element', tagName: node.tagName, properties, children });
    }
    // Comments, doctypes and the like carry nothing of the entry.
  }
  return result;
}

/**
 * One entry as citeproc rendered it (`<div class="csl-entry">…</div>`, text already escaped) → the
 * hast content of the entry: formatting kept, links only to http(s) URLs and DOIs.
 */
export function entryToHast(html: string): ElementContent[] {
  const tree = fromHtml(html, { fragment: true });
  let content = clean(tree.children);
  // citeproc's wrapper: keep its content.
  if (
    content.length === 1 &&
    content[0]?.type === 'element' &&
    content[0].tagName === 'span' &&
    Object.keys(content[0].properties).length === 0
  ) {
    content = content[0].children;
  }
  return trimText(content);
}

/** Drops white space at the start and end of the entry. */
function trimText(nodes: ElementContent[]): ElementContent[] {
  const result = [...nodes];
  const first = result[0];
  if (first?.type === 'text') result[0] = { type: 'text', value: first.value.trimStart() };
  const last = result.at(-1);
  if (last?.type === 'text')
    result[result.length - 1] = { type: 'text', value: last.value.trimEnd() };
  return result.filter((node) => node.type !== 'text' || node.value !== '');
}

/**
 * The hast content of an entry as Markdown phrasing (mdast): italics as emphasis, bold as strong,
 * links as links; white space at the edges of emphasis is moved outside it (Markdown emphasis may
 * not start or end with a space).
 */
export function hastToPhrasing(nodes: readonly ElementContent[]): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      appendText(result, node.value);
      continue;
    }
    if (node.type !== 'element') continue;
    const children = hastToPhrasing(node.children);
    if (node.tagName === 'a' && typeof node.properties.href === 'string') {
      result.push({ type: 'link', url: node.properties.href, children });
      continue;
    }
    const style = typeof node.properties.style === 'string' ? node.properties.style : '';
    const kind =
      node.tagName === 'i' || node.tagName === 'em' || /font-style:\s*italic/.test(style)
        ? 'emphasis'
        : node.tagName === 'b' || node.tagName === 'strong' || /font-weight:\s*bold/.test(style)
          ? 'strong'
          : undefined;
    if (!kind) {
      for (const child of children)
        child.type === 'text' ? appendText(result, child.value) : result.push(child);
      continue;
    }
    const text = children.map((child) => (child.type === 'text' ? child.value : 'x')).join('');
    if (text.trim() === '') {
      // An empty emphasis: only its spaces, if any, stay.
      if (text !== '') appendText(result, text);
      continue;
    }
    const leading = /^\s*/.exec(text)![0];
    const trailing = /\s*$/.exec(text)![0];
    if (leading) appendText(result, leading);
    result.push({ type: kind, children: trimPhrasing(children) });
    if (trailing) appendText(result, trailing);
  }
  return result;
}

function appendText(list: PhrasingContent[], value: string): void {
  const last = list.at(-1);
  if (last?.type === 'text') last.value += value;
  else list.push({ type: 'text', value });
}

function trimPhrasing(children: PhrasingContent[]): PhrasingContent[] {
  const result = children.map((child) => ({ ...child }));
  const first = result[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = result.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return result.filter((child) => child.type !== 'text' || child.value !== '');
}

/** The plain text of hast content. */
export function hastText(nodes: readonly ElementContent[]): string {
  return nodes
    .map((node) =>
      node.type === 'text' ? node.value : node.type === 'element' ? hastText(node.children) : '',
    )
    .join('');
}
