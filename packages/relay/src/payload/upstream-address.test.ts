import { describe, expect, it } from 'vitest';
import { UpstreamAddress } from './upstream-address.js';

describe('UpstreamAddress.hide', () => {
  it('replaces host:port, the bare host and whole URLs on that host with "WHMCS"', () => {
    const address = UpstreamAddress.from('https://billing.example.com:8443/whmcs/');
    expect(
      address?.hide('Nothing answered at billing.example.com:8443 (connection refused).'),
    ).toBe('Nothing answered at WHMCS (connection refused).');
    expect(
      address?.hide(
        'WHMCS answered HTTP 404 at https://billing.example.com:8443/whmcs/includes/api.php; check the URL.',
      ),
    ).toBe('WHMCS answered HTTP 404 at WHMCS; check the URL.');
    expect(address?.hide('Redirected to https://user:pw@BILLING.example.com/login.')).toBe(
      'Redirected to WHMCS.',
    );
    expect(address?.hide('The host name of billing.example.com could not be found.')).toBe(
      'The host name of WHMCS could not be found.',
    );
  });

  it('uses the default port when the URL names none', () => {
    const address = UpstreamAddress.from('http://127.0.0.1/');
    expect(address?.hide('Nothing answered at 127.0.0.1:80 (connection refused).')).toBe(
      'Nothing answered at WHMCS (connection refused).',
    );
    expect(UpstreamAddress.from('http://[::1]:8080/')?.hide('The host [::1]:8080 is down.')).toBe(
      'The host WHMCS is down.',
    );
  });

  it('leaves other hosts and longer names that merely contain the host alone', () => {
    const address = UpstreamAddress.from('http://example.com/');
    expect(
      address?.hide('Redirected to https://login.example.com.evil.test/ and example.community.'),
    ).toBe('Redirected to https://login.example.com.evil.test/ and example.community.');
  });

  it('rewrites no ordinary words for a single-label host, only its address forms', () => {
    const address = UpstreamAddress.from('http://server:8080/');
    expect(
      address?.hide('Nothing answered at server:8080; check that the server is running.'),
    ).toBe('Nothing answered at WHMCS; check that the server is running.');
  });

  it('keeps an address WHMCS quotes where it stands alone, and hides every other form of the host', () => {
    const address = UpstreamAddress.from('http://127.0.0.1:8080/');
    expect(
      address?.hide(
        'Refused from IP 127.0.0.1 (at 127.0.0.1:8080, http://127.0.0.1/x and 127.0.0.1/y); allow 127.0.0.1.',
        '127.0.0.1',
      ),
    ).toBe('Refused from IP 127.0.0.1 (at WHMCS, WHMCS and WHMCS/y); allow 127.0.0.1.');
    // Another quoted address leaves the host hidden as before.
    expect(address?.hide('Refused from IP 10.0.0.5 at 127.0.0.1.', '10.0.0.5')).toBe(
      'Refused from IP 10.0.0.5 at WHMCS.',
    );
  });

  it('is absent without a usable URL', () => {
    expect(UpstreamAddress.from(undefined)).toBeUndefined();
    expect(UpstreamAddress.from('not a url')).toBeUndefined();
  });
});
