const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of each secret in `text`, also in the URL-encoded forms a secret takes in
 * a form body or a query string, because an upstream error page may echo what it was sent.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of expandSecrets(secrets)) {
    if (result.includes(secret)) result = result.split(secret).join(REDACTED);
  }
  return result;
}

const expandedCache = new WeakMap<readonly string[], string[]>();

function expandSecrets(secrets: readonly string[]): string[] {
  const cached = expandedCache.get(secrets);
  if (cached) return cached;
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    forms.add(secret);
    const encoded = encodeURIComponent(secret);
    forms.add(encoded);
    forms.add(encoded.replace(/%20/g, '+'));
    forms.add(encoded.toLowerCase());
  }
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  expandedCache.set(secrets, ordered);
  return ordered;
}
