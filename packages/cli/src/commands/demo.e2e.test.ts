import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { occupyPort } from '../test-support/busy-port.js';
import { pathWithoutPnpm } from '../test-support/path-without-pnpm.js';
import { repositoryRoot, runCli, runShell } from '../test-support/run-cli.js';
import { RunningCli } from '../test-support/running-cli.js';

let running: RunningCli | undefined;

function rootPackageJson(): { packageManager: string } {
  return JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8'));
}

afterEach(async () => {
  await running?.kill();
  running = undefined;
});

describe('demo', () => {
  it('--once prints the sample counts and exits 0', async () => {
    const result = await runCli(['demo', '--once', '--port', '0'], { timeoutMs: 20_000 });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Simulated WHMCS \(fake sample data\): http:\/\/127\.0\.0\.1:\d+\/\n/,
    );
    // The sample data's known totals for the sample credential (departments 1 and 2).
    expect(result.stdout).toContain('Awaiting reply       10\n');
    expect(result.stdout).toContain('All active           17\n');
    expect(result.stdout).toContain('  Billing & Sales     3\n');
    // The simulator is gone once the command exits, so no 'get' hint.
    expect(result.stdout).not.toContain('WHMCS_SECRET');
    expect(result.stderr).toBe('');
  });

  it('stops cleanly once the reader of its output is gone (demo | head -3), as pipelines expect', async () => {
    running = new RunningCli(['demo', '--port', '0', '--relay-port', '0', '--interval', '0.2']);
    await running.waitForStdout(/Relay demo page: /);
    running.closeStdout();
    // The next change line meets the closed pipe; the demo must then stop as on Ctrl-C.
    const result = await running.waitForExit(15_000);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('whmcs-ticket-counts: stopping the demo.');
  });

  it('runs the relay in front of the lively simulator, prints changes, and stops cleanly on Ctrl-C', async () => {
    running = new RunningCli(['demo', '--port', '0', '--relay-port', '0', '--interval', '0.2']);
    const [, relayUrl] = await running.waitForStdout(
      /Relay demo page: (http:\/\/127\.0\.0\.1:\d+\/)\n/,
    );
    if (relayUrl === undefined) throw new Error('no relay URL');

    // A ready-to-paste 'get' line with the simulator's public sample credential, labelled as such;
    // pasted into a shell at the repository root, as printed, it works.
    const [hint] = await running.waitForStdout(
      /^ {2}WHMCS_SECRET='FAKE-[^']+' pnpm exec whmcs-ticket-counts get --url http:\/\/127\.0\.0\.1:\d+\/ --identifier \S+$/m,
    );
    expect(running.stdout).toContain('not a real secret');
    const viaShell = await runShell(`${hint?.trim()} --json`, repositoryRoot);
    expect(viaShell.stderr).toBe('');
    expect(viaShell.code).toBe(0);
    expect(typeof JSON.parse(viaShell.stdout).allActive).toBe('number');

    const response = await fetch(new URL('/ticket-counts', relayUrl), {
      signal: AbortSignal.timeout(5000),
    });
    expect(response.status).toBe(200);
    const payload = (await response.json()) as {
      awaitingReply: unknown;
      status: Record<string, unknown>;
    };
    expect(typeof payload.awaitingReply).toBe('number');
    expect(Object.keys(payload.status)).toContain('open');

    // The simulator drifts every 0.2 s, so a change line comes soon; bounded by the wait's timeout.
    await running.waitForStdout(/^\d\d:\d\d:\d\d {2}[A-Z][\w &-]+: \d+ → \d+$/m);

    const result = await running.interrupt();
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('stopping the demo');
    // Everything was closed: the relay no longer answers.
    await expect(
      fetch(new URL('/healthz', relayUrl), { signal: AbortSignal.timeout(5000) }),
    ).rejects.toThrow();
  });

  it('prints a get line that works without pnpm installed when demo ran as the root README says (npx --yes pnpm@… demo)', async () => {
    // What pnpm passes to the scripts it runs when npx fetched it; the version is the repository's.
    const version = /^pnpm@(.+)$/.exec(rootPackageJson().packageManager)?.[1];
    running = new RunningCli(['demo', '--port', '0', '--relay-port', '0', '--interval', '0.2'], {
      npm_config_user_agent: `pnpm/${version} npm/? node/${process.version} linux x64`,
      npm_execpath: '/home/reader/.npm/_npx/c80dab5832ec79ce/node_modules/pnpm/bin/pnpm.cjs',
    });
    const [hint] = await running.waitForStdout(
      /^ {2}WHMCS_SECRET='FAKE-[^']+' npx --yes pnpm@\S+ exec whmcs-ticket-counts get --url http:\/\/127\.0\.0\.1:\d+\/ --identifier \S+$/m,
    );
    expect(hint).toContain(`npx --yes pnpm@${version} exec`);
    const noPnpm = pathWithoutPnpm();
    try {
      const viaShell = await runShell(
        `${hint?.trim()} --json`,
        repositoryRoot,
        60_000,
        noPnpm.path,
      );
      expect(viaShell.stderr).toBe('');
      expect(viaShell.code).toBe(0);
      expect(typeof JSON.parse(viaShell.stdout).allActive).toBe('number');
      // The shell really had no pnpm: the bare command is not found there.
      expect((await runShell('pnpm --version', repositoryRoot, 20_000, noPnpm.path)).code).toBe(
        127,
      );
    } finally {
      noPnpm.remove();
    }
    expect((await running.interrupt()).code).toBe(0);
  });

  it('names --relay-port when the relay port is taken', async () => {
    const busy = await occupyPort();
    try {
      const result = await runCli(['demo', '--port', '0', '--relay-port', String(busy.port)], {
        timeoutMs: 20_000,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `whmcs-ticket-counts: Port ${busy.port} on 127.0.0.1 is already in use; stop the other program or choose another port with --relay-port.\n`,
      );
      // A demo that fails prints no counts, as if it had half worked.
      expect(result.stdout).toBe('');
    } finally {
      await busy.close();
    }
  });

  it('names --port when the simulator port is taken', async () => {
    const busy = await occupyPort();
    try {
      const result = await runCli(['demo', '--once', '--port', String(busy.port)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `whmcs-ticket-counts: Port ${busy.port} on 127.0.0.1 is already in use; stop the other program or choose another port with --port.\n`,
      );
    } finally {
      await busy.close();
    }
  });

  it('suggests an --interval consistent with its default', async () => {
    const result = await runCli(['demo', '--interval', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'whmcs-ticket-counts: --interval wants a positive number of seconds, such as --interval 2.\n',
    );
  });

  it('rejects a bad port as a usage error', async () => {
    const result = await runCli(['demo', '--once', '--port', 'eighty']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'whmcs-ticket-counts: --port wants a port number from 0 to 65535 (0 picks a free one).\n',
    );
  });
});
