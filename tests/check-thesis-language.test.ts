import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { litsynth, root } from './litsynth-cli.js';

// A thesis checked alone is checked in the language it is written in: its messages, and the APA 7
// style its own reference list is held to. The real theses are read from ../shared/real-theses/
// at test time (never copied here): an English master's thesis (APA 7, Zotero fields in the .docx)
// and a Norwegian one.

const theses = join(root, '../shared/real-theses');
const english = join(theses, 'cirotzki-master-2026-en.docx');
// The confidence is the share of marker words for the language found: 0.999 and 0.996 for the
// English thesis, 0.97–0.98 for the Norwegian one (its English abstract); within 0.05 of 1 here,
// so that a change in how the text is read does not break the test.

interface Report {
  language: Record<string, unknown>;
  diagnostics: Array<{ rule: string; message: string }>;
  summary: { rules: Record<string, number> };
}

const check = (args: readonly string[]) => {
  const run = litsynth(['check', ...args, '--format', 'json']);
  return { stderr: run.stderr, report: JSON.parse(run.stdout) as Report };
};

// The forms of the English list that APA 7 writes and the Norwegian APA manual does not.
const englishForms = (report: Report) =>
  report.diagnostics.filter(
    (diagnostic) =>
      diagnostic.rule === 'bib-typed-entry-form' &&
      /comma before "&"|\(Red\.\)|"In" before|edition written/.test(diagnostic.message),
  );

let work = '';
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'litsynth-thesis-language-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the language of a thesis checked alone', () => {
  it('reads the English thesis as English: English messages, its APA 7 list forms left alone', () => {
    const { stderr, report } = check([english]);
    expect({ stderr, language: report.language, englishForms: englishForms(report) }).toEqual({
      stderr: '',
      language: {
        thesis: 'en',
        source: 'detected',
        detected: { language: 'en', decided: true, confidence: expect.closeTo(1, 1) },
        messages: 'en',
        style: 'apa',
        styleInferred: true,
      },
      englishForms: [],
    });
    // English by default: the very report --lang en prints; --lang nb still wins.
    expect(report).toEqual(check([english, '--lang', 'en']).report);
    const norwegian = check([english, '--lang', 'nb']).report;
    expect(norwegian.language.messages).toBe('nb');
    expect(norwegian.diagnostics.map((diagnostic) => diagnostic.rule)).toEqual(
      report.diagnostics.map((diagnostic) => diagnostic.rule),
    );
    expect(
      norwegian.diagnostics.filter(
        (diagnostic, index) => diagnostic.message === report.diagnostics[index]?.message,
      ),
    ).toEqual([]);
  });

  it('holds the same list to the style a study gives: the Norwegian APA manual flags the English forms', () => {
    const yaml = [
      'id: english-thesis',
      'title: English thesis',
      'question: Which style?',
      'language: nb',
      'style: norsk-apa-manual',
      `manuscript: ${JSON.stringify(english)}`,
      '',
    ];
    writeFileSync(join(work, 'study.yaml'), yaml.join('\n'));
    // The real thesis lies outside the study's folder: allowed for this study.
    const { report } = check([work, '--allow-outside-study']);
    expect(report.language).toEqual({
      thesis: 'nb',
      source: 'study',
      messages: 'nb',
      style: 'norsk-apa-manual',
      styleInferred: false,
    });
    // 74 entries with a comma before "&", one "(Eds.)", one "(1st ed.)", one "In" (all the APA 7 way).
    expect(report.summary.rules['bib-typed-entry-form']).toBe(77);
  });

  it('reads the text of the English thesis and of the Norwegian one by their language', () => {
    const languages = ['cirotzki-master-2026-en.txt', 'storbukas-master-2018.txt'].map(
      (name) => check([join(theses, name)]).report.language,
    );
    expect(languages).toEqual([
      {
        thesis: 'en',
        source: 'detected',
        detected: { language: 'en', decided: true, confidence: expect.closeTo(1, 1) },
        messages: 'en',
        style: 'apa',
        styleInferred: true,
      },
      {
        thesis: 'nb',
        source: 'detected',
        detected: { language: 'nb', decided: true, confidence: expect.closeTo(1, 1) },
        messages: 'nb',
        style: 'norsk-apa-manual',
        styleInferred: true,
      },
    ]);
  });
});
