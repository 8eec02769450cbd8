import { type CommentContent, appendToCommentsPart, newCommentsPart } from './comments-part.js';
import {
  addRelationship,
  DocxPackage,
  defaultZipLimits,
  ensureContentType,
  mainDocumentPart,
  readRelationships,
  unusable,
} from './docx-package.js';
import { TargetFinder } from './find-targets.js';
import { insertCommentMarkers, type MarkedComment } from './insert-markers.js';
import type { AnnotateOptions, AnnotateResult, CommentPlacement } from './types.js';
import { numberParagraphs, type PartWalk, walkPart } from './word-paragraphs.js';
import { tokenizeXml } from './xml-tokens.js';

const relationshipTypes = {
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  footnotes: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes',
  endnotes: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
};
const commentsContentType =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

/**
 * Writes Word comments into a copy of a .docx: each comment anchored on its text (or on its
 * paragraph, saying so, where the text cannot be found exactly), in the document body or in a
 * footnote or endnote. Only the parts that get comments change, and in them only the runs the
 * comments start or end in; comments already in the document are kept (new ones get fresh ids).
 * Takes and returns bytes: no file system. Throws a LitsynthError for a file that is no usable
 * .docx (not a zip, a zip bomb, no main document, XML that is not well formed).
 */
export function annotateDocx(bytes: Uint8Array, options: AnnotateOptions): AnnotateResult {
  const lang = options.lang ?? 'nb';
  const pkg = DocxPackage.open(bytes, options.limits ?? defaultZipLimits);
  const mainPart = mainDocumentPart(pkg);
  const relationships = readRelationships(pkg, mainPart);
  const related = (type: string) =>
    relationships.find((relationship) => relationship.type === type && pkg.has(relationship.target))
      ?.target;
  const readPart = (name: string): PartWalk =>
    walkPart(name, tokenizeXml(pkg.readText(name) ?? '', name));

  const body = readPart(mainPart);
  const footnotesName = related(relationshipTypes.footnotes);
  const endnotesName = related(relationshipTypes.endnotes);
  const footnote = footnotesName === undefined ? undefined : readPart(footnotesName);
  const endnote = endnotesName === undefined ? undefined : readPart(endnotesName);
  const numbered = numberParagraphs(body, {
    ...(footnote ? { footnote } : {}),
    ...(endnote ? { endnote } : {}),
  });
  if (options.comments.length === 0) return { bytes: pkg.toBytes(), placements: [] };

  const finder = new TargetFinder(numbered, { commentsInNotes: options.commentsInNotes === true });
  const commentsName = relationships.find(
    (relationship) => relationship.type === relationshipTypes.comments,
  )?.target;
  const existingComments = commentsName === undefined ? undefined : pkg.readText(commentsName);
  const parts = [body, footnote, endnote].filter((part) => part !== undefined);
  let nextId =
    1 +
    Math.max(
      0,
      ...[...parts.map((part) => part.tokens.xml), existingComments ?? ''].map(largestId),
    );

  const stylesName = related(relationshipTypes.styles);
  const styles = stylesName === undefined ? '' : (pkg.readText(stylesName) ?? '');
  const hasStyle = (id: string) => new RegExp(`:styleId\\s*=\\s*["']${id}["']`).test(styles);

  const byPart = new Map<PartWalk, MarkedComment[]>();
  const contents: CommentContent[] = [];
  const placements: CommentPlacement[] = [];
  for (const request of options.comments) {
    const target = finder.find(request);
    if (!target)
      throw unusable(
        'it has no paragraph to put a comment on',
        'det har ingen avsnitt å sette en merknad på',
      );
    const id = nextId++;
    const part = target.paragraph.part;
    byPart.set(part, [...(byPart.get(part) ?? []), { target, id }]);
    contents.push({
      id,
      paragraphs: [
        ...(target.lead ? [target.lead[lang]] : []),
        ...request.body,
        ...(target.note ? [target.note[lang]] : []),
      ],
    });
    placements.push(target.placement);
  }
  for (const [part, comments] of byPart) {
    pkg.writeText(
      part.name,
      insertCommentMarkers(part, comments, { referenceStyle: hasStyle('CommentReference') }),
    );
  }

  const style = {
    author: options.author ?? 'litsynth',
    initials: options.initials ?? 'LS',
    date: options.date,
    textStyle: hasStyle('CommentText'),
  };
  let commentsPart: string;
  if (commentsName !== undefined && existingComments !== undefined) {
    commentsPart = commentsName;
    pkg.writeText(
      commentsPart,
      appendToCommentsPart(existingComments, contents, style, commentsPart),
    );
  } else if (commentsName !== undefined) {
    // The relationship is there but its part is missing: the part is made where it points.
    commentsPart = commentsName;
    pkg.writeText(commentsPart, newCommentsPart(contents, style));
  } else {
    const folder = mainPart.slice(0, mainPart.lastIndexOf('/') + 1);
    let fileName = 'comments.xml';
    for (let number = 1; pkg.has(folder + fileName); number++) fileName = `comments${number}.xml`;
    commentsPart = folder + fileName;
    pkg.writeText(commentsPart, newCommentsPart(contents, style));
    addRelationship(pkg, mainPart, relationshipTypes.comments, fileName);
  }
  ensureContentType(pkg, commentsPart, commentsContentType);
  return { bytes: pkg.toBytes(), placements };
}

/** The largest numeric w:id in a part (comments, bookmarks and revisions share Word's id space). */
function largestId(xml: string): number {
  let largest = 0;
  for (const [, digits = ''] of xml.matchAll(/:id\s*=\s*["'](\d{1,9})["']/g))
    largest = Math.max(largest, Number(digits));
  return largest;
}
