import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

// Real readers of an annotated .docx, for the end-to-end tests: pandoc and LibreOffice (both from
// Debian; scripts/ensure-docx-readers.mjs installs them), and a check of the package itself.

/** A comment as a reader shows it: who wrote it, what it says and the text it is anchored on. */
export interface ReadComment {
  author: string;
  text: string;
  anchor: string;
}

const pandoc = '/usr/bin/pandoc';
const soffice = '/usr/bin/soffice';

/** White space collapsed and trimmed, as the two readers differ in it. */
function tidy(comment: ReadComment): ReadComment {
  const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
  return { author: comment.author, text: clean(comment.text), anchor: clean(comment.anchor) };
}

/** Fails (does not skip) when a reader is missing: CI installs them. */
export function requireReaders(): void {
  for (const command of [pandoc, soffice]) {
    if (!existsSync(command)) {
      throw new Error(
        `${command} is missing: install Debian's pandoc and libreoffice-writer-nogui (node scripts/ensure-docx-readers.mjs as root).`,
      );
    }
  }
}

interface PandocNode {
  t?: string;
  c?: unknown;
}

/** The comments pandoc reads (`--track-changes=all` shows them), in document order. */
export function pandocComments(path: string): ReadComment[] {
  const json = JSON.parse(
    execFileSync(pandoc, ['--track-changes=all', '-t', 'json', path], {
      maxBuffer: 1 << 28,
    }).toString('utf8'),
  ) as { blocks: unknown };
  const open = new Map<string, ReadComment>();
  const comments: ReadComment[] = [];
  const textOf = (node: unknown): string => {
    let text = '';
    const visit = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') {
        const element = value as PandocNode;
        if (element.t === 'Str') text += element.c as string;
        else if (element.t === 'Space' || element.t === 'SoftBreak' || element.t === 'LineBreak')
          text += ' ';
        else if (element.c !== undefined) visit(element.c);
      }
    };
    visit(node);
    return text;
  };
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const node = value as PandocNode;
    if (node.t === 'Span') {
      const [[, classes, attributes], content] = node.c as [
        [string, string[], Array<[string, string]>],
        unknown[],
      ];
      const attribute = Object.fromEntries(attributes);
      if (classes.includes('comment-start')) {
        const comment = { author: attribute.author ?? '', text: textOf(content), anchor: '' };
        open.set(attribute.id ?? '', comment);
        comments.push(comment);
        return;
      }
      if (classes.includes('comment-end')) {
        open.delete(attribute.id ?? '');
        // pandoc nests the end of one comment in the end of another.
        walk(content);
        return;
      }
    }
    if (node.t === 'Str' || node.t === 'Space' || node.t === 'SoftBreak') {
      const text = node.t === 'Str' ? (node.c as string) : ' ';
      for (const comment of open.values()) comment.anchor += text;
      return;
    }
    if (node.c !== undefined) walk(node.c);
  };
  walk(json.blocks);
  return comments.map(tidy);
}

/** The document's text as pandoc writes it as plain text (tracked changes as Word shows them, no comments). */
export function pandocPlainText(path: string): string {
  return execFileSync(pandoc, ['-t', 'plain', '--wrap=none', path], {
    maxBuffer: 1 << 28,
  }).toString('utf8');
}

/**
 * Opens the document in LibreOffice (headless, a profile of its own): converts it to PDF, and to
 * OpenDocument to read the comments as LibreOffice understood them.
 */
