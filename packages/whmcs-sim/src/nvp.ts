import type { PhpValue } from './php-json.js';

/**
 * WHMCS's deprecated default response format: `key=value;` for each top-level field, as PHP's
 * `echo "$k=$v;"` prints it — arrays become the word `Array`, true `1`, false and null nothing.
 */
export function encodeNvp(fields: Map<string, PhpValue>): string {
  let out = '';
  for (const [key, value] of fields) out += `${key}=${nvpValue(value)};`;
  return out;
}

function nvpValue(value: PhpValue): string {
  if (value === null || value === false) return '';
  if (value === true) return '1';
  if (typeof value === 'object') return 'Array';
  return String(value);
}
