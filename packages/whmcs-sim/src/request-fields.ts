/**
 * The fields a PHP script sees in `$_REQUEST`: the query string, then — for POST only — a
 * form-urlencoded or multipart body, later values winning. Any other body (JSON above all) is not
 * parsed by PHP, so its fields are simply missing.
 */
export function parseRequestFields(
  method: string,
  query: string,
  contentType: string | undefined,
  body: Buffer,
): Record<string, string> {
  // No prototype: a field named `__proto__` must be kept as data, as PHP keeps it.
  const fields: Record<string, string> = Object.create(null);
  addUrlEncoded(fields, query);
  if (method !== 'POST' || contentType === undefined) return fields;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'application/x-www-form-urlencoded') {
    addUrlEncoded(fields, body.toString('utf8'));
  } else if (mediaType === 'multipart/form-data') {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    const value = boundary?.[1] ?? boundary?.[2];
    if (value !== undefined) addMultipart(fields, body, value);
  }
  return fields;
}

/**
 * What PHP's `$_REQUEST` holds for an array field (`flag[]=0`, `flag[x]=0`): an array, which PHP's
 * string functions see as the word `Array`. A non-empty array is true however its items read,
 * and the string is true too, so flags come out as PHP reads them.
 */
const PHP_ARRAY = 'Array';

/**
 * Stores a field under the name PHP registers it as: leading spaces dropped, spaces and dots turned
 * into underscores, and a `[` that a `]` follows starting an array; an unclosed `[` becomes `_`
 * like the characters after it (PHP 8). A name with nothing before its `[` is dropped.
 */
function setPhpField(fields: Record<string, string>, rawName: string, value: string): void {
  const name = rawName.replace(/^ +/, '');
  const bracket = name.indexOf('[');
  const base = (bracket === -1 ? name : name.slice(0, bracket)).replace(/[ .]/g, '_');
  if (base === '') return;
  if (bracket === -1) {
    fields[base] = value;
  } else if (name.includes(']', bracket)) {
    fields[base] = PHP_ARRAY;
  } else {
    fields[`${base}_${name.slice(bracket + 1).replace(/[ .[]/g, '_')}`] = value;
  }
}

function addUrlEncoded(fields: Record<string, string>, text: string): void {
  for (const [name, value] of new URLSearchParams(text)) setPhpField(fields, name, value);
}

function addMultipart(fields: Record<string, string>, body: Buffer, boundary: string): void {
  // latin1 keeps one char per byte, so part boundaries can be found without decoding UTF-8 early.
  const raw = body.toString('latin1');
  const parts = raw.split(`--${boundary}`);
  for (const part of parts.slice(1)) {
    if (part.startsWith('--')) break;
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) continue;
    const headers = part.slice(0, headerEnd);
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    // Uploaded files land in $_FILES, not $_POST.
    if (name === undefined || name === '' || /\bfilename=/i.test(disposition)) continue;
    const content = part.slice(headerEnd + 4).replace(/\r\n$/, '');
    setPhpField(fields, name, Buffer.from(content, 'latin1').toString('utf8'));
  }
}
