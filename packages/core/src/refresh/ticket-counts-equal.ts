import type { TicketCounts } from '../ticket-counts.js';

/** Same counts, departments and statuses (titles included); for the refresh engine's `isEqual`. */
export function ticketCountsEqual(a: TicketCounts, b: TicketCounts): boolean {
  if (a === b) return true;
  if (
    a.allActive !== b.allActive ||
    a.awaitingReply !== b.awaitingReply ||
    a.flaggedTickets !== b.flaggedTickets ||
    a.countsDisabled !== b.countsDisabled ||
    a.filteredDepartments.length !== b.filteredDepartments.length ||
    a.filteredDepartments.some((department, index) => department !== b.filteredDepartments[index])
  ) {
    return false;
  }
  if (a.status === undefined || b.status === undefined) return a.status === b.status;
  const aKeys = Object.keys(a.status);
  if (aKeys.length !== Object.keys(b.status).length) return false;
  const bStatus = b.status;
  return aKeys.every((key) => {
    const left = a.status?.[key];
    const right = Object.hasOwn(bStatus, key) ? bStatus[key] : undefined;
    return right !== undefined && left?.title === right.title && left.count === right.count;
  });
}
