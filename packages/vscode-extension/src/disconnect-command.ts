import * as vscode from 'vscode';
import type { ConnectionSecretStore } from './connection-secrets.js';
import { SecretStorageUnavailableError } from './connection-secrets.js';
import { removeSettingsEntry } from './connection-settings.js';
import type { Log } from './log.js';
import { settings } from './settings.js';

const t = vscode.l10n.t;

/** "WHMCS: Disconnect": forgets the secret and removes the connection from settings. */
export async function disconnectCommand(
  connectionId: string | undefined,
  secretStore: ConnectionSecretStore,
  log: Log,
): Promise<void> {
  const connections = settings.connections().connections;
  let target = connections.find((connection) => connection.id === connectionId);
  if (!target) {
    if (connections.length === 1) target = connections[0];
    else {
      const picked = await vscode.window.showQuickPick(
        connections.map((connection) => ({
          label: connection.label,
          description: connection.url,
          connection,
        })),
        {
          title: t('WHMCS: Disconnect'),
          placeHolder: t('Which WHMCS installation should be forgotten?'),
        },
      );
      target = picked?.connection;
    }
  }
  if (!target) return;
  const forget = t('Disconnect');
  const answer = await vscode.window.showWarningMessage(
    t('Disconnect from {0} and forget its stored secret?', target.label),
    { modal: true },
    forget,
  );
  if (answer !== forget) return;
  // Settings first: when they cannot be written (say, settings.json has unsaved changes), the
  // secret must stay, or the connection would be left in settings without it.
  try {
    await settings.writeConnections(removeSettingsEntry(settings.rawConnections(), target.id));
  } catch (error) {
    const message = t(
      'Nothing was disconnected, because VS Code could not change your settings: {0}',
      error instanceof Error ? error.message : String(error),
    );
    log.error(message);
    void vscode.window.showErrorMessage(message);
    return;
  }
  try {
    await secretStore.delete(target.id);
    await secretStore.deleteHalt(target.id);
  } catch (error) {
    if (!(error instanceof SecretStorageUnavailableError)) throw error;
    log.error(error.message);
    void vscode.window.showErrorMessage(error.message);
    return;
  }
  log.info(`Disconnected ${target.id}: secret deleted, connection removed from settings.`);
}
