import { adminTicketLinks, type RefreshState, type TicketCounts } from '@whmcs-ticket-counts/core';
import * as vscode from 'vscode';
import { type AdminTicketLinks, linkFor } from './admin-link.js';
import { AwaitingRiseDetector } from './awaiting-rise.js';
import {
  ConnectionRuntime,
  loginFingerprint,
  loginIdentity,
  type Predecessor,
  restoredHaltError,
  runtimeIdentity,
  secretsToRedact,
} from './connection-runtime.js';
import {
  type ConnectionSecretStore,
  type ConnectionSecrets,
  SecretStorageUnavailableError,
  type StoredHalt,
} from './connection-secrets.js';
import type { ConnectionSettings, ConnectionSettingsProblem } from './connection-settings.js';
import type { ConnectionView, CountsViewState } from './counts-view-state.js';
import type { Log } from './log.js';
import { notificationText } from './markdown-text.js';
import { openUrl } from './open-url.js';
import { resumeDelayMs } from './refresh-interval.js';
import { settings } from './settings.js';
import type { SharedHaltBoard } from './shared-halts.js';
import type { TicketStatusBar } from './status-bar.js';
import type { TicketListLink } from './tree-model.js';
import type { TicketTreeView } from './tree-view.js';

/** Connect…'s check result is reused only by a reload that follows soon after. */
const SEED_MAX_AGE_MS = 60_000;

/** A settings entry that cannot be parsed, as a connection to show its reason under. */
function unusableEntry(problem: ConnectionSettingsProblem): ConnectionSettings {
  const id = problem.id ?? `connections[${problem.index}]`;
  return {
    id,
    label: problem.label ?? id,
    url: '',
    authMethod: 'api-credential',
    login: '',
    adminFolder: 'admin',
    ignoreDepartmentAssignments: false,
  };
}

/** A configured connection that cannot run (no secret, secret storage broken): shown as an error. */
interface BrokenConnection {
  settings: ConnectionSettings;
  state: CountsViewState;
}

/**
 * Owns one refresh engine per connection and redraws the status bar and the tree from their
 * states. Polling runs only while the window is focused.
 */
export class TicketCountsController implements vscode.Disposable {
  readonly #log: Log;
  readonly #secrets: ConnectionSecretStore;
  readonly #statusBar: TicketStatusBar;
  readonly #tree: TicketTreeView;
  #runtimes: ConnectionRuntime[] = [];
  #broken: BrokenConnection[] = [];
  #order: string[] = [];
  #unsubscribe = new Map<ConnectionRuntime, () => void>();
  #seeds = new Map<string, { counts: TicketCounts; at: number }>();
  #focused: boolean;
  #rise: AwaitingRiseDetector;
  #riseIntervalMs: number;
  #reloads = 0;
  #resumeTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #board: SharedHaltBoard | undefined;

  constructor(
    log: Log,
    secrets: ConnectionSecretStore,
    statusBar: TicketStatusBar,
    tree: TicketTreeView,
    board?: SharedHaltBoard,
  ) {
    this.#board = board;
    this.#log = log;
    this.#secrets = secrets;
    this.#statusBar = statusBar;
    this.#tree = tree;
    this.#focused = vscode.window.state.focused;
    this.#riseIntervalMs = settings.notificationIntervalMs();
    this.#rise = new AwaitingRiseDetector({ minimumIntervalMs: this.#riseIntervalMs });
  }

  get connections(): ConnectionSettings[] {
    return [...this.#runtimes.map((r) => r.settings), ...this.#broken.map((b) => b.settings)];
  }

  runtime(connectionId: string): ConnectionRuntime | undefined {
    return this.#runtimes.find((runtime) => runtime.settings.id === connectionId);
  }

  /**
   * Counts Connect… has just fetched for a connection: the next runtime built for it starts with
   * them. Undefined withdraws them (Connect… could not save).
   */
  seed(connectionId: string, counts: TicketCounts | undefined): void {
    if (counts) this.#seeds.set(connectionId, { counts, at: Date.now() });
    else this.#seeds.delete(connectionId);
  }

  /** Peeks only: a reload that a newer one supersedes must leave the seed for the winner. */
  #freshSeed(connectionId: string): TicketCounts | undefined {
    const seed = this.#seeds.get(connectionId);
    return seed && Date.now() - seed.at <= SEED_MAX_AGE_MS ? seed.counts : undefined;
  }

