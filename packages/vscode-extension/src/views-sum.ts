import type { TicketCounts } from '@whmcs-ticket-counts/core';
import type { ConnectionView } from './counts-view-state.js';
import { sumTicketCounts } from './sum-ticket-counts.js';

/** What the status bar sum and the view badge both show, so that they never disagree. */
export interface ViewsSum {
  /**
   * Every connection that has counts, added up, halted ones included: their last numbers stay,
   * marked stale like any failed refresh, since dropping them would read as "no tickets there".
   */
  counts?: TicketCounts;
  /** A connection failed (set-up problems aside), so the sum is stale or incomplete. */
  failing: boolean;
  /** Connections never tried, for want of a secret or a valid settings entry. */
  notSetUp: number;
}

/** Never tried: no secret on this machine ('configuration'), or an invalid settings entry. */
export function isSetUpProblem(kind: string | undefined): boolean {
  return kind === 'configuration' || kind === 'settings';
}

export function viewsSum(views: readonly ConnectionView[]): ViewsSum {
  const counts = sumTicketCounts(
    views.flatMap((view) => (view.state.value ? [view.state.value] : [])),
  );
  return {
    ...(counts ? { counts } : {}),
    failing: views.some(
      (view) => view.state.error !== undefined && !isSetUpProblem(view.state.error.kind),
    ),
    // A connection without a secret was never tried: "not set up", not failed and not stale.
    notSetUp: views.filter((view) => isSetUpProblem(view.state.error?.kind) && !view.state.value)
      .length,
  };
}
