import { closeSync, existsSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { WhmcsSimulator } from '@whmcs-ticket-counts/whmcs-sim';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageVersion } from '../package-version.js';
import { type CliResult, runCli } from '../test-support/run-cli.js';
import {
  smallWhmcsCounts,
  startSmallWhmcs,
  TEST_CREDENTIALS,
  TEST_SECRETS,
} from '../test-support/small-whmcs.js';
import { useTempDir } from '../test-support/temp-dir.js';

const SECRET = TEST_CREDENTIALS.secret;
const ACCESS_KEY = TEST_CREDENTIALS.accessKey;
const ADMIN_PASSWORD = TEST_CREDENTIALS.adminPassword;
const IDENTIFIER = TEST_CREDENTIALS.identifier;

const tempDir = useTempDir();
let sim: WhmcsSimulator;

beforeEach(async () => {
  sim = await startSmallWhmcs();
});

afterEach(async () => {
  await sim.close();
});

function apiEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { WHMCS_URL: sim.baseUrl, WHMCS_IDENTIFIER: IDENTIFIER, WHMCS_SECRET: SECRET, ...extra };
}

/** Runs the command and checks, whatever happened, that no secret reached stdout or stderr. */
async function run(args: string[], env: Record<string, string>): Promise<CliResult> {
  const result = await runCli(args, { env });
  for (const secret of TEST_SECRETS) {
    expect(result.stdout).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
  }
  return result;
}

const plainHttpWarning =
  'whmcs-ticket-counts: warning: the WHMCS URL is plain http, so the credentials travel in clear text; use https.';

/** stderr lines other than the plain-http warning every simulator URL earns. */
function errorLines(result: CliResult): string[] {
  return result.stderr.split('\n').filter((line) => line !== '' && line !== plainHttpWarning);
}