  /**
   * Rebuilds the connections from settings and secrets (after Connect…, settings edits…);
   * a connection whose settings, secrets and interval did not change keeps running untouched.
   */
  async reload(): Promise<void> {
    const reload = ++this.#reloads;
    const { connections, problems } = settings.connections();
    for (const problem of problems) {
      this.#log.warn(
        `Ignoring whmcsTicketCounts.connections[${problem.index}]: ${problem.message}`,
      );
    }
    const runtimes: ConnectionRuntime[] = [];
    // A broken entry shows its reason where the counts would be: dropped, it would read as
    // "not connected", and Connect… would seem to succeed without changing that.
    const broken: BrokenConnection[] = problems.map((problem) =>
      this.#brokenConnection(unusableEntry(problem), problem.message, 'settings'),
    );
    const intervalMs = settings.refreshIntervalMs();
    const intervalProblem = settings.refreshIntervalProblem();
    if (intervalProblem) this.#log.warn(intervalProblem);
    for (const connection of connections) {
      try {
        const secrets = await this.#secrets.get(connection.id);
        if (!secrets) {
          this.#log.info(`No secret stored for ${connection.label}; run WHMCS: Connect…`);
          broken.push(
            this.#brokenConnection(
              connection,
              vscode.l10n.t(
                'No secret is stored for {0} on this machine; run "WHMCS: Connect…".',
                connection.label,
              ),
            ),
          );
          continue;
        }
        for (const secret of secretsToRedact(connection, secrets)) this.#log.addSecret(secret);
        const identity = runtimeIdentity(connection, secrets, intervalMs);
        const kept = this.#runtimes.find((runtime) => runtime.identity === identity);
        // A fresh seed means Connect… just succeeded: rebuild, which also clears a halt.
        const seed = this.#freshSeed(connection.id);
        // Halted for this very login in another window or an earlier session.
        const stored = await this.#secrets.getHalt(connection.id);
        const remembered =
          stored && stored.login === loginFingerprint(connection, secrets) ? stored : undefined;
        const keep = kept && !(remembered && !kept.engine.state.halted);
        if (kept && keep && !runtimes.includes(kept) && seed === undefined) {
          runtimes.push(kept);
          continue;
        }
        const predecessor = this.#predecessor(connection, secrets, intervalMs, remembered);
        const login = loginIdentity(connection, secrets);
        runtimes.push(
          new ConnectionRuntime(connection, secrets, intervalMs, this.#log, seed, predecessor, () =>
            this.#haltedElsewhere(connection.id, login),
          ),
        );
      } catch (error) {
        const message =
          error instanceof SecretStorageUnavailableError
            ? error.message
            : vscode.l10n.t(
                'The connection {0} cannot be used: {1}',
                connection.label,
                String(error),
              );
        this.#log.error(message);
        broken.push(this.#brokenConnection(connection, message));
      }
    }
    // A newer reload started while this one awaited secrets: let it win.
    if (reload !== this.#reloads) {
      return;
    }
    const fresh = runtimes.filter((runtime) => !this.#runtimes.includes(runtime));
    this.#disposeRuntimes(this.#runtimes.filter((runtime) => !runtimes.includes(runtime)));
    for (const runtime of fresh) this.#seeds.delete(runtime.settings.id);
    this.#runtimes = runtimes;
    this.#broken = broken;
    this.#order = [...connections, ...broken.map((item) => item.settings)].map((c) => c.id);
    for (const runtime of fresh) {
      this.#unsubscribe.set(
        runtime,
        runtime.engine.onDidChange((state, previous) => this.#changed(runtime, state, previous)),
      );
      if (runtime.insecure) {
        this.#log.warn(`${runtime.settings.id} uses plain http: credentials travel unencrypted.`);
      }
    }
    const unchanged = runtimes.length - fresh.length;
    this.#log.info(
      `Watching ${runtimes.length} WHMCS connection(s)${unchanged > 0 ? ` (${unchanged} unchanged)` : ''}${broken.length > 0 ? `, ${broken.length} not set up` : ''}, ${intervalMs === 0 ? 'automatic refresh off' : `refresh every ${intervalMs / 1000} s`}${this.#focused ? '' : ' (paused while the window is unfocused)'}.`,
    );
    void vscode.commands.executeCommand(
      'setContext',
      'whmcsTicketCounts.configured',
      connections.length + problems.length > 0,
    );
    this.render();
    for (const runtime of fresh) {
      // Unfocused at start: one load so the views are not empty, polling starts on focus.
      if (this.#focused) runtime.engine.start();
      else void runtime.engine.refresh();
    }
  }

