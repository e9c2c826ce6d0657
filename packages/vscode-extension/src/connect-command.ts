import { isWhmcsError, resolveWhmcsUrl, type TicketCounts } from '@whmcs-ticket-counts/core';
import * as vscode from 'vscode';
import { browserKeepsSecretsUnencrypted } from './browser-secret-safety.js';
import {
  isInsecureRemoteUrl,
  validateAccessKey,
  validateRequired,
  validateWhmcsUrl,
} from './connect-validation.js';
import {
  createClient,
  loadCounts,
  loginFingerprint,
  secretsToRedact,
} from './connection-runtime.js';
import type { ConnectionSecretStore, ConnectionSecrets } from './connection-secrets.js';
import { SecretStorageUnavailableError } from './connection-secrets.js';
import {
  type ConnectionSettings,
  hostLabel,
  newConnectionId,
  uniqueLabel,
  upsertSettingsEntry,
} from './connection-settings.js';
import type { Log } from './log.js';
import { loginRejected } from './login-rejected.js';
import { notificationText } from './markdown-text.js';
import { settings } from './settings.js';
import { errorTitle } from './tree-model.js';

const t = vscode.l10n.t;

/** What the command accepts when another extension, a keybinding or a test invokes it. */
export interface ConnectArguments {
  /** Reconnect this existing connection (prefills everything but the secret). */
  connectionId?: string;
}

interface Draft {
  id?: string;
  label?: string;
  url: string;
  authMethod: ConnectionSettings['authMethod'];
  login: string;
  secret: string;
  accessKey: string;
  /** A CA file for a self-signed WHMCS, chosen after a failed TLS check (or kept from `base`). */
  caFile?: string;
  base?: ConnectionSettings;
}

/** Thrown when the user presses Escape: the flow ends quietly. */
class ConnectCancelledError extends Error {
  override readonly name = 'ConnectCancelledError';
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new ConnectCancelledError();
  return value;
}

async function input(options: vscode.InputBoxOptions): Promise<string> {
  return required(await vscode.window.showInputBox({ ignoreFocusOut: true, ...options }));
}

async function pickConnection(
  existing: ConnectionSettings[],
): Promise<ConnectionSettings | undefined> {
  if (existing.length === 0) return undefined;
  const add = { label: `$(add) ${t('Add a WHMCS installation…')}`, connection: undefined };
  const items = [
    ...existing.map((connection) => ({
      label: connection.label,
      description: connection.url,
      detail: t('Enter the secret again or change this connection'),
      connection,
    })),
    add,
  ];
  const picked = required(
    await vscode.window.showQuickPick(items, {
      title: t('WHMCS: Connect'),
      placeHolder: t('Which WHMCS installation?'),
      ignoreFocusOut: true,
    }),
  );
  return picked.connection;
}

async function askDraft(previous: Draft): Promise<Draft> {
  const total = 5;
  const title = t('WHMCS: Connect');
  const url = await input({
    title: `${title} (1/${total})`,
    prompt: t('Address of your WHMCS installation (base URL, sub-folder, or …/includes/api.php)'),
    placeHolder: 'https://billing.example.com/',
    value: previous.url,
    validateInput: (value) => validateWhmcsUrl(value, t),
  });
  if (isInsecureRemoteUrl(url)) {
    const proceed = t('Use http anyway');
    const answer = await vscode.window.showWarningMessage(
      t(
        'This address uses plain http, so the API secret would travel unencrypted; use https if you can.',
      ),
      { modal: true },
      proceed,
    );
    if (answer !== proceed) throw new ConnectCancelledError();
  }
  const methods = [
    {
      label: t('API credential'),
      description: t('identifier + secret (WHMCS 7.2 and later)'),
      method: 'api-credential' as const,
    },
    {
      label: t('Admin login (legacy)'),
      description: t('admin username + password'),
      method: 'admin-login' as const,
    },
  ].sort((a, b) =>
    a.method === previous.authMethod ? -1 : b.method === previous.authMethod ? 1 : 0,
  );
  const method = required(
    await vscode.window.showQuickPick(methods, {
      title: `${title} (2/${total})`,
      placeHolder: t('How does this extension sign in to WHMCS?'),
      ignoreFocusOut: true,
    }),
  ).method;
  const apiCredential = method === 'api-credential';
  const loginName = apiCredential ? t('API identifier') : t('admin username');
  const login = await input({
    title: `${title} (3/${total})`,
    prompt: apiCredential
      ? t('API credential identifier (System Settings › Manage API Credentials)')
      : t('WHMCS admin username'),
    value: previous.authMethod === method ? previous.login : '',
    validateInput: (value) => validateRequired(value, loginName, t),
  });
  const secretName = apiCredential ? t('API secret') : t('admin password');
  const secret = await input({
    title: `${title} (4/${total})`,
    prompt: apiCredential
      ? t('API credential secret (kept in VS Code secret storage)')
      : t('Admin password, or its MD5 hash (kept in VS Code secret storage)'),
    password: true,
    validateInput: (value) => validateRequired(value, secretName, t),
  });
  const accessKey = await input({
    title: `${title} (5/${total})`,
    prompt: t(
      'API access key (optional; leave empty unless your WHMCS uses one to bypass its IP allow-list)',
    ),
    password: true,
    value: previous.accessKey,
    validateInput: (value) => validateAccessKey(value.trim(), t),
  });
  return {
    ...previous,
    url: url.trim(),
    authMethod: method,
    login: login.trim(),
    secret,
    accessKey: accessKey.trim(),
  };
}

