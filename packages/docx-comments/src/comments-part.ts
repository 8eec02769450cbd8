import { escapeXml, prefixDeclared, stripInvalidXmlCharacters } from './xml-tokens.js';
import { insertBeforeRootEnd, unusable } from './docx-package.js';
import { namespaces } from './word-paragraphs.js';

/** One comment as written to comments.xml. */
export interface CommentContent {
  id: number;
  paragraphs: readonly string[];
}

/** Who wrote the comments, and the styles the document has for them. */
export interface CommentStyle {
  author: string;
  initials: string;
  date: string | undefined;
  /** Whether styles.xml has the paragraph style CommentText. */
  textStyle: boolean;
}

/** A new comments.xml with the given comments. */
export function newCommentsPart(comments: readonly CommentContent[], style: CommentStyle): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${namespaces.w}">` +
    comments.map((comment) => commentXml(comment, style, 'w:')).join('') +
    '</w:comments>'
  );
}

/** An existing comments.xml with the given comments added after its own. */
export function appendToCommentsPart(
  xml: string,
  comments: readonly CommentContent[],
  style: CommentStyle,
  part: string,
): string {
  const root = /<([\w.-]+:)?comments\b[^>]*>/.exec(xml);
  const prefix = root ? prefixDeclared(root[0], namespaces.w) : undefined;
  if (!root || !prefix)
    throw unusable(
      `its comments part ${part} has no w:comments element`,
      `kommentardelen ${part} mangler elementet w:comments`,
    );
  const w = `${prefix}:`;
  return insertBeforeRootEnd(
    xml,
    `${w}comments`,
    comments.map((comment) => commentXml(comment, style, w)).join(''),
    part,
  );
}

function commentXml(comment: CommentContent, style: CommentStyle, w: string): string {
  const attributes = [`${w}id="${comment.id}"`, `${w}author="${escapeXml(style.author)}"`];
  if (style.date !== undefined) attributes.push(`${w}date="${escapeXml(style.date)}"`);
  attributes.push(`${w}initials="${escapeXml(style.initials)}"`);
  const paragraphProperties = style.textStyle
    ? `<${w}pPr><${w}pStyle ${w}val="CommentText"/></${w}pPr>`
    : '';
  const lines = comment.paragraphs.flatMap((paragraph) => paragraph.split(/\r\n|\r|\n/));
  const paragraphs = lines.length > 0 ? lines : [''];
  const body = paragraphs
    .map((text, index) => {
      // Word marks the comment's first paragraph with its reference mark.
      const mark = index === 0 ? `<${w}r><${w}annotationRef/></${w}r>` : '';
      const run =
        text === ''
          ? ''
          : `<${w}r><${w}t xml:space="preserve">${escapeXml(stripInvalidXmlCharacters(text))}</${w}t></${w}r>`;
      return `<${w}p>${paragraphProperties}${mark}${run}</${w}p>`;
    })
    .join('');
  return `<${w}comment ${attributes.join(' ')}>${body}</${w}comment>`;
}
