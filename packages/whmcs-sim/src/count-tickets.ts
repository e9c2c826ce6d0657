import { statusKey } from './status-key.js';
import type { SimulatorAdmin, SimulatorData, SimulatorStatus } from './types.js';

export interface TicketCountsResult {
  filteredDepartments: number[];
  allActive: number;
  awaitingReply: number;
  flaggedTickets: number;
  /** In sortOrder, keyed by statusKey; a later title replaces an earlier one on a key collision. */
  status?: Map<string, { title: string; count: number }>;
}

/**
 * GetTicketCounts' arithmetic as WHMCS 7.8–8.x does it: totals over the admin's departments (or all
 * when the filter is `[]`), flagged tickets over every department, per-status counts over every
 * department. Merged tickets never count.
 */
export function countTickets(
  data: SimulatorData,
  admin: SimulatorAdmin,
  request: { ignoreDepartmentAssignments: boolean; includeCountsByStatus: boolean },
): TicketCountsResult {
  const filteredDepartments = request.ignoreDepartmentAssignments ? [] : [...admin.departmentIds];
  const statusByTitle = new Map(data.statuses.map((status) => [status.title, status]));
  const live = data.tickets.filter((ticket) => ticket.merged !== true);
  const inFilter = (departmentId: number) =>
    filteredDepartments.length === 0 || filteredDepartments.includes(departmentId);

  let allActive = 0;
  let awaitingReply = 0;
  let flaggedTickets = 0;
  for (const ticket of live) {
    const status = statusByTitle.get(ticket.status);
    if (status === undefined) continue;
    if (status.showActive && ticket.flaggedAdminId === admin.id) flaggedTickets++;
    if (!inFilter(ticket.departmentId)) continue;
    // The two flags are independent: a status may be "awaiting reply" without being "active".
    if (status.showActive) allActive++;
    if (status.showAwaiting) awaitingReply++;
  }

  const result: TicketCountsResult = {
    filteredDepartments,
    allActive,
    awaitingReply,
    flaggedTickets,
  };
  if (request.includeCountsByStatus) {
    result.status = new Map();
    for (const status of sortedStatuses(data.statuses)) {
      const count = live.filter((ticket) => ticket.status === status.title).length;
      result.status.set(statusKey(status.title), { title: status.title, count });
    }
  }
  return result;
}

function sortedStatuses(statuses: SimulatorStatus[]): SimulatorStatus[] {
  // Array.prototype.sort is stable, so equal sortOrders keep their configured order.
  return [...statuses].sort((a, b) => a.sortOrder - b.sortOrder);
}
