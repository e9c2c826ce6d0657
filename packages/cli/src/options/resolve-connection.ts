import type { WhmcsConnection } from '@whmcs-ticket-counts/core';
import { UsageError } from '../usage-error.js';
import type { ConnectionFlags } from './connection-options.js';
import { envValue } from './environment.js';
import { readSecretFile } from './read-secret-file.js';

export interface ResolvedConnection {
  readonly connection: WhmcsConnection;
  /** Things the user should know but that do not stop the command (one sentence each). */
  readonly warnings: readonly string[];
  /** Every secret read, so that output can be scrubbed of them. */
  readonly secrets: readonly string[];
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Flags win over environment variables. Secrets (API secret, admin password) come only from the
 * environment or a file; the access key may come from a flag but the environment is preferred.
 */
export async function resolveConnection(
  flags: ConnectionFlags,
  env: Env,
): Promise<ResolvedConnection> {
  const warnings: string[] = [];
  const url = flags.url ?? envValue(env, 'WHMCS_URL');
  if (url === undefined) {
    throw new UsageError('No WHMCS URL given; pass --url URL or set WHMCS_URL.');
  }

  const login = chooseLogin(flags, env);
  const secretFile = flags['secret-file'];
  let secret: string | undefined;
  if (secretFile !== undefined) {
    const fromFile = await readSecretFile('--secret-file', secretFile);
    secret = fromFile.value;
    if (fromFile.warning) warnings.push(fromFile.warning);
  } else {
    const name = login.kind === 'api-credential' ? 'WHMCS_SECRET' : 'WHMCS_ADMIN_PASSWORD';
    secret = envValue(env, name);
    // A pasted newline or space is never meant, and sending it would cost a failed login.
    if (secret !== undefined && secret !== secret.trim()) {
      throw new UsageError(
        `${name} has spaces or a line break around the value; set it to the value alone, because WHMCS counts a wrong one toward an IP ban.`,
      );
    }
  }
  if (secret === undefined) {
    throw new UsageError(
      login.kind === 'api-credential'
        ? 'No API secret given; set WHMCS_SECRET or pass --secret-file PATH (never the secret itself on the command line).'
        : 'No admin password given; set WHMCS_ADMIN_PASSWORD or pass --secret-file PATH (never the password itself on the command line).',
    );
  }

  const accessKeyFlag = flags['access-key'];
  if (accessKeyFlag !== undefined) {
    warnings.push(
      '--access-key on the command line is visible to other users of this machine; prefer the WHMCS_ACCESS_KEY environment variable.',
    );
  }
  const accessKey = accessKeyFlag ?? envValue(env, 'WHMCS_ACCESS_KEY');

  const adminFolder = flags['admin-folder'];
  if (adminFolder !== undefined && !/^[A-Za-z0-9_-]+$/.test(adminFolder)) {
    throw new UsageError(
      '--admin-folder takes the admin folder name only (letters, digits, - and _), such as --admin-folder admin.',
    );
  }

  const connection: WhmcsConnection = {
    url,
    auth:
      login.kind === 'api-credential'
        ? { kind: 'api-credential', identifier: login.name, secret }
        : { kind: 'admin-login', username: login.name, password: secret },
    ...(accessKey !== undefined ? { accessKey } : {}),
    ...(adminFolder !== undefined ? { adminFolder } : {}),
  };
  const secrets = accessKey !== undefined ? [secret, accessKey] : [secret];
  const urlPassword = passwordInUrl(url);
  if (urlPassword !== undefined) secrets.push(urlPassword);
  return { connection, warnings, secrets };
}

function chooseLogin(
  flags: ConnectionFlags,
  env: Env,
): { kind: 'api-credential' | 'admin-login'; name: string } {
  const identifierFlag = flags.identifier;
  const usernameFlag = flags['admin-username'];
  if (identifierFlag !== undefined && usernameFlag !== undefined) {
    throw new UsageError(
      'Both --identifier and --admin-username given; pass only one (an API credential identifier is preferred).',
    );
  }
  if (identifierFlag !== undefined) return { kind: 'api-credential', name: identifierFlag };
  if (usernameFlag !== undefined) return { kind: 'admin-login', name: usernameFlag };

  const identifier = envValue(env, 'WHMCS_IDENTIFIER');
  const username = envValue(env, 'WHMCS_ADMIN_USERNAME');
  if (identifier !== undefined && username !== undefined) {
    throw new UsageError(
      'Both WHMCS_IDENTIFIER and WHMCS_ADMIN_USERNAME are set; unset one, or choose with --identifier or --admin-username.',
    );
  }
  if (identifier !== undefined) return { kind: 'api-credential', name: identifier };
  if (username !== undefined) return { kind: 'admin-login', name: username };
  throw new UsageError(
    'No API credential given; pass --identifier ID or set WHMCS_IDENTIFIER (or --admin-username / WHMCS_ADMIN_USERNAME for a legacy admin login).',
  );
}

/** A `https://user:password@host/` URL carries a (basic-auth) secret of its own. */
function passwordInUrl(url: string): string | undefined {
  try {
    const { password } = new URL(url);
    return password === '' ? undefined : decodeURIComponent(password);
  } catch {
    return undefined;
  }
}
