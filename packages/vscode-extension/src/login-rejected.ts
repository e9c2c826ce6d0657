/**
 * Whether WHMCS turned down the login itself, so that sending the same one again would count
 * toward its IP ban (or prolong one). Other halting errors (a redirect, a missing permission, an
 * IP not on the allow-list) stop polling too, but come before or after the login check: resending
 * after a fix costs nothing, and asking "Send Anyway?" there would call a good login rejected.
 * A string: a halt remembered in SecretStorage carries its kind as stored.
 */
export function loginRejected(kind: string): boolean {
  return kind === 'authentication' || kind === 'ip-banned';
}
