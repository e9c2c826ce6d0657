import {
  createSampleData,
  type SimulatorData,
  startWhmcsSimulator,
  type WhmcsSimulator,
} from '@whmcs-ticket-counts/whmcs-sim';

/** Distinctive values, so that a leak anywhere in the output is found by a plain substring search. */
export const TEST_CREDENTIALS = {
  identifier: 'CliE2eIdentifier7Gh3Lm',
  secret: 'Zq7-CLI-e2e-secret-Xk42pL9vB',
  accessKey: 'cli.e2e-Access_Key!@#77',
  adminUsername: 'demo.admin',
  adminPassword: 'cli-e2e-admin-pw-Hr5Ty8',
} as const;

/** Every secret a test hands to the command, in the forms a leak could take. */
export const TEST_SECRETS = [
  TEST_CREDENTIALS.secret,
  TEST_CREDENTIALS.accessKey,
  encodeURIComponent(TEST_CREDENTIALS.accessKey),
  TEST_CREDENTIALS.adminPassword,
];

/** `smallWhmcsData()` with the test credentials, served on 127.0.0.1 at a free port. */
export function startSmallWhmcs(): Promise<WhmcsSimulator> {
  const data = smallWhmcsData();
  const credential = data.apiCredentials[0];
  const admin = data.admins[0];
  if (credential === undefined || admin === undefined) throw new Error('sample data changed shape');
  credential.identifier = TEST_CREDENTIALS.identifier;
  credential.secret = TEST_CREDENTIALS.secret;
  admin.username = TEST_CREDENTIALS.adminUsername;
  admin.password = TEST_CREDENTIALS.adminPassword;
  data.accessKey = TEST_CREDENTIALS.accessKey;
  return startWhmcsSimulator({ host: '127.0.0.1', data });
}

/**
 * The simulator's sample WHMCS with a short, hand-written ticket list so that every expected count
 * can be checked by eye. The sample credential's admin (id 1) is assigned departments 1 and 2.
 * Active: every status but Closed; awaiting reply: Open, Customer-Reply, Billing &amp; Sales.
 */
export function smallWhmcsData(): SimulatorData {
  const data = createSampleData();
  data.tickets = [
    { id: 1, departmentId: 1, status: 'Open' },
    { id: 2, departmentId: 1, status: 'Open', flaggedAdminId: 1 },
    { id: 3, departmentId: 1, status: 'Customer-Reply' },
    { id: 4, departmentId: 1, status: 'Answered' },
    { id: 5, departmentId: 1, status: 'Closed' },
    { id: 6, departmentId: 2, status: 'Billing &amp; Sales' },
    { id: 7, departmentId: 2, status: 'On Hold' },
    { id: 8, departmentId: 3, status: 'Open' },
    { id: 9, departmentId: 3, status: 'Customer-Reply', flaggedAdminId: 1 },
    { id: 10, departmentId: 1, status: 'Open', merged: true },
  ];
  return data;
}

/** What GetTicketCounts answers for `smallWhmcsData()` with the sample credential. */
export const smallWhmcsCounts = {
  filteredDepartments: [1, 2],
  // Departments 1 and 2: Open ×2, Customer-Reply, Billing & Sales (merged ticket 10 never counts).
  awaitingReply: 4,
  // ... plus Answered and On Hold.
  allActive: 6,
  // Flags count across every department: ticket 2 and ticket 9.
  flaggedTickets: 2,
  // Per-status counts cover every department, in the configured order.
  status: {
    open: { title: 'Open', count: 3 },
    answered: { title: 'Answered', count: 1 },
    customerreply: { title: 'Customer-Reply', count: 2 },
    closed: { title: 'Closed', count: 1 },
    onhold: { title: 'On Hold', count: 1 },
    inprogress: { title: 'In Progress', count: 0 },
    // WHMCS derives the key from the stored, entity-encoded title.
    billingampsales: { title: 'Billing &amp; Sales', count: 1 },
    waitingonvendor: { title: 'Waiting on Vendor', count: 0 },
  },
} as const;
