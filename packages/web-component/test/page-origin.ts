import { createServer } from 'node:net';

const variable = 'TICKET_COUNTS_TEST_PORT';

/**
 * Where vitest serves the browser tests; the relay under test allows exactly this origin (CORS).
 * A free port is chosen once per run (or taken from TICKET_COUNTS_TEST_PORT), so two runs at the
 * same time on one machine do not collide.
 */
export async function choosePagePort(): Promise<number> {
  if (process.env[variable]) return Number(process.env[variable]);
  const port = await new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  // globalSetup runs later in this same process and reads it from here.
  process.env[variable] = String(port);
  return port;
}

export function pageOrigin(): string {
  const port = process.env[variable];
  if (!port) throw new Error('The page port is not chosen yet (vitest.config.ts chooses it).');
  return `http://127.0.0.1:${port}`;
}
