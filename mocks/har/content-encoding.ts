// A body still compressed (Content-Encoding gzip, deflate or br) decoded before it is redacted and written: a token
// inside gzip bytes is still a token, and HAR keeps content decoded. fetch hands bodies decoded already, with the header
// left as it came, so bytes that read as UTF-8 (which compressed bytes practically never do) are taken as decoded.
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync, type ZlibOptions } from 'node:zlib';

type Decoder = (bytes: Uint8Array, options: ZlibOptions) => Uint8Array;

function inflateEither(bytes: Uint8Array, options: ZlibOptions): Uint8Array {
  try {
    return inflateSync(bytes, options);
  } catch (error) {
    // `deflate` is zlib-wrapped by the standard, raw by some servers.
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw error;
    return inflateRawSync(bytes, options);
  }
}

// A Map: a coding named `constructor` must not find Object's.
const DECODERS = new Map<string, Decoder>([
  ['gzip', gunzipSync],
  ['x-gzip', gunzipSync],
  ['deflate', inflateEither],
  ['br', brotliDecompressSync],
]);

const isUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/**
 * The body decoded, or 'too large' when it decodes to more than `maxBytes` (stopped there: no zip bomb is inflated).
 * Bytes in an unknown coding, or that do not decode, are returned as they are.
 */
export function decodedContent(bytes: Uint8Array, contentEncoding: string, maxBytes: number): Uint8Array | 'too large' {
  const codings = contentEncoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length === 0 || isUtf8(bytes)) return bytes;
  let decoded = bytes;
  // Codings are listed in the order they were applied: undone last first.
  for (const coding of codings.reverse()) {
    const decode = DECODERS.get(coding);
    if (decode === undefined) return bytes;
    try {
      decoded = decode(decoded, { maxOutputLength: maxBytes + 1 });
    } catch (error) {
      return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too large' : bytes;
    }
    if (decoded.byteLength > maxBytes) return 'too large';
  }
  return decoded;
}
