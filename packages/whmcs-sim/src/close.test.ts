import { Agent, request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startWhmcsSimulator } from './simulator.js';
import { callApi, sampleRequest } from './test-support/call-api.js';
import { waitFor } from './test-support/wait-for.js';

/** One keep-alive POST; resolves with the socket the agent keeps open afterwards. */
function keepAlivePost(url: string, agent: Agent): Promise<{ status: number; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      timeout: 5000,
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, socket: req.socket as Socket }));
    });
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(new URLSearchParams(sampleRequest()).toString());
  });
}

describe('close()', () => {
  it('closes idle keep-alive sockets and is idempotent', async () => {
    const simulator = await startWhmcsSimulator();
    const agent = new Agent({ keepAlive: true });
    try {
      const { status, socket } = await keepAlivePost(simulator.apiUrl, agent);
      expect(status).toBe(200);
      expect(socket.destroyed).toBe(false);
      let socketClosed = false;
      socket.on('close', () => {
        socketClosed = true;
      });
      await Promise.all([simulator.close(), simulator.close()]);
      await simulator.close();
      await waitFor(() => socketClosed);
      await expect(callApi(simulator.apiUrl)).rejects.toThrow();
    } finally {
      agent.destroy();
      await simulator.close();
    }
  });

  it('frees the port for a new server', async () => {
    const first = await startWhmcsSimulator();
    const port = Number(new URL(first.baseUrl).port);
    await first.close();
    const second = await startWhmcsSimulator({ port });
    try {
      expect(second.baseUrl).toBe(first.baseUrl);
    } finally {
      await second.close();
    }
  });

  it('rejects when the port is taken', async () => {
    const first = await startWhmcsSimulator();
    try {
      const port = Number(new URL(first.baseUrl).port);
      await expect(startWhmcsSimulator({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await first.close();
    }
  });
});
