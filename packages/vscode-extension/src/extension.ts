import { join } from 'node:path';
import * as vscode from 'vscode';
import { type ConnectArguments, connectCommand } from './connect-command.js';
import { ConnectionSecretStore } from './connection-secrets.js';
import { TicketCountsController } from './controller.js';
import { disconnectCommand } from './disconnect-command.js';
import { Log } from './log.js';
import { openUrl } from './open-url.js';
import { settings } from './settings.js';
import { SharedHaltBoard } from './shared-halts.js';
import { STATUS_BAR_CLICK_COMMAND, TicketStatusBar } from './status-bar.js';
import type { TreeNode } from './tree-model.js';
import { TicketTreeView } from './tree-view.js';

/** Settings and secrets often change in bursts (Connect… writes both): reload once. */
const RELOAD_DEBOUNCE_MS = 150;

export function activate(context: vscode.ExtensionContext): void {
  const log = new Log();
  // Not read until the first request: activate() does no I/O.
  const storage = context.globalStorageUri?.fsPath;
  const board = storage ? new SharedHaltBoard(join(storage, 'halts.json')) : undefined;
  const secretStore = new ConnectionSecretStore(context.secrets, board);
  const statusBar = new TicketStatusBar();
  const tree = new TicketTreeView();
  const controller = new TicketCountsController(log, secretStore, statusBar, tree, board);

  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleReload = () => {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => void controller.reload(), RELOAD_DEBOUNCE_MS);
  };

  const linkOf = (node?: TreeNode) => {
    const url = controller.linkFor(node?.connectionId, node?.link ?? { list: 'awaitingReply' });
    if (!url) void vscode.window.showInformationMessage(vscode.l10n.t('Connect to WHMCS first.'));
    return url;
  };
  const openInBrowser = async (node?: TreeNode) => {
    const url = linkOf(node);
    if (!url) return;
    // code-server rewrites localhost links through its port proxy: the log keeps the real one.
    // Admin links hold no credentials (they come from the base URL and a list name).
    log.info(`Opening ${url}`);
    await openUrl(url);
  };
  const copyLink = async (node?: TreeNode) => {
    const url = linkOf(node);
    if (!url) return;
    await vscode.env.clipboard.writeText(url);
    log.info(`Copied ${url}`);
  };

  context.subscriptions.push(
    log,
    statusBar,
    tree,
    controller,
    { dispose: () => clearTimeout(reloadTimer) },
    vscode.commands.registerCommand(
      'whmcsTicketCounts.connect',
      (args?: ConnectArguments | TreeNode) =>
        connectCommand(
          args && 'connectionId' in args ? { connectionId: args.connectionId } : undefined,
          secretStore,
          log,
          async () => scheduleReload(),
          (connectionId, counts) => controller.seed(connectionId, counts),
        ),
    ),
    vscode.commands.registerCommand('whmcsTicketCounts.disconnect', (node?: TreeNode) =>
      disconnectCommand(node?.connectionId, secretStore, log),
    ),
    vscode.commands.registerCommand('whmcsTicketCounts.refresh', (node?: TreeNode) =>
      controller.refresh(node?.connectionId),
    ),
    vscode.commands.registerCommand('whmcsTicketCounts.showLog', () => log.show()),
    vscode.commands.registerCommand('whmcsTicketCounts.openInBrowser', openInBrowser),
    vscode.commands.registerCommand('whmcsTicketCounts.copyLink', copyLink),
    vscode.commands.registerCommand('whmcsTicketCounts.revealTree', () => tree.reveal()),
    vscode.commands.registerCommand(STATUS_BAR_CLICK_COMMAND, () => {
      if (controller.connections.length === 0) {
        return vscode.commands.executeCommand('whmcsTicketCounts.connect');
      }
      const action = settings.clickAction();
      if (action === 'refresh') return controller.refresh(settings.statusBarConnection());
      if (action === 'openInBrowser') return openInBrowser();
      return tree.reveal();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (settings.affectsConnections(event)) scheduleReload();
      else if (settings.affectsAnything(event)) controller.render();
    }),
    context.secrets.onDidChange((event) => {
      if (ConnectionSecretStore.isOwnKey(event.key)) scheduleReload();
    }),
    vscode.window.onDidChangeWindowState((state) => controller.setFocused(state.focused)),
  );

  // Nothing here touches the network: the first request waits for the secrets to be read.
  void controller.reload();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
