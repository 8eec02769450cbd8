#!/usr/bin/env node
// Worst cases of the hostile-input catalogue (issue 14): for each limit, the largest input it
// admits and one just over it, each run once through the built CLI under `/usr/bin/time -v`
// (wall time, CPU time, peak resident memory, exit code). The aim is under 10 s and 1 GB each.
// The inputs are made by tests/hostile-inputs/generate.mjs in a temporary folder.
//
//   node scripts/bench/hostile-inputs.mjs [--only NAME]
//
// Needs the built packages (npx -y pnpm@10 build) and GNU time (/usr/bin/time).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as generate from '../../tests/hostile-inputs/generate.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'packages/cli/dist/bin.js');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const dir = mkdtempSync(join(tmpdir(), 'litsynth-bench-hostile-'));

const berg =
  '- { id: berg2020, type: book, title: Bok, author: [{ family: Berg, given: Ola }], issued: { date-parts: [[2020]] }, publisher: Forlag }\n';
writeFileSync(join(dir, 'berg.yaml'), berg);

/** A study in `dir/name` with the given manuscript text (the clean test thesis's bibliography). */
function study(name, file, text) {
  const folder = join(dir, name);
  cpSync(join(root, 'tests/fixtures/clean-thesis'), folder, { recursive: true });
  writeFileSync(join(folder, file), text);
  const yaml = join(folder, 'study.yaml');
  writeFileSync(
    yaml,
    readFileSync(yaml, 'utf8').replace('manuscript: manuscript.md', `manuscript: ${file}`),
  );
  return folder;
}

/** Paragraphs of `depth` nested emphasis each (`*_*_…x…_*_*`), filling `bytes`: the worst the marker limit admits. */
function nestedEmphasisMarkdown(depth, bytes) {
  const paragraph = `${'*_'.repeat(depth / 4)}Tillit (Berg, 2020)${'_*'.repeat(depth / 4)}\n\n`;
  return `# Innledning\n\n${paragraph.repeat(Math.floor(bytes / paragraph.length))}`;
}

/** A .docx of paragraphs of one-character runs, `elements` WordprocessingML elements in all. */
function tinyRunsDocx(elements) {
  const run = '<w:r><w:t>a</w:t></w:r>';
  const paragraph = `<w:p>${run.repeat(100)}</w:p>`;
  return generate.docx(paragraph.repeat(Math.floor(elements / 201)));
}

/** A .docx with `megabytes` MiB of XML of dense text paragraphs. */
function denseTextDocx(megabytes) {
  const paragraph = generate.paragraph(
    'Relasjonen mellom veileder og bruker er viktig for tilliten (Berg & Dahl, 2020, s. 12). '.repeat(
      3,
    ),
  );
  return generate.docx(paragraph.repeat(Math.floor((megabytes * 1024 * 1024) / paragraph.length)));
}