describe('get against the simulator', () => {
  it('prints the aligned table with statuses decoded, in server order, without colour on a pipe', async () => {
    const result = await run(['get'], apiEnv({ TERM: 'xterm-256color' }));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Awaiting reply       4',
        'All active           6',
        'Flagged to me        2',
        'Departments counted: 1, 2',
        '',
        'By status',
        '  Open               3',
        '  Answered           1',
        '  Customer-Reply     2',
        '  Closed             1',
        '  On Hold            1',
        '  In Progress        0',
        '  Billing & Sales    1',
        '  Waiting on Vendor  0',
        '',
        `Open in WHMCS: ${sim.baseUrl}admin/supporttickets.php`,
        '',
      ].join('\n'),
    );
    // Plain http to 127.0.0.1 crosses no network, so no warning about clear text.
    expect(result.stderr).toBe('');
  });

  it('prints one JSON object with the API field names, asking for per-status counts', async () => {
    const result = await run(['get', '--json'], apiEnv());
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toEqual(smallWhmcsCounts);
    expect(sim.requests).toHaveLength(1);
    const request = sim.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.query).toBe('');
    expect(request?.fields.includeCountsByStatus).toBe('1');
    expect(request?.fields.ignoreDepartmentAssignments ?? '0').toBe('0');
  });

  it('--no-status leaves the status object out of the request and the output', async () => {
    const result = await run(['get', '--json', '--no-status'], apiEnv());
    expect(result.code).toBe(0);
    const { status: _status, ...totals } = smallWhmcsCounts;
    expect(JSON.parse(result.stdout)).toEqual(totals);
    expect(sim.requests[0]?.fields.includeCountsByStatus ?? '0').toBe('0');

    const table = await run(['get', '--no-status', '--admin-folder', 'staff_area'], apiEnv());
    expect(table.stdout).not.toContain('By status');
    // The renamed admin folder lands in the link, and only there.
    expect(table.stdout).toContain(`Open in WHMCS: ${sim.baseUrl}staff_area/supporttickets.php\n`);
  });

  it('--ignore-department-assignments counts every department (filteredDepartments [])', async () => {
    const result = await run(['get', '--json', '--ignore-department-assignments'], apiEnv());
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.filteredDepartments).toEqual([]);
    // Department 3 adds one Open and one Customer-Reply ticket.
    expect(parsed.awaitingReply).toBe(6);
    expect(parsed.allActive).toBe(8);
    expect(sim.requests[0]?.fields.ignoreDepartmentAssignments).toBe('1');

    const table = await run(['get', '--ignore-department-assignments'], apiEnv());
    expect(table.stdout).toContain('Departments counted: all departments\n');
  });

  it('shows counts the server switched off as disabled, and null in JSON', async () => {
    sim.setFault({ kind: 'counts-disabled' });
    const table = await run(['get', '--no-status'], apiEnv());
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Awaiting reply  disabled on this server\n');
    expect(table.stdout).toContain('All active      disabled on this server\n');
    const json = await run(['get', '--json', '--no-status'], apiEnv());
    expect(JSON.parse(json.stdout)).toMatchObject({
      allActive: null,
      awaitingReply: null,
      flaggedTickets: null,
    });
  });

  it('reads the secret from --secret-file and accepts a sub-folder-less full api.php URL', async () => {
    const file = join(tempDir(), 'whmcs-secret');
    writeFileSync(file, `${SECRET}\n`, { mode: 0o600 });
    const result = await run(['get', '--json', '--url', sim.apiUrl, '--secret-file', file], {
      WHMCS_IDENTIFIER: IDENTIFIER,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).awaitingReply).toBe(4);
  });

  it('reads a --secret-file saved with a byte-order mark (Windows Notepad) as the secret alone', async () => {
    const file = join(tempDir(), 'whmcs-secret');
    writeFileSync(file, `\ufeff${SECRET}\r\n`, { mode: 0o600 });
    const result = await run(['get', '--json', '--secret-file', file], {
      WHMCS_URL: sim.baseUrl,
      WHMCS_IDENTIFIER: IDENTIFIER,
    });
    expect(result.code).toBe(0);
    expect(sim.requests[0]?.fields.secret).toBe(SECRET);
  });

  it.each([
    ['with a CRLF (PowerShell 5 `"secret" > file`)', `\ufeff${SECRET}\r\n`],
    ['without a newline', `\ufeff${SECRET}`],
  ])('decodes a UTF-16LE --secret-file %s and sends the secret alone', async (_what, text) => {
    const file = join(tempDir(), 'whmcs-secret');
    writeFileSync(file, Buffer.from(text, 'utf16le'), { mode: 0o600 });
    const result = await run(['get', '--json', '--secret-file', file], {
      WHMCS_URL: sim.baseUrl,
      WHMCS_IDENTIFIER: IDENTIFIER,
    });
    expect(sim.requests[0]?.fields.secret).toBe(SECRET);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).awaitingReply).toBe(4);
  });

  it('refuses a --secret-file with NUL bytes but no UTF-16 byte-order mark before asking WHMCS', async () => {
    const file = join(tempDir(), 'whmcs-secret');
    writeFileSync(file, Buffer.from(SECRET, 'utf16le'), { mode: 0o600 });
    const result = await run(['get', '--secret-file', file], {
      WHMCS_URL: sim.baseUrl,
      WHMCS_IDENTIFIER: IDENTIFIER,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `whmcs-ticket-counts: --secret-file ${file} is not plain text (it holds NUL bytes); save it as UTF-8 and try again.\n`,
    );
    expect(sim.requests).toHaveLength(0);
  });

  it.each([
    ['a trailing space', `${SECRET} \n`],
    ['a blank second line', `${SECRET}\n\n`],
    ['a leading tab', `\t${SECRET}\n`],
    ['two lines', `${SECRET}\nsomething else\n`],
  ])(
    'refuses a --secret-file with %s rather than spend a failed login on it',
    async (_what, content) => {
      const file = join(tempDir(), 'whmcs-secret');
      writeFileSync(file, content, { mode: 0o600 });
      const result = await run(['get', '--secret-file', file], {
        WHMCS_URL: sim.baseUrl,
        WHMCS_IDENTIFIER: IDENTIFIER,
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `whmcs-ticket-counts: --secret-file ${file} holds more than the secret (spaces or another line around it); leave the secret alone on the first line, because WHMCS counts a wrong one toward an IP ban.\n`,
      );
      expect(sim.requests).toHaveLength(0);
    },
  );

  it.each([
    ['WHMCS_SECRET', { WHMCS_IDENTIFIER: IDENTIFIER, WHMCS_SECRET: `${SECRET}\n` }],
    [
      'WHMCS_ADMIN_PASSWORD',
      { WHMCS_ADMIN_USERNAME: 'demo.admin', WHMCS_ADMIN_PASSWORD: ` ${ADMIN_PASSWORD}` },
    ],
  ])(
    'refuses %s with whitespace around it rather than spend a failed login on it',
    async (name, vars) => {
      const result = await run(['get'], { WHMCS_URL: sim.baseUrl, ...vars });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `whmcs-ticket-counts: ${name} has spaces or a line break around the value; set it to the value alone, because WHMCS counts a wrong one toward an IP ban.\n`,
      );
      expect(sim.requests).toHaveLength(0);
    },
  );

  it('logs in with a legacy admin username and WHMCS_ADMIN_PASSWORD', async () => {
    const result = await run(['get', '--json', '--admin-username', 'demo.admin'], {
      WHMCS_URL: sim.baseUrl,
      WHMCS_ADMIN_PASSWORD: ADMIN_PASSWORD,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).allActive).toBe(6);
  });

  it('gets past the IP allow-list with the access key from WHMCS_ACCESS_KEY', async () => {
    sim.data.allowedIps = [];
    const result = await run(['get', '--json'], apiEnv({ WHMCS_ACCESS_KEY: ACCESS_KEY }));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).awaitingReply).toBe(4);
  });
});

