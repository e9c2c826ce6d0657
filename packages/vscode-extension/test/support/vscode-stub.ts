/**
 * A stand-in for the `vscode` module so `activate()` can run under plain vitest (the editor itself
 * cannot exist there; the real one is exercised by the E2E test). It records what the extension
 * shows and lets tests play the user: change settings, focus the window, run commands.
 */
import { formatMessage } from '../../src/translate.js';

type Listener<T> = (value: T) => void;

export class EventEmitter<T> {
  #listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>) => {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  };
  fire(value: T): void {
    for (const listener of [...this.#listeners]) listener(value);
  }
  dispose(): void {
    this.#listeners.clear();
  }
}

export interface StubStatusBarItem {
  id: string;
  name?: string;
  text: string;
  tooltip?: { value: string };
  backgroundColor?: { id: string };
  accessibilityInformation?: { label: string };
  command?: string;
  visible: boolean;
}

interface StubTreeView {
  id: string;
  badge?: { value: number; tooltip: string };
  provider: { getChildren(element?: unknown): unknown[]; getTreeItem(element: unknown): TreeItem };
}

const windowState = new EventEmitter<{ focused: boolean }>();
const configurationChange = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();

export const stub = {
  focused: true,
  settings: {} as Record<string, unknown>,
  statusBarItems: [] as StubStatusBarItem[],
  treeViews: [] as StubTreeView[],
  messages: [] as Array<{ level: 'info' | 'warning' | 'error'; message: string; items: string[] }>,
  log: [] as string[],
  opened: [] as string[],
  clipboard: '',
  /** Answers for showInputBox, in order. */
  inputs: [] as string[],
  /** For each showQuickPick in turn, text its pick's label contains (none left: the first item). */
  quickPicks: [] as string[],
  /** Buttons to press on the next messages, in order (none: the message is dismissed). */
  messageAnswers: [] as string[],
  /** File paths showOpenDialog answers with, in order (none: cancelled). */
  openDialogAnswers: [] as string[],
  /** 1 = desktop, 2 = a browser (code-server). */
  uiKind: 1,
  /**
   * What `env.asExternalUri` answers for a localhost address: code-server rewrites it through its
   * port proxy on the page's own origin. Undefined: returned unchanged (desktop).
   */
  externalUri: undefined as string | undefined,
  /** When set, writing settings fails with this message (as with an unsaved settings.json). */
  settingsWriteError: undefined as string | undefined,
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  context: new Map<string, unknown>(),
};

export function resetStub(settings: Record<string, unknown>): void {
  stub.focused = true;
  stub.settings = { ...settings };
  stub.statusBarItems = [];
  stub.treeViews = [];
  stub.messages = [];
  stub.log = [];
  stub.opened = [];
  stub.clipboard = '';
  stub.inputs = [];
  stub.quickPicks = [];
  stub.messageAnswers = [];
  stub.openDialogAnswers = [];
  stub.settingsWriteError = undefined;
  stub.uiKind = 1;
  stub.externalUri = undefined;
  stub.commands.clear();
  stub.context.clear();
}

/** The user switches to another application (false) or back (true). */
export function setWindowFocused(focused: boolean): void {
  stub.focused = focused;
  windowState.fire({ focused });
}

/** Rows of a tree view, depth-first, as "label: description". */
export function treeRows(view: StubTreeView): string[] {
  const rows: string[] = [];
  const walk = (element?: unknown) => {
    for (const child of view.provider.getChildren(element)) {
      const item = view.provider.getTreeItem(child);
      rows.push(item.description ? `${item.label}: ${item.description}` : String(item.label));
      walk(child);
    }
  };
  walk();
  return rows;
}

export class ThemeColor {
  constructor(readonly id: string) {}
}
export class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}
export class MarkdownString {
  isTrusted = false;
  supportHtml = false;
  constructor(
    readonly value: string,
    readonly supportThemeIcons = false,
  ) {}
}
export class TreeItem {
  id?: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  command?: unknown;
  iconPath?: unknown;
  accessibilityInformation?: unknown;
  constructor(
    readonly label: string,
    readonly collapsibleState: number,
  ) {}
}
export const Uri = { parse: (value: string) => ({ value, toString: () => value }) };
export const StatusBarAlignment = { Left: 1, Right: 2 };
export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 };
export const ConfigurationTarget = { Global: 1 };
export const ProgressLocation = { Notification: 15 };
export const InputBoxValidationSeverity = { Info: 1, Warning: 2, Error: 3 };
export const l10n = { t: formatMessage };