/** "WHMCS: Connect…": asks, checks with one real GetTicketCounts call, then saves. */
export async function connectCommand(
  args: ConnectArguments | undefined,
  secretStore: ConnectionSecretStore,
  log: Log,
  afterSave: () => Promise<void>,
  /** Gets the check's counts before anything is saved, so the reload that follows can reuse them. */
  checked: (connectionId: string, counts: TicketCounts | undefined) => void = () => undefined,
): Promise<void> {
  if ((await browserKeepsSecretsUnencrypted()) && !(await continueUnencrypted())) return;
  const { connections, problems } = settings.connections();
  // Broken hand-edited entries too: reconnecting one rewrites it whole (see upsertSettingsEntry).
  const existing = [
    ...connections,
    ...problems.flatMap((problem) => (problem.repairable ? [problem.repairable] : [])),
  ];
  try {
    const base =
      (args?.connectionId && existing.find((c) => c.id === args.connectionId)) ||
      (await pickConnection(existing));
    let draft: Draft = {
      url: base?.url ?? '',
      authMethod: base?.authMethod ?? 'api-credential',
      login: base?.login ?? '',
      secret: '',
      accessKey: '',
      ...(base ? { base, id: base.id, label: base.label } : {}),
      ...(base?.caFile ? { caFile: base.caFile } : {}),
    };
    // Logins WHMCS rejected for good (fingerprint → why): in this flow, or the halt that stopped
    // the connection being reconnected. Sending one again would only count toward an IP ban.
    const rejected = new Map<string, string>();
    const halt = base ? await secretStore.getHalt(base.id) : undefined;
    if (halt && loginRejected(halt.kind)) rejected.set(halt.login, errorTitle(halt.kind, t));
    let ask = true;
    for (;;) {
      if (ask) draft = await askDraft(draft);
      ask = true;
      const url = normalisedUrl(draft.url);
      const id =
        draft.id ??
        newConnectionId(
          draft.url,
          existing.map((c) => c.id),
        );
      const connection: ConnectionSettings = {
        ...(draft.base ?? { adminFolder: 'admin', ignoreDepartmentAssignments: false }),
        id,
        label:
          draft.base && normalisedUrl(draft.base.url) === url
            ? draft.base.label
            : // Two connections to one WHMCS (other credentials) must not look alike in the tree.
              uniqueLabel(
                hostLabel(draft.url),
                existing.filter((c) => c.id !== id).map((c) => c.label),
              ),
        url,
        authMethod: draft.authMethod,
        login: draft.login,
      };
      if (draft.caFile) connection.caFile = draft.caFile;
      const secrets: ConnectionSecrets = {
        secret: draft.secret,
        ...(draft.accessKey ? { accessKey: draft.accessKey } : {}),
      };
      for (const secret of secretsToRedact(connection, secrets)) log.addSecret(secret);
      const fingerprint = loginFingerprint(connection, secrets);
      const rejection = rejected.get(fingerprint);
      if (rejection !== undefined) {
        const answer = await sendAgain(rejection);
        if (answer === 'edit') continue;
        if (answer === 'cancel') return;
      }
      const result = await check(connection, secrets, log);
      if ('rejectedFor' in result && result.rejectedFor)
        rejected.set(fingerprint, result.rejectedFor);
      if ('counts' in result) {
        checked(connection.id, result.counts);
        if (!(await save(connection, secrets, secretStore, log))) {
          // Not saved: the counts belong to a login that is not stored, so no reload may use them
          // (as a seed they would also lift the halt of the login that is).
          checked(connection.id, undefined);
          return;
        }
        void vscode.window.showInformationMessage(connectedMessage(connection, result.counts));
        await afterSave();
        return;
      }
      const retry = t('Edit and retry');
      const showLog = t('Show Log');
      const chooseCa = t('Choose CA File…');
      const choice = await vscode.window.showErrorMessage(
        result.failure,
        ...(result.untrustedCertificate ? [chooseCa] : []),
        retry,
        showLog,
      );
      if (choice === showLog) log.show();
      if (choice === chooseCa) {
        const caFile = await pickCaFile();
        if (caFile === undefined) return;
        // Same answers, now trusting that CA: check again without asking everything again.
        draft = { ...draft, caFile };
        ask = false;
        continue;
      }
      if (choice !== retry) return;
    }
  } catch (error) {
    if (error instanceof ConnectCancelledError) return;
    if (error instanceof SecretStorageUnavailableError) {
      log.error(`${error.message} (${String(error.cause)})`);
      void vscode.window.showErrorMessage(error.message);
      return;
    }
    throw error;
  }
}