export function libreOfficeRead(path: string): { pdf: Buffer; comments: ReadComment[] } {
  const work = mkdtempSync(join(tmpdir(), 'litsynth-lo-'));
  try {
    const profile = `-env:UserInstallation=file://${join(work, 'profile')}`;
    for (const format of ['pdf', 'odt']) {
      execFileSync(
        soffice,
        [profile, '--headless', '--convert-to', format, '--outdir', work, path],
        { stdio: 'pipe', timeout: 120_000 },
      );
    }
    const stem = basename(path).replace(/\.docx$/, '');
    const pdf = readFileSync(join(work, `${stem}.pdf`));
    const content = strFromU8(
      unzipSync(readFileSync(join(work, `${stem}.odt`)))['content.xml'] as Uint8Array,
    );
    return { pdf, comments: odtComments(content) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The comments of an OpenDocument text: office:annotation, anchored up to its office:annotation-end. */
function odtComments(content: string): ReadComment[] {
  const comments: ReadComment[] = [];
  const plain = (xml: string) =>
    xml
      .replace(/<text:s\s*\/>/g, ' ')
      .replace(/<text:tab\s*\/>/g, '\t')
      .replace(/<text:note-citation[^>]*>.*?<\/text:note-citation>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(
        /&(lt|gt|amp|quot|apos);/g,
        (_, name: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[name] ?? '',
      );
  for (const match of content.matchAll(
    /<office:annotation(\s[^>]*)?>([\s\S]*?)<\/office:annotation>/g,
  )) {
    const name = /office:name="([^"]*)"/.exec(match[1] ?? '')?.[1];
    const body = match[2] ?? '';
    const author = plain(/<dc:creator>([\s\S]*?)<\/dc:creator>/.exec(body)?.[0] ?? '');
    const text = [...body.matchAll(/<text:p\b[^>]*>([\s\S]*?)<\/text:p>/g)]
      .map((paragraph) => plain(paragraph[1] ?? ''))
      .join(' ¶ ');
    let anchor = '';
    if (name !== undefined) {
      const from = (match.index ?? 0) + match[0].length;
      const end = content.indexOf(`<office:annotation-end office:name="${name}"`, from);
      if (end !== -1)
        anchor = plain(
          content
            .slice(from, end)
            .replace(/<office:annotation[\s>][\s\S]*?<\/office:annotation>/g, ''),
        );
    }
    comments.push({ author, text, anchor });
  }
  return comments.map(tidy);
}

/**
 * What is wrong with the package, if anything: an XML part that is not well formed, a relationship
 * to a missing part, a part without a content type, an override for a missing part, a comment
 * without exactly one range start, range end and reference (or such a mark without its comment).
 */
export function packageProblems(bytes: Uint8Array): string[] {
  const parts = Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]),
  );
  const problems: string[] = [];
  for (const [name, text] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const report = (message: string) => problems.push(`${name}: ${message}`);
    new DOMParser({
      errorHandler: { warning: report, error: report, fatalError: report },
    }).parseFromString(text, 'text/xml');
  }
  const types = parts['[Content_Types].xml'] ?? '';
  const defaults = new Set(
    [...types.matchAll(/<Default Extension="([^"]+)"/g)].map((match) =>
      (match[1] ?? '').toLowerCase(),
    ),
  );
  const overrides = new Set(
    [...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((match) => match[1] ?? ''),
  );
  for (const name of Object.keys(parts)) {
    if (name === '[Content_Types].xml' || name.endsWith('/')) continue;
    if (!overrides.has(name) && !defaults.has(name.slice(name.lastIndexOf('.') + 1).toLowerCase()))
      problems.push(`${name}: no content type`);
  }
  for (const name of overrides)
    if (!(name in parts))
      problems.push(`[Content_Types].xml: override for the missing part ${name}`);
  for (const [name, text] of Object.entries(parts)) {
    if (!name.endsWith('.rels')) continue;
    const source = name.replace(/_rels\/([^/]*)\.rels$/, '$1');
    const folder = source.slice(0, source.lastIndexOf('/') + 1);
    for (const [tag] of text.matchAll(/<Relationship\b[^>]*>/g)) {
      if (/TargetMode="External"/.test(tag)) continue;
      const target = /Target="([^"]*)"/.exec(tag)?.[1] ?? '';
      const path = target.startsWith('/') ? target.slice(1) : normalise(folder + target);
      if (!(path in parts)) problems.push(`${name}: relationship to the missing part ${path}`);
    }
  }
  const comments = [
    ...(parts['word/comments.xml'] ?? '').matchAll(/<w:comment\b[^>]*\bw:id="(\d+)"/g),
  ].map((match) => match[1] ?? '');
  const stories = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml']
    .map((name) => parts[name] ?? '')
    .join('');
  const marks = (element: string) =>
    [...stories.matchAll(new RegExp(`<w:${element} w:id="(\\d+)"`, 'g'))]
      .map((match) => match[1] ?? '')
      .sort();
  for (const element of ['commentRangeStart', 'commentRangeEnd', 'commentReference']) {
    const found = marks(element);
    if (JSON.stringify(found) !== JSON.stringify([...comments].sort()))
      problems.push(
        `${element}: ids ${found.join(',')} ≠ comments ${[...comments].sort().join(',')}`,
      );
  }
  return problems;
}

function normalise(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}
