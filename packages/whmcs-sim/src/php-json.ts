/**
 * A value as PHP's `json_encode` sees it. `Map` stands for a PHP array with keys: unlike a JS object
 * it keeps insertion order for numeric-looking keys too (a status titled "2024" stays in place).
 */
export type PhpValue = string | number | boolean | null | PhpValue[] | Map<string, PhpValue>;

/**
 * Encodes like `json_encode($value)` with default flags, as WHMCS's api.php does: `/` becomes `\/`,
 * non-ASCII becomes `\uXXXX`, an empty array is `[]`, and a keyed array whose keys are exactly
 * 0..n-1 is a list. Clients must cope with all of that, so the simulator does it too.
 */
export function encodePhpJson(value: PhpValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return encodePhpString(value);
  if (Array.isArray(value)) return `[${value.map(encodePhpJson).join(',')}]`;
  const entries = [...value.entries()];
  if (entries.every(([key], index) => key === String(index))) {
    return `[${entries.map(([, item]) => encodePhpJson(item)).join(',')}]`;
  }
  return `{${entries.map(([key, item]) => `${encodePhpString(key)}:${encodePhpJson(item)}`).join(',')}}`;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function encodePhpString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[char];
    if (short !== undefined) out += short;
    else if (code < 0x20 || code > 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}
