import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `litsynth bib` end to end: the built CLI on the real study and on the clean fixture thesis.
const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'packages/cli/dist/bin.js');
const cache = mkdtempSync(join(tmpdir(), 'litsynth-bib-cache-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

function litsynth(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LITSYNTH_CACHE_DIR: cache } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('litsynth bib', () => {
  it('prints the clean thesis list in Norwegian APA 7, same-year works with a and b', () => {
    const run = litsynth(['bib', 'tests/fixtures/clean-thesis', '--format', 'text']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const lines = run.stdout.split('\n').filter((line) => line.startsWith('Skau') || line.startsWith('Dalland'));
    expect(lines).toEqual([
      'Dalland, O. (2017). Metode og oppgaveskriving. Gyldendal Akademisk.',
      'Skau, G. M. (2017a). Gode fagfolk vokser. Cappelen Damm Akademisk.',
      'Skau, G. M. (2017b). Makt og hjelp. I Sosialt arbeid.',
    ]);
  });

  it('lists every cited work of the NAV study, marks the unverified ones and explains them', () => {
    const run = litsynth(['bib', 'studies/nav-relasjon']);
    expect(run.code).toEqual(0);
    const entries = run.stdout.split('\n## ')[0]!.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(entries.length).toBeGreaterThanOrEqual(40);
    expect(entries).toContain('Levin, I. (2004). *Hva er sosialt arbeid*. Universitetsforlaget.');
    expect(entries).toContain('Tufte. (2011). [ikke verifisert]');
    expect(entries.filter((line) => line.startsWith('SNL.'))).toEqual([
      'SNL. (2018a). bruker. I *Store norske leksikon*. [ikke verifisert]',
      'SNL. (2018b). sosialarbeider. I *Store norske leksikon*. [ikke verifisert]',
    ]);
    expect(run.stdout).toContain('## Referanser som ikke er fullt verifisert');
  });

  it('writes --out atomically, in HTML with hanging indent, and says so on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'litsynth-bib-out-'));
    try {
      const out = join(dir, 'liste.html');
      const run = litsynth(['bib', '--bib', 'tests/fixtures/clean-thesis/references.yaml', '--format', 'html', '--out', out, '--lang', 'en']);
      expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 0, stdout: '' });
      expect(run.stderr).toMatch(/^litsynth: wrote \d+ references to /);
      const html = readFileSync(out, 'utf8');
      expect(html.startsWith('<h2>References</h2>\n<div class="csl-bib-body" style="line-height: 2;">')).toBe(true);
      expect(html).toContain('style="padding-left: 2em; text-indent: -2em;"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with a message for a missing study and for no input at all', () => {
    expect(litsynth(['bib', 'no-such-study'])).toMatchObject({ code: 2, stdout: '' });
    const none = litsynth(['bib', '--lang', 'en']);
    expect({ code: none.code, stderr: none.stderr }).toEqual({ code: 2, stderr: 'litsynth: give a study folder or at least one --bib file\n' });
  });
});
