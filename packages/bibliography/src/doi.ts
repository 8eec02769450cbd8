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
