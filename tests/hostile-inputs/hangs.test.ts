import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { blankRunThesis, nestedMarkdown, write } from './generate.mjs';
import { cleanStudy, crashed, litsynth, refused, workFolder } from './helpers.js';

// 4. Hangs: each of these ran for minutes or forever. A hang fails the test by the run's timeout.

let work: string;

beforeAll(() => {
  work = workFolder('hangs');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('inputs that hung litsynth', () => {
  test('a line with 200,000 blanks inside it (a quadratic /\\s+$/ took 75 s)', () => {
    write(work, 'blanks.txt', blankRunThesis(200_000));
    write(
      work,
      'one.yaml',
      '- { id: berg2020, type: book, title: Bok, author: [{ family: Berg }], issued: { date-parts: [[2020]] } }\n',
    );
    const run = litsynth(['check', 'blanks.txt', '--bib', 'one.yaml'], work, 30_000);
    expect({ code: run.code, crashed: crashed(run) }).toEqual({ code: 1, crashed: false });
    expect(run.stdout).toContain('\nSummary: 2 citations (0 exact, 0 fuzzy, 2 unresolved)');
    expect(run.stdout.split('\n').filter((line) => line.length > 200)).toEqual([]);
  });

  test('/dev/zero and a FIFO as manuscript are refused before they are opened', () => {
    spawnSync('mkfifo', [join(work, 'pipe.txt')]);
    expect(litsynth(['check', '/dev/zero'], work, 20_000)).toEqual(
      refused('/dev/zero: The manuscript is not a regular file (it is a device, pipe or socket).'),
    );
    expect(litsynth(['check', 'pipe.txt'], work, 20_000)).toEqual(
      refused('pipe.txt: The manuscript is not a regular file (it is a device, pipe or socket).'),
    );
    expect(litsynth(['check', 'pipe.txt', '--bib', '/dev/zero'], work, 20_000).code).toBe(2);
    // Named in study.yaml: refused at its line, before a build hashes or reads it.
    const study = cleanStudy(join(work, 'fifo-study'), (yaml) =>
      yaml.replace('manuscript: manuscript.md', 'manuscript: /dev/zero'),
    );
    expect(litsynth(['build', study, '--allow-outside-study'], work, 20_000)).toEqual(
      refused(
        `${join(study, 'study.yaml')}:11:13: The manuscript /dev/zero named in study.yaml is not a regular file (it is a device, pipe or socket).`,
      ),
    );
  });

  test('a 19 MB .txt under the old 20 MiB limit is refused by its size (it took over 300 s)', () => {
    spawnSync('truncate', ['-s', '19M', join(work, 'long.txt')]);
    expect(litsynth(['check', 'long.txt'], work)).toEqual(
      refused('long.txt: The manuscript is 19.0 MiB; the limit for text files is 1.5 MiB.'),
    );
  });

  test('Markdown nested thousands deep (brackets, quotes, lists) is refused before it is parsed', () => {
    write(work, 'nested.md', nestedMarkdown(1000));
    const run = litsynth(['check', 'nested.md'], work, 30_000);
    expect(run).toEqual(
      refused(
        'nested.md:3: The Markdown paragraph starting here has more than 200 emphasis and link markers (* _ [ ]); litsynth reads at most 200.',
      ),
    );
    write(
      work,
      'lists.md',
      `# Innledning\n\n${Array.from({ length: 1000 }, (_, depth) => `${'  '.repeat(depth)}- punkt (Berg, 2020)`).join('\n')}\n`,
    );
    expect(litsynth(['check', 'lists.md'], work, 30_000)).toEqual(
      refused(
        'lists.md:103: The Markdown nests lists or quotations more than 100 levels deep; the limit is 100.',
      ),
    );
    write(
      work,
      'emphasis.md',
      `# Innledning\n\n${'*_'.repeat(20_000)}Tillit (Berg, 2020)${'_*'.repeat(20_000)}\n`,
    );
    expect(litsynth(['check', 'emphasis.md'], work, 30_000).code).toBe(2);
  });

  test('init and build --out under /proc return at once (a recursive mkdir there spun forever)', () => {
    const study = cleanStudy(join(work, 'proc'));
    expect(litsynth(['init', '/proc/self/litsynth-study'], work, 20_000).code).toBe(2);
    expect(litsynth(['build', study, '--out', '/proc/self/out'], work, 20_000).code).toBe(2);
  });
});
