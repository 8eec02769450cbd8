export { parseCitations } from './parse-citations.js';
export type { Citation, Locator, SecondarySource } from './types.js';
