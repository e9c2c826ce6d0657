/** A request line's target split the way a web server in front of PHP sees it. */
export interface RequestTarget {
  /** The path exactly as sent, for the request record. */
  path: string;
  /** The raw query string without `?`. */
  query: string;
  /** The path a web server maps to a file: percent-decoded, repeated slashes merged. */
  filePath: string;
}

/**
 * Splits by hand rather than with `new URL()`, which would read a target like `//includes/api.php`
 * as a host name. Apache and nginx both serve that target as `/includes/api.php`, so WHMCS answers
 * it; the simulator must too.
 */
export function parseRequestTarget(target: string): RequestTarget {
  const hashless = target.split('#')[0] ?? '';
  const mark = hashless.indexOf('?');
  const path = mark === -1 ? hashless : hashless.slice(0, mark);
  const query = mark === -1 ? '' : hashless.slice(mark + 1);
  return { path, query, filePath: decodePath(path).replace(/\/{2,}/g, '/') };
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    // A malformed escape cannot name any file; keep it so it simply does not match.
    return path;
  }
}
