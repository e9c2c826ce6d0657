import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/** Thrown for a Content-Encoding that cannot be undone; its code is mapped to a NetworkError message. */
export class ContentEncodingError extends Error {
  override readonly name = 'ContentEncodingError';
  readonly code = 'WTC_BAD_CONTENT_ENCODING';
}

/**
 * Undoes `Content-Encoding`. fetch does this itself, undici's dispatcher does not, and some web
 * servers, CDNs and caches compress whatever the request asked for. Output beyond `maxBytes`
 * throws zlib's `ERR_BUFFER_TOO_LARGE` (a compression bomb must not fill the memory).
 */
export function decodeContentEncoding(
  body: Buffer,
  contentEncoding: string | undefined,
  maxBytes: number,
): Buffer {
  // Redirects and other empty answers sometimes carry the header too: nothing to decode.
  if (!contentEncoding || body.length === 0) return body;
  // Codings are listed in the order they were applied: undo the last one first.
  const codings = contentEncoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity')
    .reverse();
  let decoded = body;
  for (const coding of codings) decoded = decodeOne(decoded, coding, maxBytes);
  return decoded;
}

function decodeOne(body: Buffer, coding: string, maxBytes: number): Buffer {
  const options = { maxOutputLength: maxBytes };
  try {
    if (coding === 'gzip' || coding === 'x-gzip') return gunzipSync(body, options);
    if (coding === 'br') return brotliDecompressSync(body, options);
    if (coding === 'deflate') {
      // "deflate" should be zlib-wrapped, but some servers send a raw deflate stream.
      return body[0] !== undefined && (body[0] & 0x0f) === 8
        ? inflateSync(body, options)
        : inflateRawSync(body, options);
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw error;
    throw new ContentEncodingError(`could not decode ${coding}`, { cause: error });
  }
  throw new ContentEncodingError(`unsupported content encoding ${coding}`);
}
