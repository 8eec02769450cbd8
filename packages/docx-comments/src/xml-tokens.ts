import { LitsynthError } from '@litsynth/common';

/** Kinds of token: character data, a start tag, an end tag, an empty-element tag, anything else. */
export const tokenKind = { text: 0, open: 1, close: 2, empty: 3, other: 4, cdata: 5 } as const;
export type TokenKind = (typeof tokenKind)[keyof typeof tokenKind];

/**
 * An XML document cut into tokens that cover it without gaps: `xml.slice(start[i], end[i])` is
 * token i. Tags know their qualified name, their parent element and (start and end tags) their
 * partner. Nothing is parsed beyond that, so every byte that is not edited can be written back
 * exactly as it was.
 */
export interface XmlTokens {
  xml: string;
  count: number;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** Qualified name of a tag ("w:t"); '' for other tokens. */
  name: string[];
  /** The start tag of the enclosing element (-1 at the top). For an end tag: its element's parent. */
  parent: Int32Array;
  /** Start tag ↔ end tag; -1 for other tokens. */
  match: Int32Array;
}

/**
 * Tokenises a well-formed XML document (an Office Open XML part: no DTD internal subset). Throws a
 * LitsynthError naming `part` when the XML is not well formed.
 */
export function tokenizeXml(xml: string, part: string): XmlTokens {
  // Upper bound: every token starts at a '<' or right after a '>'.
  let capacity = 16;
  for (let at = xml.indexOf('<'); at !== -1; at = xml.indexOf('<', at + 1)) capacity += 2;
  const kind = new Uint8Array(capacity);
  const start = new Int32Array(capacity);
  const end = new Int32Array(capacity);
  const parent = new Int32Array(capacity);
  const match = new Int32Array(capacity).fill(-1);
  const name: string[] = [];
  const stack: number[] = [];
  let count = 0;
  const push = (k: TokenKind, from: number, to: number, tagName: string): number => {
    kind[count] = k;
    start[count] = from;
    end[count] = to;
    name[count] = tagName;
    parent[count] = stack.length > 0 ? (stack[stack.length - 1] as number) : -1;
    return count++;
  };
  const length = xml.length;
  let at = 0;
  while (at < length) {
    const lt = xml.indexOf('<', at);
    if (lt === -1) {
      push(tokenKind.text, at, length, '');
      break;
    }
    if (lt > at) push(tokenKind.text, at, lt, '');
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const close = xml.indexOf('-->', lt + 4);
        if (close === -1) throw malformed(part, 'a comment is not closed');
        push(tokenKind.other, lt, close + 3, '');
        at = close + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const close = xml.indexOf(']]>', lt + 9);
        if (close === -1) throw malformed(part, 'a CDATA section is not closed');
        push(tokenKind.cdata, lt, close + 3, '');
        at = close + 3;
      } else {
        const close = xml.indexOf('>', lt);
        if (close === -1 || xml.slice(lt, close).includes('['))
          throw malformed(part, 'it has a document type declaration');
        push(tokenKind.other, lt, close + 1, '');
        at = close + 1;
      }
      continue;
    }
    if (next === 0x3f /* ? */) {
      const close = xml.indexOf('?>', lt + 2);
      if (close === -1) throw malformed(part, 'a processing instruction is not closed');
      push(tokenKind.other, lt, close + 2, '');
      at = close + 2;
      continue;
    }
    // A tag: find its '>' outside quoted attribute values (which may contain '>').
    let gt = xml.indexOf('>', lt);
    if (gt === -1) throw malformed(part, 'a tag is not closed');
    for (let index = lt + 1; index < gt; index++) {
      const code = xml.charCodeAt(index);
      if (code === 0x22 || code === 0x27) {
        gt = quotedTagEnd(xml, lt, part);
        break;
      }
    }
    const closing = next === 0x2f; /* / */
    const nameStart = closing ? lt + 2 : lt + 1;
    let nameEnd = nameStart;
    while (nameEnd < gt) {
      const code = xml.charCodeAt(nameEnd);
      if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x2f) break;
      nameEnd++;
    }
    const tagName = xml.slice(nameStart, nameEnd);
    if (tagName === '') throw malformed(part, 'a tag has no name');
    if (closing) {
      const open = stack.pop();
      if (open === undefined || name[open] !== tagName)
        throw malformed(part, `the end tag </${tagName}> does not match`);
      const index = push(tokenKind.close, lt, gt + 1, tagName);
      match[open] = index;
      match[index] = open;
    } else if (xml.charCodeAt(gt - 1) === 0x2f) {
      push(tokenKind.empty, lt, gt + 1, tagName);
    } else {
      const index = push(tokenKind.open, lt, gt + 1, tagName);
      stack.push(index);
    }
    at = gt + 1;
  }
  if (stack.length > 0)
    throw malformed(part, `the element <${name[stack[stack.length - 1] as number]}> is not closed`);
  return { xml, count, kind, start, end, name, parent, match };
}

