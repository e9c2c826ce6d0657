import { phpStrtolower } from './php-strtolower.js';

/** WHMCS routes on the action lower-cased with non-alphanumerics removed (`Get-Ticket_Counts` works). */
export function normalizeAction(action: string): string {
  return phpStrtolower(action).replace(/[^a-z0-9]/g, '');
}
