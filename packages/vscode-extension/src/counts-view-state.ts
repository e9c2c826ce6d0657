import type { TicketCounts } from '@whmcs-ticket-counts/core';

/**
 * What the status bar and the tree need from one connection's refresh engine. A structural subset
 * of core's `RefreshState<TicketCounts>`, so plain modules and their tests need no engine.
 */
export interface CountsViewState {
  value?: TicketCounts;
  fetchedAt?: number;
  stale: boolean;
  /** `retryable`: a retry may help (network, timeout, 5xx), as core's WhmcsError says. */
  error?: { kind: string; message: string; retryable?: boolean };
  halted: boolean;
  refreshing: boolean;
}

/** One connection as the views see it. */
export interface ConnectionView {
  id: string;
  label: string;
  state: CountsViewState;
}
