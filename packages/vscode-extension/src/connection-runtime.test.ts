import { createHash } from 'node:crypto';
import {
  SAMPLE_CREDENTIALS,
  startWhmcsSimulator,
  type WhmcsSimulator,
} from '@whmcs-ticket-counts/whmcs-sim';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionRuntime, secretsToRedact } from './connection-runtime.js';
import type { ConnectionSettings } from './connection-settings.js';

// Real HTTP against the WHMCS simulator on 127.0.0.1; nothing is mocked.
describe('ConnectionRuntime against the WHMCS simulator', () => {
  let sim: WhmcsSimulator;
  let lines: string[];
  const log = {
    info: (line: string) => lines.push(`info ${line}`),
    warn: (line: string) => lines.push(`warn ${line}`),
  };
  let settings: ConnectionSettings;

  beforeEach(async () => {
    sim = await startWhmcsSimulator();
    lines = [];
    settings = {
      id: 'sim',
      label: 'Simulator',
      url: sim.baseUrl,
      authMethod: 'api-credential',
      login: SAMPLE_CREDENTIALS.identifier,
      adminFolder: 'staff',
      ignoreDepartmentAssignments: false,
    };
  });

  afterEach(async () => {
    await sim.close();
  });

  it('loads counts with statuses, logs the timing and builds admin links', async () => {
    const runtime = new ConnectionRuntime(settings, { secret: SAMPLE_CREDENTIALS.secret }, 0, log);
    const state = await runtime.engine.refresh();
    expect(state.error).toBeUndefined();
    expect(state.value?.filteredDepartments).toEqual([1, 2]);
    expect(Object.keys(state.value?.status ?? {}).length).toBeGreaterThan(5);
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0]?.fields.includeCountsByStatus).toBe('1');
    // A false flag must not be sent as the string "false" (WHMCS reads it as true).
    expect(sim.requests[0]?.fields.ignoreDepartmentAssignments ?? '0').toBe('0');
    expect(lines.join('\n')).toMatch(
      /^info GetTicketCounts sim \(127\.0\.0\.1:\d+\): awaiting \d+, .* in \d+ ms$/m,
    );
    expect(runtime.links.awaitingReply).toBe(`${sim.baseUrl}staff/supporttickets.php`);
    expect(runtime.links.status('Billing &amp; Sales')).toBe(
      `${sim.baseUrl}staff/supporttickets.php?view=Billing%20%26%20Sales`,
    );
  });

  it('counts all departments when asked', async () => {
    const runtime = new ConnectionRuntime(
      { ...settings, ignoreDepartmentAssignments: true },
      { secret: SAMPLE_CREDENTIALS.secret },
      0,
      log,
    );
    const state = await runtime.engine.refresh();
    expect(state.value?.filteredDepartments).toEqual([]);
    expect(sim.requests[0]?.fields.ignoreDepartmentAssignments).toBe('1');
  });

  it('halts after a rejected secret: one request, then none, and the log holds no secret', async () => {
    const wrong = 'FAKE-wrong-secret-for-the-test';
    const runtime = new ConnectionRuntime(settings, { secret: wrong }, 1_000, log);
    const first = await runtime.engine.refresh();
    expect(first.error?.kind).toBe('authentication');
    expect(first.halted).toBe(true);
    await runtime.engine.refresh();
    await runtime.engine.refresh();
    expect(sim.requests).toHaveLength(1);
    expect(sim.failedLogins()).toBe(1);
    expect(lines.join('\n')).toMatch(
      /^warn GetTicketCounts sim .* failed after \d+ ms: authentication: /m,
    );
    expect(lines.join('\n')).not.toContain(wrong);
    runtime.engine.stop();
  });

  it('sends the legacy admin login as an MD5 hash and the access key', async () => {
    const runtime = new ConnectionRuntime(
      { ...settings, authMethod: 'admin-login', login: SAMPLE_CREDENTIALS.adminUsername },
      { secret: SAMPLE_CREDENTIALS.adminPassword, accessKey: SAMPLE_CREDENTIALS.accessKey },
      0,
      log,
    );
    const state = await runtime.engine.refresh();
    expect(state.error).toBeUndefined();
    expect(sim.requests[0]?.fields.password).toMatch(/^[0-9a-f]{32}$/);
    expect(sim.requests[0]?.fields.accesskey).toBe(SAMPLE_CREDENTIALS.accessKey);
  });

  it('redacts the password hash of a legacy admin login too', () => {
    const admin = { ...settings, authMethod: 'admin-login' as const, login: 'admin' };
    expect(secretsToRedact(admin, { secret: 'pw', accessKey: 'key' })).toEqual([
      'pw',
      'key',
      createHash('md5').update('pw').digest('hex'),
    ]);
    expect(secretsToRedact(settings, { secret: 'api-secret' })).toEqual(['api-secret']);
  });
});
