import type { Transport } from './transport.js';

/**
 * A transport on the Fetch API (browser, Electron, Node). Redirects are not followed: a browser
 * then hides the redirect as an opaque response with status 0, which the client reports as such.
 */
export function fetchTransport(fetchImpl: typeof fetch): Transport {
  return async ({ url, body, headers, signal }) => {
    const response = await fetchImpl(url, {
      method: 'POST',
      body,
      headers,
      signal,
      redirect: 'manual',
      credentials: 'omit',
    });
    if (response.type === 'opaqueredirect') {
      return { status: 0, headers: response.headers, body: '' };
    }
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
}