describe('get when WHMCS or the network fails: exit 1 and one line', () => {
  async function expectFailure(args: string[], env: Record<string, string>, pattern: RegExp) {
    const result = await run(['get', ...args], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = errorLines(result);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^whmcs-ticket-counts: \S/);
    expect(lines[0]).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    return result;
  }

  it('wrong secret: says so, and WHMCS saw exactly one request (no retry towards a ban)', async () => {
    await expectFailure(
      [],
      apiEnv({ WHMCS_SECRET: 'wrong-secret-value' }),
      /authentication|secret|identifier/i,
    );
    expect(sim.requests).toHaveLength(1);
  });

  // /dev/full is Linux's always-full device: every write fails with ENOSPC, as on a full disk.
  it.runIf(existsSync('/dev/full'))('output that cannot be written (a full disk)', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = await runCli(['get'], { env: apiEnv(), stdoutFd: full });
      expect(result.code).toBe(1);
      expect(errorLines(result)).toEqual([
        'whmcs-ticket-counts: Could not write the output (ENOSPC: no space left on device); check where it goes (a full disk, a closed file) and run again.',
      ]);
    } finally {
      closeSync(full);
    }
  });

  it('IP not allowed', async () => {
    sim.data.allowedIps = ['192.0.2.1'];
    await expectFailure([], apiEnv(), /127\.0\.0\.1|IP/);
  });

  it('maintenance page (HTML with status 200)', async () => {
    sim.setFault({ kind: 'maintenance' });
    await expectFailure([], apiEnv(), /HTML|JSON|maintenance/i);
  });

  it('redirect (never followed)', async () => {
    sim.setFault({
      kind: 'redirect',
      status: 301,
      location: 'https://billing.example.test/includes/api.php',
    });
    await expectFailure([], apiEnv(), /redirect|https:\/\/billing\.example\.test/i);
    expect(sim.requests).toHaveLength(1);
  });

  it('timeout (--timeout 1 and a server that never answers)', async () => {
    sim.setFault({ kind: 'hang' });
    // "allow a longer timeout" names the flag that does it.
    await expectFailure(
      ['--timeout', '1'],
      apiEnv(),
      /^whmcs-ticket-counts: No answer from 127\.0\.0\.1:\d+ within 1 second; .* or allow a longer timeout \(--timeout\)\.$/,
    );
  });

  it('connection refused', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expectFailure(
      [],
      apiEnv({ WHMCS_URL: `http://127.0.0.1:${port}/` }),
      /connect|refused|reach/i,
    );
  });

  it('scrubs a secret the server echoes HTML-escaped, in the error line and the --debug detail', async () => {
    const secret = 'Sp3c ial+/=&<"Secret>ZZ';
    const escaped = 'Sp3c ial+/=&amp;&lt;&quot;Secret&gt;ZZ';
    sim.setFault({
      kind: 'garbage',
      body: `<p>Bad secret ${escaped}</p>`,
      contentType: 'text/html',
    });
    const result = await runCli(['get', '--debug'], { env: apiEnv({ WHMCS_SECRET: secret }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[redacted]');
    expect(result.stderr).not.toContain(escaped);
    expect(result.stderr).not.toContain(secret);
  });

  it('never redacts its own words, which would spell out a short secret', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const adminEnv = (password: string) => ({
      WHMCS_URL: `http://127.0.0.1:${port}/`,
      WHMCS_ADMIN_USERNAME: 'demo.admin',
      WHMCS_ADMIN_PASSWORD: password,
    });
    // "server" is in the message ("…that the server is running."); redacting it would tell.
    const shortWord = await runCli(['get'], { env: adminEnv('server') });
    const longSecret = await runCli(['get'], { env: adminEnv(ADMIN_PASSWORD) });
    expect(shortWord.code).toBe(1);
    expect(shortWord.stderr).not.toContain('[redacted]');
    expect(shortWord.stderr).toBe(longSecret.stderr);
  });

  it('--debug adds the redacted detail on a second line, still without secrets', async () => {
    const result = await run(['get', '--debug'], apiEnv({ WHMCS_SECRET: `${SECRET}-wrong` }));
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain(`${SECRET}-wrong`);
    expect(errorLines(result)).toEqual([
      expect.stringMatching(/^whmcs-ticket-counts: WHMCS rejected the login/),
      expect.stringMatching(/^whmcs-ticket-counts: detail: \S/),
    ]);
    const withoutDebug = await run(['get'], apiEnv({ WHMCS_SECRET: `${SECRET}-wrong` }));
    expect(withoutDebug.stderr).not.toContain('detail:');
    const viaEnv = await run(
      ['get'],
      apiEnv({ WHMCS_SECRET: `${SECRET}-wrong`, WHMCS_DEBUG: '1' }),
    );
    expect(viaEnv.stderr).toContain('whmcs-ticket-counts: detail: ');
  });
});

