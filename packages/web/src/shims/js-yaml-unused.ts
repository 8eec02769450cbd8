// The web app reads YAML with yaml's document model alone. js-yaml is the CLI's fast path for a
// cold start (docs/decisions/yaml-document.md, csl-yaml-fast-path.md), which a warmed-up worker
// does not need; leaving it out keeps what loads before the first file under 1 MB gzipped. Both
// fast paths catch this error and read the text with yaml's document model instead.
function unavailable(): never {
  throw new Error('js-yaml is not part of the web app');
}

export const parseEvents = unavailable;
export const constructFromEvents = unavailable;
export const getScalarValue = unavailable;
export default { parseEvents, constructFromEvents, getScalarValue };
