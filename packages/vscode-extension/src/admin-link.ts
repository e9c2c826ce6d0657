import type { TicketListLink } from './tree-model.js';

/** The subset of core's `adminTicketLinks` result a tree node needs. */
export interface AdminTicketLinks {
  awaitingReply: string;
  allActive: string;
  flagged: string;
  status(title: string): string;
}

/** The admin-area URL a tree node (or the status bar) opens. */
export function linkFor(links: AdminTicketLinks, link: TicketListLink): string {
  switch (link.list) {
    case 'awaitingReply':
      return links.awaitingReply;
    case 'allActive':
      return links.allActive;
    case 'flagged':
      return links.flagged;
    case 'status':
      return links.status(link.title);
  }
}
