import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const binPath = fileURLToPath(new URL('../../bin/whmcs-ticket-counts.js', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real built command (`node bin/whmcs-ticket-counts.js`) with a controlled environment:
 * only PATH is inherited, so no WHMCS_* variable of the developer's shell leaks into a test.
 */
export function runCli(
  args: readonly string[],
  options: {
    env?: Record<string, string>;
    timeoutMs?: number;
    /** A file descriptor to send stdout to instead of the pipe (`stdout` then reads ''). */
    stdoutFd?: number;
  } = {},
): Promise<CliResult> {
  const child = spawn(process.execPath, [binPath, ...args], {
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', options.stdoutFd ?? 'pipe', 'pipe'],
  }) as ChildProcessByStdio<null, Readable | null, Readable>;
  return collect(child, `whmcs-ticket-counts ${args[0] ?? ''}`, options.timeoutMs ?? 15_000);
}

/** The monorepo's root, where the READMEs' `pnpm exec …` lines are meant to be run. */
export const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Runs a command line through `sh`, as a user pasting it would. Only PATH (or `path`, to play a
 * user without some command) and HOME are inherited (pnpm needs a home); pnpm's update check is
 * off so that it cannot add a line or touch a network.
 */
export function runShell(
  line: string,
  cwd: string,
  timeoutMs = 20_000,
  path = process.env.PATH ?? '',
): Promise<CliResult> {
  const child = spawn('sh', ['-c', line], {
    cwd,
    env: {
      PATH: path,
      HOME: process.env.HOME ?? '',
      npm_config_update_notifier: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collect(child, 'sh -c', timeoutMs);
}

function collect(
  child: ChildProcessByStdio<null, Readable | null, Readable>,
  what: string,
  timeoutMs: number,
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} did not exit in time; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
