import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// `litsynth check thesis.docx` with no bibliography: the works Zotero stored in the document's
// citation fields are the bibliography, and the JSON marks each citation that stands in a field.
// Fixture (committed by ingest): two Zotero citations of Natland et al. (2019) and Lundberg &
// Syltevik (2013), and a typed reference list that has only Lundberg.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/dist/bin.js');
const fixtures = join(root, 'packages/ingest/fixtures/formats');

function check(args: string[]) {
  const result = spawnSync(process.execPath, [bin, 'check', 'fields-zotero.docx', ...args], {
    cwd: fixtures,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('litsynth check of a .docx with Zotero fields and no bibliography', () => {
  test('the JSON marks the field citations, resolves them to the stored works and notes where the entries came from', () => {
    const result = check(['--format', 'json', '--lang', 'en']);
    const json = JSON.parse(result.stdout) as {
      notes: string[];
      citations: Array<{
        raw: string;
        line: number;
        key: string | null;
        match: string;
        field?: unknown;
      }>;
      diagnostics: Array<{ rule: string; line: number; key: string | null }>;
    };
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 1, stderr: '' });
    expect(json.notes[1]).toBe(
      "No bibliography was given: the 2 works Zotero stored in the document's citation fields were used as the bibliography (not checked against any record).",
    );
    expect(
      json.citations.map(({ raw, line, key, match, field }) => ({ raw, line, key, match, field })),
    ).toEqual([
      {
        raw: 'Natland et al., 2019',
        line: 2,
        key: 'natland2019',
        match: 'exact',
        field: { manager: 'zotero', ids: ['natland2019'] },
      },
      {
        raw: 'Lundberg & Syltevik, 2013, s. 3',
        line: 3,
        key: 'lundberg2013',
        match: 'exact',
        field: { manager: 'zotero', ids: ['lundberg2013', 'natland2019'] },
      },
      {
        raw: 'Natland et al., 2019',
        line: 3,
        key: 'natland2019',
        match: 'exact',
        field: { manager: 'zotero', ids: ['lundberg2013', 'natland2019'] },
      },
    ]);
    expect(json.diagnostics.map(({ rule, line, key }) => ({ rule, line, key }))).toEqual([
      { rule: 'bib-typed-entry-missing', line: 4, key: 'natland2019' },
    ]);
  });

  test('the pretty output says the fields served as the bibliography', () => {
    const result = check(['--lang', 'nb']);
    expect(result.stdout).toContain(
      'Merk: Ingen bibliografi ble gitt: 2 verk som Zotero har lagret i dokumentets henvisningsfelt, ble brukt som bibliografi (ikke kontrollert mot noen kilde).\n',
    );
  });

  test('a citation outside any field has no field in the JSON', () => {
    const result = spawnSync(
      process.execPath,
      [bin, 'check', 'thesis.docx', '--bib', 'references.yaml', '--format', 'json'],
      {
        cwd: join(root, 'tests/fixtures/formats'),
        encoding: 'utf8',
      },
    );
    const citations = (JSON.parse(result.stdout) as { citations: Array<Record<string, unknown>> })
      .citations;
    expect(citations.length).toBeGreaterThan(0);
    expect(citations.filter((citation) => 'field' in citation)).toEqual([]);
  });
});