const cases = [
  [
    'docx: 100,000 empty paragraphs (the limit)',
    () => [
      [
        'check',
        generate.write(dir, 'p100k.docx', generate.emptyParagraphsDocx(99_999)),
        '--format',
        'json',
      ],
    ],
  ],
  [
    'docx: 63 MiB of empty paragraphs (refused)',
    () => [['check', generate.write(dir, 'p11m.docx', generate.emptyParagraphsDocx(11_000_000))]],
  ],
  [
    'docx: 299,000 elements of one-letter runs (the limit)',
    () => [['check', generate.write(dir, 'runs.docx', tinyRunsDocx(299_000)), '--format', 'json']],
  ],
  [
    'docx: 23 MiB of dense text XML (its text is refused after reading)',
    () => [['check', generate.write(dir, 'dense23.docx', denseTextDocx(23))]],
  ],
  [
    'docx: 1.8 MiB of dense text XML (1.5 M characters, the limit)',
    () => [
      [
        'check',
        generate.write(dir, 'dense.docx', denseTextDocx(1.8)),
        '--bib',
        join(dir, 'berg.yaml'),
        '--format',
        'json',
      ],
    ],
  ],
  [
    'txt: 1.5 MiB thesis (the limit), check',
    () => [
      [
        'check',
        generate.write(dir, 'long.txt', generate.longThesisText(1.5 * 1024 * 1024 - 1)),
        '--bib',
        join(dir, 'berg.yaml'),
        '--format',
        'json',
      ],
    ],
  ],
  [
    'txt: 1.5 MiB thesis (the limit), build',
    () => [
      [
        'build',
        study('long-study', 'long.txt', generate.longThesisText(1.5 * 1024 * 1024 - 1)),
        '--out',
        join(dir, 'long-out'),
        '--quiet',
      ],
    ],
  ],
  [
    'txt: one line, 3,000 unresolved citations, pretty output',
    () => [
      [
        'check',
        generate.write(dir, 'one-line.txt', generate.singleLineThesis(3000)),
        '--bib',
        join(dir, 'berg.yaml'),
      ],
    ],
  ],
  [
    'txt: 200,000 blanks inside a line',
    () => [
      [
        'check',
        generate.write(dir, 'blanks.txt', generate.blankRunThesis(200_000)),
        '--bib',
        join(dir, 'berg.yaml'),
      ],
    ],
  ],
  [
    'md: paragraphs of 200 nested emphasis markers, 100,000 markers in all (the limits)',
    () => [
      [
        'check',
        generate.write(dir, 'emphasis.md', nestedEmphasisMarkdown(200, 499 * 221)),
        '--format',
        'json',
      ],
    ],
  ],
  [
    'md: 1 MiB thesis (the limit), build',
    () => [
      [
        'build',
        study('md-study', 'long.md', generate.longThesisText(1024 * 1024 - 1)),
        '--out',
        join(dir, 'md-out'),
        '--quiet',
      ],
    ],
  ],
  [
    'md: lists nested 100 deep, repeated to 1 MiB',
    () => [
      [
        'check',
        generate.write(
          dir,
          'lists.md',
          `# I\n\n${`${Array.from({ length: 100 }, (_, d) => `${'  '.repeat(d)}- punkt (Berg, 2020)`).join('\n')}\n\n`.repeat(85)}`,
        ),
        '--format',
        'json',
      ],
    ],
  ],
  [
    'md: brackets, quotes and lists nested 700 deep (refused)',
    () => [
      ['check', generate.write(dir, 'nested.md', generate.nestedMarkdown(700)), '--format', 'json'],
    ],
  ],
  [
    'bib: 1,000 CSL-YAML entries (the limit) against the 1.5 MiB thesis, check',
    () => [
      [
        'check',
        generate.write(dir, 'long-bib.txt', generate.longThesisText(1.5 * 1024 * 1024 - 1)),
        '--bib',
        generate.write(dir, 'lib1k-check.yaml', generate.manyEntriesYaml(1000)),
        '--format',
        'json',
      ],
    ],
  ],
  [
    'bib: 50,000 entries (refused)',
    () => [['bib', '--bib', generate.write(dir, 'lib50k.yaml', generate.manyEntriesYaml(50_000))]],
  ],
  [
    'bib: 2,000 entries formatted (the list limit, from two files), bib --all',
    () => [
      [
        'bib',
        '--bib',
        generate.write(dir, 'lib1k-a.yaml', generate.manyEntriesYaml(1000)),
        '--bib',
        generate.write(
          dir,
          'lib1k-b.yaml',
          generate.manyEntriesYaml(2000).split('\n').slice(6000).join('\n'),
        ),
        '--all',
      ],
    ],
  ],
  [
    'bib: 1,000 near-identical names, bib --all',
    () => [
      [
        'bib',
        '--bib',
        generate.write(dir, 'names.bib', generate.nearIdenticalNamesBibtex(1000)),
        '--all',
      ],
    ],
  ],
  [
    'bib: 100 works of one author and year (the limit), bib --all',
    () => [
      [
        'bib',
        '--bib',
        generate.write(
          dir,
          'same.bib',
          Array.from(
            { length: 100 },
            (_, i) =>
              `@book{h${i}, author = {Hansen, Ola${String.fromCharCode(65 + (i % 26))}${i}}, title = {Bok ${i}}, year = {2020}}`,
          ).join('\n'),
        ),
        '--all',
      ],
    ],
  ],
  [
    'yaml: alias bomb (refused)',
    () => [
      [
        'bib',
        '--bib',
        generate.write(
          dir,
          'bomb.yaml',
          `- id: b\n  type: book\n  x:\n${generate.aliasBombYaml().replace(/^/gm, '    ').trimEnd()}\n`,
        ),
      ],
    ],
  ],
];

/** Runs one command under GNU time: wall s, CPU s, peak MB, exit code. */
function measure(commandArgs) {
  const result = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, cli, ...commandArgs, '--lang', 'en'],
    {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      timeout: 600_000,
    },
  );
  const field = (name) => new RegExp(`${name}: (.+)`).exec(result.stderr)?.[1]?.trim() ?? '';
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)')
    .split(':')
    .reduce((total, part) => total * 60 + Number(part), 0);
  const cpu = Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)'));
  const megabytes = Number(field('Maximum resident set size \\(kbytes\\)')) / 1024;
  const message = result.stderr.split('\n').find((line) => line.startsWith('litsynth:')) ?? '';
  return {
    wall,
    cpu,
    megabytes,
    code: result.status === null ? 'killed' : Number(field('Exit status')),
    message,
  };
}

console.log(
  `Load average before: ${loadavg()
    .map((value) => value.toFixed(1))
    .join(', ')}; inputs in ${dir}\n`,
);
console.log('| input | wall s | CPU s | peak MB | exit | message |');
console.log('|---|---:|---:|---:|---:|---|');
for (const [name, make] of cases) {
  if (only && !name.includes(only)) continue;
  for (const commandArgs of make()) {
    const { wall, cpu, megabytes, code, message } = measure(commandArgs);
    const shown = message.replace(dir, '…').replaceAll('|', '\\|').slice(0, 110);
    console.log(
      `| ${name} | ${wall.toFixed(1)} | ${cpu.toFixed(1)} | ${Math.round(megabytes)} | ${code} | ${shown} |`,
    );
  }
}
console.log(
  `\nLoad average after: ${loadavg()
    .map((value) => value.toFixed(1))
    .join(', ')}`,
);
rmSync(dir, { recursive: true, force: true });
