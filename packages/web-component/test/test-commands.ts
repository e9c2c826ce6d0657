import type { SimulatorFault } from '@whmcs-ticket-counts/whmcs-sim';
import type { BrowserCommand } from 'vitest/node';
import type { Refusal, RequestTally } from './counting-front.js';
import { sharedEnvironment } from './test-environment.js';

/** Node-side helpers the browser tests call (vitest browser commands): they steer the real servers. */
export const testCommands = {
  /** Requests the page sent to the healthy relay so far. */
  relayTally: (() => sharedEnvironment.get().healthy.front.tally()) satisfies BrowserCommand<
    [],
    RequestTally
  >,
  /** Requests the stalling relay received, and how many of their connections are still open. */
  stallingTally: (() => sharedEnvironment.get().stalling.tally()) satisfies BrowserCommand<
    [],
    { requests: number; open: number }
  >,
  /** Cuts the healthy relay's open event streams (the relay itself keeps running). */
  dropStreams: (() => sharedEnvironment.get().healthy.front.dropStreams()) satisfies BrowserCommand<
    [],
    void
  >,
  /** Keeps the healthy relay's open event streams open but passes nothing on them any more. */
  freezeStreams: (() =>
    sharedEnvironment.get().healthy.front.freezeStreams()) satisfies BrowserCommand<[], void>,
  /** The healthy relay's front answers event streams, polls or both with 503 from now on. */
  refuse: ((_context, what: Refusal) =>
    sharedEnvironment.get().healthy.front.refuse(what)) satisfies BrowserCommand<[Refusal], void>,
  /** Puts the healthy stack back: known tickets, no fault, the relay refreshed. */
  resetHealthy: (async () => {
    await sharedEnvironment.get().resetHealthy();
  }) satisfies BrowserCommand<[], void>,
  /** Opens `count` more tickets with status Open: awaiting reply and active both go up by `count`. */
  openTickets: ((_context, count: number) => {
    const { tickets } = sharedEnvironment.get().healthy.sim.data;
    const first = Math.max(...tickets.map((t) => t.id)) + 1;
    for (let i = 0; i < count; i += 1)
      tickets.push({ id: first + i, departmentId: 1, status: 'Open' });
  }) satisfies BrowserCommand<[number], void>,
  setFault: ((_context, fault: SimulatorFault | null) => {
    sharedEnvironment.get().healthy.sim.setFault(fault ?? undefined);
  }) satisfies BrowserCommand<[SimulatorFault | null], void>,
  /** Makes the relay ask WHMCS now instead of after its TTL; resolves with whether that failed. */
  refreshRelay: (async () => {
    const state = await sharedEnvironment.get().healthy.relay.engine.refresh();
    return { stale: state.stale, failed: state.error !== undefined };
  }) satisfies BrowserCommand<[], { stale: boolean; failed: boolean }>,
  colorScheme: (async (context, scheme: 'light' | 'dark') => {
    const page = (context as unknown as { page: { emulateMedia(o: object): Promise<void> } }).page;
    await page.emulateMedia({ colorScheme: scheme });
  }) satisfies BrowserCommand<['light' | 'dark'], void>,
};

type Commands = typeof testCommands;
type Browserside<F> = F extends (context: never, ...args: infer A) => infer R
  ? (...args: A) => Promise<Awaited<R>>
  : never;

declare module 'vitest/browser' {
  interface BrowserCommands {
    relayTally: Browserside<Commands['relayTally']>;
    stallingTally: Browserside<Commands['stallingTally']>;
    dropStreams: Browserside<Commands['dropStreams']>;
    freezeStreams: Browserside<Commands['freezeStreams']>;
    refuse: Browserside<Commands['refuse']>;
    resetHealthy: Browserside<Commands['resetHealthy']>;
    openTickets: Browserside<Commands['openTickets']>;
    setFault: Browserside<Commands['setFault']>;
    refreshRelay: Browserside<Commands['refreshRelay']>;
    colorScheme: Browserside<Commands['colorScheme']>;
  }
}