  /**
   * With the same login, a rebuilt runtime keeps the old one's halt, or waits for its request in
   * flight, rather than send that login again; or starts from its counts while they are younger
   * than the new interval, so editing settings (saved on every keystroke) does not poll WHMCS.
   */
  #predecessor(
    connection: ConnectionSettings,
    secrets: ConnectionSecrets,
    intervalMs: number,
    remembered?: StoredHalt,
  ): Predecessor | undefined {
    const replaced = this.runtime(connection.id);
    if (!replaced || replaced.loginIdentity !== loginIdentity(connection, secrets))
      return remembered ? { halt: restoredHaltError(remembered) } : undefined;
    const { state } = replaced.engine;
    if (state.halted && state.error) return { halt: state.error };
    if (remembered) return { halt: restoredHaltError(remembered) };
    // refresh() joins the request in flight; it sends nothing new.
    if (state.refreshing) return { inFlight: replaced.engine.refresh(), since: state };
    const fresh =
      state.value !== undefined &&
      state.fetchedAt !== undefined &&
      !state.stale &&
      // 0 = only when asked: a settings edit is not asking.
      (intervalMs === 0 || Date.now() - state.fetchedAt < intervalMs);
    if (fresh && state.value) return { counts: state.value };
    return undefined;
  }

  /**
   * Pauses polling while the window is in the background and refreshes on return — at once,
   * unless the counts are younger than the minimum interval, so alt-tabbing cannot flood WHMCS.
   */
  setFocused(focused: boolean): void {
    if (focused === this.#focused) return;
    this.#focused = focused;
    clearTimeout(this.#resumeTimer);
    this.#log.info(
      focused ? 'Window focused: polling resumed.' : 'Window unfocused: polling paused.',
    );
    if (!focused) {
      for (const runtime of this.#runtimes) this.#pause(runtime);
      return;
    }
    // Interval 0 means "only when asked": coming back to the window is not asking.
    if (settings.refreshIntervalMs() === 0) return;
    const youngest = Math.max(0, ...this.#runtimes.map((r) => r.engine.state.fetchedAt ?? 0));
    const wait = resumeDelayMs(youngest, Date.now(), settings.minimumRefreshSeconds());
    const resume = () => {
      for (const runtime of this.#runtimes) runtime.engine.start();
    };
    if (wait === 0) resume();
    else this.#resumeTimer = setTimeout(resume, wait);
  }

  /**
   * Stops polling, but lets a request already sent finish: WHMCS has seen (and counted) that
   * login, so aborting it would lose a rejection and the halt it must cause.
   */
  #pause(runtime: ConnectionRuntime): void {
    if (!runtime.engine.state.refreshing) {
      runtime.engine.stop();
      return;
    }
    // refresh() joins the request in flight; it sends nothing new.
    void runtime.engine.refresh().then(() => {
      if (!this.#focused && this.#runtimes.includes(runtime)) runtime.engine.stop();
    });
  }

  /**
   * Refreshes one or all connections; halted ones stay halted (a retry could get the IP banned).
   * An id no connection has refreshes all, as the status bar then shows all (statusBarModel).
   */
  async refresh(connectionId?: string): Promise<void> {
    const picked = this.#runtimes.filter((r) => r.settings.id === connectionId);
    const runtimes = picked.length > 0 ? picked : this.#runtimes;
    const halted = runtimes.filter((runtime) => runtime.engine.state.halted);
    await Promise.all(runtimes.map((runtime) => runtime.engine.refresh()));
    const [first] = halted;
    if (first) await this.#explainHalt(first);
  }

  /** Says why nothing refreshes any more, with the way out. */
  async #explainHalt(runtime: ConnectionRuntime): Promise<void> {
    const reconnect = vscode.l10n.t('Reconnect');
    const showLog = vscode.l10n.t('Show Log');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        '{0}: {1} Automatic and manual refresh stay off until you reconnect.',
        runtime.settings.label,
        notificationText(runtime.engine.state.error?.message ?? ''),
      ),
      reconnect,
      showLog,
    );
    if (choice === showLog) this.#log.show();
    if (choice === reconnect) {
      await vscode.commands.executeCommand('whmcsTicketCounts.connect', {
        connectionId: runtime.settings.id,
      });
    }
  }

  views(): ConnectionView[] {
    const views: ConnectionView[] = [
      ...this.#runtimes.map((runtime) => ({
        id: runtime.settings.id,
        label: runtime.settings.label,
        state: runtime.engine.state as RefreshState<TicketCounts>,
      })),
      ...this.#broken.map((item) => ({
        id: item.settings.id,
        label: item.settings.label,
        state: item.state,
      })),
    ];
    return views.sort((a, b) => this.#order.indexOf(a.id) - this.#order.indexOf(b.id));
  }

  render(): void {
    const views = this.views();
    this.#statusBar.render(views);
    this.#tree.render(views);
  }

  /** The admin-area URL of a list for a connection (the first, or the status bar's, by default). */
  linkFor(connectionId: string | undefined, link: TicketListLink): string | undefined {
    const links = (id: string | undefined): AdminTicketLinks | undefined => {
      const runtime = id ? this.runtime(id) : undefined;
      if (runtime) return runtime.links;
      // Not set up (no secret yet) still has an address: open that one, never another's.
      const broken = this.#broken.find((item) => item.settings.id === id)?.settings;
      if (!broken) return undefined;
      try {
        return adminTicketLinks(broken.url, broken.adminFolder);
      } catch {
        return undefined;
      }
    };
    const chosen = connectionId
      ? links(connectionId)
      : (links(settings.statusBarConnection()) ?? this.#runtimes[0]?.links);
    return chosen ? linkFor(chosen, link) : undefined;
  }

  /** `kind`: 'configuration' (not set up on this machine) or 'settings' (the entry is invalid). */
  #brokenConnection(
    connection: ConnectionSettings,
    message: string,
    kind: 'configuration' | 'settings' = 'configuration',
  ): BrokenConnection {
    return {
      settings: connection,
      state: {
        stale: false,
        halted: true,
        refreshing: false,
        error: { kind, message },
      },
    };
  }

  #changed(
    runtime: ConnectionRuntime,
    state: RefreshState<TicketCounts>,
    previous: RefreshState<TicketCounts>,
  ): void {
    this.render();
    const inherited = state.error !== undefined && state.error === runtime.inheritedHalt;
    if (state.error && state.error !== previous.error && state.halted) {
      this.#log.error(
        inherited
          ? `${runtime.settings.id}: still stopped until you reconnect (nothing sent): ${state.error.message}`
          : `${runtime.settings.id}: automatic refresh stopped until you reconnect: ${state.error.message}`,
      );
    }
    // Once per halt, whether a timer or a click caused it: the tree alone is easy to overlook.
    if (state.halted && !previous.halted && !inherited) {
      if (state.error) void this.#rememberHalt(runtime, state.error);
      void this.#explainHalt(runtime);
    }
    if (settings.notifyOnAwaitingRise() && state.value !== previous.value) {
      // Kept across reloads (a settings edit must not reset the rate limit); rebuilt only when
      // notifications.minimumMinutesBetween changed, which only redraws and never reloads.
      const intervalMs = settings.notificationIntervalMs();
      if (intervalMs !== this.#riseIntervalMs) {
        this.#riseIntervalMs = intervalMs;
        this.#rise = new AwaitingRiseDetector({ minimumIntervalMs: intervalMs });
      }
      const rise = this.#rise.check(runtime.settings.id, previous.value, state.value);
      if (rise !== undefined) void this.#notifyRise(runtime, rise);
    }
  }

  /** A halt another window (code-server tab) recorded for this login on the shared disk. */
  #haltedElsewhere(connectionId: string, login: string) {
    const halt = this.#board?.find(connectionId, login);
    return halt ? restoredHaltError(halt) : undefined;
  }

  /** Other windows (through SecretStorage's change event) and the next session stay halted too. */
  async #rememberHalt(runtime: ConnectionRuntime, error: { kind: string; message: string }) {
    try {
      // code-server tabs share no SecretStorage events: they read this before every request.
      this.#board?.record(runtime.settings.id, runtime.loginIdentity, error);
    } catch (failure) {
      this.#log.warn(
        `${runtime.settings.id}: other windows cannot be told of the halt: ${String(failure)}`,
      );
    }
    try {
      await this.#secrets.setHalt(runtime.settings.id, {
        login: runtime.loginFingerprint,
        kind: error.kind,
        message: error.message,
      });
    } catch (failure) {
      this.#log.warn(
        `${runtime.settings.id}: the halt is kept in this window only: ${String(failure)}`,
      );
    }
  }

  async #notifyRise(runtime: ConnectionRuntime, rise: number): Promise<void> {
    const open = vscode.l10n.t('Open in browser');
    const message =
      rise === 1
        ? vscode.l10n.t('{0}: 1 new ticket awaiting reply', runtime.settings.label)
        : vscode.l10n.t('{0}: {1} new tickets awaiting reply', runtime.settings.label, rise);
    if ((await vscode.window.showInformationMessage(message, open)) === open) {
      this.#log.info(`Opening ${runtime.links.awaitingReply}`);
      await openUrl(runtime.links.awaitingReply);
    }
  }

  /**
   * `letFinish`: a request already sent is not aborted (WHMCS has counted that login; a successor
   * may be waiting for its answer), the engine stops once it settles.
   */
  #disposeRuntimes(runtimes: readonly ConnectionRuntime[], letFinish = true): void {
    for (const runtime of runtimes) {
      this.#unsubscribe.get(runtime)?.();
      this.#unsubscribe.delete(runtime);
      if (letFinish && runtime.engine.state.refreshing) {
        void runtime.engine.refresh().then(() => runtime.engine.stop());
      } else runtime.engine.stop();
    }
  }

  dispose(): void {
    clearTimeout(this.#resumeTimer);
    this.#reloads++;
    this.#disposeRuntimes(this.#runtimes, false);
    this.#runtimes = [];
  }
}
