import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { litsynth, root } from './litsynth-cli.js';

const thesis = resolve(root, '../shared/real-theses/cirotzki-master-2026-en.docx');

// `check FILE --out DIR/`: a lone manuscript gets the report (no matrix, no tables) and check.json.
it('writes report.html and check.json for a lone manuscript into the folder --out names', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'litsynth-check-out-'));
  const out = join(dir, 'rapport/');
  const result = litsynth(['check', thesis, '--out', out, '--format', 'json']);
  expect(result.code).toBe(1);
  expect((await readdir(out)).sort()).toEqual(['check.json', 'report.html']);
  // check.json is what the same command prints.
  expect(await readFile(join(out, 'check.json'), 'utf8')).toBe(result.stdout);
  const html = await readFile(join(out, 'report.html'), 'utf8');
  const title = /<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
  // Titled from the document: neither the file's name nor the study template's placeholder.
  expect([title.length > 20, title.includes('cirotzki'), /fyll inn/i.test(html)]).toEqual([
    true,
    false,
    false,
  ]);
  expect(html.includes('id="matrix"')).toBe(false);
  expect(result.stderr).toBe(`Wrote ${join(out, 'report.html')} and ${join(out, 'check.json')}\n`);
});

it('refuses --out with a folder for a study: build writes a study report', () => {
  const result = litsynth([
    'check',
    'studies/nav-relasjon',
    '--out',
    '/tmp/litsynth-never/',
    '--lang',
    'en',
  ]);
  expect([result.code, result.stdout]).toEqual([2, '']);
  expect(result.stderr).toContain('litsynth build');
});
