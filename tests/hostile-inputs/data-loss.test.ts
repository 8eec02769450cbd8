import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanStudy, filesIn, litsynth, refused, snapshot, workFolder } from './helpers.js';

// 2. Data loss: an output never replaces an input, never lands in / or a system folder, and
// never goes to /proc (where a recursive mkdir spins). Refused with exit 2 before anything is written.

let work: string;

beforeAll(() => {
  work = workFolder('data-loss');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('outputs never replace an input', () => {
  test('bib --bib refs.yaml --out refs.yaml, also spelt another way', () => {
    const study = cleanStudy(join(work, 'bib'));
    const before = snapshot(join(work, 'bib'));
    expect(
      litsynth(
        ['bib', '--bib', 'study/references.yaml', '--out', 'study/references.yaml'],
        join(work, 'bib'),
      ),
    ).toEqual(
      refused(
        'study/references.yaml: The output study/references.yaml would overwrite the input study/references.yaml; nothing was written. Give another --out.',
      ),
    );
    expect(
      litsynth(
        ['bib', '--bib', 'study/references.yaml', '--out', 'study/../study/references.yaml'],
        join(work, 'bib'),
      ).code,
    ).toBe(2);
    // The study's own bibliography is an input of `bib <study>` too.
    expect(
      litsynth(['bib', 'study', '--out', 'study/references.yaml'], join(work, 'bib')).code,
    ).toBe(2);
    expect(snapshot(join(work, 'bib'))).toEqual(before);
    expect(study).toBe(join(work, 'bib', 'study'));
  });

  test('build --out <study> over a manuscript named check.txt or references.md writes nothing', () => {
    for (const name of ['check.txt', 'references.md']) {
      const dir = join(work, `build-${name}`);
      const study = cleanStudy(dir, (yaml) =>
        yaml.replace('manuscript: manuscript.md', `manuscript: ${name}`),
      );
      renameSync(join(study, 'manuscript.md'), join(study, name));
      const before = snapshot(dir);
      const run = litsynth(['build', 'study', '--out', 'study'], dir);
      expect(run).toEqual(
        refused(
          `study/${name}: The output study/${name} would overwrite the input study/${name}; nothing was written. Give another --out.`,
        ),
      );
      expect(snapshot(dir)).toEqual(before);
    }
  });
});

describe('outputs never go to the root, a system folder or a virtual file system', () => {
  test('build --out / and --out /etc are refused before anything is created', () => {
    const study = cleanStudy(join(work, 'root'));
    const rootBefore = readdirSync('/').sort();
    expect(litsynth(['build', study, '--out', '/'], work)).toEqual(
      refused('/: litsynth does not write into /, a system folder; choose a folder of your own.'),
    );
    expect(litsynth(['build', study, '--out', '/etc/litsynth-out'], work)).toEqual(
      refused(
        '/etc/litsynth-out: litsynth does not write into /etc, a system folder; choose a folder of your own.',
      ),
    );
    expect(readdirSync('/').sort()).toEqual(rootBefore);
    expect(existsSync('/etc/litsynth-out')).toBe(false);
  });

  test('init and --out under /proc are refused at once (a recursive mkdir there never returns)', () => {
    const study = cleanStudy(join(work, 'proc'));
    expect(litsynth(['init', '/proc/litsynth-study'], work, 20_000)).toEqual(
      refused(
        '/proc/litsynth-study: litsynth does not write into /proc, a system folder; choose a folder of your own.',
      ),
    );
    expect(litsynth(['build', study, '--out', '/proc/self/litsynth'], work, 20_000).code).toBe(2);
    expect(litsynth(['tables', study, '--out', '/sys/litsynth'], work, 20_000).code).toBe(2);
    expect(
      litsynth(
        ['bib', '--bib', join(study, 'references.yaml'), '--out', '/proc/self/references.md'],
        work,
        20_000,
      ).code,
    ).toBe(2);
  });
});

describe('a build whose every write fails', () => {
  test('does not say "Built", exits 2 and names each file', () => {
    const dir = join(work, 'unwritable');
    const study = cleanStudy(dir);
    expect(litsynth(['build', study, '--out', join(dir, 'first'), '--quiet'], dir).code).toBe(0);
    // A folder in the place of every output file: each rename onto it fails.
    const outputs = filesIn(join(dir, 'first')).filter(
      (file) => statSync(join(dir, 'first', file)).isFile() && !file.startsWith('.'),
    );
    for (const file of outputs) mkdirSync(join(dir, 'second', file), { recursive: true });
    const run = litsynth(['build', study, '--out', join(dir, 'second')], dir);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines.length).toBe(outputs.length);
    expect(
      lines.filter((line) => !/^litsynth: .+: .*Could not write the file: EISDIR/.test(line)),
    ).toEqual([]);
  });
});
