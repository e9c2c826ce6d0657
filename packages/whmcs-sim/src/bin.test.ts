import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_CREDENTIALS } from './sample-data.js';
import { postJson, sampleRequest } from './test-support/call-api.js';
import { waitFor } from './test-support/wait-for.js';

// Runs the committed launcher, which imports dist/: `test` depends on `build` in turbo.json.
const launcher = fileURLToPath(new URL('../bin/whmcs-sim.js', import.meta.url));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(args: string[]) {
  const child = spawn(process.execPath, [launcher, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => {
    output.stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exited };
}

describe('whmcs-sim bin', () => {
  it('serves the sample data at the printed URL, hides the secret, stops on SIGTERM', async () => {
    const { child, output, exited } = run(['--port', '0', '--base-path', '/billing/', '--lively']);
    await waitFor(() => /API: (\S+)/.test(output.stdout), 10_000);
    const apiUrl = /API: (\S+)/.exec(output.stdout)?.[1] ?? '';
    expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/billing\/includes\/api\.php$/);
    expect(output.stdout).toContain(SAMPLE_CREDENTIALS.identifier);
    expect(output.stdout).toContain('README');
    const { body } = await postJson(apiUrl, sampleRequest());
    expect(body.result).toBe('success');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const secret of [
      SAMPLE_CREDENTIALS.secret,
      SAMPLE_CREDENTIALS.adminPassword,
      SAMPLE_CREDENTIALS.accessKey,
    ]) {
      expect(output.stdout + output.stderr).not.toContain(secret);
    }
  });

  it('refuses a bad port with one sentence and exit code 2, as the main CLI does for usage errors', async () => {
    const { output, exited } = run(['--port', 'eighty']);
    expect(await exited).toBe(2);
    expect(output.stderr.trim()).toBe(
      'The --port value must be a whole number from 0 to 65535; pick another.',
    );
  });

  it('refuses a base path that is not a path with one sentence', async () => {
    const { output, exited } = run(['--base-path', '/billing?x=1']);
    expect(await exited).toBe(2);
    expect(output.stderr.trim()).toBe(
      'Invalid option: basePath must be a plain URL path such as /billing/.',
    );
  });

  it('refuses an unknown option with the usage line', async () => {
    const { output, exited } = run(['--frobnicate']);
    expect(await exited).toBe(2);
    expect(output.stderr).toContain('Usage: whmcs-sim');
    expect(output.stderr.trim().split('\n')).toHaveLength(1);
  });
});
