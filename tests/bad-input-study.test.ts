import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// Broken bibliography files and study folders. A bibliography entry that cannot be read is a
// diagnostic naming its file and line (exit 1; the other entries still count); a study.yaml that
// is not valid YAML, or names a file that does not exist, makes the study unusable (exit 2, one
// line naming study.yaml with line and column). Nothing is written for an unusable study.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/dist/bin.js');
const badInput = join(root, 'tests/fixtures/bad-input');
let work: string;

function litsynth(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args, '--lang', 'en'], {
    cwd: work,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Diagnostic {
  rule: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  key: string | null;
}

/**
 * The diagnostics of `litsynth check thesis-without-list.txt --bib FILE` about the bibliography
 * file, and the entries the citations resolved to (without its own reference list, the thesis's
 * citations can only resolve to the file's entries).
 */
function bibliographyProblems(file: string) {
  const result = litsynth('check', 'thesis-without-list.txt', '--bib', file, '--format', 'json');
  const json = JSON.parse(result.stdout) as {
    diagnostics: Diagnostic[];
    citations: Array<{ key: string | null }>;
  };
  return {
    status: result.status,
    stderr: result.stderr,
    problems: json.diagnostics
      .filter((diagnostic) => diagnostic.file === file)
      .map(({ rule, severity, line, key }) => ({ rule, severity, line, key })),
    messages: json.diagnostics
      .filter((diagnostic) => diagnostic.file === file)
      .map((diagnostic) => diagnostic.message),
    resolvedKeys: [
      ...new Set(
        json.citations
          .map((citation) => citation.key)
          .filter((key) => key !== null && !key.startsWith('list-')),
      ),
    ].sort(),
  };
}

/** A copy of the clean fixture study with study.yaml changed. */
function study(name: string, change: (yaml: string) => string): string {
  const dir = join(work, name);
  cpSync(join(root, 'tests/fixtures/clean-thesis'), dir, { recursive: true });
  writeFileSync(join(dir, 'study.yaml'), change(readFileSync(join(dir, 'study.yaml'), 'utf8')));
  return name;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'litsynth-bad-study-'));
  cpSync(join(root, 'tests/fixtures/formats/thesis.txt'), join(work, 'thesis.txt'));
  const thesis = readFileSync(join(root, 'tests/fixtures/formats/thesis.txt'), 'utf8');
  writeFileSync(
    join(work, 'thesis-without-list.txt'),
    thesis.slice(0, thesis.indexOf('Referanser')),
  );
  for (const file of ['unbalanced-braces.bib', 'duplicate-keys.bib', 'cut-off.ris', 'invalid.yaml'])
    cpSync(join(badInput, file), join(work, file));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('malformed bibliography files: a diagnostic per broken entry, the rest still loaded', () => {
  test('BibTeX with an unbalanced brace', () => {
    const result = bibliographyProblems('unbalanced-braces.bib');
    expect([result.status, result.stderr]).toEqual([1, '']);
    expect(result.problems).toEqual([
      { rule: 'bib-entry-unreadable', severity: 'error', line: 3, key: 'dalland2017' },
    ]);
    expect(result.messages[0]).toMatch(/unbalanced braces/);
    // The entry after the broken one is loaded and used.
    expect(result.resolvedKeys).toContain('lundberg2013');
  });

  test('BibTeX with a key used twice', () => {
    const result = bibliographyProblems('duplicate-keys.bib');
    expect([result.status, result.stderr]).toEqual([1, '']);
    expect(result.problems).toEqual([
      { rule: 'bib-duplicate-id', severity: 'error', line: 9, key: 'dalland2017' },
    ]);
    expect(result.resolvedKeys).toContain('dalland2017');
  });

  test('RIS with its last record cut off', () => {
    const result = bibliographyProblems('cut-off.ris');
    expect([result.status, result.stderr]).toEqual([1, '']);
    expect(result.problems).toEqual([
      { rule: 'bib-entry-unreadable', severity: 'error', line: 9, key: null },
    ]);
    expect(result.messages[0]).toMatch(/cut off/);
  });

  test('CSL-YAML that is not valid YAML', () => {
    const result = bibliographyProblems('invalid.yaml');
    expect([result.status, result.stderr]).toEqual([1, '']);
    expect(result.problems.map(({ rule, severity }) => ({ rule, severity }))).toEqual([
      { rule: 'bib-entry-unreadable', severity: 'error' },
    ]);
    expect(result.messages[0]).toMatch(/invalid YAML/);
  });

  test('a bibliography file that does not exist', () => {
    const result = litsynth('check', 'thesis.txt', '--bib', 'finnes-ikke.bib');
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 2, stdout: '' });
    expect(result.stderr).toMatch(/^litsynth: finnes-ikke\.bib: .*(does not exist|not found).*\n$/);
  });
});

describe('broken study folders: exit 2, one line naming study.yaml and the place, nothing written', () => {
  test('study.yaml that is not valid YAML', () => {
    const name = study('invalid-yaml', (yaml) =>
      yaml.replace('bibliography:\n  - references.yaml', 'bibliography: [references.yaml'),
    );
    const result = litsynth('check', name);
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 2, stdout: '' });
    expect(result.stderr).toMatch(
      /^litsynth: invalid-yaml\/study\.yaml:\d+:\d+: study\.yaml is not valid YAML: .+\n$/,
    );
  });

  test('study.yaml naming a manuscript that does not exist', () => {
    const name = study('missing-manuscript', (yaml) =>
      yaml.replace('manuscript: manuscript.md', 'manuscript: oppgave.docx'),
    );
    expect(litsynth('check', name)).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'litsynth: missing-manuscript/study.yaml:11:13: The manuscript missing-manuscript/oppgave.docx named in study.yaml does not exist.\n',
    });
  });

  test('study.yaml naming a bibliography file that does not exist', () => {
    const name = study('missing-bibliography', (yaml) =>
      yaml.replace('  - references.yaml', '  - referanser.bib'),
    );
    expect(litsynth('check', name)).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'litsynth: missing-bibliography/study.yaml:13:5: The bibliography file missing-bibliography/referanser.bib named in study.yaml does not exist.\n',
    });
  });

  test('study.yaml naming an included source whose record does not exist', () => {
    const name = study('missing-source', (yaml) =>
      yaml.replace('included: []', 'included: [finnesikke2020]'),
    );
    mkdirSync(join(work, name, 'sources'));
    const result = litsynth('check', name, '--format', 'json');
    // Either way the user learns which source and where it was named.
    if (result.status === 2) {
      expect(result.stdout).toEqual('');
      expect(result.stderr).toMatch(
        /^litsynth: missing-source\/study\.yaml:\d+:\d+: .*finnesikke2020.*\n$/,
      );
    } else {
      const json = JSON.parse(result.stdout) as { diagnostics: Diagnostic[] };
      expect(
        json.diagnostics
          .filter((diagnostic) => diagnostic.message.includes('finnesikke2020'))
          .map((diagnostic) => diagnostic.file),
      ).toEqual(['missing-source/study.yaml']);
    }
  });

  test('build writes nothing for an unusable study', () => {
    const name = study('build-broken', (yaml) =>
      yaml.replace('manuscript: manuscript.md', 'manuscript: oppgave.docx'),
    );
    const result = litsynth('build', name, '--out', 'build-out', '--quiet');
    expect(result.status).toBe(2);
    expect(existsSync(join(work, 'build-out'))).toBe(false);
    expect(existsSync(join(work, name, 'out'))).toBe(false);
  });
});
