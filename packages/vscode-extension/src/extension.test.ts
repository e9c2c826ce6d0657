import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SAMPLE_CREDENTIALS,
  startWhmcsSimulator,
  type WhmcsSimulator,
} from '@whmcs-ticket-counts/whmcs-sim';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSelfSignedWhmcs } from '../test/support/self-signed-whmcs.js';
import { resetStub, setWindowFocused, stub, treeRows } from '../test/support/vscode-stub.js';
import { ConnectionSecretStore } from './connection-secrets.js';
import { activate } from './extension.js';

/**
 * activate() with everything real except the editor: `vscode` is the recording stub from
 * test/support (aliased in vitest.config.mts), WHMCS is the simulator over real HTTP.
 */

const WAIT = { timeout: 10_000 };

describe('the extension with a stub vscode, against the WHMCS simulator', {
  timeout: 30_000,
}, () => {
  let sim: WhmcsSimulator;
  let subscriptions: Array<{ dispose(): unknown }>;
  let secrets: Map<string, string>;
  /** The extension's globalStorage folder: on the machine running the extension host. */
  let storageDir: string;

  beforeEach(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'whmcs-vscode-storage-'));
    process.env.WHMCS_TICKET_COUNTS_TEST_MINIMUM_REFRESH_SECONDS = '1';
    sim = await startWhmcsSimulator();
    subscriptions = [];
    secrets = new Map();
  });

  afterEach(async () => {
    for (const item of subscriptions) item.dispose();
    delete process.env.WHMCS_TICKET_COUNTS_TEST_MINIMUM_REFRESH_SECONDS;
    await sim.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  function connection(id: string, label = 'Simulator') {
    return {
      id,
      label,
      url: sim.baseUrl,
      authMethod: 'api-credential',
      identifier: SAMPLE_CREDENTIALS.identifier,
    };
  }

  /** Activates with these settings and, unless `secret` is null, that secret stored for each connection. */
  function start(
    settings: Record<string, unknown>,
    secret: string | null = SAMPLE_CREDENTIALS.secret,
    // Another window of code-server: its SecretStorage lives in its own browser tab and tells
    // no other window about changes.
    { secrets: windowSecrets = secrets }: { secrets?: Map<string, string> } = {},
  ) {
    const secrets = windowSecrets;
    resetStub(settings);
    const connections = (settings['whmcsTicketCounts.connections'] ?? []) as Array<{ id: string }>;
    for (const { id } of connections) {
      if (secret !== null)
        secrets.set(ConnectionSecretStore.keyFor(id), JSON.stringify({ secret }));
    }
    activate({
      subscriptions,
      secrets: {
        get: async (key: string) => secrets.get(key),
        store: async (key: string, value: string) => void secrets.set(key, value),
        delete: async (key: string) => void secrets.delete(key),
        onDidChange: () => ({ dispose: () => undefined }),
      },
      globalStorageUri: { fsPath: storageDir },
    } as never);
    const [item] = stub.statusBarItems;
    const [view] = stub.treeViews;
    if (!item || !view)
      throw new Error('activate() did not create the status bar item and the tree');
    return { item, view };
  }

  async function expected() {
    const response = await fetch(sim.apiUrl, {
      method: 'POST',
      body: new URLSearchParams({
        action: 'GetTicketCounts',
        identifier: SAMPLE_CREDENTIALS.identifier,
        secret: SAMPLE_CREDENTIALS.secret,
        responsetype: 'json',
      }),
    });
    return (await response.json()) as { awaitingReply: number; allActive: number };
  }

  it('shows the counts in the status bar, the tree and the badge, and opens admin links', async () => {
    const { item, view } = start({
      'whmcsTicketCounts.connections': [connection('sim')],
      'whmcsTicketCounts.statusBar.clickAction': 'openInBrowser',
    });
    const counts = await expected();
    await expect.poll(() => item.text, WAIT).toBe(`$(inbox) ${counts.awaitingReply}`);
    expect(item.id).toBe('whmcsTicketCounts.status');
    expect(item.name).toBe('WHMCS Ticket Counts');
    expect(item.accessibilityInformation?.label).toBe(
      `${counts.awaitingReply} WHMCS tickets awaiting reply`,
    );
    expect(item.tooltip?.value).toContain(`| Awaiting reply | ${counts.awaitingReply} |`);
    expect(stub.context.get('whmcsTicketCounts.configured')).toBe(true);
    expect(treeRows(view)).toEqual(
      expect.arrayContaining([
        `Awaiting Reply: ${counts.awaitingReply}`,
        `All Active: ${counts.allActive}`,
        'Billing & Sales: 3',
      ]),
    );
    expect(view.badge?.value).toBe(counts.awaitingReply);

    await stub.commands.get('whmcsTicketCounts.statusBarClicked')?.();
    await stub.commands.get('whmcsTicketCounts.openInBrowser')?.({
      connectionId: 'sim',
      link: { list: 'status', title: 'Billing &amp; Sales' },
    });
    expect(stub.opened).toEqual([
      `${sim.baseUrl}admin/supporttickets.php`,
      `${sim.baseUrl}admin/supporttickets.php?view=Billing%20%26%20Sales`,
    ]);
    // code-server may rewrite localhost links, so the log says what was asked for.
    for (const url of stub.opened) expect(stub.log).toContain(`info Opening ${url}`);
    await stub.commands.get('whmcsTicketCounts.copyLink')?.({
      connectionId: 'sim',
      link: { list: 'flagged' },
    });
    expect(stub.clipboard).toBe(`${sim.baseUrl}admin/supporttickets.php?view=flagged`);
    expect(stub.log.join('\n')).not.toContain(SAMPLE_CREDENTIALS.secret);
  });

  it('explains once when automatic refresh halts, and keeps the last number in the badge, marked stale like the status bar', async () => {
    const { item, view } = start({
      'whmcsTicketCounts.connections': [connection('sim')],
      'whmcsTicketCounts.refreshInterval': 1,
    });
    await expect.poll(() => view.badge?.value, WAIT).toBeGreaterThan(0);
    const last = view.badge?.value;
    // The API credential is deleted on the server: the next automatic refresh is rejected.
    sim.data.apiCredentials.length = 0;
    await expect.poll(() => stub.messages.length, WAIT).toBe(1);
    expect(stub.messages[0]).toMatchObject({ level: 'warning', items: ['Reconnect', 'Show Log'] });
    expect(stub.messages[0]?.message).toContain(
      'Automatic and manual refresh stay off until you reconnect.',
    );
    expect(view.badge).toEqual({
      value: last,
      tooltip: `${last} tickets awaiting reply (stale: the latest refresh failed)`,
    });
    expect(item.text).toBe(`$(inbox) ${last} (stale)`);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(stub.messages).toHaveLength(1);
  });

  it('Connect… saves the normalised URL and reuses its check instead of asking WHMCS again', async () => {
    const { item } = start({});
    stub.inputs = [
      `${sim.baseUrl}includes/api.php?x=1#top`,
      SAMPLE_CREDENTIALS.identifier,
      SAMPLE_CREDENTIALS.secret,
      '',
    ];
    await stub.commands.get('whmcsTicketCounts.connect')?.();
    const counts = await expected();
    await expect.poll(() => item.text, WAIT).toBe(`$(inbox) ${counts.awaitingReply}`);
    const saved = stub.settings['whmcsTicketCounts.connections'] as Array<{ url: string }>;
    expect(saved[0]?.url).toBe(sim.baseUrl);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // One request for the check (plus the one in expected()), none to refill the views.
    expect(sim.requests).toHaveLength(2);
  });

  it('Connect… with the same secret clears a halt once WHMCS accepts it again', async () => {
    const { item } = start({
      'whmcsTicketCounts.connections': [connection('sim')],
      'whmcsTicketCounts.refreshInterval': 1,
    });
    await expect.poll(() => item.text, WAIT).toMatch(/^\$\(inbox\) \d+$/);
    const credentials = [...sim.data.apiCredentials];
    sim.data.apiCredentials.length = 0;
    await expect.poll(() => item.text, WAIT).toMatch(/\(stale\)$/);
    sim.data.apiCredentials.push(...credentials);
    // The quick pick takes the first entry: the existing connection. WHMCS rejected this very
    // login before, so Connect… asks first; the user fixed it in WHMCS and sends it anyway.
    stub.inputs = [sim.baseUrl, SAMPLE_CREDENTIALS.identifier, SAMPLE_CREDENTIALS.secret, ''];
    stub.messageAnswers = ['Send Anyway'];
    await stub.commands.get('whmcsTicketCounts.connect')?.();
    await expect.poll(() => item.text, WAIT).toMatch(/^\$\(inbox\) \d+$/);
  });

  it('Connect… to a self-signed WHMCS offers to choose its CA file, then saves it', async () => {
    const whmcs = await startSelfSignedWhmcs({ awaitingReply: 6 });
    try {
      const { item } = start({});
      stub.inputs = [whmcs.baseUrl, SAMPLE_CREDENTIALS.identifier, SAMPLE_CREDENTIALS.secret, ''];
      stub.messageAnswers = ['Choose CA File…'];
      stub.openDialogAnswers = [whmcs.caFile];
      await stub.commands.get('whmcsTicketCounts.connect')?.();
      const failure = stub.messages.find((entry) => entry.level === 'error');
      expect(failure?.message).toMatch(/TLS certificate .* could not be verified/);
      expect(failure?.items).toContain('Choose CA File…');
      await expect.poll(() => item.text, WAIT).toBe('$(inbox) 6');
      const saved = stub.settings['whmcsTicketCounts.connections'] as Array<{ caFile?: string }>;
      expect(saved[0]?.caFile).toBe(whmcs.caFile);
      // The failed handshake never reached WHMCS; the views reuse the check with the CA file.
      expect(whmcs.requests).toBe(1);
    } finally {
      await whmcs.close();
    }
  });

  it('Connect… adding a second connection to the same WHMCS gives it a label of its own', async () => {
    const { view } = start({ 'whmcsTicketCounts.connections': [connection('sim', '127.0.0.1')] });
    stub.quickPicks = ['Add a WHMCS installation'];
    stub.inputs = [sim.baseUrl, SAMPLE_CREDENTIALS.identifier, SAMPLE_CREDENTIALS.secret, ''];
    await stub.commands.get('whmcsTicketCounts.connect')?.();
    const saved = stub.settings['whmcsTicketCounts.connections'] as Array<{ label: string }>;
    const host = new URL(sim.baseUrl).host;
    expect(saved.map((entry) => entry.label)).toEqual(['127.0.0.1', `${host}`]);
    stub.quickPicks = ['Add a WHMCS installation'];
    stub.inputs = [sim.baseUrl, SAMPLE_CREDENTIALS.identifier, SAMPLE_CREDENTIALS.secret, ''];
    await stub.commands.get('whmcsTicketCounts.connect')?.();
    const again = stub.settings['whmcsTicketCounts.connections'] as Array<{ label: string }>;
    expect(again.map((entry) => entry.label)).toEqual(['127.0.0.1', host, `${host} (2)`]);
    await expect
      .poll(
        () => view.provider.getChildren().map((node) => view.provider.getTreeItem(node).label),
        WAIT,
      )
      .toEqual(['127.0.0.1', host, `${host} (2)`]);
  });

  it('adding a connection leaves the others running without refetching them', async () => {
    const { view } = start({
      'whmcsTicketCounts.connections': [connection('prod', 'Production')],
      'whmcsTicketCounts.refreshInterval': 3_600,
    });
    await expect.poll(() => treeRows(view)[0] ?? '', WAIT).toMatch(/^Awaiting Reply: \d+$/);
    expect(sim.requests).toHaveLength(1);
    const configuration = (await import('vscode')).workspace.getConfiguration('whmcsTicketCounts');
    secrets.set(
      ConnectionSecretStore.keyFor('staging'),
      JSON.stringify({ secret: SAMPLE_CREDENTIALS.secret }),
    );
    await configuration.update('connections', [
      connection('prod', 'Production'),
      connection('staging', 'Staging'),
    ]);
    await expect
      .poll(
        () =>
          view.provider.getChildren().map((node) => view.provider.getTreeItem(node).description),
        WAIT,
      )
      .toEqual([expect.stringMatching(/awaiting$/), expect.stringMatching(/awaiting$/)]);
    expect(sim.requests).toHaveLength(2);
  });

  it('a settings edit reuses counts younger than the interval instead of asking WHMCS again', async () => {
    const { item } = start({
      'whmcsTicketCounts.connections': [connection('sim')],
      'whmcsTicketCounts.refreshInterval': 3_600,
    });
    await expect.poll(() => item.text, WAIT).toMatch(/^\$\(inbox\) \d+$/);
    const shown = item.text;
    const configuration = (await import('vscode')).workspace.getConfiguration('whmcsTicketCounts');
    // Typing in the Settings editor saves on every keystroke: 3, 30, 300…
    for (const seconds of [3, 30, 300]) {
      await configuration.update('refreshInterval', seconds);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await configuration.update('connections', [
      { ...connection('sim', 'Renamed'), adminFolder: 'staff' },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sim.requests).toHaveLength(1);
    expect(item.text).toBe(shown);
    await stub.commands.get('whmcsTicketCounts.copyLink')?.({
      connectionId: 'sim',
      link: { list: 'flagged' },
    });
    expect(stub.clipboard).toBe(`${sim.baseUrl}staff/supporttickets.php?view=flagged`);
    // Counts older than a new, shorter interval are due: that edit asks at once.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await configuration.update('refreshInterval', 1);
    await expect.poll(() => sim.requests.length, WAIT).toBe(2);
  });

  it('says in the log when refreshInterval is unusable, and that automatic refresh is off', async () => {
    const { item } = start({
      'whmcsTicketCounts.connections': [connection('sim')],
      'whmcsTicketCounts.refreshInterval': -5,
    });
    await expect.poll(() => item.text, WAIT).toMatch(/^\$\(inbox\) \d+$/);
    expect(stub.log).toContain(
      'warn whmcsTicketCounts.refreshInterval is -5, which is no number of seconds; automatic refresh is off until you set it to 0 (off) or at least 1 seconds.',
    );
    expect(stub.log.join('\n')).toMatch(
      /Watching 1 WHMCS connection\(s\), automatic refresh off\./,
    );
  });

  it('pauses polling while the window is unfocused', async () => {
    const { item } = start({
      'whmcsTicketCounts.connections': [connection('sim')],
      'whmcsTicketCounts.refreshInterval': 1,
    });
    await expect.poll(() => item.text, WAIT).toMatch(/^\$\(inbox\) \d+$/);
    // Polling runs while focused…
    const focusedMark = sim.requests.length;
    await expect.poll(() => sim.requests.length, WAIT).toBeGreaterThan(focusedMark);
    setWindowFocused(false);
    const mark = sim.requests.length;
    // …and three intervals pass in the background without a request.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(sim.requests.length).toBe(mark);
  });

  it('refreshes at once when the window is focused again', async () => {
    const { item } = start({
      'whmcsTicketCounts.connections': [connection('sim')],
      // Far longer than this test: only the focus can explain a second request.
      'whmcsTicketCounts.refreshInterval': 3_600,
    });
    await expect.poll(() => item.text, WAIT).toMatch(/^\$\(inbox\) \d+$/);
    setWindowFocused(false);
    sim.data.tickets.push({ id: 990, departmentId: 1, status: 'Open' });
    const counts = await expected();
    const mark = sim.requests.length;
    // The counts must be older than the minimum interval (1 s here) for an immediate refresh.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    setWindowFocused(true);
    await expect.poll(() => item.text, WAIT).toBe(`$(inbox) ${counts.awaitingReply}`);
    expect(sim.requests.length).toBe(mark + 1);
  });

  it('does not refresh on focus while the counts are younger than the minimum interval', async () => {
    process.env.WHMCS_TICKET_COUNTS_TEST_MINIMUM_REFRESH_SECONDS = '4';
    const { item } = start({
      'whmcsTicketCounts.connections': [connection('sim')],
      'whmcsTicketCounts.refreshInterval': 3_600,
    });
    await expect.poll(() => item.text, WAIT).toMatch(/^\$\(inbox\) \d+$/);
    const mark = sim.requests.length;
    // Alt-tabbing back and forth right after a refresh…
    for (let n = 0; n < 5; n++) {
      setWindowFocused(false);
      setWindowFocused(true);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // …sends nothing yet; one refresh follows once the minimum interval has passed.
    expect(sim.requests.length).toBe(mark);
    await expect.poll(() => sim.requests.length, WAIT).toBe(mark + 1);
  });

  it('halts after a rejected secret; Refresh offers Reconnect instead of asking WHMCS again', async () => {
    const { item, view } = start(
      {
        'whmcsTicketCounts.connections': [connection('sim')],
        'whmcsTicketCounts.refreshInterval': 1,
      },
      'FAKE-wrong-secret',
    );
    await expect.poll(() => item.backgroundColor?.id, WAIT).toBe('statusBarItem.errorBackground');
    expect(item.text).toBe('$(error) WHMCS');
    expect(treeRows(view)[0]).toMatch(/^Login rejected: WHMCS rejected the login/);
    expect(treeRows(view).slice(1, 3)).toEqual(['Reconnect…', 'Show Log']);
    await stub.commands.get('whmcsTicketCounts.refresh')?.();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(sim.requests).toHaveLength(1);
    expect(stub.messages).toContainEqual(
      expect.objectContaining({ level: 'warning', items: ['Reconnect', 'Show Log'] }),
    );
    expect(stub.log.join('\n')).not.toContain('FAKE-wrong-secret');
  });

  it('remembers a halt: the next window or session does not send the rejected login again', async () => {
    const { item } = start(
      {
        'whmcsTicketCounts.connections': [connection('sim')],
        'whmcsTicketCounts.refreshInterval': 1,
      },
      'FAKE-wrong-secret',
    );
    await expect.poll(() => item.backgroundColor?.id, WAIT).toBe('statusBarItem.errorBackground');
    await expect
      .poll(() => [...secrets.keys()].filter((key) => key.includes('.halt.')), WAIT)
      .toHaveLength(1);
    const [haltKey] = [...secrets.keys()].filter((key) => key.includes('.halt.'));
    expect(ConnectionSecretStore.isOwnKey(haltKey ?? '')).toBe(true);
    expect(secrets.get(haltKey ?? '')).not.toContain('FAKE-wrong-secret');
    // The window closes; another one (or the next session) starts with the same secret.
    for (const subscription of subscriptions.splice(0)) subscription.dispose();
    const again = start(
      {
        'whmcsTicketCounts.connections': [connection('sim')],
        'whmcsTicketCounts.refreshInterval': 1,
      },
      'FAKE-wrong-secret',
    );
    await expect.poll(() => treeRows(again.view)[0] ?? '', WAIT).toMatch(/^Login rejected: /);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(sim.requests).toHaveLength(1);
    expect(stub.messages).toHaveLength(0);
    // Connect… with the right secret clears it.
    stub.inputs = [sim.baseUrl, SAMPLE_CREDENTIALS.identifier, SAMPLE_CREDENTIALS.secret, ''];
    await stub.commands.get('whmcsTicketCounts.connect')?.();
    await expect.poll(() => again.item.text, WAIT).toMatch(/^\$\(inbox\) \d+$/);
    expect([...secrets.keys()].filter((key) => key.includes('.halt.'))).toHaveLength(0);
  });

  it('a second code-server window does not send a login the first one saw rejected', async () => {
    // Measured in code-server 4.100.3: two tabs, a rotated secret, two failed logins (three: ban).
    const settings = {
      'whmcsTicketCounts.connections': [connection('sim')],
      'whmcsTicketCounts.refreshInterval': 1,
    };
    const first = start(settings, 'FAKE-wrong-secret');
    await expect
      .poll(() => first.item.backgroundColor?.id, WAIT)
      .toBe('statusBarItem.errorBackground');
    const otherTab = new Map([
      [ConnectionSecretStore.keyFor('sim'), JSON.stringify({ secret: 'FAKE-wrong-secret' })],
    ]);
    const second = start(settings, null, { secrets: otherTab });
    await expect.poll(() => treeRows(second.view)[0] ?? '', WAIT).toMatch(/^Login rejected: /);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(sim.failedLogins()).toBe(1);
    // What the other window shares through the disk holds no secret.
    const shared = await readdir(storageDir, { recursive: true });
    for (const file of shared.filter((name) => name.endsWith('.json'))) {
      expect(await readFile(join(storageDir, file), 'utf8')).not.toContain('FAKE-wrong-secret');
    }
    // A right secret in that window is no rejected login: it is sent.
    otherTab.set(
      ConnectionSecretStore.keyFor('sim'),
      JSON.stringify({ secret: SAMPLE_CREDENTIALS.secret }),
    );
    const third = start(settings, null, { secrets: otherTab });
    await expect.poll(() => third.item.text, WAIT).toMatch(/^\$\(inbox\) \d+$/);
  });

  it('keeps a halt when only the label, admin folder or interval change: no second failed login', async () => {
    const { item, view } = start(
      {
        'whmcsTicketCounts.connections': [connection('sim')],
        'whmcsTicketCounts.refreshInterval': 1,
      },
      'FAKE-wrong-secret',
    );
    await expect.poll(() => item.backgroundColor?.id, WAIT).toBe('statusBarItem.errorBackground');
    await expect.poll(() => stub.messages.length, WAIT).toBe(1);
    const configuration = (await import('vscode')).workspace.getConfiguration('whmcsTicketCounts');
    await configuration.update('connections', [
      { ...connection('sim', 'Renamed'), adminFolder: 'staff' },
    ]);
    await configuration.update('refreshInterval', 2);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(sim.requests).toHaveLength(1);
    expect(sim.failedLogins()).toBe(1);
    // The same halt, still shown, not announced a second time; the new settings apply.
    expect(treeRows(view)[0]).toMatch(/^Login rejected: /);
    expect(stub.messages).toHaveLength(1);
    expect(item.tooltip?.value).toContain('Automatic refresh is stopped until you reconnect.');
    await stub.commands.get('whmcsTicketCounts.copyLink')?.({
      connectionId: 'sim',
      link: { list: 'allActive' },
    });
    expect(stub.clipboard).toBe(`${sim.baseUrl}staff/supporttickets.php?view=active`);
  });

  it('leaving the window during a request lets it finish: a slow rejection still halts after one request', async () => {
    sim.setFault({ kind: 'slow', delayMs: 700 });
    const { item } = start(
      {
        'whmcsTicketCounts.connections': [connection('sim')],
        'whmcsTicketCounts.refreshInterval': 1,
      },
      'FAKE-wrong-secret',
    );
    // WHMCS has the login attempt (and counts it) before it answers.
    await expect.poll(() => sim.requests.length, WAIT).toBe(1);
    setWindowFocused(false);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    setWindowFocused(true);
    await expect.poll(() => item.backgroundColor?.id, WAIT).toBe('statusBarItem.errorBackground');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(sim.requests).toHaveLength(1);
    expect(item.text).toBe('$(error) WHMCS');
  });

  it('a settings edit while a rejected login is in flight does not send it again', async () => {
    sim.setFault({ kind: 'slow', delayMs: 700 });
    const { item, view } = start(
      {
        'whmcsTicketCounts.connections': [connection('sim')],
        'whmcsTicketCounts.refreshInterval': 1,
      },
      'FAKE-wrong-secret',
    );
    await expect.poll(() => sim.requests.length, WAIT).toBe(1);
    const configuration = (await import('vscode')).workspace.getConfiguration('whmcsTicketCounts');
    await configuration.update('connections', [connection('sim', 'Renamed')]);
    await expect.poll(() => item.backgroundColor?.id, WAIT).toBe('statusBarItem.errorBackground');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(sim.requests).toHaveLength(1);
    expect(treeRows(view)[0]).toMatch(/^Login rejected: /);
    expect(stub.messages.filter((entry) => entry.level === 'warning')).toHaveLength(1);
    expect(stub.messages[0]?.message).toMatch(/^Renamed: /);
  });

  it('a settings edit while counts are loading shows that answer without asking again', async () => {
    sim.setFault({ kind: 'slow', delayMs: 700 });
    const { item } = start({
      'whmcsTicketCounts.connections': [connection('sim')],
      'whmcsTicketCounts.refreshInterval': 3_600,
    });
    await expect.poll(() => sim.requests.length, WAIT).toBe(1);
    const configuration = (await import('vscode')).workspace.getConfiguration('whmcsTicketCounts');
    await configuration.update('connections', [connection('sim', 'Renamed')]);
    await expect.poll(() => item.text, WAIT).toMatch(/^\$\(inbox\) \d+$/);
    expect(item.tooltip?.value).toContain('Awaiting reply');
    expect(sim.requests).toHaveLength(1);
  });

  it('with automatic refresh off (0), focusing the window again sends nothing', async () => {
    const { item } = start({
      'whmcsTicketCounts.connections': [connection('sim')],
      'whmcsTicketCounts.refreshInterval': 0,
    });
    await expect.poll(() => item.text, WAIT).toMatch(/^\$\(inbox\) \d+$/);
    expect(sim.requests).toHaveLength(1);
    setWindowFocused(false);
    // Older than the minimum interval (1 s here), so a refresh on focus would be due if any.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    setWindowFocused(true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(sim.requests).toHaveLength(1);
    // Asking still works.
    await stub.commands.get('whmcsTicketCounts.refresh')?.();
    expect(sim.requests).toHaveLength(2);
  });

  it('a WHMCS error message cannot put a clickable command link into a notification', async () => {
    const link = '[Reconnect](command:workbench.action.terminal.new)';
    // With 403, WHMCS's status for access problems, an unknown message halts, and a halt is what
    // puts up a notification.
    sim.setFault({
      kind: 'garbage',
      status: 403,
      contentType: 'application/json',
      body: JSON.stringify({ result: 'error', message: link }),
    });
    start({ 'whmcsTicketCounts.connections': [connection('sim')] });
    // VS Code turns [label](command:…|https://…|file:…) in notification text into a link it runs.
    const vscodeLink = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)/i;
    await expect.poll(() => stub.messages.length, WAIT).toBe(1);
    expect(stub.messages[0]?.message).toContain('Reconnect');
    expect(stub.messages[0]?.message).not.toMatch(vscodeLink);
    // The Connect… check shows the same kind of message when it fails (sent anyway: the halt
    // above is for this very login).
    stub.inputs = [sim.baseUrl, SAMPLE_CREDENTIALS.identifier, SAMPLE_CREDENTIALS.secret, ''];
    stub.messageAnswers = ['Send Anyway'];
    await stub.commands.get('whmcsTicketCounts.connect')?.();
    const failure = stub.messages.find((entry) => entry.level === 'error');
    expect(failure?.message).toContain('command:workbench.action.terminal.new');
    expect(failure?.message).not.toMatch(vscodeLink);
  });

  it('opens the admin area of the connection asked for, even one that is not set up', async () => {
    secrets.set(
      ConnectionSecretStore.keyFor('prod'),
      JSON.stringify({ secret: SAMPLE_CREDENTIALS.secret }),
    );
    const staging = {
      ...connection('staging', 'Staging'),
      url: 'https://staging.example.com/billing/includes/api.php',
      adminFolder: 'staff',
    };
    const { view } = start(
      {
        'whmcsTicketCounts.connections': [connection('prod', 'Production'), staging],
        'whmcsTicketCounts.statusBar.connection': 'staging',
        'whmcsTicketCounts.statusBar.clickAction': 'openInBrowser',
      },
      null,
    );
    await expect
      .poll(() => view.provider.getChildren().map((node) => view.provider.getTreeItem(node).label))
      .toEqual(['Production', 'Staging']);
    await expect
      .poll(() => treeRows(view).join('\n'), WAIT)
      .toMatch(/No secret is stored for Staging/);
    await stub.commands.get('whmcsTicketCounts.openInBrowser')?.({
      connectionId: 'staging',
      link: { list: 'awaitingReply' },
    });
    await stub.commands.get('whmcsTicketCounts.statusBarClicked')?.();
    expect(stub.opened).toEqual([
      'https://staging.example.com/billing/staff/supporttickets.php',
      'https://staging.example.com/billing/staff/supporttickets.php',
    ]);
  });

  // A typo, or the id of a connection since disconnected: the item shows every connection, so a
  // click refreshes every connection, not none.
  it('a status bar click refreshes all connections when statusBar.connection names none', async () => {
    const { item } = start({
      'whmcsTicketCounts.connections': [connection('sim')],
      'whmcsTicketCounts.statusBar.connection': 'nope',
      'whmcsTicketCounts.statusBar.clickAction': 'refresh',
    });
    await expect.poll(() => item.text, WAIT).toMatch(/^\$\(inbox\) \d+$/);
    const before = sim.requests.length;
    await stub.commands.get('whmcsTicketCounts.statusBarClicked')?.();
    expect(sim.requests.length).toBe(before + 1);
  });

  it('notifies when tickets awaiting reply rise, with a link to the list', async () => {
    const { item } = start({
      'whmcsTicketCounts.connections': [connection('sim')],
      'whmcsTicketCounts.notifications.awaitingRise': true,
    });
    await expect.poll(() => item.text, WAIT).toMatch(/^\$\(inbox\) \d+$/);
    for (let n = 0; n < 3; n++)
      sim.data.tickets.push({ id: 950 + n, departmentId: 2, status: 'Customer-Reply' });
    await stub.commands.get('whmcsTicketCounts.refresh')?.();
    await expect
      .poll(() => stub.messages, WAIT)
      .toContainEqual({
        level: 'info',
        message: 'Simulator: 3 new tickets awaiting reply',
        items: ['Open in browser'],
      });
  });

  it('a settings edit does not reset the rate limit of awaiting-reply notifications', async () => {
    const { item } = start({
      'whmcsTicketCounts.connections': [connection('sim')],
      'whmcsTicketCounts.refreshInterval': 3_600,
      'whmcsTicketCounts.notifications.awaitingRise': true,
    });
    await expect.poll(() => item.text, WAIT).toMatch(/^\$\(inbox\) \d+$/);
    const rise = async (id: number) => {
      sim.data.tickets.push({ id, departmentId: 2, status: 'Customer-Reply' });
      await stub.commands.get('whmcsTicketCounts.refresh')?.();
    };
    await rise(960);
    await expect.poll(() => stub.messages.length, WAIT).toBe(1);
    const configuration = (await import('vscode')).workspace.getConfiguration('whmcsTicketCounts');
    await configuration.update('connections', [connection('sim', 'Renamed')]);
    // The rebuilt runtime starts from the fresh counts (no request) after the reload debounce.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await rise(961);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Within notifications.minimumMinutesBetween (10): still one.
    expect(stub.messages).toHaveLength(1);
  });

  it('with several installations: one tree root each, a summed status bar, or the chosen one', async () => {
    const { item, view } = start({
      'whmcsTicketCounts.connections': [
        connection('prod', 'Production'),
        connection('staging', 'Staging'),
      ],
    });
    const counts = await expected();
    await expect.poll(() => item.text, WAIT).toBe(`$(inbox) ${counts.awaitingReply * 2}`);
    const roots = view.provider.getChildren().map((node) => view.provider.getTreeItem(node));
    expect(roots.map((root) => `${root.label}: ${root.description}`)).toEqual([
      `Production: ${counts.awaitingReply} awaiting`,
      `Staging: ${counts.awaitingReply} awaiting`,
    ]);
    const configuration = (await import('vscode')).workspace.getConfiguration('whmcsTicketCounts');
    await configuration.update('statusBar.connection', 'staging');
    expect(item.text).toBe(`$(inbox) ${counts.awaitingReply}`);
  });

  it('a hand-edited connection that cannot be used says why, and Connect… repairs it', async () => {
    const { item, view } = start({
      'whmcsTicketCounts.connections': [{ ...connection('sim'), adminFolder: '../admin' }],
    });
    // Not "not connected" with a welcome view: the entry is there, and broken.
    await expect
      .poll(() => treeRows(view)[0] ?? '', WAIT)
      .toMatch(/^Invalid setting: .*adminFolder/);
    expect(treeRows(view)[0]).toMatch(/; set it to .*\.$/);
    expect(item.text).toBe('$(error) WHMCS');
    expect(item.tooltip?.value).toContain('adminFolder');
    expect(stub.context.get('whmcsTicketCounts.configured')).toBe(true);
    expect(sim.requests).toHaveLength(0);
    // Connect… to the same WHMCS writes a usable entry over the broken one.
    stub.inputs = [sim.baseUrl, SAMPLE_CREDENTIALS.identifier, SAMPLE_CREDENTIALS.secret, ''];
    await stub.commands.get('whmcsTicketCounts.connect')?.();
    const counts = await expected();
    await expect.poll(() => item.text, WAIT).toBe(`$(inbox) ${counts.awaitingReply}`);
    expect(stub.settings['whmcsTicketCounts.connections']).toHaveLength(1);
  });

  it('Connect… does not send a login WHMCS has just rejected again unless asked to', async () => {
    start({});
    const answers = [sim.baseUrl, SAMPLE_CREDENTIALS.identifier, 'FAKE-typo-secret', ''];
    // The check fails; "Edit and retry", and the same secret is typed again.
    stub.inputs = [...answers, ...answers];
    stub.messageAnswers = ['Edit and retry'];
    await stub.commands.get('whmcsTicketCounts.connect')?.();
    expect(sim.failedLogins()).toBe(1);
    expect(sim.requests).toHaveLength(1);
    const warning = stub.messages.find((entry) => entry.level === 'warning');
    expect(warning?.message).toMatch(
      /^WHMCS has already rejected this login \(Login rejected\); nothing was sent, because /,
    );
    expect(warning?.items).toEqual(['Edit Login', 'Send Anyway']);
    expect(stub.settings['whmcsTicketCounts.connections']).toBeUndefined();
  });

  it('Reconnect… with the secret that halted the connection asks before sending it again', async () => {
    const { item } = start(
      { 'whmcsTicketCounts.connections': [connection('sim')] },
      'FAKE-wrong-secret',
    );
    await expect.poll(() => item.backgroundColor?.id, WAIT).toBe('statusBarItem.errorBackground');
    await expect
      .poll(() => [...secrets.keys()].filter((key) => key.includes('.halt.')), WAIT)
      .toHaveLength(1);
    stub.inputs = [sim.baseUrl, SAMPLE_CREDENTIALS.identifier, 'FAKE-wrong-secret', ''];
    stub.messageAnswers = [];
    await stub.commands.get('whmcsTicketCounts.connect')?.({ connectionId: 'sim' });
    expect(sim.failedLogins()).toBe(1);
    // Asked, the user can still send it (say, after changing the credential in WHMCS).
    stub.inputs = [sim.baseUrl, SAMPLE_CREDENTIALS.identifier, 'FAKE-wrong-secret', ''];
    stub.messageAnswers = ['Send Anyway'];
    await stub.commands.get('whmcsTicketCounts.connect')?.({ connectionId: 'sim' });
    expect(sim.failedLogins()).toBe(2);
  });

  // A redirect comes from the web server before WHMCS checks any login: nothing was rejected.
  it('Reconnect… after a redirect stopped the connection sends the same login without asking', async () => {
    const { item } = start({ 'whmcsTicketCounts.connections': [connection('sim')] });
    await expect.poll(() => item.text, WAIT).toMatch(/^\$\(inbox\) \d+$/);
    sim.setFault({ kind: 'redirect', status: 301, location: 'https://127.0.0.1:1/' });
    await stub.commands.get('whmcsTicketCounts.refresh')?.();
    await expect
      .poll(() => [...secrets.keys()].filter((key) => key.includes('.halt.')), WAIT)
      .toHaveLength(1);
    sim.setFault(undefined);
    stub.inputs = [sim.baseUrl, SAMPLE_CREDENTIALS.identifier, SAMPLE_CREDENTIALS.secret, ''];
    stub.messageAnswers = [];
    await stub.commands.get('whmcsTicketCounts.connect')?.({ connectionId: 'sim' });
    expect(stub.messages.filter((entry) => /already rejected/.test(entry.message))).toEqual([]);
    await expect.poll(() => item.text, WAIT).toMatch(/^\$\(inbox\) \d+$/);
    expect(sim.failedLogins()).toBe(0);
  });

  const unsavedSettings =
    'Unable to write into user settings because the file has unsaved changes. Please save the user settings file first and then try again.';

  it('Disconnect with settings.json unsaved changes nothing and says why', async () => {
    const { item } = start({ 'whmcsTicketCounts.connections': [connection('sim')] });
    await expect.poll(() => item.text, WAIT).toMatch(/^\$\(inbox\) \d+$/);
    stub.settingsWriteError = unsavedSettings;
    stub.messageAnswers = ['Disconnect'];
    await stub.commands.get('whmcsTicketCounts.disconnect')?.();
    // Not half done: the secret is still there for the connection still in settings.
    expect(secrets.has(ConnectionSecretStore.keyFor('sim'))).toBe(true);
    expect(stub.settings['whmcsTicketCounts.connections']).toHaveLength(1);
    const error = stub.messages.find((entry) => entry.level === 'error');
    expect(error?.message).toBe(
      `Nothing was disconnected, because VS Code could not change your settings: ${unsavedSettings}`,
    );
  });

  it('a Connect… that could not save leaves nothing behind that lifts a halt', async () => {
    const { item } = start(
      {
        'whmcsTicketCounts.connections': [connection('sim')],
        'whmcsTicketCounts.refreshInterval': 1,
      },
      'FAKE-wrong-secret',
    );
    await expect.poll(() => item.backgroundColor?.id, WAIT).toBe('statusBarItem.errorBackground');
    // Reconnect with the right secret: the check passes, saving the settings fails.
    stub.settingsWriteError = unsavedSettings;
    stub.inputs = [sim.baseUrl, SAMPLE_CREDENTIALS.identifier, SAMPLE_CREDENTIALS.secret, ''];
    await stub.commands.get('whmcsTicketCounts.connect')?.({ connectionId: 'sim' });
    // The user saves settings.json (a change event) soon after: the old, rejected login stays halted.
    stub.settingsWriteError = undefined;
    const configuration = (await import('vscode')).workspace.getConfiguration('whmcsTicketCounts');
    await configuration.update('connections', [connection('sim', 'Renamed')]);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(sim.failedLogins()).toBe(1);
    expect(item.text).toBe('$(error) WHMCS');
  });

  it('Connect… with settings.json unsaved keeps the old secret and says why', async () => {
    start({});
    stub.settingsWriteError = unsavedSettings;
    stub.inputs = [sim.baseUrl, SAMPLE_CREDENTIALS.identifier, SAMPLE_CREDENTIALS.secret, ''];
    await stub.commands.get('whmcsTicketCounts.connect')?.();
    // No orphan secret, no "Connected" claim; one sentence with VS Code's reason.
    expect([...secrets.keys()]).toEqual([]);
    expect(stub.messages.map((entry) => entry.level)).toEqual(['error']);
    expect(stub.messages[0]?.message).toBe(
      `The connection works but was not saved, because VS Code could not change your settings: ${unsavedSettings}`,
    );
  });

  it('in a browser page served over plain http, Connect… says the secret would be kept unencrypted', async () => {
    start({});
    // code-server on http://billing-tools.internal:8080: its port proxy shows the page's origin.
    stub.uiKind = 2;
    stub.externalUri = 'http://billing-tools.internal:8080/proxy/9/';
    stub.inputs = [sim.baseUrl, SAMPLE_CREDENTIALS.identifier, SAMPLE_CREDENTIALS.secret, ''];
    await stub.commands.get('whmcsTicketCounts.connect')?.();
    expect(stub.messages).toEqual([
      {
        level: 'warning',
        message:
          "This editor runs in a browser page served over plain http, where VS Code keeps secrets unencrypted in the browser's storage; serve code-server over https, or choose Continue Anyway.",
        items: ['Continue Anyway'],
      },
    ]);
    // Declined before anything was typed: nothing asked, sent or stored.
    expect(stub.inputs).toHaveLength(4);
    expect(sim.requests).toHaveLength(0);
    expect([...secrets.keys()]).toEqual([]);
    // Over https (or on localhost) it does not ask.
    stub.externalUri = 'https://billing-tools.internal/proxy/9/';
    stub.messages = [];
    await stub.commands.get('whmcsTicketCounts.connect')?.();
    expect(stub.messages.map((entry) => entry.level)).toEqual(['info']);
    expect(secrets.has(ConnectionSecretStore.keyFor('127-0-0-1'))).toBe(true);
  });

  it('without a stored secret: says so and sends nothing', async () => {
    const { item, view } = start({ 'whmcsTicketCounts.connections': [connection('sim')] }, null);
    await expect
      .poll(() => treeRows(view)[0] ?? '', WAIT)
      .toMatch(/No secret is stored for Simulator/);
    expect(item.text).toBe('$(error) WHMCS');
    expect(item.accessibilityInformation?.label).toBe('WHMCS ticket counts: not set up');
    expect(stub.log).toContain('info No secret stored for Simulator; run WHMCS: Connect…');
    expect(sim.requests).toHaveLength(0);
  });
});
