import { SAMPLE_CREDENTIALS, type SimulatorData } from '@whmcs-ticket-counts/whmcs-sim';

export const credentials = {
  identifier: SAMPLE_CREDENTIALS.identifier,
  secret: SAMPLE_CREDENTIALS.secret,
};

const statuses: [title: string, active: boolean, awaiting: boolean][] = [
  ['Open', true, true],
  ['Answered', true, false],
  ['Customer-Reply', true, true],
  ['Closed', false, false],
  // WHMCS stores admin input HTML-encoded: this is what a real server would send for "<img …>".
  ['&lt;img src=x onerror=alert(1)&gt;', true, false],
  // And in case something upstream ever forgets to encode.
  ['<img src=x onerror=alert(2)>', true, false],
  ['Billing &amp; Sales', true, true],
];

// [status, count]: awaiting reply = 3 + 1 + 2 = 6; active = 3 + 2 + 1 + 1 + 1 + 2 = 10.
const tickets: [string, number][] = [
  ['Open', 3],
  ['Answered', 2],
  ['Customer-Reply', 1],
  ['Closed', 4],
  ['&lt;img src=x onerror=alert(1)&gt;', 1],
  ['<img src=x onerror=alert(2)>', 1],
  ['Billing &amp; Sales', 2],
];

/** A small WHMCS with well-known totals: 6 awaiting reply, 10 active, 1 flagged. */
export function testSimData(): SimulatorData {
  let id = 0;
  return {
    statuses: statuses.map(([title, showActive, showAwaiting], index) => ({
      title,
      showActive,
      showAwaiting,
      sortOrder: index + 1,
    })),
    departments: [{ id: 1, name: 'Support' }],
    admins: [
      {
        id: 1,
        username: SAMPLE_CREDENTIALS.adminUsername,
        password: SAMPLE_CREDENTIALS.adminPassword,
        departmentIds: [1],
        apiAccess: true,
      },
    ],
    apiCredentials: [
      {
        identifier: credentials.identifier,
        secret: credentials.secret,
        adminId: 1,
        allowedActions: 'all',
      },
    ],
    tickets: tickets.flatMap(([status, count]) =>
      Array.from({ length: count }, () => {
        id += 1;
        return { id, departmentId: 1, status, ...(id === 1 ? { flaggedAdminId: 1 } : {}) };
      }),
    ),
    allowedIps: 'any',
  };
}
