/** WHMCS routes on the action lower-cased with non-alphanumerics removed (`Get-Ticket_Counts` works). */
export function normalizeAction(action: string): string {
  return action.toLowerCase().replace(/[^a-z0-9]/g, '');
}
