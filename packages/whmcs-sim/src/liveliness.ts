import type { SimulatorData } from './types.js';

/**
 * One step of a busy help desk: a new ticket arrives, one is closed, one moves to another active
 * status, or one is flagged to (or unflagged from) an admin. Keeps the active total between
 * `minActive` and `maxActive` so demo numbers stay plausible.
 */
export function applyLivelinessStep(
  data: SimulatorData,
  random: () => number,
  bounds: { minActive: number; maxActive: number } = { minActive: 8, maxActive: 60 },
): void {
  const activeTitles = data.statuses.filter((s) => s.showActive).map((s) => s.title);
  const closedTitle = data.statuses.find((s) => !s.showActive)?.title;
  const active = data.tickets.filter((t) => t.merged !== true && activeTitles.includes(t.status));
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];

  const roll = random();
  const mustGrow = active.length < bounds.minActive;
  const mustShrink = active.length > bounds.maxActive;
  if ((roll < 0.3 || mustGrow) && !mustShrink) {
    const department = pick(data.departments);
    // New tickets arrive in the first status that is both active and awaiting reply ("Open").
    const opening = data.statuses.find((s) => s.showActive && s.showAwaiting)?.title;
    if (department === undefined || opening === undefined) return;
    const nextId = data.tickets.reduce((max, t) => Math.max(max, t.id), 100) + 1;
    data.tickets.push({ id: nextId, departmentId: department.id, status: opening });
    return;
  }
  const ticket = pick(active);
  if (ticket === undefined) return;
  if ((roll < 0.55 || mustShrink) && closedTitle !== undefined) {
    ticket.status = closedTitle;
    delete ticket.flaggedAdminId;
    return;
  }
  if (roll < 0.65) {
    const admin = pick(data.admins);
    if (ticket.flaggedAdminId !== undefined) delete ticket.flaggedAdminId;
    else if (admin !== undefined) ticket.flaggedAdminId = admin.id;
    return;
  }
  const next = pick(activeTitles.filter((title) => title !== ticket.status));
  if (next !== undefined) ticket.status = next;
}
