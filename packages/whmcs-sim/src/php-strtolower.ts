/**
 * PHP 8's `strtolower`: ASCII letters only. JavaScript's `toLowerCase` also maps letters such as
 * `İ` or the Kelvin sign onto a-z, which WHMCS would not.
 */
export function phpStrtolower(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}
