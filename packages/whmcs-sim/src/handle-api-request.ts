import { apiErrors } from './api-error.js';
import { authenticate } from './authenticate.js';
import type { BanTracker } from './ban-tracker.js';
import { countTickets, type TicketCountsResult } from './count-tickets.js';
import { faultResponse } from './fault-response.js';
import { normalizeAction } from './normalize-action.js';
import type { PhpValue } from './php-json.js';
import { isPhpTruthy } from './php-truthy.js';
import { apiErrorResponse, apiResponse, type SimResponse } from './sim-response.js';
import type { SimulatorData, SimulatorFault } from './types.js';

export interface ApiRequestContext {
  data: SimulatorData;
  fields: Record<string, string>;
  ip: string;
  bans: BanTracker;
  fault: SimulatorFault | undefined;
}

/**
 * One call to includes/api.php, checked in WHMCS's order: IP ban, IP allow-list (or access key),
 * credentials, the admin's API access, a non-empty action, API role, then the action itself.
 */
export function handleApiRequest(context: ApiRequestContext): SimResponse {
  const { data, fields, ip, bans, fault } = context;
  const responseType = fields.responsetype;
  const faulted = fault && faultResponse(fault, responseType);
  if (faulted !== undefined) return faulted;
  const error = (e: { status: number; message: string }) => apiErrorResponse(responseType, e);

  if (bans.isBanned(ip)) return error(apiErrors.ipBanned);

  if (data.allowedIps !== 'any' && !data.allowedIps.includes(ip)) {
    const sentKey = fields.accesskey ?? '';
    if (sentKey === '' || data.accessKey === undefined || data.accessKey === '') {
      return error(apiErrors.invalidIp(ip));
    }
    if (sentKey !== data.accessKey) return error(apiErrors.invalidAccessKey);
  }

  const login = authenticate(data, fields);
  if (!login.ok) {
    bans.recordFailure(ip);
    return error(login.error);
  }
  if (!login.admin.apiAccess) return error(apiErrors.accessDenied);

  const action = normalizeAction(fields.action ?? '');
  if (action === '') return error(apiErrors.emptyAction);
  const allowed = login.credential?.allowedActions ?? 'all';
  if (allowed !== 'all' && !allowed.some((name) => normalizeAction(name) === action)) {
    return error(apiErrors.notAllowed(action));
  }
  if (action !== 'getticketcounts') return error(apiErrors.commandNotFound);

  const counts = countTickets(data, login.admin, {
    ignoreDepartmentAssignments: isPhpTruthy(fields.ignoreDepartmentAssignments),
    includeCountsByStatus: isPhpTruthy(fields.includeCountsByStatus),
  });
  return apiResponse(responseType, 200, successFields(counts, fault));
}

/** The success body, shaped like the reference response, with the count-related faults applied. */
function successFields(
  counts: TicketCountsResult,
  fault: SimulatorFault | undefined,
): Map<string, PhpValue> {
  const asStrings = fault?.kind === 'numeric-strings';
  const disabled = fault?.kind === 'counts-disabled';
  const number = (n: number): PhpValue => (asStrings ? String(n) : n);
  // $disable_admin_ticket_page_counts replaces the totals with "x".
  const total = (n: number): PhpValue => (disabled ? 'x' : number(n));

  const fields = new Map<string, PhpValue>([
    ['result', 'success'],
    ['filteredDepartments', counts.filteredDepartments.map(number)],
    ['allActive', total(counts.allActive)],
    ['awaitingReply', total(counts.awaitingReply)],
    ['flaggedTickets', total(counts.flaggedTickets)],
  ]);
  if (counts.status !== undefined) {
    const status = new Map<string, PhpValue>();
    for (const [key, entry] of counts.status) {
      status.set(
        key,
        new Map<string, PhpValue>([
          ['title', entry.title],
          ['count', number(entry.count)],
        ]),
      );
    }
    fields.set('status', status);
  }
  return fields;
}
