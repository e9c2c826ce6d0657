import { TicketCountsElement } from './ticket-counts-element.js';

export { InvalidPayloadError } from './errors.js';
export type {
  TicketCountsChangeDetail,
  TicketCountsErrorDetail,
  TicketCountsLoadDetail,
  TicketCountsState,
} from './ticket-counts-element.js';
export { TicketCountsElement };

// Guarded: two copies of the bundle on one page must not throw "already defined".
if (!customElements.get('ticket-counts'))
  customElements.define('ticket-counts', TicketCountsElement);

declare global {
  interface HTMLElementTagNameMap {
    'ticket-counts': TicketCountsElement;
  }
  // GlobalEventHandlersEventMap: so listeners on document and window see the detail types too.
  interface GlobalEventHandlersEventMap {
    'ticket-counts:load': CustomEvent<import('./ticket-counts-element.js').TicketCountsLoadDetail>;
    'ticket-counts:error': CustomEvent<
      import('./ticket-counts-element.js').TicketCountsErrorDetail
    >;
    'ticket-counts:change': CustomEvent<
      import('./ticket-counts-element.js').TicketCountsChangeDetail
    >;
  }
}
