// The one thing the library packages ask of iconv-lite (common's decodeText): decoding a legacy
// 8-bit file as Windows-1252. A browser's TextDecoder knows that encoding (the WHATWG Encoding
// Standard), so the web app gives this stand-in instead of bundling iconv-lite's tables.

/** iconv.decode(bytes, encoding) through the browser's TextDecoder. */
export function decode(bytes: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding).decode(bytes);
}
