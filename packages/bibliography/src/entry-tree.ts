import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { PhrasingContent } from 'mdast';
import { doiUrl, normalizeDoi, safeHref } from './doi.js';
import type { CslItem } from './types.js';

// citeproc writes each entry as an HTML string. Nothing of it reaches an output as a string: it
// is parsed into a hast tree, reduced to the few elements citeproc itself writes (user text that
// looks like markup stays text), links are added only for http(s) URLs and DOIs, and the outputs
// are serialised from trees (hast-util-to-html, mdast-util-to-markdown), which escape.

/** The elements citeproc writes for formatting; anything else is replaced by its text. */
const formatting = new Set(['i', 'em', 'b', 'strong', 'sup', 'sub', 'span']);
/** The inline styles citeproc writes on a span (font style, weight, variant, decoration). */
const spanStyle = /^(?:font-(?:style|weight|variant)|text-decoration|vertical-align):\s*[a-z-]+;?$/;

/** The texts citeproc prints for an item's DOI and URL, each with the link it may carry. */
function linkTargets(item: CslItem): Array<{ text: string; href: string }> {
  const targets: Array<{ text: string; href: string }> = [];
  if (typeof item.DOI === 'string') {
    const doi = normalizeDoi(item.DOI);
    const href = doi ? safeHref(doiUrl(doi)) : undefined;
    if (doi && href) targets.push({ text: doiUrl(doi), href });
  }
  if (typeof item.URL === 'string') {
    const href = safeHref(item.URL);
    if (href) targets.push({ text: item.URL.trim(), href });
  }
  return targets.filter((target) => target.text !== '');
}

/** Keeps citeproc's formatting elements (a span only with a known style), turns anything else into its text. */
function clean(nodes: readonly (ElementContent | HastRoot['children'][number])[]): ElementContent[] {
  const result: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') result.push({ type: 'text', value: node.value });
    else if (node.type === 'element') {
      const children = clean(node.children);
      if (!formatting.has(node.tagName)) {
        result.push(...children);
        continue;
      }
      const style = typeof node.properties.style === 'string' ? node.properties.style.trim() : undefined;
      const properties = node.tagName === 'span' && style && spanStyle.test(style) ? { style } : {};
      result.push({ type: 'element', tagName: node.tagName, properties, children });
    }
    // Comments, doctypes and the like carry nothing of the entry.
  }
  return result;
}

/** Wraps the first occurrence of each target's text in a link. */
function addLinks(nodes: ElementContent[], targets: Array<{ text: string; href: string }>): ElementContent[] {
  let pending = [...targets];
  const visit = (list: ElementContent[]): ElementContent[] =>
    list.flatMap((node): ElementContent[] => {
      if (node.type === 'element') return [{ ...node, children: visit(node.children) }];
      if (node.type !== 'text') return [node];
      for (const target of pending) {
        const index = node.value.indexOf(target.text);
        if (index < 0) continue;
        pending = pending.filter((other) => other !== target);
        const before = node.value.slice(0, index);
        const after = node.value.slice(index + target.text.length);
        const link: Element = { type: 'element', tagName: 'a', properties: { href: target.href }, children: [{ type: 'text', value: target.text }] };
        return [...(before ? visit([{ type: 'text', value: before }]) : []), link, ...(after ? visit([{ type: 'text', value: after }]) : [])];
      }
      return [node];
    });
  return visit(nodes);
}

/**
 * One entry as citeproc rendered it (`<div class="csl-entry">…</div>`, text already escaped) → the
 * hast content of the entry: formatting kept, links only for the item's http(s) URL and DOI.
 */
export function entryToHast(html: string, item: CslItem | undefined, links: boolean): ElementContent[] {
  const tree = fromHtml(html, { fragment: true });
  let content = clean(tree.children);
  // citeproc's wrapper: keep its content.
  if (content.length === 1 && content[0]?.type === 'element' && content[0].tagName === 'span' && Object.keys(content[0].properties).length === 0) {
    content = content[0].children;
  }
  content = trimText(content);
  return links && item ? addLinks(content, linkTargets(item)) : content;
}

/** Drops white space at the start and end of the entry. */
function trimText(nodes: ElementContent[]): ElementContent[] {
  const result = [...nodes];
  const first = result[0];
  if (first?.type === 'text') result[0] = { type: 'text', value: first.value.trimStart() };
  const last = result.at(-1);
  if (last?.type === 'text') result[result.length - 1] = { type: 'text', value: last.value.trimEnd() };
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
      for (const child of children) child.type === 'text' ? appendText(result, child.value) : result.push(child);
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
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? hastText(node.children) : '')).join('');
}
