export { type AdminTicketLinks, adminTicketLinks } from './admin-ticket-links.js';
export { decodeHtmlEntities } from './decode-html-entities.js';
export type { WhmcsErrorKind } from './errors/whmcs-error.js';
export {
  describeTicketCountChange,
  diffTicketCounts,
  type TicketCountChange,
  type TicketCountField,
} from './ticket-count-changes.js';
export type { StatusTicketCount, TicketCount, TicketCounts } from './ticket-counts.js';
export type { TicketCountsPayload } from './ticket-counts-payload.js';
export { toTicketCountsPayload } from './ticket-counts-payload.js';
