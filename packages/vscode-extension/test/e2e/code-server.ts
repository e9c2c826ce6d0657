import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class CodeServerMissingError extends Error {
  override readonly name = 'CodeServerMissingError';
}

/** code-server 4.100.3 as scripts/setup-test-machine.sh installs it. */
export function findCodeServer(): string {
  const dir =
    process.env.CODE_SERVER_DIR ?? join(homedir(), '.cache', 'whmcs-ticket-counts', 'code-server');
  const bin = join(dir, 'node_modules', '.bin', 'code-server');
  if (!existsSync(bin)) {
    throw new CodeServerMissingError(
      `code-server is not installed at ${bin}; run scripts/setup-test-machine.sh (or set CODE_SERVER_DIR) and run the tests again.`,
    );
  }
  return bin;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface CodeServer {
  readonly url: string;
  readonly userDataDir: string;
  /** Everything code-server printed, for failure messages. */
  output(): string;
  close(): Promise<void>;
}

export interface CodeServerOptions {
  /** A fresh directory that holds every file code-server writes. */
  home: string;
  vsix: string;
  userSettings: Record<string, unknown>;
  env?: Record<string, string>;
}

/**
 * Installs the .vsix and starts a real VS Code (code-server) on 127.0.0.1, isolated in `home`.
 * Detached, so close() can kill its whole process group (extension host and watchers included).
 */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const bin = findCodeServer();
  const userDataDir = join(options.home, 'user-data');
  const extensionsDir = join(options.home, 'extensions');
  const config = join(options.home, 'config.yaml');
  await mkdir(join(userDataDir, 'User'), { recursive: true });
  await mkdir(extensionsDir, { recursive: true });
  await writeFile(config, 'auth: none\ncert: false\n');
  await writeFile(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'telemetry.telemetryLevel': 'off',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        ...options.userSettings,
      },
      null,
      2,
    ),
  );
  const env = {
    ...process.env,
    HOME: options.home,
    XDG_CONFIG_HOME: join(options.home, 'xdg-config'),
    XDG_DATA_HOME: join(options.home, 'xdg-data'),
    XDG_CACHE_HOME: join(options.home, 'xdg-cache'),
    ...options.env,
  };
  const common = [
    '--config',
    config,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
  await run(bin, [...common, '--install-extension', options.vsix], { env, timeout: 60_000 });

  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(
    bin,
    [
      ...common,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      join(options.home, 'workspace'),
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await mkdir(join(options.home, 'workspace'), { recursive: true });
  const url = `http://127.0.0.1:${port}/`;

  const close = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
    await exited;
    clearTimeout(timer);
    // Stragglers in the group (extension host, file watcher) go too.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // none left
    }
  };

  try {
    await waitForHealth(url, () => child.exitCode !== null);
  } catch (error) {
    await close();
    throw new Error(`code-server did not start: ${String(error)}\n${output}`);
  }
  return { url, userDataDir, output: () => output, close };
}

async function waitForHealth(url: string, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error('code-server exited');
    try {
      const response = await fetch(new URL('healthz', url), { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('no answer on /healthz within 60 s');
}
