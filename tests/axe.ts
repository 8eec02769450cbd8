import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// The WCAG 2 A and AA checks of axe-core, as the browser tests run them on a page.

interface AxeResult {
  violations: Array<{ id: string; nodes: unknown[] }>;
  passes: Array<{ id: string }>;
}

/** Injects axe-core into the page and runs the WCAG 2.0/2.1 A and AA rules: violations ("id (nodes)") and the ids of the rules that passed. */
export async function runAxe(page: Page): Promise<{ violations: string[]; passes: string[] }> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const { axe, document } = globalThis as unknown as {
      axe: { run: (context: unknown, options: object) => Promise<AxeResult> };
      document: unknown;
    };
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return {
      violations: result.violations.map(
        (violation) => `${violation.id} (${violation.nodes.length})`,
      ),
      passes: result.passes.map((pass) => pass.id),
    };
  });
}
