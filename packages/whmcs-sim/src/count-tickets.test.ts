import { describe, expect, it } from 'vitest';
import { createSampleData, SAMPLE_CREDENTIALS } from './sample-data.js';
import { postJson, sampleRequest } from './test-support/call-api.js';
import { simulatorFixture } from './test-support/simulator-fixture.js';
import type { SimulatorData } from './types.js';

const start = simulatorFixture();

/** Two departments, one admin assigned to department 1 only, statuses kept minimal. */
function smallDesk(): SimulatorData {
  const data = createSampleData();
  data.statuses = [
    { title: 'Open', showActive: true, showAwaiting: true, sortOrder: 1 },
    { title: 'Answered', showActive: true, showAwaiting: false, sortOrder: 2 },
    { title: 'Closed', showActive: false, showAwaiting: false, sortOrder: 3 },
    // Awaiting without active: the two flags count independently.
    { title: 'Needs Triage', showActive: false, showAwaiting: true, sortOrder: 4 },
  ];
  const admin = data.admins.find((a) => a.username === SAMPLE_CREDENTIALS.adminUsername);
  if (admin === undefined) throw new Error('sample admin missing');
  admin.departmentIds = [1];
  data.tickets = [
    { id: 1, departmentId: 1, status: 'Open' },
    { id: 2, departmentId: 1, status: 'Answered', flaggedAdminId: admin.id },
    { id: 3, departmentId: 1, status: 'Closed', flaggedAdminId: admin.id },
    { id: 4, departmentId: 1, status: 'Open', merged: true },
    { id: 5, departmentId: 1, status: 'Needs Triage' },
    { id: 6, departmentId: 2, status: 'Open', flaggedAdminId: admin.id },
    { id: 7, departmentId: 2, status: 'Open' },
    { id: 8, departmentId: 2, status: 'Closed' },
    { id: 9, departmentId: 2, status: 'No Such Status' },
  ];
  return data;
}

describe('GetTicketCounts counting', () => {
  it('counts the admin’s departments, flagged tickets everywhere, never merged ones', async () => {
    const simulator = await start({ data: smallDesk() });
    const { body } = await postJson(simulator.apiUrl, sampleRequest());
    expect(body).toEqual({
      result: 'success',
      filteredDepartments: [1],
      allActive: 2, // Open + Answered in department 1
      awaitingReply: 2, // Open + Needs Triage in department 1
      flaggedTickets: 2, // Answered (dept 1) + Open (dept 2); the closed flagged one is not active
    });
  });

  it('counts every department and reports [] when ignoreDepartmentAssignments is truthy', async () => {
    const simulator = await start({ data: smallDesk() });
    const { body } = await postJson(
      simulator.apiUrl,
      sampleRequest({ ignoreDepartmentAssignments: '1' }),
    );
    expect(body).toMatchObject({ filteredDepartments: [], allActive: 4, awaitingReply: 4 });
  });

  it('reports [] and counts everything for an admin without departments', async () => {
    const data = smallDesk();
    for (const admin of data.admins) admin.departmentIds = [];
    const simulator = await start({ data });
    const { body } = await postJson(simulator.apiUrl, sampleRequest());
    expect(body).toMatchObject({ filteredDepartments: [], allActive: 4, awaitingReply: 4 });
  });

  it('adds per-status counts over all departments, zeros included, in sort order', async () => {
    const data = smallDesk();
    data.statuses.push({ title: 'Escalated', showActive: true, showAwaiting: false, sortOrder: 0 });
    const simulator = await start({ data });
    const { body } = await postJson(
      simulator.apiUrl,
      sampleRequest({ includeCountsByStatus: '1' }),
    );
    expect(body.filteredDepartments).toEqual([1]);
    expect(body.status).toEqual({
      escalated: { title: 'Escalated', count: 0 },
      open: { title: 'Open', count: 3 },
      answered: { title: 'Answered', count: 1 },
      closed: { title: 'Closed', count: 2 },
      needstriage: { title: 'Needs Triage', count: 1 },
    });
    expect(Object.keys(body.status as object)).toEqual([
      'escalated',
      'open',
      'answered',
      'closed',
      'needstriage',
    ]);
  });

  it('serves titles HTML-encoded exactly as stored', async () => {
    const simulator = await start();
    const { body } = await postJson(
      simulator.apiUrl,
      sampleRequest({ includeCountsByStatus: '1' }),
    );
    expect((body.status as Record<string, unknown>).billingampsales).toEqual({
      title: 'Billing &amp; Sales',
      count: 3,
    });
  });
});

describe('flags read with PHP truthiness', () => {
  const cases: [string, boolean][] = [
    ['1', true],
    ['true', true],
    ['false', true], // what String(false) sends — WHMCS reads it as TRUE
    ['no', true],
    [' ', true],
    ['00', true],
    ['0', false],
    ['', false],
  ];
  for (const [value, truthy] of cases) {
    it(`reads ${JSON.stringify(value)} as ${truthy}`, async () => {
      const simulator = await start({ data: smallDesk() });
      const { body } = await postJson(
        simulator.apiUrl,
        sampleRequest({ ignoreDepartmentAssignments: value, includeCountsByStatus: value }),
      );
      expect(body.filteredDepartments).toEqual(truthy ? [] : [1]);
      expect('status' in body).toBe(truthy);
    });
  }

  // PHP makes `flag[]=0` an array, and a non-empty array is true whatever it holds.
  for (const suffix of ['[]', '[0]', '[x]']) {
    for (const value of ['0', '']) {
      it(`reads flag${suffix}=${JSON.stringify(value)} as an array, so true`, async () => {
        const simulator = await start({ data: smallDesk() });
        const { body } = await postJson(
          simulator.apiUrl,
          sampleRequest({
            [`ignoreDepartmentAssignments${suffix}`]: value,
            [`includeCountsByStatus${suffix}`]: value,
          }),
        );
        expect(body.filteredDepartments).toEqual([]);
        expect('status' in body).toBe(true);
      });
    }
  }

  it('treats an absent flag as false', async () => {
    const simulator = await start({ data: smallDesk() });
    const { body } = await postJson(simulator.apiUrl, sampleRequest());
    expect(body.filteredDepartments).toEqual([1]);
    expect('status' in body).toBe(false);
  });

  it('reads field names case-sensitively', async () => {
    const simulator = await start({ data: smallDesk() });
    const { body } = await postJson(
      simulator.apiUrl,
      sampleRequest({ IgnoreDepartmentAssignments: '1', includecountsbystatus: '1' }),
    );
    expect(body.filteredDepartments).toEqual([1]);
    expect('status' in body).toBe(false);
  });
});
