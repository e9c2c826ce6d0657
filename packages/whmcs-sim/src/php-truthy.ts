/**
 * How PHP reads a request field as a boolean: absent, `""` and `"0"` are false and every other
 * string is true — including `"false"`, which is what JavaScript's `String(false)` sends.
 */
export function isPhpTruthy(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0';
}
