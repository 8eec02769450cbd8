import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { litsynth as runLitsynth } from './litsynth-cli.js';

// Unusable input: a clear message naming the file, exit code 2, never a stack trace.
let dir = '';
/** The CLI, run in the test's temporary folder. */
const litsynth = (args: string[]) => runLitsynth(args, dir);

const thesis = 'Innledning\n\nMetode er en fremgangsmåte (Dalland, 2017, s. 51).\n';
const bibliography =
  '- id: dalland2017\n  type: book\n  title: Metode og oppgaveskriving\n  author: [{family: Dalland, given: Olav}]\n  issued: {date-parts: [[2017]]}\n';

/** A study of one citation with the given locator, and rule settings in its study.yaml. */
async function writeRuleStudy(
  name: string,
  head: string,
  locator: string,
  rules: string,
): Promise<void> {
  await mkdir(join(dir, name));
  await writeFile(
    join(dir, name, 'thesis.txt'),
    `Innledning\n\nData samles inn (Dalland, 2017, ${locator}).\n`,
  );
  await writeFile(join(dir, name, 'references.yaml'), bibliography);
  await writeFile(
    join(dir, name, 'study.yaml'),
    `${head}\nquestion: Hva?\nmanuscript: thesis.txt\nbibliography: [references.yaml]\n${rules}`,
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'litsynth-check-bad-'));
  await mkdir(join(dir, 'not-a-study'));
  await writeFile(join(dir, 'not-a-study', 'notes.txt'), 'Tekst.');
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(
    join(dir, 'binary.txt'),
    Buffer.from([
      0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x02, 0x00, 0x00,
      0x00,
    ]),
  );
  // "Relasjonen bygges på tillit (Dalland, 2017, s. 51)" with æ, ø, å in Windows-1252.
  await writeFile(
    join(dir, 'cp1252.txt'),
    Buffer.from(
      'Innledning\n\nRelasjonen bygges p\xe5 tillit og st\xf8tte, ogs\xe5 n\xe5r det er vanskelig (Dalland, 2017, s. 51).\n',
      'latin1',
    ),
  );
  await writeFile(join(dir, 'thesis.txt'), thesis);
  await writeFile(join(dir, 'references.yaml'), bibliography);
  await mkdir(join(dir, 'bad-study'));
  await writeFile(
    join(dir, 'bad-study', 'study.yaml'),
    'id: demo\ntitle: Demo\nquestion: Hva?\nmanuscript: thesis.txt\nlanguage: sv\n',
  );
  await writeRuleStudy(
    'quiet-study',
    'id: quiet\ntitle: Stille',
    's.52',
    'rules:\n  locator-form: off\n  no-reference-list: warn\n',
  );
  await writeRuleStudy(
    'typo-study',
    'id: typo\ntitle: Skrivefeil',
    's. 52',
    'rules:\n  no-reference-list: off\n  locator-from: off\n  coding-invalid: warn\n',
  );
  await writeFile(
    join(dir, 'broken.bib'),
    '@book{dalland2017,\n  author = {Dalland, Olav},\n  title = {Metode og oppgaveskriving},\n  year = {2017}\n}\n\n@book{broken,\n  author = {Noen, Navn\n  title = {Mangler klamme},\n  year = {2019}\n',
  );
});

const noStackTrace = (stderr: string) =>
  !/\n\s+at .+:\d+:\d+/.test(stderr) && !stderr.includes('intern feil');

