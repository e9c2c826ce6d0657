import { describe, expect, it } from 'vitest';
import {
  hostLabel,
  newConnectionId,
  parseConnectionSettings,
  removeSettingsEntry,
  uniqueLabel,
  upsertSettingsEntry,
} from './connection-settings.js';

describe('parseConnectionSettings', () => {
  it('reads valid entries with defaults', () => {
    const { connections, problems } = parseConnectionSettings([
      {
        id: 'prod',
        url: 'https://billing.example.com/',
        authMethod: 'api-credential',
        identifier: 'ID',
      },
      {
        id: 'legacy',
        label: 'Old one',
        url: 'https://example.com/whmcs/includes/api.php',
        authMethod: 'admin-login',
        username: 'admin',
        adminFolder: 'secret-admin',
        ignoreDepartmentAssignments: true,
        caFile: '/etc/ssl/ca.pem',
      },
    ]);
    expect(problems).toEqual([]);
    expect(connections).toEqual([
      {
        id: 'prod',
        label: 'billing.example.com',
        url: 'https://billing.example.com/',
        authMethod: 'api-credential',
        login: 'ID',
        adminFolder: 'admin',
        ignoreDepartmentAssignments: false,
      },
      {
        id: 'legacy',
        label: 'Old one',
        url: 'https://example.com/whmcs/includes/api.php',
        authMethod: 'admin-login',
        login: 'admin',
        adminFolder: 'secret-admin',
        ignoreDepartmentAssignments: true,
        caFile: '/etc/ssl/ca.pem',
      },
    ]);
  });

  it('skips broken entries with a reason and keeps the rest', () => {
    const { connections, problems } = parseConnectionSettings([
      'nope',
      { id: 'bad id!', url: 'https://a/', identifier: 'x' },
      { id: 'a', url: 'https://a/', identifier: 'x' },
      { id: 'a', url: 'https://b/', identifier: 'y' },
      { id: 'b', url: 'https://b/' },
      { id: 'c', url: 'https://c/', identifier: 'z', adminFolder: '../x' },
    ]);
    expect(connections.map((c) => c.id)).toEqual(['a']);
    expect(problems.map((p) => p.index)).toEqual([0, 1, 3, 4, 5]);
    expect(parseConnectionSettings(undefined)).toEqual({ connections: [], problems: [] });
    // Each broken entry keeps a name to show it under: its own id when that one is usable.
    expect(problems.map((p) => p.id)).toEqual([
      'connections[0]',
      'connections[1]',
      'connections[3]',
      'b',
      'c',
    ]);
    expect(problems[4]?.label).toBe('c');
    // Every reason says what to do about it.
    for (const problem of problems) expect(problem.message).toMatch(/; (set|give|use|remove)/);
    expect(parseConnectionSettings({}).problems).toHaveLength(1);
  });
});

describe('settings entries', () => {
  const connection = {
    id: 'prod',
    label: 'Prod',
    url: 'https://x/',
    authMethod: 'api-credential' as const,
    login: 'ID',
    adminFolder: 'admin',
    ignoreDepartmentAssignments: false,
  };

  it('upserts by id without secrets and removes by id', () => {
    const added = upsertSettingsEntry([{ id: 'other', url: 'https://o/' }], connection);
    expect(added).toEqual([
      { id: 'other', url: 'https://o/' },
      {
        id: 'prod',
        label: 'Prod',
        url: 'https://x/',
        authMethod: 'api-credential',
        identifier: 'ID',
      },
    ]);
    // A secret someone typed into settings.json by hand is taken out, not carried along.
    const handWritten = [
      ...added.slice(0, 1),
      { ...(added[1] as object), secret: 'S3cr3t', password: 'pw', accessKey: 'k' },
    ];
    const replaced = upsertSettingsEntry(handWritten, { ...connection, label: 'Production' });
    expect(replaced).toHaveLength(2);
    expect(JSON.stringify(replaced)).not.toMatch(/secret|password|accessKey|pw|"k"/i);
    expect(removeSettingsEntry(replaced, 'prod')).toEqual([{ id: 'other', url: 'https://o/' }]);
  });

  it('Connect… replaces every field it writes, so a hand-made mistake in one does not survive', () => {
    const fixed = upsertSettingsEntry(
      [{ id: 'prod', url: 'https://x/', identifier: 'ID', adminFolder: '../x', note: 'mine' }],
      connection,
    );
    expect(fixed).toEqual([
      {
        id: 'prod',
        label: 'Prod',
        url: 'https://x/',
        authMethod: 'api-credential',
        identifier: 'ID',
        // Keys this version does not know are kept.
        note: 'mine',
      },
    ]);
    expect(parseConnectionSettings(fixed).problems).toEqual([]);
  });

  it('derives labels and unique ids from the URL', () => {
    expect(hostLabel('https://example.com/billing/includes/api.php')).toBe('example.com/billing');
    expect(newConnectionId('https://billing.example.com/', [])).toBe('billing-example-com');
    expect(newConnectionId('https://billing.example.com/', ['billing-example-com'])).toBe(
      'billing-example-com-2',
    );
  });
});

describe('uniqueLabel', () => {
  it('numbers a label another connection already has, so tree roots can be told apart', () => {
    expect(uniqueLabel('billing.example.com', [])).toBe('billing.example.com');
    expect(uniqueLabel('billing.example.com', ['billing.example.com'])).toBe(
      'billing.example.com (2)',
    );
    expect(
      uniqueLabel('billing.example.com', ['billing.example.com', 'billing.example.com (2)']),
    ).toBe('billing.example.com (3)');
  });
});