function quotedTagEnd(xml: string, lt: number, part: string): number {
  let quote = 0;
  for (let index = lt + 1; index < xml.length; index++) {
    const code = xml.charCodeAt(index);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) {
      quote = code;
    } else if (code === 0x3e) {
      return index;
    }
  }
  throw malformed(part, 'a tag is not closed');
}

function malformed(part: string, problem: string): LitsynthError {
  return new LitsynthError(
    'unsupported-format',
    `The .docx document is damaged: its part ${part} is not well-formed XML (${problem}).`,
    {
      messageNb: `.docx-dokumentet er skadet: delen ${part} er ikke velformet XML (${problem}).`,
    },
  );
}

/** The value of an attribute of the tag `token`, entities decoded; undefined when absent. */
export function attributeOf(
  tokens: XmlTokens,
  token: number,
  attribute: string,
): string | undefined {
  const tag = tokens.xml.slice(tokens.start[token], tokens.end[token]);
  return attributeIn(tag, attribute);
}

/** The value of an attribute in a tag's text, entities decoded; undefined when absent. */
export function attributeIn(tag: string, attribute: string): string | undefined {
  const pattern = new RegExp(
    `\\s${attribute.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`,
  );
  const found = pattern.exec(tag);
  if (!found) return undefined;
  return decodeXml(found[1] ?? found[2] ?? '');
}

/** Character data decoded, with the offset in `xml` where each decoded UTF-16 unit starts (and one past the end). */
export interface DecodedText {
  text: string;
  offsets: number[];
}

/** Decodes the character data `xml.slice(from, to)`: entities and character references. */
export function decodeTextWithOffsets(xml: string, from: number, to: number): DecodedText {
  let text = '';
  const offsets: number[] = [];
  let at = from;
  while (at < to) {
    const amp = xml.indexOf('&', at);
    const plainEnd = amp === -1 || amp >= to ? to : amp;
    if (plainEnd > at) {
      text += xml.slice(at, plainEnd);
      for (let index = at; index < plainEnd; index++) offsets.push(index);
      at = plainEnd;
      continue;
    }
    const semicolon = xml.indexOf(';', amp);
    const entity = semicolon === -1 || semicolon >= to ? '' : xml.slice(amp + 1, semicolon);
    const decoded = decodeEntity(entity);
    if (decoded === undefined) {
      // Not an entity we know (not well-formed XML): keep the ampersand as it is.
      text += '&';
      offsets.push(amp);
      at = amp + 1;
      continue;
    }
    text += decoded;
    for (let index = 0; index < decoded.length; index++) offsets.push(amp);
    at = semicolon + 1;
  }
  offsets.push(to);
  return { text, offsets };
}

function decodeEntity(entity: string): string | undefined {
  switch (entity) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(entity);
  if (!numeric) return undefined;
  const code =
    numeric[1] !== undefined
      ? Number.parseInt(numeric[1], 16)
      : Number.parseInt(numeric[2] ?? '', 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
}

/** Decodes XML character data (entities and character references). */
export function decodeXml(text: string): string {
  return text.includes('&') ? decodeTextWithOffsets(text, 0, text.length).text : text;
}

/** Escapes text for character data or an attribute value in double quotes. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char,
  );
}

/**
 * Characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF):
 * removed from text we write.
 */
export function stripInvalidXmlCharacters(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
  return text.replace(
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '',
  );
}

/**
 * The prefix an element's tag binds to a namespace (xmlns:w="…" → 'w'; xmlns="…" → ''), or
 * undefined when the tag does not declare it.
 */
export function prefixDeclared(tag: string, namespace: string): string | undefined {
  for (const declaration of tag.matchAll(/\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if ((declaration[2] ?? declaration[3]) === namespace) return declaration[1] ?? '';
  }
  return undefined;
}
