import { LitsynthError } from '@litsynth/common';

/**
 * What the Markdown parser (micromark) is given at most, checked in one linear pass before it
 * parses anything: its cost grows with the square of the nesting of lists and quotations
 * (1,000 levels took 23 s of CPU) and of the emphasis and link markers one paragraph holds
 * (`*_*_…_*_*` 20,000 deep ran for minutes; 2 MiB of paragraphs of 200 markers each took 22 s and
 * 2.6 GB: beyond the square per paragraph, each marker costs about 10 µs and 1.4 KB). A thesis nests a few levels and marks a few words; `_` inside a word is no marker.
 */
export interface MarkdownLimits {
  /** Most lists and quotations inside each other (counted by markers and indentation). */
  maxNesting: number;
  /** Most emphasis and link markers (* _ [ ]) in one paragraph (table rows are parsed cell by cell and not counted). */
  maxMarkersPerParagraph: number;
  /** Most emphasis and link markers in the whole file (each costs micromark about 10 µs and 1.4 KB). */
  maxMarkers: number;
}

export const defaultMarkdownLimits: MarkdownLimits = {
  maxNesting: 100,
  maxMarkersPerParagraph: 200,
  maxMarkers: 100_000,
};

const containerMarker = /(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;

/**
 * How deep a line's containers go: its block-quote and list markers, and its indentation (two
 * columns a level); counting stops past `cap`, so a line of 200,000 markers costs no more than a short one.
 */
function nestingOf(line: string, cap: number): number {
  let index = 0;
  let indent = 0;
  while (index < line.length && (line[index] === ' ' || line[index] === '\t'))
    indent += line[index++] === '\t' ? 4 : 1;
  let depth = Math.floor(indent / 2);
  while (depth <= cap) {
    while (index < line.length && (line[index] === ' ' || line[index] === '\t')) index++;
    containerMarker.lastIndex = index;
    const marker = containerMarker.exec(line);
    if (!marker) break;
    depth++;
    index += marker[0].length;
  }
  return depth;
}

function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code > 127
  );
}

/** Refuses Markdown that nests or marks more than the limits admit (exit 2), naming the line. */
export function refuseOverlyNestedMarkdown(
  text: string,
  path: string,
  limits: MarkdownLimits = defaultMarkdownLimits,
): void {
  let markers = 0;
  let total = 0;
  let paragraphLine = 1;
  let lineNumber = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    lineNumber++;
    if (line.trim() === '') {
      markers = 0;
      paragraphLine = lineNumber + 1;
      continue;
    }
    const nesting = nestingOf(line, limits.maxNesting);
    if (nesting > limits.maxNesting) {
      throw new LitsynthError(
        'too-large',
        `The Markdown nests lists or quotations more than ${limits.maxNesting} levels deep; the limit is ${limits.maxNesting}.`,
        {
          file: path,
          line: lineNumber,
          messageNb: `Markdown-filen har lister eller sitater mer enn ${limits.maxNesting} nivåer inni hverandre; grensen er ${limits.maxNesting}.`,
        },
      );
    }
    if (/^\s*\|/.test(line)) continue;
    for (let index = 0; index < line.length; index++) {
      const char = line.charCodeAt(index);
      // * [ ], and _ where it can open or close emphasis (not inside a word: snake_case, URLs).
      if (
        char === 42 ||
        char === 91 ||
        char === 93 ||
        (char === 95 &&
          !(isWordChar(line.charCodeAt(index - 1)) && isWordChar(line.charCodeAt(index + 1))))
      ) {
        markers++;
        total++;
      }
    }
    if (total > limits.maxMarkers) {
      throw new LitsynthError(
        'too-large',
        `The Markdown has more than ${limits.maxMarkers.toLocaleString('en-US')} emphasis and link markers (* _ [ ]); litsynth reads at most ${limits.maxMarkers.toLocaleString('en-US')}.`,
        {
          file: path,
          line: lineNumber,
          messageNb: `Markdown-filen har flere enn ${limits.maxMarkers.toLocaleString('nb-NO')} markeringer for utheving og lenker (* _ [ ]); litsynth leser høyst ${limits.maxMarkers.toLocaleString('nb-NO')}.`,
        },
      );
    }
    if (markers > limits.maxMarkersPerParagraph) {
      throw new LitsynthError(
        'too-large',
        `The Markdown paragraph starting here has more than ${limits.maxMarkersPerParagraph} emphasis and link markers (* _ [ ]); litsynth reads at most ${limits.maxMarkersPerParagraph}.`,
        {
          file: path,
          line: paragraphLine,
          messageNb: `Markdown-avsnittet som starter her, har flere enn ${limits.maxMarkersPerParagraph} markeringer for utheving og lenker (* _ [ ]); litsynth leser høyst ${limits.maxMarkersPerParagraph}.`,
        },
      );
    }
  }
}
