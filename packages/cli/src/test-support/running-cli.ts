import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliResult } from './run-cli.js';

const binPath = fileURLToPath(new URL('../../bin/whmcs-ticket-counts.js', import.meta.url));

/**
 * A long-running command (demo, serve) started from the built bin, with helpers to wait for
 * output and to stop it like a user pressing Ctrl-C.
 */
export class RunningCli {
  readonly #child: ChildProcess;
  readonly #exited: Promise<CliResult>;
  #stdout = '';
  #stderr = '';
  readonly #waiters = new Set<() => void>();

  constructor(args: readonly string[], env: Record<string, string> = {}) {
    this.#child = spawn(process.execPath, [binPath, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onData = (append: (chunk: string) => void) => (chunk: string) => {
      append(chunk);
      for (const wake of this.#waiters) wake();
    };
    this.#child.stdout?.setEncoding('utf8').on(
      'data',
      onData((c) => (this.#stdout += c)),
    );
    this.#child.stderr?.setEncoding('utf8').on(
      'data',
      onData((c) => (this.#stderr += c)),
    );
    this.#exited = new Promise((resolve) => {
      this.#child.on('close', (code, signal) => {
        resolve({ code, signal, stdout: this.#stdout, stderr: this.#stderr });
        for (const wake of this.#waiters) wake();
      });
    });
  }

  get stdout(): string {
    return this.#stdout;
  }

  get stderr(): string {
    return this.#stderr;
  }

  /** Resolves with the match once stdout matches `pattern`; rejects after `timeoutMs` or on exit. */
  waitForStdout(pattern: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
    return this.#waitFor(() => this.#stdout, pattern, timeoutMs);
  }

  /** Like waitForStdout, for stderr (warnings, the relay's log). */
  waitForStderr(pattern: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
    return this.#waitFor(() => this.#stderr, pattern, timeoutMs);
  }

  #waitFor(text: () => string, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      let exited = false;
      void this.#exited.then(() => {
        exited = true;
      });
      const check = () => {
        const match = text().match(pattern);
        if (match) return finish(() => resolve(match));
        if (exited || this.#child.exitCode !== null) {
          finish(() => reject(new Error(`exited before ${pattern}; stderr: ${this.#stderr}`)));
        }
      };
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(new Error(`no ${pattern} within ${timeoutMs} ms; output: ${text()}`)),
          ),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.#waiters.delete(check);
        settle();
      };
      this.#waiters.add(check);
      check();
    });
  }

  /** Closes the read end of its stdout, as `… | head -3` does once it has its lines. */
  closeStdout(): void {
    this.#child.stdout?.destroy();
  }

  /** Sends SIGINT (Ctrl-C) and waits for the exit; kills it if it does not stop in time. */
  async interrupt(timeoutMs = 10_000): Promise<CliResult> {
    this.#child.kill('SIGINT');
    return this.waitForExit(timeoutMs);
  }

  async waitForExit(timeoutMs = 10_000): Promise<CliResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.#child.kill('SIGKILL');
        reject(new Error(`did not exit within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.#exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** For afterEach: make sure nothing outlives the test. */
  async kill(): Promise<void> {
    if (this.#child.exitCode === null && this.#child.signalCode === null) {
      this.#child.kill('SIGKILL');
      await this.#exited;
    }
  }
}
