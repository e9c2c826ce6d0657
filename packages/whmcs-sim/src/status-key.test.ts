import { describe, expect, it } from 'vitest';
import { createSampleData } from './sample-data.js';
import { statusKey } from './status-key.js';
import { callApi, postJson, sampleRequest } from './test-support/call-api.js';
import { simulatorFixture } from './test-support/simulator-fixture.js';

const start = simulatorFixture();

describe('statusKey', () => {
  it('lower-cases and drops everything outside a-z0-9', () => {
    expect(statusKey('Customer-Reply')).toBe('customerreply');
    expect(statusKey('On Hold')).toBe('onhold');
    expect(statusKey('In Progress')).toBe('inprogress');
    expect(statusKey('Billing &amp; Sales')).toBe('billingampsales');
    expect(statusKey('Tier 2 / Escalated')).toBe('tier2escalated');
  });

  it('turns non-Latin titles into the empty key', () => {
    expect(statusKey('Ожидание')).toBe('');
    expect(statusKey('対応中')).toBe('');
    // Accented letters are not a-z either.
    expect(statusKey('Réponse')).toBe('rponse');
    // PHP 8's strtolower is ASCII-only: letters JavaScript would lower-case into a-z are dropped.
    expect(statusKey('İade')).toBe('ade');
    expect(statusKey('\u212Aey')).toBe('ey');
  });
});

describe('status keys over HTTP', () => {
  it('lets the later title win a key collision, at the first one’s position', async () => {
    const data = createSampleData();
    data.statuses = [
      { title: 'On Hold', showActive: true, showAwaiting: false, sortOrder: 1 },
      { title: 'Open', showActive: true, showAwaiting: true, sortOrder: 2 },
      { title: 'On-Hold', showActive: true, showAwaiting: false, sortOrder: 3 },
    ];
    data.tickets = [
      { id: 1, departmentId: 1, status: 'On Hold' },
      { id: 2, departmentId: 1, status: 'On-Hold' },
      { id: 3, departmentId: 1, status: 'On-Hold' },
    ];
    const simulator = await start({ data });
    const { body } = await postJson(
      simulator.apiUrl,
      sampleRequest({ includeCountsByStatus: '1' }),
    );
    expect(body.status).toEqual({
      onhold: { title: 'On-Hold', count: 2 },
      open: { title: 'Open', count: 0 },
    });
    expect(Object.keys(body.status as object)).toEqual(['onhold', 'open']);
  });

  it('keys non-Latin titles as "" and escapes them like PHP’s json_encode', async () => {
    const data = createSampleData();
    data.statuses = [
      { title: 'Ожидание', showActive: true, showAwaiting: true, sortOrder: 1 },
      { title: 'Vendor/Partner', showActive: true, showAwaiting: false, sortOrder: 2 },
    ];
    data.tickets = [{ id: 1, departmentId: 1, status: 'Ожидание' }];
    const simulator = await start({ data });
    const answer = await callApi(simulator.apiUrl, {
      method: 'POST',
      body: new URLSearchParams(sampleRequest({ includeCountsByStatus: '1' })),
    });
    expect(answer.text).toContain(
      '"status":{"":{"title":"\\u041e\\u0436\\u0438\\u0434\\u0430\\u043d\\u0438\\u0435","count":1}',
    );
    expect(answer.text).toContain('"title":"Vendor\\/Partner"');
    expect(JSON.parse(answer.text).status['']).toEqual({ title: 'Ожидание', count: 1 });
  });

  it('keeps numeric keys in sort order, as PHP arrays do', async () => {
    const data = createSampleData();
    data.statuses = [
      { title: 'Open', showActive: true, showAwaiting: true, sortOrder: 1 },
      { title: '2nd Line', showActive: true, showAwaiting: false, sortOrder: 2 },
      { title: '2024', showActive: true, showAwaiting: false, sortOrder: 3 },
    ];
    const simulator = await start({ data });
    const answer = await callApi(simulator.apiUrl, {
      method: 'POST',
      body: new URLSearchParams(sampleRequest({ includeCountsByStatus: '1' })),
    });
    // JSON.parse would reorder "2024" first, so look at the raw text.
    expect(answer.text).toMatch(/"status":\{"open":.*"2ndline":.*"2024":/);
  });

  it('sends an empty status list as [] like PHP does for an empty array', async () => {
    const data = createSampleData();
    data.statuses = [];
    const simulator = await start({ data });
    const { body } = await postJson(
      simulator.apiUrl,
      sampleRequest({ includeCountsByStatus: '1' }),
    );
    expect(body.status).toEqual([]);
    expect(body.allActive).toBe(0);
  });
});
