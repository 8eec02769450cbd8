// node:module's createRequire for the browser. Some library modules load a heavy dependency on
// first use with a synchronous `require` made by createRequire(import.meta.url) (yaml;
// docs/decisions/check-startup.md). A browser has no synchronous module loading, so
// the web worker loads those dependencies ahead of the step that needs them (dynamic import, a
// chunk of their own) and hands them over here; `require` then returns them. Anything else is a
// bug, and says so. This goes away with the pure engine of issue 10.

const modules = new Map<string, unknown>();

/** Makes `require(name)` return this module from now on. */
export function provideModule(name: string, module: unknown): void {
  modules.set(name, module);
}

/** Whether a module has been provided. */
export function hasModule(name: string): boolean {
  return modules.has(name);
}

/** Node's createRequire: a require over the provided modules (the argument is not used). */
export function createRequire(
  _from: string | URL,
): ((name: string) => unknown) & { resolve(name: string): string } {
  const require = (name: string): unknown => {
    if (!modules.has(name)) {
      throw new Error(
        `require('${name}') is not available in the browser until the web app loads it: this is a bug in litsynth.`,
      );
    }
    return modules.get(name);
  };
  return Object.assign(require, { resolve: (name: string) => name });
}

export default { createRequire };
