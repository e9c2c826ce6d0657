import * as vscode from 'vscode';
import type { ConnectionView } from './counts-view-state.js';
import { settings } from './settings.js';
import { statusBarModel } from './status-bar-model.js';

export const STATUS_BAR_CLICK_COMMAND = 'whmcsTicketCounts.statusBarClicked';

/** The status bar item: draws what `statusBarModel` decides. */
export class TicketStatusBar implements vscode.Disposable {
  readonly #item: vscode.StatusBarItem;

  constructor() {
    // An id and a name let users hide it from the status bar's own context menu.
    this.#item = vscode.window.createStatusBarItem(
      'whmcsTicketCounts.status',
      vscode.StatusBarAlignment.Left,
      100,
    );
    this.#item.name = vscode.l10n.t('WHMCS Ticket Counts');
    this.#item.command = STATUS_BAR_CLICK_COMMAND;
  }

  render(views: readonly ConnectionView[]): void {
    const connectionId = settings.statusBarConnection();
    const model = statusBarModel(
      views,
      {
        template: settings.statusBarTemplate(),
        warningThreshold: settings.warningThreshold(),
        hideWhenZero: settings.hideWhenZero(),
        ...(connectionId ? { connectionId } : {}),
      },
      vscode.l10n.t,
    );
    this.#item.text = model.text;
    const tooltip = new vscode.MarkdownString(model.tooltip, true);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    this.#item.tooltip = tooltip;
    this.#item.accessibilityInformation = { label: model.accessibilityLabel, role: 'button' };
    this.#item.backgroundColor =
      model.background === 'error'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : model.background === 'warning'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    if (model.visible) this.#item.show();
    else this.#item.hide();
  }

  dispose(): void {
    this.#item.dispose();
  }
}
