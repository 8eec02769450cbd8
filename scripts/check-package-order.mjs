// Checks that the workspace packages depend on each other only in the order of the package table
// in docs/architecture.md ("dependencies flow down this list, never up"): every dependency of a
// package (any dependency field of its package.json) on another workspace package names one listed
// above it, so the package graph has no cycle and matches the documented layers. A package folder
// missing from the table, or a table row without a folder, is an error too. The end-to-end tests
// (tests/) may use every package. Import cycles, inside a package and across packages, are left to
// knip (check:cycles); an import of an undeclared workspace package fails the build (pnpm links
// only declared dependencies).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const doc = 'docs/architecture.md';
const text = readFileSync(join(root, doc), 'utf8');
const section = text.split(/^## /m).find((part) => part.startsWith('Packages'));
if (!section) fail([`${doc}: no "## Packages" section with the package table`]);

// Table rows name a package as `@litsynth/<folder>`; the order of the rows is the order of layers.
const order = [...section.matchAll(/^\|\s*`@litsynth\/([a-z0-9-]+)`\s*\|/gm)].map(
  (match) => match[1],
);
const rank = new Map(order.map((folder, index) => [folder, index]));

const folders = readdirSync(join(root, 'packages')).filter((folder) =>
  existsSync(join(root, 'packages', folder, 'package.json')),
);
const manifests = new Map(
  folders.map((folder) => [
    folder,
    JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8')),
  ]),
);
const folderOfName = new Map([...manifests].map(([folder, manifest]) => [manifest.name, folder]));

const problems = [];
for (const folder of folders) {
  if (!rank.has(folder)) {
    problems.push(
      `packages/${folder} is not in the package table of ${doc}: add it below what it depends on`,
    );
  }
}
for (const folder of order) {
  if (!manifests.has(folder))
    problems.push(`${doc} lists @litsynth/${folder}, but packages/${folder} does not exist`);
}

let edges = 0;
for (const [folder, manifest] of manifests) {
  if (!rank.has(folder)) continue;
  const fields = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
  const names = new Set(fields.flatMap((field) => Object.keys(manifest[field] ?? {})));
  for (const name of [...names].sort()) {
    const target = folderOfName.get(name);
    if (target === undefined || !rank.has(target)) continue;
    edges++;
    if (rank.get(target) >= rank.get(folder)) {
      const where = target === folder ? 'as itself' : 'below it';
      problems.push(
        `packages/${folder}/package.json: ${manifest.name} depends on ${name}, which ${doc} ` +
          `lists ${where} (dependencies flow down that list, never up)`,
      );
    }
  }
}

if (problems.length > 0) fail(problems);
console.log(
  `package order: ${folders.length} packages, ${edges} dependencies among them, all down ${doc}`,
);

function fail(lines) {
  for (const line of lines) console.error(`check-package-order: ${line}`);
  process.exit(1);
}
