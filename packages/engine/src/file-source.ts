// The file source is defined in @litsynth/common, where the study and source-record readers see it too.
export { memoryFileSource, sizeLimit } from '@litsynth/common';
export type { FileKind, FileSource, ReadRequest } from '@litsynth/common';
