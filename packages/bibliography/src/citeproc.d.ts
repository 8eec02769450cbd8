// citeproc-js ships no types; citation-js.ts only hands its CSL object to the string-compare hook.
declare module 'citeproc' {
  const CSL: unknown;
  export default CSL;
}
