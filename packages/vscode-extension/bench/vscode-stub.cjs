// A stand-in for the `vscode` module, just enough for activate() outside VS Code. It records what
// the extension creates so the benchmark can check activation did its work.
const noop = () => undefined;
const disposable = { dispose: noop };
const event = () => disposable;

class EventEmitter {
  event = event;
  fire = noop;
  dispose = noop;
}

function createStub(settings) {
  const created = { statusBarItems: 0, treeViews: 0, commands: [] };
  const config = (section) => ({
    get: (key, fallback) => {
      const value = settings[`${section}.${key}`];
      return value === undefined ? fallback : value;
    },
    update: async () => undefined,
  });
  const vscode = {
    created,
    EventEmitter,
    ThemeColor: class {},
    ThemeIcon: class {},
    MarkdownString: class {
      constructor(value) {
        this.value = value;
      }
    },
    TreeItem: class {},
    Uri: { parse: (value) => ({ value }) },
    StatusBarAlignment: { Left: 1, Right: 2 },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    ConfigurationTarget: { Global: 1 },
    ProgressLocation: { Notification: 15 },
    l10n: { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i) => String(args[i])) },
    env: { openExternal: async () => true },
    window: {
      state: { focused: true },
      onDidChangeWindowState: event,
      createOutputChannel: () => ({
        info: noop,
        warn: noop,
        error: noop,
        show: noop,
        dispose: noop,
      }),
      createStatusBarItem: () => {
        created.statusBarItems++;
        return { show: noop, hide: noop, dispose: noop };
      },
      createTreeView: () => {
        created.treeViews++;
        return { dispose: noop };
      },
      showInformationMessage: async () => undefined,
      showWarningMessage: async () => undefined,
      showErrorMessage: async () => undefined,
    },
    workspace: { getConfiguration: config, onDidChangeConfiguration: event },
    commands: {
      registerCommand: (id) => {
        created.commands.push(id);
        return disposable;
      },
      executeCommand: async () => undefined,
    },
  };
  return vscode;
}

module.exports = { createStub };
