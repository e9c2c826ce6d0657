import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTicketCountsClient, fetchTransport } from '@whmcs-ticket-counts/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpsTransport } from './https-transport.js';

/**
 * A WHMCS behind a self-signed certificate. The simulator speaks plain http only, so this is a
 * minimal https server that answers like GetTicketCounts; the certificate is made by openssl.
 */
describe('createHttpsTransport (custom CA file)', () => {
  let dir: string;
  let server: Server;
  let url: string;
  let bodies: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'whmcs-ca-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-days',
        '2',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    bodies = [];
    server = createServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        req.on('end', () => {
          bodies.push(body);
          if (req.url?.startsWith('/moved/')) {
            res.writeHead(302, { location: 'https://127.0.0.1/elsewhere/' }).end();
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              result: 'success',
              filteredDepartments: [],
              allActive: 5,
              awaitingReply: 2,
              flaggedTickets: 0,
            }),
          );
        });
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const connection = (base: string) => ({
    url: base,
    auth: { kind: 'api-credential' as const, identifier: 'ID', secret: 'FAKE-secret' },
  });

  it('trusts the configured CA and posts the form body', async () => {
    const client = createTicketCountsClient({
      connection: connection(url),
      transport: createHttpsTransport({ caFile: join(dir, 'cert.pem') }),
    });
    const counts = await client.getTicketCounts();
    expect(counts.awaitingReply).toBe(2);
    expect(new URLSearchParams(bodies.at(-1)).get('action')).toBe('GetTicketCounts');
  });

  it('keeps verification on: without the CA the same server is refused', async () => {
    const client = createTicketCountsClient({
      connection: connection(url),
      transport: fetchTransport(globalThis.fetch),
    });
    const error = await client.getTicketCounts().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'network' });
  });

  it('does not follow redirects', async () => {
    const client = createTicketCountsClient({
      connection: connection(`${url}moved/`),
      transport: createHttpsTransport({ caFile: join(dir, 'cert.pem') }),
    });
    const error = await client.getTicketCounts().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'redirect', status: 302 });
  });

  it('says which CA file cannot be read', async () => {
    const client = createTicketCountsClient({
      connection: connection(url),
      transport: createHttpsTransport({ caFile: join(dir, 'missing.pem') }),
    });
    const error = await client.getTicketCounts().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'configuration' });
    expect((error as Error).message).toMatch(/missing\.pem" cannot be read; fix the caFile path/);
  });
});
