import { secretForms } from './secret-forms.js';

const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of each secret in `text`, also in the encoded forms a server may echo
 * it in (form body, query string, JSON string, HTML page; see `secretForms`).
 */
export function redact(text: string, secrets: readonly string[]): string {
  // Text between placeholders is redacted piece by piece, so a short secret ("e") never eats a
  // placeholder, whether already there or just put in for a longer secret.
  let pieces = text.split(REDACTED);
  for (const form of expandSecrets(secrets)) {
    if (pieces.some((piece) => piece.includes(form))) {
      pieces = pieces.flatMap((piece) => piece.split(form));
    }
  }
  return pieces.join(REDACTED);
}

const expandedCache = new WeakMap<readonly string[], string[]>();

function expandSecrets(secrets: readonly string[]): string[] {
  const cached = expandedCache.get(secrets);
  if (cached) return cached;
  const forms = new Set<string>();
  for (const secret of secrets) {
    for (const form of secretForms(secret)) forms.add(form);
  }
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  expandedCache.set(secrets, ordered);
  return ordered;
}
