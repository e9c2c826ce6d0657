import * as vscode from 'vscode';
import type { ConnectionView } from './counts-view-state.js';
import { settings } from './settings.js';
import { awaitingBadge, buildTree, type TreeNode } from './tree-model.js';

export const TREE_VIEW_ID = 'whmcsTicketCounts.counts';

/** The sidebar tree: turns `buildTree`'s plain nodes into TreeItems and keeps the badge. */
export class TicketTreeView implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  readonly #view: vscode.TreeView<TreeNode>;
  #roots: TreeNode[] = [];

  constructor() {
    this.#view = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: this });
  }

  render(views: readonly ConnectionView[]): void {
    this.#roots =
      views.length === 0
        ? []
        : buildTree(views, { hideZeroStatuses: settings.hideZeroStatuses() }, vscode.l10n.t);
    const badge = awaitingBadge(views);
    this.#view.badge =
      badge === undefined || badge.value === 0
        ? undefined
        : {
            value: badge.value,
            tooltip: badge.stale
              ? vscode.l10n.t(
                  '{0} tickets awaiting reply (stale: the latest refresh failed)',
                  badge.value,
                )
              : vscode.l10n.t('{0} tickets awaiting reply', badge.value),
          };
    this.#changed.fire(undefined);
  }

  getChildren(element?: TreeNode): TreeNode[] {
    return element ? (element.children ?? []) : this.#roots;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = new vscode.TreeItem(
      node.label,
      node.children
        ? node.expanded
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.id;
    if (node.description !== undefined) item.description = node.description;
    if (node.tooltip !== undefined) item.tooltip = node.tooltip;
    if (node.icon) {
      item.iconPath = new vscode.ThemeIcon(
        node.icon,
        node.kind === 'error' ? new vscode.ThemeColor('errorForeground') : undefined,
      );
    }
    item.contextValue = node.contextValue;
    if (node.action === 'showLog') {
      item.command = { command: 'whmcsTicketCounts.showLog', title: node.label };
    } else if (node.action === 'refresh') {
      item.command = {
        command: 'whmcsTicketCounts.refresh',
        title: node.label,
        arguments: [{ connectionId: node.connectionId }],
      };
    } else if (node.action === 'reconnect') {
      item.command = {
        command: 'whmcsTicketCounts.connect',
        title: node.label,
        arguments: [{ connectionId: node.connectionId }],
      };
    }
    if (node.description !== undefined) {
      item.accessibilityInformation = { label: `${node.label}: ${node.description}` };
    }
    return item;
  }

  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${TREE_VIEW_ID}.focus`);
  }

  dispose(): void {
    this.#view.dispose();
    this.#changed.dispose();
  }
}
