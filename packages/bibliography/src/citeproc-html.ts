// citeproc's HTML for one entry, and what the reference list and its to-do make of it.

/** The content of citeproc's `<div class="csl-entry">…</div>` without the wrapper. */
export function entryInner(html: string): string {
  return html
    .trim()
    .replace(/^<div\b[^>]*>/, '')
    .replace(/<\/div>$/, '')
    .trim();
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X'
          ? Number.parseInt(name.slice(2), 16)
          : Number(name.slice(1)),
      );
    return entities[name.toLowerCase()] ?? entity;
  });
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Escapes what Markdown would read as emphasis, code or HTML; URLs stay usable (markup in them percent-encoded), so that they still work when pasted. */
export function escapeMarkdown(text: string): string {
  return text
    .split(/(https?:\/\/\S+)/)
    .map((part, index) =>
      // In a URL, markup characters are percent-encoded: the URL still works, and no <script> gets through raw.
      index % 2 === 1
        ? part.replace(/[<>"`]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
        : part.replace(/([\\*_`<>])/g, '\\$1'),
    )
    .join('');
}

/**
 * Converts citeproc's HTML for one entry (only i, b, span, a, sup, sub) to Markdown:
 * italics as *…*, bold as **…**, links as their URL, text escaped.
 */
export function citeprocHtmlToMarkdown(html: string): string {
  let output = '';
  const open: string[] = [];
  // Markdown emphasis may not start or end with a space: an opening mark waits for the first
  // non-space text, a closing mark goes before the trailing spaces.
  let pending = '';
  for (const token of html.split(/(<[^>]+>)/)) {
    if (token === '') continue;
    const tag = /^<(\/?)([a-z0-9]+)\b([^>]*)>$/i.exec(token);
    if (!tag) {
      const text = escapeMarkdown(decodeEntities(token));
      const leading = /^\s*/.exec(text)![0];
      if (pending && leading.length < text.length) {
        output += `${leading}${pending}${text.slice(leading.length)}`;
        pending = '';
      } else output += text;
      continue;
    }
    const closing = tag[1] === '/';
    const name = tag[2]!.toLowerCase();
    const attributes = tag[3] ?? '';
    const mark =
      name === 'i' || name === 'em'
        ? '*'
        : name === 'b' || name === 'strong'
          ? '**'
          : name === 'span' && /font-style:\s*italic/.test(attributes)
            ? '*'
            : '';
    if (!closing) {
      open.push(mark);
      pending += mark;
      continue;
    }
    const closingMark = open.pop() ?? '';
    if (pending.endsWith(closingMark) && closingMark !== '') {
      // An empty span: drop its marks.
      pending = pending.slice(0, pending.length - closingMark.length);
      continue;
    }
    const trailing = /\s*$/.exec(output)![0];
    output = `${output.slice(0, output.length - trailing.length)}${closingMark}${trailing}`;
  }
  return output;
}

/** citeproc's HTML for one entry as plain text: tags dropped, entities decoded. */
export function citeprocHtmlToText(html: string): string {
  return decodeEntities(html.replace(/<[^>]+>/g, '')).trim();
}
