// The large inputs of the hostile-input catalogue, generated at test time (and by
// scripts/bench/hostile-inputs.mjs): each is the worst a limit of litsynth admits, or just over it.
// Plain JavaScript so that both the tests (vitest) and the benchmark script (node) can use it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

/** A zip archive (deflate, no ZIP64) of the entries: [{ name, data }]. */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.from(entry.data);
    const compressed = deflateRawSync(data, { level: 9 });
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const rels =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A .docx whose body is the given paragraph XML (`<w:p>…</w:p>` …). */
export function docx(bodyXml) {
  const document =
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    bodyXml +
    '</w:body></w:document>';
  return zip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: rels },
    { name: 'word/document.xml', data: document },
  ]);
}

/** A paragraph of text as Word writes it. */
export function paragraph(text) {
  return `<w:p><w:r><w:t xml:space="preserve">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`;
}

/** A .docx of `count` empty paragraphs (`<w:p/>`) after one of text: 63 MiB of them is a 100 KB file. */
export function emptyParagraphsDocx(count) {
  return docx(paragraph('Relasjonen er viktig (Berg, 2020).') + '<w:p/>'.repeat(count));
}

/** A thesis paragraph with citations, as text. */
const sentence = 'Relasjonen mellom veileder og bruker er viktig for tilliten (Berg & Dahl, 2020, s. 12). ';

/** A plain-text thesis of about `bytes` bytes: paragraphs of citing sentences. */
export function longThesisText(bytes) {
  const paragraphText = `${sentence.repeat(8).trim()}\n\n`;
  return `1.0 Innledning\n\n${paragraphText.repeat(Math.ceil(bytes / paragraphText.length))}`.slice(0, bytes);
}

/** One line holding `count` unresolved citations: the pretty output quotes the line for each. */
export function singleLineThesis(count) {
  const parts = [];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let index = 0; index < count; index++) {
    const name = `Ukjent${letters[index % 26]}${letters[Math.floor(index / 26) % 26]}sen`;
    parts.push(`Dette er påstand ${index} (${name[0]}${name.slice(1)}, ${1900 + (index % 120)}).`);
  }
  return `${parts.join(' ')}\n`;
}

/** A line of `blanks` spaces and tabs ending in a citation: `/\s+$/`-like patterns are quadratic on it. */
export function blankRunThesis(blanks) {
  return `Innledning\n\nTillit er viktig (Ukjent, 2020).${' \t'.repeat(blanks / 2)}x (Ukjent, 2020).\n`;
}

/** Markdown with `depth` nested brackets, block quotes and list items. */
export function nestedMarkdown(depth) {
  const brackets = `${'['.repeat(depth)}Tillit (Berg, 2020)${']'.repeat(depth)}`;
  const quotes = `${'> '.repeat(depth)}Sitat (Berg, 2020)`;
  const lists = Array.from({ length: depth }, (_, index) => `${'  '.repeat(index)}- punkt ${index} (Berg, 2020)`).join('\n');
  return `# Innledning\n\n${brackets}\n\n${quotes}\n\n${lists}\n`;
}

/** BibTeX of `count` entries whose family names are all within two edits of each other. */
export function nearIdenticalNamesBibtex(count) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const base = 'hansenolsenbergdahlfossheim'.repeat(3);
  const names = new Set();
  for (let position = 0; position <= base.length && names.size < count; position++) {
    for (const letter of letters) {
      if (names.size >= count) break;
      names.add(base.slice(0, position) + letter + base.slice(position));
    }
  }
  return [...names]
    .map((name, index) => `@book{k${index},\n  author = {${name[0].toUpperCase()}${name.slice(1)}, Ola},\n  title = {Bok ${index}},\n  year = {2020},\n  publisher = {Forlag}\n}\n`)
    .join('\n');
}

/** CSL-YAML of `count` distinct entries. */
export function manyEntriesYaml(count) {
  const lines = [];
  for (let index = 0; index < count; index++) {
    lines.push(
      `- id: e${index}`,
      '  type: book',
      `  title: Bok nummer ${index}`,
      `  author: [{ family: Forfatter${index}, given: Ola }]`,
      `  issued: { date-parts: [[${1950 + (index % 70)}]] }`,
      '  publisher: Forlag',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** CSL-YAML with a "billion laughs" of aliases: a few hundred bytes that expand to billions of nodes. */
export function aliasBombYaml() {
  const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
  let previous = 'a';
  for (const name of 'bcdefghi') {
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    previous = name;
  }
  return `${lines.join('\n')}\n`;
}

/** Writes a generated input into `dir` and returns its path. */
export function write(dir, name, data) {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}
