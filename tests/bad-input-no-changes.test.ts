import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';

// A run never modifies an input file: every input is hashed (content and modification time)
// before and after running the commands on it, good input and bad.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/dist/bin.js');
let work: string;

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'out') visit(full);
      } else {
        const hash = createHash('sha256').update(readFileSync(full)).digest('hex');
        files[relative(dir, full)] = `${hash} ${statSync(full).mtimeMs}`;
      }
    }
  };
  visit(dir);
  return files;
}

function litsynth(...args: string[]): number | null {
  return spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8' }).status;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'litsynth-no-changes-'));
  // The real study with its shared sources, as the repository lays them out.
  cpSync(join(root, 'studies/nav-relasjon'), join(work, 'studies/nav-relasjon'), {
    recursive: true,
    filter: (path) => !path.includes('/out'),
  });
  cpSync(join(root, 'sources'), join(work, 'sources'), { recursive: true });
  cpSync(join(root, 'tests/fixtures/formats'), join(work, 'formats'), { recursive: true });
  cpSync(join(root, 'tests/fixtures/bad-input'), join(work, 'bad-input'), { recursive: true });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('check, bib and build leave every input file as it was', () => {
  const before = snapshot(work);
  expect(Object.keys(before).length).toBeGreaterThan(20);
  const statuses = [
    litsynth('check', 'studies/nav-relasjon', '--format', 'json'),
    ...['thesis.txt', 'thesis.md', 'thesis.docx', 'thesis.pdf'].map((form) =>
      litsynth('check', `formats/${form}`, '--bib', 'formats/references.yaml'),
    ),
    litsynth(
      'check',
      'formats/thesis.txt',
      '--bib',
      'bad-input/unbalanced-braces.bib',
      '--bib',
      'bad-input/cut-off.ris',
    ),
    litsynth('check', 'bad-input/encrypted.pdf'),
    litsynth('bib', 'studies/nav-relasjon', '--out', join(work, 'references.md')),
    litsynth('build', 'studies/nav-relasjon', '--out', join(work, 'build-out'), '--quiet'),
  ];
  // Each run did its work (or refused the encrypted PDF) rather than failing early.
  expect(statuses.map((status) => status !== null && status <= 2)).toEqual(
    statuses.map(() => true),
  );
  const after = snapshot(work);
  const inputsAfter = Object.fromEntries(Object.entries(after).filter(([path]) => path in before));
  expect(inputsAfter).toEqual(before);
  // The only new files are the outputs asked for.
  expect(
    Object.keys(after)
      .filter((path) => !(path in before))
      .every((path) => path === 'references.md' || path.startsWith('build-out/')),
  ).toBe(true);
});
