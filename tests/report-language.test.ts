import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bibliographyRules } from '@litsynth/bibliography';
import { checkRules } from '@litsynth/check';
import { frameworkRules, matrixRules } from '@litsynth/matrix';
import { reportLabels } from '@litsynth/report';
import { recordRules } from '@litsynth/sources';
import { studyRules } from '@litsynth/study';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, root } from './litsynth-cli.js';

// Everything report.html says in its own words is in the study's language. The NAV study is
// Norwegian: its report is built in Norwegian, and once more in English to learn what the
// English words would have been. Two checks, each able to fail:
// 1. no English sentence in the visible text (a text with English function words);
// 2. none of the English texts the English build uses (the report's labels, the rule names, every
//    diagnostic's message and suggestion, every table's title, headings, cells and notes) where it
//    differs from its Norwegian one appears in the Norwegian report: every such text came from the
//    Norwegian strings.
// Left out is text that is the thesis's or the sources' own: the manuscript and its quotations,
// the thesis's own reference list, the formatted references and the to-do's possible matches (a
// work's title is in its own language), rule ids (code: the keys of study.yaml's rules:), URLs.

const study = 'studies/nav-relasjon';

function build(out: string, lang: 'nb' | 'en'): void {
  const result = spawnSync(
    process.execPath,
    [bin, 'build', study, '--out', out, '--lang', lang, '--quiet'],
    { cwd: root, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`build --lang ${lang} failed: ${result.stderr}`);
}

/** The text a reader of the page sees (text nodes and the labels assistive technology reads), outside the thesis's and the sources' own text. */
function visibleText(html: string): string[] {
  const texts: string[] = [];
  // The page is written by hast-util-to-html: well-formed, attributes double-quoted.
  const skipped = ['script', 'style', 'title', 'code'];
  // The thesis's text, formatted references and the candidate works of the to-do (a work's title is in its own language).
  const skippedClasses = ['manuscript', 'entry', 'candidate', 'typed-list'];
  const stack: Array<{ tag: string; skip: boolean }> = [];
  const decode = (text: string) =>
    text
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) =>
        String.fromCodePoint(Number.parseInt(hex, 16)),
      )
      .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  for (const token of html.split(/(<[^>]+>)/)) {
    if (token.startsWith('</')) {
      stack.pop();
      continue;
    }
    if (token.startsWith('<!')) continue;
    if (token.startsWith('<')) {
      const tag = /^<([a-z0-9]+)/i.exec(token)?.[1]?.toLowerCase() ?? '';
      const classes = /\sclass="([^"]*)"/.exec(token)?.[1]?.split(/\s+/) ?? [];
      const skip =
        (stack.at(-1)?.skip ?? false) ||
        skipped.includes(tag) ||
        tag === 'blockquote' ||
        classes.some((name) => skippedClasses.includes(name));
      if (!skip) {
        for (const match of token.matchAll(/\s(aria-label|title|data-template)="([^"]*)"/g))
          texts.push(decode(match[2] ?? ''));
      }
      const voidTag =
        /\/>$/.test(token) || ['meta', 'br', 'img', 'input', 'hr', 'link'].includes(tag);
      if (!voidTag) stack.push({ tag, skip });
      continue;
    }
    const text = decode(token).replace(/\s+/g, ' ').trim();
    if (text && !(stack.at(-1)?.skip ?? false) && !/^https?:\/\/\S+$/.test(text)) texts.push(text);
  }
  return texts;
}

/** English function words that Norwegian does not use. */
const englishWords = new Set(
  'the of and is are was were not with from this that which has have been by its it or be found only also than there their these those would could should into when what who cannot does'.split(
    ' ',
  ),
);

/** Whether a text reads as English: two or more English function words, quotations left out. */
function isEnglish(text: string): boolean {
  const unquoted = text.replace(/«[^»]*»|"[^"]*"|“[^”]*”|'[^']*'/g, ' ');
  const words = unquoted.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.filter((word) => englishWords.has(word)).length >= 2;
}

