import { mkdir, mkdtemp, readdir, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { isLitsynthError, type LitsynthError, memoryFileSource } from '@litsynth/common';
import { describe, expect, it } from 'vitest';
import { loadStudy, readStudyFile, shownPath, studyTree } from './load-study.js';
import { unknownRuleSettings } from './rule-settings.js';
import { diskSource } from './test-disk-source.js';

const realStudy = resolve(import.meta.dirname, '../../../studies/nav-relasjon');

/** A study folder in a fresh temporary directory, with the given files. */
async function studyFolder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'litsynth-study-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

const minimal = (extra = '') => `id: demo
title: Demo
question: Hva?
manuscript: thesis.txt
${extra}`;

/** The error loadStudy throws, as plain data (code, place, message). */
async function failure(
  dir: string,
): Promise<{ code: string; line?: number; column?: number; message: string }> {
  try {
    await loadStudy(diskSource, dir);
  } catch (error) {
    if (!isLitsynthError(error)) throw error;
    const { code, line, column, message } = error as LitsynthError;
    return {
      code,
      ...(line === undefined ? {} : { line }),
      ...(column === undefined ? {} : { column }),
      message,
    };
  }
  throw new Error('loadStudy did not fail');
}

describe('loadStudy', () => {
  it('loads the NAV study: configuration, entries of references.yaml and the four records', async () => {
    const study = await loadStudy(diskSource, realStudy);
    expect({
      id: study.config.id,
      language: study.config.language,
      manuscript: study.config.manuscript,
      included: study.config.included,
      chapters: study.config.chapters,
      records: study.records.map((record) => record.id),
      includedEntries: study.entries
        .filter((entry) => study.config.included.includes(entry.id))
        .map((entry) => entry.id),
      searches: study.config.search.map((search) => search.database),
    }).toEqual({
      id: 'nav-relasjon',
      language: 'nb',
      manuscript: join(realStudy, 'manuscript.txt'),
      included: ['natland2019', 'lundberg2013', 'stenbrenden2018', 'riisjohansen2018'],
      chapters: { results: '3.0', theory: '4.0', discussion: '5.0' },
      records: ['natland2019', 'lundberg2013', 'stenbrenden2018', 'riisjohansen2018'],
      includedEntries: ['natland2019', 'lundberg2013', 'stenbrenden2018', 'riisjohansen2018'],
      searches: ['Oria', 'Idunn', 'Google Scholar', 'Fontene forskning'],
    });
    expect(study.entries.length).toBeGreaterThan(40);
  });

  it('loads a study from files in memory as from the disk', async () => {
    const folder = relative(process.cwd(), realStudy);
    const files = new Map<string, Uint8Array>();
    for (const file of ['study.yaml', 'manuscript.txt', 'concepts.yaml', 'coding.yaml'])
      files.set(join(folder, file), await readFile(join(realStudy, file)));
    for (const file of ['references.yaml', ...(await readdir(join(realStudy, '../../sources')))])
      if (/\.(md|yaml)$/.test(file))
        files.set(
          join(folder, '../../sources', file),
          await readFile(join(realStudy, '../../sources', file)),
        );
    expect(await loadStudy(memoryFileSource(files), folder)).toEqual(
      await loadStudy(diskSource, folder),
    );
  });

  it('gives plain JSON data, so that the CLI can cache it (no value is lost or changed by JSON)', async () => {
    const study = await loadStudy(diskSource, realStudy);
    expect(JSON.parse(JSON.stringify(study))).toStrictEqual(study);
  });

  it('refuses a path that does not exist, a file, and a folder without study.yaml', async () => {
    const dir = await studyFolder({ 'thesis.txt': 'Tekst.' });
    expect(await failure(join(dir, 'missing'))).toEqual({
      code: 'file-not-found',
      message: 'The study folder does not exist.',
    });
    expect(await failure(join(dir, 'thesis.txt'))).toEqual({
      code: 'not-a-study',
      message: 'Expected a study folder (with study.yaml), found a file.',
    });
    expect((await failure(dir)).code).toBe('not-a-study');
  });

  it('reports invalid YAML with line and column', async () => {
    const dir = await studyFolder({
      'study.yaml': 'id: demo\ntitle: [unclosed\n',
      'thesis.txt': 'Tekst.',
    });
    const error = await failure(dir);
    expect({ code: error.code, line: error.line }).toEqual({ code: 'invalid-config', line: 3 });
  });

  it('lists every invalid field with its place and what was expected', async () => {
    const dir = await studyFolder({
      'study.yaml':
        'id: demo\ntitle: Demo\nlanguage: de\nmanuscript: thesis.txt\nrules:\n  locator-form: loud\n',
      'thesis.txt': 'Tekst.',
    });
    const error = await failure(dir);
    const file = join(dir, 'study.yaml');
    expect(error).toEqual({
      code: 'invalid-config',
      line: 1,
      column: 1,
      message: [
        'study.yaml has 3 problem(s):',
        `  ${file}:1:1: the field "question" is missing (expected text)`,
        `  ${file}:3:11: "language" must be nb or en`,
        `  ${file}:6:17: the rule "locator-form" must be set to off, info, warn or error`,
      ].join('\n'),
    });
  });

  it('names a manuscript, bibliography file or included record that does not exist, at its line', async () => {
    const noManuscript = await studyFolder({ 'study.yaml': minimal() });
    expect(await failure(noManuscript)).toMatchObject({
      code: 'file-not-found',
      line: 4,
      column: 13,
    });
    const noBibliography = await studyFolder({
      'study.yaml': minimal('bibliography: [refs.yaml]\n'),
      'thesis.txt': 'Tekst.',
    });
    expect(await failure(noBibliography)).toMatchObject({
      code: 'file-not-found',
      line: 5,
      column: 16,
    });
    const noRecord = await studyFolder({
      'study.yaml': minimal('included: [smith2020]\n'),
      'thesis.txt': 'Tekst.',
      'sources/README.md': '# x',
    });
    expect(await failure(noRecord)).toMatchObject({ code: 'file-not-found', line: 5, column: 12 });
  });

  it('keeps the paths of study.yaml inside the study folder tree unless allowed to leave it', async () => {
    const outside = await studyFolder({
      'study.yaml': minimal().replace('thesis.txt', '/etc/passwd'),
    });
    // The folder as messages show it: relative to the working folder when that is shorter (a
    // clone under /tmp sees the temporary folder as ../litsynth-study-…).
    expect(await failure(outside)).toEqual({
      code: 'invalid-config',
      line: 4,
      column: 13,
      message: `The manuscript /etc/passwd named in study.yaml lies outside the study's folder tree (${shownPath(outside)}); pass --allow-outside-study to read it.`,
    });
    expect((await loadStudy(diskSource, outside, { allowOutside: true })).config.manuscript).toBe(
      '/etc/passwd',
    );
    // A record id that climbs out of the sources folder, and a symbolic link out of the study.
    const climbing = await studyFolder({
      'study.yaml': minimal('included: [../../../etc/hostname]\n'),
      'thesis.txt': 'Tekst.',
      'sources/a.md': '',
    });
    expect(await failure(climbing)).toMatchObject({ code: 'invalid-config', line: 5, column: 12 });
    const linked = await studyFolder({ 'study.yaml': minimal() });
    await symlink('/etc/hostname', join(linked, 'thesis.txt'));
    expect(await failure(linked)).toMatchObject({ code: 'invalid-config', line: 4, column: 13 });
  });

  it("lets a study in a project's studies/ folder use the project's shared sources", async () => {
    const project = await studyFolder({
      'studies/demo/study.yaml': minimal(
        'bibliography: [../../sources/refs.yaml]\nsourcesDir: ../../sources\n',
      ),
      'studies/demo/thesis.txt': 'Tekst (Good, 2020).',
      'sources/refs.yaml':
        '- { id: good2020, type: book, title: Good, author: [{ family: Good }], issued: { date-parts: [[2020]] } }\n',
    });
    expect(studyTree(diskSource, join(project, 'studies/demo'))).toBe(await realpath(project));
    expect(
      (await loadStudy(diskSource, join(project, 'studies/demo'))).entries.map((entry) => entry.id),
    ).toEqual(['good2020']);
  });

  it('refuses an unknown style or locale at its line, before anything is read', async () => {
    const style = await studyFolder({
      'study.yaml': minimal('style: apa-9\n'),
      'thesis.txt': 'Tekst.',
    });
    expect(await failure(style)).toEqual({
      code: 'invalid-config',
      line: 5,
      column: 8,
      message:
        'study.yaml: unknown CSL style "apa-9": give a style id such as norsk-apa-manual or apa, or a .csl file',
    });
    const locale = await studyFolder({
      'study.yaml': minimal('locale: xx-XX\n'),
      'thesis.txt': 'Tekst.',
    });
    expect(await failure(locale)).toMatchObject({ code: 'invalid-config', line: 5, column: 9 });
  });

  it('keeps the valid entries of a malformed bibliography file and reports the bad one', async () => {
    const dir = await studyFolder({
      'study.yaml': minimal('bibliography: [refs.yaml]\n'),
      'thesis.txt': 'Tekst.',
      'refs.yaml':
        '- id: good2020\n  type: book\n  title: Good\n  author: [{family: Good}]\n  issued: {date-parts: [[2020]]}\n- type: book\n  title: No id\n',
    });
    const study = await loadStudy(diskSource, dir);
    expect({
      entries: study.entries.map((entry) => entry.id),
      problems: study.diagnostics.map((diagnostic) => diagnostic.line),
    }).toEqual({
      entries: ['good2020'],
      problems: [6],
    });
  });
});

describe('unknownRuleSettings', () => {
  it('reports a setting for a rule that does not exist, at its line, with the closest id', async () => {
    const dir = await studyFolder({
      'study.yaml': minimal('rules:\n  locator-form: off\n  locator-from: warn\n'),
      'thesis.txt': 'Tekst.',
    });
    const study = await readStudyFile(diskSource, dir);
    const problems = unknownRuleSettings(study, ['locator-form', 'year-mismatch']);
    expect(
      problems.map(({ rule, line, column, raw, suggestion }) => ({
        rule,
        line,
        column,
        raw,
        suggestion,
      })),
    ).toEqual([
      {
        rule: 'unknown-rule-setting',
        line: 7,
        column: 17,
        raw: 'locator-from',
        suggestion: { nb: 'Mente du «locator-form»?', en: 'Did you mean "locator-form"?' },
      },
    ]);
    expect(unknownRuleSettings(study, ['locator-form', 'locator-from'])).toEqual([]);
  });
});

describe('unknown fields of study.yaml', () => {
  it('are reported at their line with the field meant, and the rest still loads', async () => {
    const dir = await studyFolder({
      'study.yaml': minimal('bibliograpy: [refs.yaml]\nmanuskrip: x\n'),
      'thesis.txt': 'Tekst.',
    });
    const study = await loadStudy(diskSource, dir);
    expect(
      study.diagnostics.map(({ rule, severity, line, column, raw, suggestion }) => ({
        rule,
        severity,
        line,
        column,
        raw,
        suggestion,
      })),
    ).toEqual([
      {
        rule: 'unknown-study-field',
        severity: 'warning',
        line: 5,
        column: 1,
        raw: 'bibliograpy',
        suggestion: { nb: 'Mente du «bibliography»?', en: 'Did you mean "bibliography"?' },
      },
      // A Norwegian field name misspelt: the Norwegian name is suggested.
      {
        rule: 'unknown-study-field',
        severity: 'warning',
        line: 6,
        column: 1,
        raw: 'manuskrip',
        suggestion: { nb: 'Mente du «manuskript»?', en: 'Did you mean "manuskript"?' },
      },
    ]);
  });
});
