import { expect, it } from 'vitest';
import { createRequire, hasModule, provideModule } from './node-module.js';

it('requires only the modules the worker has provided, and names a missing one', () => {
  const require = createRequire(import.meta.url);
  expect(() => require('yaml-test-module')).toThrow(
    "require('yaml-test-module') is not available in the browser until the web app loads it: this is a bug in litsynth.",
  );
  const module = { parse: () => 1 };
  provideModule('yaml-test-module', module);
  expect(hasModule('yaml-test-module')).toBe(true);
  expect(require('yaml-test-module')).toBe(module);
  expect(require.resolve('yaml-test-module')).toBe('yaml-test-module');
});
