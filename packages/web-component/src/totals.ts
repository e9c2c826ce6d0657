/** The three totals: what `show` calls them, the payload field, and the label people read. */
export const totals = {
  awaiting: ['awaitingReply', 'awaiting reply'],
  active: ['allActive', 'active'],
  flagged: ['flaggedTickets', 'flagged'],
} as const;
