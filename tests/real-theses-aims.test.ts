import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './litsynth-cli.js';

// Issue 9's aims, held on the two real theses in ../shared/real-theses/ (read there at test time,
// never copied): scripts/bench/real-theses.mjs checks every form of each (.txt, .pdf, .docx) with
// the built CLI and scores it against the ground truth in tests/real-theses/.

interface Scored {
  thesis: string;
  form: string;
  citations: { true: number; found: number; false: number };
  errors: { all: number; true: number };
  warnings: { all: number; true: number };
  entries: { true: number; read: number; junk: number; lost: number; source: string };
  uncited: { reported: number; false: number };
}

// Scored once for the tests below (the script checks six documents).
let scores: Scored[] | undefined;
const scored = (): Scored[] => {
  if (scores) return scores;
  const result = spawnSync(
    process.execPath,
    [join(root, 'scripts/bench/real-theses.mjs'), '--json'],
    { cwd: root, encoding: 'utf8' },
  );
  expect(result.status, result.stderr).toBe(0);
  scores = (JSON.parse(result.stdout) as { results: Scored[] }).results;
  return scores;
};

describe('the real theses (issue 9 aims)', () => {
  it('finds ≥ 97 % of the citations, every error true, the list read whole with no junk and no false "never cited"', () => {
    const results = scored();
    expect(results.map((r) => `${r.thesis}${r.form}`).sort()).toEqual([
      'cirotzki-master-2026-en.docx',
      'cirotzki-master-2026-en.txt',
      'storbukas-master-2018.pdf',
      'storbukas-master-2018.txt',
    ]);
    for (const r of results) {
      const at = `${r.thesis}${r.form}`;
      expect(r.citations.found / r.citations.true, at).toBeGreaterThanOrEqual(0.97);
      // ≥ 95 % of errors true: with a few errors per thesis, that is every one of them.
      expect(r.errors.true, at).toBe(r.errors.all);
      expect({
        at,
        source: r.entries.source,
        read: r.entries.read,
        junk: r.entries.junk,
        lost: r.entries.lost,
      }).toEqual({
        at,
        source: 'referenceList',
        read: r.entries.true,
        junk: 0,
        lost: 0,
      });
      expect(r.uncited.false, at).toBeLessThanOrEqual(3);
    }
  });

  it('gives at most two false warnings in a thesis (signal before noise)', () => {
    // Today: none in cirotzki's .txt and .docx, one in storbukas's .txt (Hayes (2018) in an SPSS
    // printout in an appendix) and two in its .pdf (the same, and a quotation of survey answers).
    for (const r of scored())
      expect(r.warnings.all - r.warnings.true, `${r.thesis}${r.form}`).toBeLessThanOrEqual(2);
  });
});
