// citation-js ships no type declarations; src/citation-js.ts types what we use of it.
declare module '@citation-js/core';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
