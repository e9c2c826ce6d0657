import * as vscode from 'vscode';
import type { ConnectionSettings } from './connection-settings.js';
import { type ConnectionSettingsProblem, parseConnectionSettings } from './connection-settings.js';
import { MINIMUM_REFRESH_SECONDS, refreshIntervalMs } from './refresh-interval.js';
import { DEFAULT_STATUS_TEMPLATE } from './status-template.js';

/** The only module that calls `getConfiguration`: typed getters over `whmcsTicketCounts.*`. */
export const SECTION = 'whmcsTicketCounts';

export type ClickAction = 'revealTree' | 'openInBrowser' | 'refresh';

/**
 * Lets the end-to-end test poll every few seconds instead of waiting minutes; unset for users.
 * An environment variable rather than a setting, so nobody lowers the minimum by accident.
 */
const TEST_MINIMUM_ENV = 'WHMCS_TICKET_COUNTS_TEST_MINIMUM_REFRESH_SECONDS';

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

function number(key: string, fallback: number): number {
  const value = config().get<unknown>(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export const settings = {
  connections(): { connections: ConnectionSettings[]; problems: ConnectionSettingsProblem[] } {
    return parseConnectionSettings(config().get<unknown>('connections'));
  },

  /** The raw array, for writing back without losing keys this version does not know. */
  rawConnections(): unknown {
    return config().get<unknown>('connections');
  },

  async writeConnections(value: unknown[]): Promise<void> {
    await config().update('connections', value, vscode.ConfigurationTarget.Global);
  },

  minimumRefreshSeconds(): number {
    const testMinimum = Number(process.env[TEST_MINIMUM_ENV]);
    return testMinimum > 0 ? testMinimum : MINIMUM_REFRESH_SECONDS;
  },

  refreshIntervalMs(): number {
    return refreshIntervalMs(
      config().get<unknown>('refreshInterval', 120),
      settings.minimumRefreshSeconds(),
    );
  },

  /** Why the refresh interval cannot be used (it then means "off"), or undefined when it can. */
  refreshIntervalProblem(): string | undefined {
    const value = config().get<unknown>('refreshInterval', 120);
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return undefined;
    return `whmcsTicketCounts.refreshInterval is ${JSON.stringify(value)}, which is no number of seconds; automatic refresh is off until you set it to 0 (off) or at least ${settings.minimumRefreshSeconds()} seconds.`;
  },

  statusBarTemplate(): string {
    const value = config().get<unknown>('statusBar.template');
    return typeof value === 'string' && value.trim() !== '' ? value : DEFAULT_STATUS_TEMPLATE;
  },

  warningThreshold(): number {
    return Math.max(0, number('statusBar.warningThreshold', 10));
  },

  clickAction(): ClickAction {
    const value = config().get<unknown>('statusBar.clickAction');
    return value === 'openInBrowser' || value === 'refresh' ? value : 'revealTree';
  },

  hideWhenZero(): boolean {
    return config().get<unknown>('statusBar.hideWhenZero') === true;
  },

  statusBarConnection(): string | undefined {
    const value = config().get<unknown>('statusBar.connection');
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  },

  hideZeroStatuses(): boolean {
    return config().get<unknown>('tree.hideZeroStatuses') === true;
  },

  notifyOnAwaitingRise(): boolean {
    return config().get<unknown>('notifications.awaitingRise') === true;
  },

  notificationIntervalMs(): number {
    return Math.max(1, number('notifications.minimumMinutesBetween', 10)) * 60_000;
  },

  /** Whether a change event touches settings that need new clients/engines, or only a redraw. */
  affectsConnections(event: vscode.ConfigurationChangeEvent): boolean {
    return (
      event.affectsConfiguration(`${SECTION}.connections`) ||
      event.affectsConfiguration(`${SECTION}.refreshInterval`)
    );
  },

  affectsAnything(event: vscode.ConfigurationChangeEvent): boolean {
    return event.affectsConfiguration(SECTION);
  },
};