function message(level: 'info' | 'warning' | 'error') {
  return async (text: string, ...rest: unknown[]) => {
    const items = rest.filter((r) => typeof r === 'string');
    stub.messages.push({ level, message: text, items });
    const answer = stub.messageAnswers[0];
    if (answer === undefined || !items.includes(answer)) return undefined;
    stub.messageAnswers.shift();
    return answer;
  };
}

export const window = {
  get state() {
    return { focused: stub.focused };
  },
  onDidChangeWindowState: windowState.event,
  createOutputChannel: () => ({
    info: (line: string) => stub.log.push(`info ${line}`),
    warn: (line: string) => stub.log.push(`warn ${line}`),
    error: (line: string) => stub.log.push(`error ${line}`),
    show: () => undefined,
    dispose: () => undefined,
  }),
  createStatusBarItem: (id: string) => {
    const item: StubStatusBarItem & { show(): void; hide(): void; dispose(): void } = {
      id,
      text: '',
      visible: false,
      show: () => {
        item.visible = true;
      },
      hide: () => {
        item.visible = false;
      },
      dispose: () => undefined,
    };
    stub.statusBarItems.push(item);
    return item;
  },
  createTreeView: (id: string, options: { treeDataProvider: StubTreeView['provider'] }) => {
    const view: StubTreeView & { dispose(): void } = {
      id,
      provider: options.treeDataProvider,
      dispose: () => undefined,
    };
    stub.treeViews.push(view);
    return view;
  },
  showInformationMessage: message('info'),
  showWarningMessage: message('warning'),
  showErrorMessage: message('error'),
  showInputBox: async () => stub.inputs.shift(),
  showQuickPick: async <T extends { label?: string }>(items: T[]) => {
    const wanted = stub.quickPicks.shift();
    return wanted === undefined ? items[0] : items.find((item) => item.label?.includes(wanted));
  },
  showOpenDialog: async () => {
    const path = stub.openDialogAnswers.shift();
    return path === undefined ? undefined : [{ fsPath: path, toString: () => `file://${path}` }];
  },
  withProgress: <T>(_options: unknown, task: () => Promise<T>) => task(),
};

export const workspace = {
  getConfiguration: (section: string) => ({
    get: (key: string, fallback?: unknown) => stub.settings[`${section}.${key}`] ?? fallback,
    update: async (key: string, value: unknown) => {
      if (stub.settingsWriteError) throw new Error(stub.settingsWriteError);
      stub.settings[`${section}.${key}`] = value;
      const changed = `${section}.${key}`;
      configurationChange.fire({
        affectsConfiguration: (name: string) => changed === name || changed.startsWith(`${name}.`),
      });
    },
  }),
  onDidChangeConfiguration: configurationChange.event,
};

export const commands = {
  registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
    stub.commands.set(id, handler);
    return { dispose: () => stub.commands.delete(id) };
  },
  executeCommand: async (id: string, ...args: unknown[]) => {
    if (id === 'setContext') {
      stub.context.set(String(args[0]), args[1]);
      return undefined;
    }
    return stub.commands.get(id)?.(...args);
  },
};

export const UIKind = { Desktop: 1, Web: 2 };

export const env = {
  get uiKind() {
    return stub.uiKind;
  },
  asExternalUri: async (target: { value: string }) =>
    stub.externalUri === undefined ? target : Uri.parse(stub.externalUri),
  clipboard: {
    writeText: async (text: string) => {
      stub.clipboard = text;
    },
  },
  /**
   * Records the address the browser gets, as VS Code 1.100 computes it: a string is opened as is
   * (MainThreadWindow.$openUri / OpenerService), a Uri as `encodeURI(uri.toString(true))` — its
   * components decoded, then re-encoded, which turns `%26` into `&` (microsoft/vscode#135949).
   */
  openExternal: async (target: string | { value: string }) => {
    stub.opened.push(
      typeof target === 'string' ? target : encodeURI(decodeURIComponent(target.value)),
    );
    return true;
  },
};
