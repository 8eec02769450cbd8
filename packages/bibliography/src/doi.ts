/** A DOI: "10." + registrant + "/" + suffix (Crossref's recommended pattern, suffix without spaces). */
const doiPattern = /^10\.\d{4,9}\/\S+$/;

/**
 * The bare DOI ("10.1000/xyz") from a DOI written any common way: bare, "doi:…", or as a
 * https://doi.org/ or dx.doi.org URL. Undefined when the text is not a DOI.
 */
export function normalizeDoi(text: string): string | undefined {
  const trimmed = text
    .trim()
    .replace(/^doi:\s*/i, '')
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')
    .trim();
  let decoded = trimmed;
  try {
    decoded = decodeURIComponent(trimmed);
  } catch {
    // A lone "%" is allowed in a DOI suffix; keep the text as written.
  }
  return doiPattern.test(decoded) ? decoded : undefined;
}

/** The DOI as APA 7 writes it: https://doi.org/10.1000/xyz. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}

/**
 * The href of a link, or undefined when the value must not be a link: only http(s) URLs (as the
 * WHATWG URL parser writes them, which percent-encodes quotes, brackets and spaces) and DOIs, given
 * bare or as `doi:…`. A value without a scheme ("www.example.org") is not a link.
 */
export function safeHref(value: string): string | undefined {
  const text = value.trim();
  const doi = /^doi:/i.test(text) || /^10\.\d/.test(text) ? normalizeDoi(text) : undefined;
  const candidate = doi ? doiUrl(doi) : text;
  if (!/^https?:\/\//i.test(candidate)) return undefined;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