describe('usage errors: exit 2 and a sentence saying what to do', () => {
  async function expectUsage(
    args: string[],
    env: Record<string, string>,
    message: string | RegExp,
  ) {
    const result = await run(args, env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = errorLines(result);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^whmcs-ticket-counts: /);
    if (typeof message === 'string') expect(lines[0]).toBe(`whmcs-ticket-counts: ${message}`);
    else expect(lines[0]).toMatch(message);
    expect(sim.requests).toHaveLength(0);
  }

  it('names flags and variables for unusable connection options, never an editor setting', async () => {
    const userInfoUrl = new URL(sim.baseUrl);
    userInfoUrl.username = 'someone';
    userInfoUrl.password = 'url-password-Qw8';
    const fromUrl = await run(['get', '--url', userInfoUrl.href], apiEnv());
    const badKey = await run(['get', '--access-key', 'bad key with spaces'], apiEnv());
    for (const result of [fromUrl, badKey]) {
      expect(result.code).toBe(2);
      const lines = errorLines(result).filter((line) => !line.includes(': warning: '));
      expect(lines).toHaveLength(1);
      expect(result.stderr).not.toMatch(/setting/i);
    }
    expect(fromUrl.stderr).toContain('--url / WHMCS_URL');
    expect(fromUrl.stderr).not.toContain('url-password-Qw8');
    expect(badKey.stderr).toContain('--access-key / WHMCS_ACCESS_KEY');
    expect(sim.requests).toHaveLength(0);
  });

  it('refuses a flag given twice instead of silently logging in with the last one', async () => {
    // A leftover `--identifier` from an alias or script would otherwise cost a failed login.
    await expectUsage(
      ['get', '--identifier', IDENTIFIER, '--identifier=someone-else'],
      apiEnv(),
      "--identifier is given more than once; pass it once (run 'whmcs-ticket-counts get --help' for the list).",
    );
  });

  it('does not echo a --secret-file value that names no file: it may be the secret itself', async () => {
    // The refusal of --secret points to --secret-file, so pasting the secret there is a likely slip.
    await expectUsage(
      ['get', '--secret-file', SECRET],
      apiEnv(),
      'Cannot read --secret-file: no file has that name (ENOENT); give the path of a file that holds the secret, never the secret itself.',
    );
  });

  it('refuses the secret as a flag, naming the variable to use instead', async () => {
    await expectUsage(
      ['get', '--secret', SECRET],
      apiEnv(),
      /--secret is not accepted .* set WHMCS_SECRET or pass --secret-file PATH instead\.$/,
    );
    await expectUsage(
      ['get', `--password=${ADMIN_PASSWORD}`],
      apiEnv(),
      /--password is not accepted .*WHMCS_ADMIN_PASSWORD/,
    );
  });

  it('names the variable to set for a missing URL, identifier or secret', async () => {
    await expectUsage(
      ['get'],
      { WHMCS_IDENTIFIER: IDENTIFIER, WHMCS_SECRET: SECRET },
      'No WHMCS URL given; pass --url URL or set WHMCS_URL.',
    );
    await expectUsage(['get', '--url', sim.baseUrl], { WHMCS_SECRET: SECRET }, /WHMCS_IDENTIFIER/);
    await expectUsage(
      ['get', '--url', sim.baseUrl, '--identifier', IDENTIFIER],
      {},
      /set WHMCS_SECRET/,
    );
  });

  it('rejects unknown flags, stray arguments, bad numbers and non-http URLs', async () => {
    await expectUsage(['get', '--colour'], apiEnv(), /Unknown option --colour/);
    await expectUsage(
      ['get', '--timeout', '-5'],
      apiEnv(),
      /^whmcs-ticket-counts: --timeout wants a positive number of seconds, such as --timeout 15\.$/,
    );
    await expectUsage(['get', SECRET], apiEnv(), /takes no positional arguments/);
    await expectUsage(
      ['get', '--timeout', 'soon'],
      apiEnv(),
      /--timeout wants a positive number of seconds/,
    );
    await expectUsage(['get'], apiEnv({ WHMCS_URL: 'ftp://billing.example.test/' }), /http/);
    await expectUsage(
      ['frobnicate'],
      apiEnv(),
      /Unknown command; the commands are get, serve and demo/,
    );
  });

  it("refuses the admin area's address under a renamed admin folder, sending nothing", async () => {
    const pasted = `${sim.baseUrl}staff/supporttickets.php?view=any`;
    await expectUsage(
      ['get', '--url', pasted, '--admin-folder', 'staff'],
      apiEnv(),
      `The WHMCS URL is the admin area's address; give WHMCS's own address, without the admin folder: ${sim.baseUrl} (check --url / WHMCS_URL).`,
    );
    expect(sim.requests).toHaveLength(0);
  });

  it('prints the overall usage on stderr without a command', async () => {
    const result = await run([], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: whmcs-ticket-counts <command>');
  });
});

describe('help and version', () => {
  it.each(['get', 'serve', 'demo'])(
    '%s --help prints that command’s usage and exits 0',
    async (command) => {
      const result = await run([command, '--help'], {});
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: whmcs-ticket-counts ${command}`);
      const viaHelp = await run(['help', command], {});
      expect(viaHelp.stdout).toBe(result.stdout);
    },
  );

  it('--version prints the package version', async () => {
    const result = await run(['--version'], {});
    expect(result).toMatchObject({ code: 0, stdout: `${packageVersion()}\n`, stderr: '' });
    expect(packageVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
