import type { SimulatorData, SimulatorTicket } from './types.js';

/**
 * The sample API credential (admin `demo.admin`, assigned to departments 1 and 2). Fake values made
 * to look like real ones, so clients are exercised with realistic lengths and characters.
 */
export const SAMPLE_CREDENTIALS = {
  identifier: 'SimDemo9fK2qLw7Xr4Tn8Vb1Hc6Jm3Pd',
  secret: 'FAKE-sim-secret-q7Z2mR9kW4tX8vB1nL6cH3jP5dG0sY',
  adminUsername: 'demo.admin',
  adminPassword: 'fake-demo-password-41',
  // Uses characters WHMCS allows in an access key that need URL-encoding.
  accessKey: 'sim.Access-Key_2026!@#',
} as const;

/** A fresh copy of a lively, realistic WHMCS: the six default statuses plus custom ones. */
export function createSampleData(): SimulatorData {
  return {
    statuses: [
      { title: 'Open', showActive: true, showAwaiting: true, sortOrder: 1 },
      { title: 'Answered', showActive: true, showAwaiting: false, sortOrder: 2 },
      { title: 'Customer-Reply', showActive: true, showAwaiting: true, sortOrder: 3 },
      { title: 'Closed', showActive: false, showAwaiting: false, sortOrder: 4 },
      { title: 'On Hold', showActive: true, showAwaiting: false, sortOrder: 5 },
      { title: 'In Progress', showActive: true, showAwaiting: false, sortOrder: 6 },
      // WHMCS stores admin input HTML-encoded, so the API serves the entity.
      { title: 'Billing &amp; Sales', showActive: true, showAwaiting: true, sortOrder: 7 },
      { title: 'Waiting on Vendor', showActive: true, showAwaiting: false, sortOrder: 8 },
    ],
    departments: [
      { id: 1, name: 'General Enquiries' },
      { id: 2, name: 'Technical Support' },
      { id: 3, name: 'Billing' },
      { id: 4, name: 'Abuse' },
    ],
    admins: [
      {
        id: 1,
        username: SAMPLE_CREDENTIALS.adminUsername,
        password: SAMPLE_CREDENTIALS.adminPassword,
        departmentIds: [1, 2],
        apiAccess: true,
      },
      {
        id: 2,
        username: 'ops.lead',
        password: 'fake-ops-password-77',
        departmentIds: [],
        apiAccess: true,
      },
    ],
    apiCredentials: [
      {
        identifier: SAMPLE_CREDENTIALS.identifier,
        secret: SAMPLE_CREDENTIALS.secret,
        adminId: 1,
        allowedActions: ['GetTicketCounts', 'GetTickets', 'GetTicket'],
      },
      {
        identifier: 'SimOps5bN8yT2wQ6eR1uI9oP4aS7dF3',
        secret: 'FAKE-sim-secret-ops-M4nB7vC2xZ9lK5jH1gF8dS3aQ6',
        adminId: 2,
        allowedActions: 'all',
      },
    ],
    tickets: sampleTickets(),
    allowedIps: ['127.0.0.1', '::1'],
    accessKey: SAMPLE_CREDENTIALS.accessKey,
  };
}

// [departmentId, status, flaggedAdminId?, merged?] — hand-written so the totals stay well known.
const TICKETS: [number, string, number?, boolean?][] = [
  [1, 'Open'],
  [1, 'Open', 1],
  [1, 'Customer-Reply'],
  [1, 'Answered'],
  [1, 'Closed'],
  [1, 'Closed'],
  [1, 'On Hold'],
  [1, 'Billing &amp; Sales'],
  [1, 'Closed', undefined, true],
  [1, 'Open', undefined, true],
  [2, 'Open'],
  [2, 'Open'],
  [2, 'Customer-Reply', 1],
  [2, 'Customer-Reply'],
  [2, 'Answered'],
  [2, 'Answered'],
  [2, 'In Progress', 1],
  [2, 'Waiting on Vendor'],
  [2, 'Closed'],
  [2, 'Closed'],
  [2, 'Closed', 1],
  [3, 'Open'],
  [3, 'Customer-Reply'],
  [3, 'Billing &amp; Sales'],
  [3, 'Billing &amp; Sales', 2],
  [3, 'Answered', 1],
  [3, 'Closed'],
  [3, 'Closed'],
  [3, 'On Hold'],
  [4, 'Open', 2],
  [4, 'Open'],
  [4, 'Answered'],
  [4, 'Closed'],
  [4, 'Closed'],
  [4, 'Closed'],
  [4, 'In Progress'],
  [2, 'Open'],
  [1, 'Customer-Reply'],
  [3, 'Closed'],
  [1, 'Answered'],
];

function sampleTickets(): SimulatorTicket[] {
  return TICKETS.map(([departmentId, status, flaggedAdminId, merged], index) => {
    const ticket: SimulatorTicket = { id: 101 + index, departmentId, status };
    if (flaggedAdminId !== undefined) ticket.flaggedAdminId = flaggedAdminId;
    if (merged === true) ticket.merged = true;
    return ticket;
  });
}