describe('litsynth check on bad input', () => {
  it('a path that does not exist', () => {
    const run = litsynth(['check', 'missing-thesis.txt']);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'litsynth: missing-thesis.txt: Stien finnes ikke: forventet en studiemappe eller en manuskriptfil.\n',
    });
  });

  it('a folder without study.yaml', () => {
    const run = litsynth(['check', 'not-a-study', '--lang', 'en']);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'litsynth: not-a-study: The folder has no study.yaml; it is not a litsynth study (create one with litsynth init).\n',
    });
  });

  it('an empty file', () => {
    const run = litsynth(['check', 'empty.txt']);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/^litsynth: empty\.txt: .+\n$/);
    expect(noStackTrace(run.stderr)).toBe(true);
  });

  it('a binary file', () => {
    const run = litsynth(['check', 'binary.txt']);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/^litsynth: binary\.txt: .+\n$/);
    expect(noStackTrace(run.stderr)).toBe(true);
  });

  it('text that is not UTF-8 is decoded, checked, and the user is told', () => {
    const run = litsynth(['check', 'cp1252.txt', '--bib', 'references.yaml', '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: '' });
    expect(report.notes.some((note: string) => /Windows-1252|ISO-8859-1/i.test(note))).toBe(true);
    expect(
      report.citations.map((citation: { raw: string; key: string }) => [
        citation.raw,
        citation.key,
      ]),
    ).toEqual([['Dalland, 2017, s. 51', 'dalland2017']]);
    // The only error is the missing reference list: the text decoded correctly.
    expect(report.diagnostics.map((diagnostic: { rule: string }) => diagnostic.rule)).toEqual([
      'no-reference-list',
    ]);
  });

  it('a malformed bibliography file: the bad entry and its line reported, the valid entries kept', () => {
    const run = litsynth(['check', 'thesis.txt', '--bib', 'broken.bib', '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect(run.code).toBe(1);
    expect(report.citations.map((citation: { key: string }) => citation.key)).toEqual([
      'dalland2017',
    ]);
    const problems = report.diagnostics.filter(
      (diagnostic: { file: string }) => diagnostic.file === 'broken.bib',
    );
    expect(
      problems.map((diagnostic: { line: number; severity: string }) => ({
        line: diagnostic.line,
        severity: diagnostic.severity,
      })),
    ).toEqual([{ line: 7, severity: 'error' }]);
    expect(report.summary.rules).toEqual({ 'no-reference-list': 1, 'bib-entry-unreadable': 1 });
  });

  it('a study.yaml with an invalid field: file, line and column, and what was expected', () => {
    const run = litsynth(['check', 'bad-study', '--lang', 'en']);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: `litsynth: bad-study/study.yaml:5:11: study.yaml has 1 problem(s):\n  bad-study/study.yaml:5:11: "language" must be nb or en\n`,
    });
  });

  it('applies the study rule settings: a rule turned off is gone, an error lowered to a warning exits 0', () => {
    const run = litsynth(['check', 'quiet-study', '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect({
      code: run.code,
      diagnostics: report.diagnostics.map((diagnostic: { rule: string; severity: string }) => [
        diagnostic.rule,
        diagnostic.severity,
      ]),
    }).toEqual({
      code: 0,
      diagnostics: [['no-reference-list', 'warning']],
    });
  });

  it('a rule setting with a misspelt id is reported at its line, with the id meant', () => {
    const run = litsynth(['check', 'typo-study', '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect({ code: run.code, diagnostics: report.diagnostics }).toEqual({
      code: 0,
      diagnostics: [
        {
          rule: 'unknown-rule-setting',
          severity: 'warning',
          message:
            'study.yaml setter regelen «locator-from», men ingen regel heter det; innstillingen virker ikke.',
          file: 'typo-study/study.yaml',
          line: 8,
          column: 17,
          page: null,
          section: null,
          raw: 'locator-from',
          key: null,
          suggestion: 'Mente du «locator-form»?',
        },
      ],
    });
  });

  it('a bibliography file that does not exist, and an unknown option', () => {
    const missing = litsynth(['check', 'thesis.txt', '--bib', 'nowhere.yaml']);
    expect({ code: missing.code, stdout: missing.stdout }).toEqual({ code: 2, stdout: '' });
    expect(missing.stderr).toMatch(/^litsynth: nowhere\.yaml: /);
    const usage = litsynth(['check', 'thesis.txt', '--format', 'xml']);
    expect({ code: usage.code, stdout: usage.stdout }).toEqual({ code: 2, stdout: '' });
    expect(noStackTrace(usage.stderr)).toBe(true);
  });
});
