import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bin, root } from '../litsynth-cli.js';

// The hostile-input catalogue (issue 14): every input exits 0, 1 or 2 as documented, with a
// message naming the file and the problem, no stack trace, no partial output, and inputs unchanged.

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in `cwd`, in English; a hang fails the test by its timeout (never a timed assertion). */
export function litsynth(args: readonly string[], cwd: string, timeoutMs = 50_000): Run {
  const result = spawnSync(process.execPath, [bin, ...args, '--lang', 'en'], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A refusal as the contract has it: exit 2, one line on stderr naming the file, nothing on stdout. */
export function refused(message: string): Run {
  return { code: 2, stdout: '', stderr: `litsynth: ${message}\n` };
}

/** Whether a run shows a stack trace or calls itself a bug. */
export function crashed(run: Run): boolean {
  return (
    /\n\s+at .+:\d+:\d+\)?$/m.test(run.stderr) || /internal error|intern feil/.test(run.stderr)
  );
}

/** Every file under a folder (but the named output folders) with the hash of its bytes. */
export function snapshot(dir: string, skip: readonly string[] = []): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (skip.includes(relative(dir, full))) continue;
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile())
        files[relative(dir, full)] =
          `${createHash('sha256').update(readFileSync(full)).digest('hex')} ${statSync(full).mtimeMs}`;
    }
  };
  visit(dir);
  return files;
}

/** A fresh folder for a test. */
export function workFolder(name: string): string {
  return mkdtempSync(join(tmpdir(), `litsynth-hostile-${name}-`));
}

/** A copy of the clean test thesis (a small study with no problems) in `dir`, with study.yaml edited. */
export function cleanStudy(dir: string, edit: (yaml: string) => string = (yaml) => yaml): string {
  const study = join(dir, 'study');
  cpSync(join(root, 'tests/fixtures/clean-thesis'), study, { recursive: true });
  const yaml = join(study, 'study.yaml');
  writeFileSync(yaml, edit(readFileSync(yaml, 'utf8')));
  return study;
}

/** The files of a folder, or [] when it does not exist. */
export function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : [];
}

/** The parts of a hast node the tests read. */
export interface HtmlNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HtmlNode[];
}

/** Parses HTML as a browser would (hast-util-from-html, from the report package's dependencies). */
export async function parseHtml(html: string): Promise<HtmlNode> {
  const require = createRequire(join(root, 'packages/report/package.json'));
  const { fromHtml } = (await import(require.resolve('hast-util-from-html'))) as {
    fromHtml: (html: string) => HtmlNode;
  };
  return fromHtml(html);
}

/** Every element of a tree. */
export function elementsOf(node: HtmlNode): HtmlNode[] {
  const found: HtmlNode[] = [];
  for (const child of node.children ?? []) {
    if (child.type !== 'element') continue;
    found.push(child, ...elementsOf(child));
  }
  return found;
}

/** What a parsed HTML page could run or send: scripts, event handlers, links that are not http(s) or in-page. */
export function activeParts(tree: HtmlNode): string[] {
  const active: string[] = [];
  for (const element of elementsOf(tree)) {
    for (const [name, value] of Object.entries(element.properties ?? {})) {
      if (/^on/i.test(name)) active.push(`${element.tagName} ${name}`);
      if (
        (name === 'href' || name === 'src') &&
        typeof value === 'string' &&
        !/^(?:https?:\/\/[^\s"<>]*|#[\w-]*)$/.test(value)
      )
        active.push(`${element.tagName} ${name}=${value}`);
    }
    if (element.tagName === 'iframe' || element.tagName === 'object' || element.tagName === 'embed')
      active.push(element.tagName);
  }
  return active;
}
