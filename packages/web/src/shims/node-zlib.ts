// node:zlib's inflateRawSync for the browser, over fflate: the .docx reader inflates each part
// with a bound on its size (maxOutputLength), and Node throws a RangeError past it; so does this.
import { Inflate } from 'fflate';

/** Node's inflateRawSync(data, { maxOutputLength }): raw DEFLATE, bounded output. */
export function inflateRawSync(
  data: Uint8Array,
  options: { maxOutputLength?: number } = {},
): Uint8Array {
  const limit = options.maxOutputLength ?? Number.POSITIVE_INFINITY;
  const chunks: Uint8Array[] = [];
  let length = 0;
  const inflate = new Inflate((chunk) => {
    length += chunk.length;
    if (length > limit) throw new RangeError('Cannot create a Buffer larger than maxOutputLength');
    chunks.push(chunk);
  });
  // Fed in slices, so that a "zip bomb" is stopped near the limit, not after inflating it all.
  const slice = 64 * 1024;
  for (let start = 0; start < data.length; start += slice) {
    inflate.push(data.subarray(start, start + slice), start + slice >= data.length);
  }
  if (data.length === 0) inflate.push(new Uint8Array(0), true);
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export default { inflateRawSync };
