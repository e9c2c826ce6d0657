/** A count as WHMCS reported it; `null` when the server has ticket counts switched off (it sends "x"). */
export type TicketCount = number | null;

/** One ticket status as reported with `includeCountsByStatus`; the title is raw (may hold HTML entities). */
export interface StatusTicketCount {
  title: string;
  count: TicketCount;
}

/** What GetTicketCounts answered, normalised. */
export interface TicketCounts {
  /** The departments counted; `[]` means "no department filter" (all departments). */
  filteredDepartments: number[];
  allActive: TicketCount;
  awaitingReply: TicketCount;
  flaggedTickets: TicketCount;
  /** True when the server answered "x" for the totals: counts are switched off there, not zero. */
  countsDisabled: boolean;
  /** Only when `includeCountsByStatus` was asked for. Keys are opaque (derived from titles): show titles. */
  status?: Record<string, StatusTicketCount>;
}
