import { unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWhmcsSimulator, type WhmcsSimulator } from '@whmcs-ticket-counts/whmcs-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidConfigurationError } from './errors/invalid-configuration-error.js';
import { NetworkError } from './errors/network-error.js';
import { createNodeTransport } from './node/node-transport.js';
import { type ConnectProxy, startConnectProxy } from './test-support/connect-proxy.js';
import { apiCredentialConnection, distinctSimData } from './test-support/distinct-secrets.js';
import { expectSafeError, rejectionOf } from './test-support/expect-safe-error.js';
import { startTlsFront, TLS_FILES, type TlsFront } from './test-support/tls-front.js';
import { TRANSPORTS } from './test-support/transports.js';
import { createTicketCountsClient } from './ticket-counts-client.js';
import type { Transport } from './transport.js';

describe('TLS against the simulator behind a TLS listener on 127.0.0.1', () => {
  let sim: WhmcsSimulator;
  let front: TlsFront;
  let expiredFront: TlsFront;

  beforeAll(async () => {
    sim = await startWhmcsSimulator({ data: distinctSimData() });
    const simPort = Number(new URL(sim.baseUrl).port);
    front = await startTlsFront(simPort);
    expiredFront = await startTlsFront(simPort, TLS_FILES.expiredCert);
  });
  afterAll(async () => {
    await front.close();
    await expiredFront.close();
    await sim.close();
  });

  const fetchOver = async (transport: Transport, url: string) =>
    createTicketCountsClient({
      connection: apiCredentialConnection(url),
      transport,
      timeoutMs: 5000,
    }).getTicketCounts();

  it.each(TRANSPORTS)(
    '$name: an unknown CA is a NetworkError pointing at a CA file',
    async ({ create }) => {
      const { transport, close } = create();
      try {
        const error = expectSafeError(
          await rejectionOf(fetchOver(transport, front.url('/'))),
          NetworkError,
        );
        expect(error.message).toContain('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
        expect(error.tlsHint).toMatch(/CA file/);
        // Finding 12: no option name of one front end (caFile, --ca-file) in a shared message.
        expect(error.tlsHint).not.toMatch(/caFile/);
        expect(error.tlsHint).toMatch(/never disable/);
      } finally {
        await close();
      }
    },
  );

  it.each(TRANSPORTS)(
    '$name: http:// to the TLS port, which closes without a word, suggests https://',
    async ({ create }) => {
      const { transport, close } = create();
      try {
        const plain = front.url('/').replace(/^https:/, 'http:');
        const error = expectSafeError(await rejectionOf(fetchOver(transport, plain)), NetworkError);
        expect(error.message).toBe(
          `The connection to ${new URL(plain).host} closed before WHMCS answered; if that port serves HTTPS, write the WHMCS URL with https://, otherwise try again and check proxies or firewalls if it keeps happening.`,
        );
      } finally {
        await close();
      }
    },
  );

  it('createNodeTransport({ caFile }) trusts the private CA and gets the counts', async () => {
    const transport = createNodeTransport({ caFile: TLS_FILES.caFile, proxyFromEnv: false });
    try {
      const before = sim.requests.length;
      const counts = await fetchOver(transport, front.url('/'));
      expect(counts.filteredDepartments).toEqual([1]);
      expect(sim.requests.length).toBe(before + 1);
    } finally {
      await transport.close();
    }
  });

  describe('through an HTTPS_PROXY tunnel', () => {
    const saved = { ...process.env };
    let proxy: ConnectProxy;
    const PROXY_VARS = [
      'HTTP_PROXY',
      'http_proxy',
      'HTTPS_PROXY',
      'https_proxy',
      'NO_PROXY',
      'no_proxy',
    ];

    beforeAll(async () => {
      proxy = await startConnectProxy();
      for (const name of PROXY_VARS) delete process.env[name];
      process.env.HTTPS_PROXY = proxy.url;
    });
    afterAll(async () => {
      await proxy.close();
      for (const name of PROXY_VARS) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    });

    // Names only the test proxy knows (it maps *.test to 127.0.0.1); the certificate names whmcs.test.
    const named = (host: string) => front.url('/').replace('127.0.0.1', host);

    it('trusts the private CA for the tunnelled host', async () => {
      const transport = createNodeTransport({ caFile: TLS_FILES.caFile });
      try {
        const counts = await fetchOver(transport, named('whmcs.test'));
        expect(counts.filteredDepartments).toEqual([1]);
        expect(proxy.tunnels.at(-1)).toBe(new URL(named('whmcs.test')).host);
      } finally {
        await transport.close();
      }
    });

    it('reports a certificate issued for another name', async () => {
      const transport = createNodeTransport({ caFile: TLS_FILES.caFile });
      try {
        const error = expectSafeError(
          await rejectionOf(fetchOver(transport, named('other-name.test'))),
          NetworkError,
        );
        expect(error.message).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
        expect(error.tlsHint).toMatch(/host name it was issued for/);
      } finally {
        await transport.close();
      }
    });
  });

  it('an expired certificate says so, even with the right CA', async () => {
    const transport = createNodeTransport({ caFile: TLS_FILES.caFile, proxyFromEnv: false });
    try {
      const error = expectSafeError(
        await rejectionOf(fetchOver(transport, expiredFront.url('/'))),
        NetworkError,
      );
      expect(error.message).toContain('CERT_HAS_EXPIRED');
      expect(error.tlsHint).toMatch(/expired/);
    } finally {
      await transport.close();
    }
  });

  it.each(TRANSPORTS)(
    '$name: https:// to a plain-http port is a NetworkError',
    async ({ create }) => {
      const { transport, close } = create();
      try {
        const plainPort = new URL(sim.baseUrl).port;
        const error = expectSafeError(
          await rejectionOf(fetchOver(transport, `https://127.0.0.1:${plainPort}/`)),
          NetworkError,
        );
        expect(error.message).toMatch(/TLS/);
      } finally {
        await close();
      }
    },
  );

  it('a CA file that is missing or not PEM fails at set-up with an InvalidConfigurationError', () => {
    expect(() => createNodeTransport({ caFile: join(tmpdir(), 'no-such-ca-file.pem') })).toThrow(
      InvalidConfigurationError,
    );
    const notPem = join(tmpdir(), `not-pem-${process.pid}.txt`);
    writeFileSync(notPem, 'hello');
    try {
      expect(() => createNodeTransport({ caFile: notPem })).toThrow(/no PEM certificate/);
    } finally {
      unlinkSync(notPem);
    }
  });
});
