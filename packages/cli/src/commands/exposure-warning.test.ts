import { describe, expect, it } from 'vitest';
import { exposureWarning } from './exposure-warning.js';

describe('exposureWarning', () => {
  it('for pages advises 127.0.0.1 behind the web server, and a token only for server-side consumers', () => {
    // A page would have to publish the token, so the README offers it to server-side consumers only.
    expect(exposureWarning('0.0.0.0', false)).toBe(
      "listening on 0.0.0.0 lets other machines read the ticket counts; for web pages keep the default 127.0.0.1 behind your intranet's reverse proxy, and for server-side consumers add --token-file PATH.",
    );
  });

  it('with a token, asks for https', () => {
    expect(exposureWarning('10.0.0.7', true)).toBe(
      'listening on 10.0.0.7 exposes the relay beyond this machine; put it behind https.',
    );
  });

  it.each(['127.0.0.1', '::1', 'localhost'])('stays quiet for the loopback host %s', (host) => {
    expect(exposureWarning(host, false)).toBeUndefined();
  });
});
