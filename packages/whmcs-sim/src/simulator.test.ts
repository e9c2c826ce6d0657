import { afterEach, describe, expect, it } from 'vitest';
import { createSampleData } from './sample-data.js';
import { startWhmcsSimulator } from './simulator.js';
import { postForm, sampleRequest } from './test-support/call-api.js';
import type { WhmcsSimulator } from './types.js';

let simulator: WhmcsSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

describe('startWhmcsSimulator', () => {
  it('answers GetTicketCounts in the shape of the reference response', async () => {
    simulator = await startWhmcsSimulator();
    const answer = await postForm(simulator.apiUrl, sampleRequest({ includeCountsByStatus: '1' }));
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('application/json');
    const body = JSON.parse(answer.text);
    expect(body).toEqual({
      result: 'success',
      filteredDepartments: [1, 2],
      allActive: 17,
      awaitingReply: 10,
      flaggedTickets: 4,
      status: {
        open: { title: 'Open', count: 8 },
        answered: { title: 'Answered', count: 6 },
        customerreply: { title: 'Customer-Reply', count: 5 },
        closed: { title: 'Closed', count: 11 },
        onhold: { title: 'On Hold', count: 2 },
        inprogress: { title: 'In Progress', count: 2 },
        billingampsales: { title: 'Billing &amp; Sales', count: 3 },
        waitingonvendor: { title: 'Waiting on Vendor', count: 1 },
      },
    });
    expect(Object.keys(body)).toEqual([
      'result',
      'filteredDepartments',
      'allActive',
      'awaitingReply',
      'flaggedTickets',
      'status',
    ]);
  });

  it('gives the README’s figures for the sample data across all departments', async () => {
    simulator = await startWhmcsSimulator();
    const answer = await postForm(
      simulator.apiUrl,
      sampleRequest({ ignoreDepartmentAssignments: '1' }),
    );
    expect(JSON.parse(answer.text)).toEqual({
      result: 'success',
      filteredDepartments: [],
      allActive: 27,
      awaitingReply: 16,
      flaggedTickets: 4,
    });
  });

  it('serves only <basePath>includes/api.php and says where it lives', async () => {
    simulator = await startWhmcsSimulator({ basePath: 'billing' });
    expect(simulator.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/billing\/$/);
    expect(simulator.apiUrl).toBe(`${simulator.baseUrl}includes/api.php`);
    const ok = await postForm(simulator.apiUrl, sampleRequest());
    expect(JSON.parse(ok.text).result).toBe('success');
    const rootApi = new URL('/includes/api.php', simulator.baseUrl).href;
    const missing = await postForm(rootApi, sampleRequest());
    expect(missing.status).toBe(404);
    expect(missing.contentType).toMatch(/^text\/html/);
    expect(simulator.requests.map((r) => r.path)).toEqual([
      '/billing/includes/api.php',
      '/includes/api.php',
    ]);
  });

  it('serves the data it was given, live', async () => {
    const data = createSampleData();
    simulator = await startWhmcsSimulator({ data });
    expect(simulator.data).toBe(data);
    data.tickets = [{ id: 1, departmentId: 1, status: 'Open' }];
    const body = JSON.parse((await postForm(simulator.apiUrl, sampleRequest())).text);
    expect([body.allActive, body.awaitingReply, body.flaggedTickets]).toEqual([1, 1, 0]);
  });
});
