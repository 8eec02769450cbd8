// mammoth opens a .docx with jszip only when given an ArrayBuffer; ingest's .docx reader hands it
// its own bounded zip reader instead (docx.ts), so jszip (30 KB gzipped) is never used in the web
// app and is left out of its bundle (vite.config.ts). A call would be a bug: it says so.
const unused = {
  loadAsync(): Promise<never> {
    return Promise.reject(
      new Error('jszip is not part of the litsynth web app: this is a bug in litsynth.'),
    );
  },
};

export default unused;
