/** A lazily computed value: `make` runs on the first call, and every call shares its promise. */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}
