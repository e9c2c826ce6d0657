import { describe, expect, it } from 'vitest';
import { relayAnnouncement } from './relay-announcement.js';

describe('relayAnnouncement', () => {
  it('names the address the relay listens on, and the URLs under it', () => {
    expect(relayAnnouncement('http://127.0.0.1:8787')).toEqual([
      'Relay listening on http://127.0.0.1:8787',
      'Counts:    http://127.0.0.1:8787/ticket-counts',
      'Demo page: http://127.0.0.1:8787/  (Ctrl-C stops)',
    ]);
    expect(relayAnnouncement('http://192.0.2.10:9000')[1]).toBe(
      'Counts:    http://192.0.2.10:9000/ticket-counts',
    );
  });

  // 0.0.0.0 is no address to open: browsers either refuse it or it means "this machine" only.
  it('for a relay on every IPv4 interface, gives loopback URLs for this machine and says how others reach it', () => {
    expect(relayAnnouncement('http://0.0.0.0:8787')).toEqual([
      "Relay listening on every interface, port 8787; from other machines use this machine's name or address",
      'Counts:    http://127.0.0.1:8787/ticket-counts',
      'Demo page: http://127.0.0.1:8787/  (Ctrl-C stops)',
    ]);
  });

  it('for a relay on every IPv6 interface, gives [::1] URLs', () => {
    expect(relayAnnouncement('http://[::]:8080')).toEqual([
      "Relay listening on every interface, port 8080; from other machines use this machine's name or address",
      'Counts:    http://[::1]:8080/ticket-counts',
      'Demo page: http://[::1]:8080/  (Ctrl-C stops)',
    ]);
  });
});
