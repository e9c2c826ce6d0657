// The baseline for the activation benchmark: the least an extension with our contributions must do
// in activate() — one log channel, one status bar item, one tree view, the same number of commands
// and the same three event subscriptions — and nothing else (no settings, no secrets, no model).
// Ours / this, measured side by side, is what our own logic costs on top of VS Code's API calls.
const vscode = require('vscode');

exports.activate = (context, commandCount) => {
  const log = vscode.window.createOutputChannel('Baseline', { log: true });
  const item = vscode.window.createStatusBarItem('baseline.status', vscode.StatusBarAlignment.Left);
  item.text = '$(inbox) 0';
  item.show();
  const changed = new vscode.EventEmitter();
  const view = vscode.window.createTreeView('baseline.tree', {
    treeDataProvider: {
      onDidChangeTreeData: changed.event,
      getTreeItem: (node) => node,
      getChildren: () => [],
    },
  });
  context.subscriptions.push(log, item, view, changed);
  for (let index = 0; index < commandCount; index++) {
    context.subscriptions.push(
      vscode.commands.registerCommand(`baseline.command${index}`, () => undefined),
    );
  }
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(() => undefined),
    context.secrets.onDidChange(() => undefined),
    vscode.window.onDidChangeWindowState(() => undefined),
  );
};
