// pdf.js ships no types for its worker module; litsynth only hands the module object to pdf.js.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
