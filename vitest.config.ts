import { defineConfig } from 'vitest/config';

// One run over every package's unit tests and the end-to-end tests. Workspace packages are
// resolved to their TypeScript sources (the "source" export condition), so unit tests need no build;
// the end-to-end tests run the built CLI.
export default defineConfig({
  resolve: { conditions: ['source', 'import', 'module', 'node', 'default'] },
  ssr: { resolve: { conditions: ['source', 'import', 'node', 'default'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    // The libraries have no file system: tests read CSL styles and locales from disk as the CLI does.
    setupFiles: ['tests/setup/csl-files.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