/** Strings of a value, by the same path in a Norwegian and an English version, where they differ. */
function englishOnly(nb: unknown, en: unknown, found: Set<string> = new Set()): Set<string> {
  if (typeof en === 'string') {
    // A cell of several lines: only its lines that differ ("Norway" beside the same journal name).
    const parts = (text: unknown) =>
      typeof text === 'string'
        ? text.split(/\n|<br>/).map((part) => part.replace(/\s+/g, ' ').trim())
        : [];
    const norwegian = new Set(parts(nb));
    for (const part of parts(en)) if (part.length > 2 && !norwegian.has(part)) found.add(part);
  } else if (Array.isArray(en)) {
    for (const [index, item] of en.entries())
      englishOnly(Array.isArray(nb) ? nb[index] : undefined, item, found);
  } else if (en && typeof en === 'object') {
    for (const [key, value] of Object.entries(en))
      englishOnly(
        nb && typeof nb === 'object' ? (nb as Record<string, unknown>)[key] : undefined,
        value,
        found,
      );
  }
  return found;
}

describe('report.html of the NAV study in Norwegian', () => {
  let nbDir = '';
  let enDir = '';
  let texts: string[] = [];

  beforeAll(async () => {
    const work = await mkdtemp(join(tmpdir(), 'litsynth-report-language-'));
    nbDir = join(work, 'nb');
    enDir = join(work, 'en');
    build(nbDir, 'nb');
    build(enDir, 'en');
    texts = visibleText(await readFile(join(nbDir, 'report.html'), 'utf8'));
  }, 60_000);

  it('shows text to read', () => {
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts).toContain('Oversikt');
  });

  it('has no English sentence in its visible text', () => {
    const english = [...new Set(texts.filter(isEnglish))];
    expect(english).toEqual([]);
  });

  it('shows none of the English texts of the English build: every text comes from the Norwegian strings', async () => {
    const read = async (dir: string, file: string) =>
      JSON.parse(await readFile(join(dir, file), 'utf8')) as unknown;
    const rules = [
      ...checkRules,
      ...studyRules,
      ...bibliographyRules,
      ...recordRules,
      ...frameworkRules,
      ...matrixRules,
    ];
    const english = new Set<string>();
    englishOnly(
      Object.values(reportLabels).map((label) => label.nb),
      Object.values(reportLabels).map((label) => label.en),
      english,
    );
    englishOnly(
      rules.map((rule) => rule.name.nb),
      rules.map((rule) => rule.name.en),
      english,
    );
    for (const file of ['check.json', 'bibliography-check.json', 'tables.json'])
      englishOnly(await read(nbDir, file), await read(enDir, file), english);
    // Short words ("Yes", "p.") are found only as a whole text; longer texts anywhere.
    const all = `\n${texts.join('\n')}\n`;
    const leaked = [...english].filter((text) =>
      text.length < 20 ? texts.includes(text) : all.includes(text),
    );
    expect(english.size).toBeGreaterThan(200);
    expect(leaked).toEqual([]);
  });

  it('names rules, concepts and list entries by their names, not by internal ids', async () => {
    const rules = new Set<string>(
      [
        ...checkRules,
        ...studyRules,
        ...bibliographyRules,
        ...recordRules,
        ...frameworkRules,
        ...matrixRules,
      ].map((rule) => rule.id),
    );
    const { concepts } = JSON.parse(await readFile(join(nbDir, 'matrix.json'), 'utf8')) as {
      concepts: string[];
    };
    // Ids of more than one word ("respect-for-the-individual") cannot be mistaken for a word of the text.
    const conceptIds = concepts.filter((id) => id.includes('-'));
    expect(conceptIds.length).toBeGreaterThan(5);
    const words = (text: string) => text.split(/[\s,;:()·]+/);
    expect(
      texts.filter((text) =>
        words(text).some(
          (word) => rules.has(word) || conceptIds.includes(word) || /^list-\d+$/.test(word),
        ),
      ),
    ).toEqual([]);
  });
});
