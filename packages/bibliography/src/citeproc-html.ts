// citeproc's HTML for one entry, and the escaping of the to-do document's own text.

/** The content of citeproc's `<div class="csl-entry">…</div>` without the wrapper. */
export function entryInner(html: string): string {
  return html
    .trim()
    .replace(/^<div\b[^>]*>/, '')
    .replace(/<\/div>$/, '')
    .trim();
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
