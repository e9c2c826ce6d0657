import type { SimulatorData } from './types.js';

/**
 * One step of a busy help desk: a new ticket arrives, one is closed, or one moves to another
 * status. Keeps the active total between `minActive` and `maxActive` so demo numbers stay plausible.
 */
export function applyLivelinessStep(
  data: SimulatorData,
  random: () => number,
  bounds: { minActive: number; maxActive: number } = { minActive: 8, maxActive: 60 },
): void {
  const activeTitles = data.statuses.filter((s) => s.showActive).map((s) => s.title);
  const closedTitle = data.statuses.find((s) => !s.showActive)?.title;
  const isActive = (status: string) => activeTitles.includes(status);
  const live = data.tickets.filter((t) => t.merged !== true);
  const active = live.filter((t) => isActive(t.status));
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];

  const roll = random();
  const mustGrow = active.length < bounds.minActive;
  const mustShrink = active.length > bounds.maxActive;
  if ((roll < 0.3 || mustGrow) && !mustShrink) {
    const department = pick(data.departments);
    const opening = data.statuses.find((s) => s.showActive && s.showAwaiting)?.title;
    if (department === undefined || opening === undefined) return;
    const nextId = data.tickets.reduce((max, t) => Math.max(max, t.id), 100) + 1;
    data.tickets.push({ id: nextId, departmentId: department.id, status: opening });
    return;
  }
  if ((roll < 0.55 || mustShrink) && closedTitle !== undefined) {
    const ticket = pick(active);
    if (ticket !== undefined) ticket.status = closedTitle;
    return;
  }
  const ticket = pick(active);
  const next = pick(activeTitles);
  if (ticket !== undefined && next !== undefined) ticket.status = next;
}
