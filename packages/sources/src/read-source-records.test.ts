import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '@litsynth/common';
import { describe, expect, it } from 'vitest';
import { readSourceRecords } from './read-source-records.js';
import { diskSource } from './test-disk-source.js';

const fixtures = fileURLToPath(new URL('../fixtures/broken', import.meta.url));
const sourcesDir = fileURLToPath(new URL('../../../sources', import.meta.url));

/** One line per diagnostic: file name, line, column, severity, rule, English message. */
function lines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (d) =>
      `${d.file.split('/').at(-1)}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message.en}`,
  );
}

describe('readSourceRecords', () => {
  it('reads the four records of the NAV study without a problem', async () => {
    const result = await readSourceRecords(diskSource, sourcesDir);
    expect(result.diagnostics).toEqual([]);
    expect(
      result.records.map((record) => [record.id, record.findings.map((finding) => finding.id)]),
    ).toEqual([
      [
        'lundberg2013',
        [
          'lundberg2013-kompleks',
          'lundberg2013-personavhengig',
          'lundberg2013-ustabile-relasjoner',
          'lundberg2013-selvkoordinering',
          'lundberg2013-kasteball',
          'lundberg2013-organisering',
        ],
      ],
      [
        'natland2019',
        [
          'natland2019-relasjon',
          'natland2019-empati',
          'natland2019-respekt',
          'natland2019-tillit',
          'natland2019-skam',
          'natland2019-belastning',
          'natland2019-anerkjennelse',
        ],
      ],
      [
        'riisjohansen2018',
        [
          'riisjohansen2018-kunnskapshull',
          'riisjohansen2018-samtaledata',
          'riisjohansen2018-deltakelse',
          'riisjohansen2018-aktiv-bruker',
        ],
      ],
      [
        'stenbrenden2018',
        [
          'stenbrenden2018-anerkjennelse',
          'stenbrenden2018-veilederrolle',
          'stenbrenden2018-regelverk',
        ],
      ],
    ]);
  });

  it('keeps the order of the ids asked for and reports an included article without a record', async () => {
    const result = await readSourceRecords(diskSource, sourcesDir, {
      ids: ['stenbrenden2018', 'natland2019', 'hansen2021'],
    });
    expect(result.records.map((record) => record.id)).toEqual(['stenbrenden2018', 'natland2019']);
    expect(lines(result.diagnostics)).toEqual([
      'sources:1:1 error source-record-missing-record No record found for the included article "hansen2021"; expected the file hansen2021.md.',
    ]);
  });

  it('reports every problem of broken records with file, line and what was expected, and still builds the others', async () => {
    const result = await readSourceRecords(diskSource, fixtures);
    expect(
      result.records.map((record) => [record.id, record.findings.map((finding) => finding.id)]),
    ).toEqual([
      ['duplicate-finding', ['duplicate-finding-a', 'duplicate-finding-nb']],
      ['good', ['good-tillit', 'good-tid']],
    ]);
    expect(lines(result.diagnostics)).toEqual([
      'bad-yaml.md:6:20 error source-record-frontmatter The frontmatter is not valid YAML (MISSING_CHAR): Missing closing "quote',
      'duplicate-finding.md:6:3 warning source-record-unknown-field Unknown field "titel" in entry; it is ignored. Did you mean "title"?',
      'duplicate-finding.md:26:1 error source-record-duplicate-finding-id The finding id "duplicate-finding-a" is already used in this record; expected a unique id. This finding is skipped.',
      'duplicate-finding.md:32:1 error source-record-finding-id The finding heading "Uten id | Without id" has no id; expected {#duplicate-finding-name} at its end (lowercase letters, digits, - and _). The finding is skipped.',
      'duplicate-finding.md:42:1 error source-record-finding-statement Finding "duplicate-finding-none" has no statement; expected a paragraph starting with "en:" (or "nb:"; one language is enough). The finding is skipped.',
      'duplicate-finding.md:44:1 warning source-record-unexpected-content Unexpected content in finding "duplicate-finding-none": expected paragraphs starting with "nb:" or "en:", or quotations (> …). It is ignored.',
      'duplicate-finding.md:46:1 warning source-record-unexpected-content Unexpected content in finding "duplicate-finding-none": expected paragraphs starting with "nb:" or "en:", or quotations (> …). It is ignored.',
      'missing-field.md:7:1 error source-record-missing-field Missing required field "characteristics.aim"; expected text, or text per language ({ nb: … }, { en: … } or both; one language is enough) (The aim or research question of the study; unknown (ukjent) where the article does not say).',
      'no-frontmatter.md:1:1 error source-record-frontmatter The record has no frontmatter: expected a --- line at the top, the YAML fields id, entry and characteristics, and another --- line.',
      'wrong-types.md:4:9 error source-record-invalid-field "entry.type" is "journal"; expected one of: article-journal, book, chapter, report, thesis, webpage, … (The CSL item type). Did you mean "article-journal"?',
      'wrong-types.md:6:27 error source-record-invalid-field "entry.verification.status" is "sure"; expected one of: verified, partly-verified, unverified (verified, partly-verified or unverified).',
      'wrong-types.md:8:8 error source-record-invalid-field "characteristics.aim" is a list; expected text, or text per language ({ nb: … }, { en: … } or both; one language is enough) (The aim or research question of the study; unknown (ukjent) where the article does not say).',
      'wrong-types.md:10:25 error source-record-invalid-field "characteristics.dataCollection.nb" is empty text; expected non-empty text (Norwegian (bokmål)).',
      'wrong-types.md:14:17 error source-record-invalid-field "characteristics.peerReviewed" is "kanskje"; expected one of: true, false, unknown, ukjent (Whether the article is peer-reviewed: true, false or unknown (ukjent)).',
    ]);
    // Every message exists in Norwegian too.
    expect(
      result.diagnostics.every((d) => d.message.nb.length > 0 && d.message.nb !== d.message.en),
    ).toBe(true);
    expect(
      result.diagnostics.find((d) => d.rule === 'source-record-missing-field')?.message.nb,
    ).toBe(
      'Påkrevd felt «characteristics.aim» mangler; forventet en tekst, eller tekst per språk ({ nb: … }, { en: … } eller begge; ett språk holder), eller ukjent.',
    );
  });

  it('reports a duplicate record id and a finding id used in two records, keeping the first in file-name order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'litsynth-sources-'));
    const good = await readFile(join(fixtures, 'good.md'), 'utf8');
    // "good-x-a" is a valid finding id in both "good" and "good-x"; good-x.md sorts before good.md.
    await writeFile(join(dir, 'good.md'), good.replace('{#good-tid}', '{#good-x-a}'));
    await writeFile(
      join(dir, 'good-x.md'),
      good
        .replace('id: good', 'id: good-x')
        .replace('{#good-tillit page=12}', '{#good-x-a}')
        .replace('{#good-tid}', '{#good-x-b}'),
    );
    await writeFile(join(dir, 'twin.md'), good);
    await writeFile(
      join(dir, 'zzz.md'),
      good.replace('id: good', 'id: zzz').replace('{#good-tid}', '{#zzz-tid}'),
    );
    await writeFile(join(dir, 'empty.md'), '');
    const result = await readSourceRecords(diskSource, dir);
    expect(
      result.records.map((record) => [record.id, record.findings.map((finding) => finding.id)]),
    ).toEqual([
      ['good', ['good-tillit']],
      ['good-x', ['good-x-a', 'good-x-b']],
      ['zzz', ['zzz-tid']],
    ]);
    expect(lines(result.diagnostics)).toEqual([
      'empty.md:1:1 error source-record-frontmatter The record cannot be read: The source record is empty.',
      `good.md:32:1 error source-record-duplicate-finding-id The finding id "good-x-a" is already used in ${join(dir, 'good-x.md')}; expected a unique id. This finding is skipped.`,
      `twin.md:1:1 error source-record-duplicate-id The id "good" is already used by ${join(dir, 'good.md')}; expected one record per id. This record is skipped.`,
      'twin.md:2:5 warning source-record-id-mismatch The record id is "good" but the file is "twin.md"; expected the file name "good.md".',
      'zzz.md:24:1 error source-record-finding-id The finding heading "Tillit | Trust {#good-tillit page=12}" has "good-tillit"; expected {#zzz-name} at its end (lowercase letters, digits, - and _). The finding is skipped.',
    ]);
  });

  it('reports an included article whose named file is missing, and still reads the others', async () => {
    const files = ['natland2019', 'nobody2020'].map((id) => join(sourcesDir, `${id}.md`));
    const result = await readSourceRecords(diskSource, files, {
      ids: ['natland2019', 'nobody2020'],
    });
    expect(result.records.map((record) => record.id)).toEqual(['natland2019']);
    expect(lines(result.diagnostics)).toEqual([
      'nobody2020.md:1:1 error source-record-missing-record No record found for the included article "nobody2020"; expected the file nobody2020.md.',
    ]);
  });

  it('throws a LitsynthError for a folder or a named file that does not exist', async () => {
    await expect(
      readSourceRecords(diskSource, [join(sourcesDir, 'nobody2020.md')]),
    ).rejects.toMatchObject({
      name: 'LitsynthError',
      code: 'file-not-found',
    });
    await expect(readSourceRecords(diskSource, '/nonexistent/sources')).rejects.toMatchObject({
      name: 'LitsynthError',
      code: 'file-not-found',
      file: '/nonexistent/sources',
    });
  });
});