/** Asks before a secret is typed into a page where VS Code would keep it unencrypted. */
async function continueUnencrypted(): Promise<boolean> {
  const proceed = t('Continue Anyway');
  const answer = await vscode.window.showWarningMessage(
    t(
      "This editor runs in a browser page served over plain http, where VS Code keeps secrets unencrypted in the browser's storage; serve code-server over https, or choose Continue Anyway.",
    ),
    { modal: true },
    proceed,
  );
  return answer === proceed;
}

/**
 * Asks before a login WHMCS has already rejected is sent again. "Edit Login" comes first, so it is
 * the button Enter presses: a reflex must not cost a failed login.
 */
async function sendAgain(reason: string): Promise<'edit' | 'send' | 'cancel'> {
  const edit = t('Edit Login');
  const send = t('Send Anyway');
  const answer = await vscode.window.showWarningMessage(
    t(
      'WHMCS has already rejected this login ({0}); nothing was sent, because each failed attempt counts toward an IP ban: correct it, or choose Send Anyway if you have fixed it in WHMCS.',
      reason,
    ),
    { modal: true },
    edit,
    send,
  );
  return answer === send ? 'send' : answer === edit ? 'edit' : 'cancel';
}

/**
 * The base URL as core derives it (query, fragment and `includes/api.php` dropped), so the saved
 * setting is what is used; the typed text when core refuses it (the check then says why).
 */
function normalisedUrl(text: string): string {
  try {
    return resolveWhmcsUrl(text).baseUrl.href;
  } catch {
    return text;
  }
}

/** The PEM file with the CA of a self-signed WHMCS; TLS verification stays on. */
async function pickCaFile(): Promise<string | undefined> {
  const [picked] =
    (await vscode.window.showOpenDialog({
      title: t('CA certificate of your WHMCS (PEM)'),
      openLabel: t('Trust This CA'),
      canSelectMany: false,
      canSelectFolders: false,
      filters: { [t('PEM certificates')]: ['pem', 'crt', 'cer'], [t('All files')]: ['*'] },
    })) ?? [];
  return picked?.fsPath;
}

/**
 * The counts when WHMCS answered; otherwise the core error's one-sentence guidance, and whether the
 * server's certificate was not trusted (a CA file can fix that).
 */
async function check(
  connection: ConnectionSettings,
  secrets: ConnectionSecrets,
  log: Log,
): Promise<
  | { counts: TicketCounts }
  | { failure: string; untrustedCertificate: boolean; rejectedFor?: string }
> {
  try {
    resolveWhmcsUrl(connection.url);
    const client = createClient(connection, secrets);
    const counts = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: t('Checking the connection to {0}…', connection.label),
      },
      () => loadCounts(client, connection, log),
    );
    return { counts };
  } catch (error) {
    return {
      failure: isWhmcsError(error)
        ? notificationText(error.message)
        : t('The connection check failed unexpectedly; see "WHMCS: Show Log" for details.'),
      untrustedCertificate:
        isWhmcsError(error) &&
        error.kind === 'network' &&
        'tlsHint' in error &&
        typeof error.tlsHint === 'string' &&
        // Not for an expired certificate or a wrong host name: a CA file cannot fix those.
        /\bCA file\b/.test(error.tlsHint),
      // The login itself rejected (or banned): the same login must not go out again unasked.
      ...(isWhmcsError(error) && loginRejected(error.kind)
        ? { rejectedFor: errorTitle(error.kind, t) }
        : {}),
    };
  }
}

function connectedMessage(connection: ConnectionSettings, counts: TicketCounts): string {
  return counts.awaitingReply === null
    ? t('Connected to {0}; ticket counts are switched off on that server.', connection.label)
    : t('Connected to {0}: {1} tickets awaiting reply.', connection.label, counts.awaitingReply);
}

/**
 * Saves the secret, then the settings; false (and said why) when the settings cannot be written,
 * with the secret put back as it was, so no secret is left without its connection.
 */
async function save(
  connection: ConnectionSettings,
  secrets: ConnectionSecrets,
  secretStore: ConnectionSecretStore,
  log: Log,
): Promise<boolean> {
  const previous = await secretStore.get(connection.id);
  const previousHalt = await secretStore.getHalt(connection.id);
  // The secret first: settings without a usable secret would show a broken connection.
  await secretStore.set(connection.id, secrets);
  // The check just succeeded: a halt remembered for this connection is over. Cleared before the
  // settings change, so the reload that follows cannot see it.
  await secretStore.deleteHalt(connection.id);
  try {
    await settings.writeConnections(upsertSettingsEntry(settings.rawConnections(), connection));
  } catch (error) {
    if (previous) await secretStore.set(connection.id, previous);
    else await secretStore.delete(connection.id);
    if (previousHalt) await secretStore.setHalt(connection.id, previousHalt);
    const message = t(
      'The connection works but was not saved, because VS Code could not change your settings: {0}',
      error instanceof Error ? error.message : String(error),
    );
    log.error(message);
    void vscode.window.showErrorMessage(message);
    return false;
  }
  return true;
}
