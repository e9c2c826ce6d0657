import { phpStrtolower } from './php-strtolower.js';

/**
 * WHMCS's key for a ticket status in GetTicketCounts' `status` object: the title lower-cased with
 * everything outside `a-z0-9` deleted. Keys are therefore lossy (`Customer-Reply` → `customerreply`,
 * non-Latin titles → `''`, and distinct titles can collide).
 */
export function statusKey(title: string): string {
  return phpStrtolower(title).replace(/[^a-z0-9]/g, '');
}
