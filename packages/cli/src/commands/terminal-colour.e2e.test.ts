import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

const binPath = fileURLToPath(new URL('../../bin/whmcs-ticket-counts.js', import.meta.url));
const shellQuote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** util-linux `script` gives the command a real pseudo-terminal; Debian ships it in an essential package. */
function hasScript(): boolean {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function runInTerminal(args: string[], env: Record<string, string>): string {
  const command = [process.execPath, binPath, ...args].map(shellQuote).join(' ');
  return execFileSync('script', ['-qec', command, '/dev/null'], {
    env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe.skipIf(!hasScript())('colour on a real terminal', () => {
  it('colours the table on a TTY, and not when NO_COLOR is set', () => {
    const coloured = runInTerminal(['demo', '--once'], {});
    expect(coloured).toMatch(/Awaiting reply {2,}\S+10\S+\r?\n/);
    expect(coloured).toContain('\u001b[33m10\u001b[39m');
    const plain = runInTerminal(['demo', '--once'], { NO_COLOR: '1' });
    expect(plain).toMatch(/Awaiting reply\s+10/);
    expect(plain).not.toContain('\u001b[');
  });

  it('never colours when stdout is a pipe', async () => {
    const result = await runCli(['demo', '--once'], { env: { TERM: 'xterm-256color' } });
    expect(result.stdout).toMatch(/Awaiting reply\s+10/);
    expect(result.stdout).not.toContain('\u001b[');
  });
});
