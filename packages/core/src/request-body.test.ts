import { describe, expect, it } from 'vitest';
import { md5Hex } from './md5.js';
import { adminPasswordHash, encodeRequestBody, encodeStaticFields } from './request-body.js';

const credential = { kind: 'api-credential', identifier: 'Ident1', secret: 's3cr3t/+=&' } as const;

function fields(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

describe('request body', () => {
  it('sends the action, lower-case json and the API credential as identifier/secret', () => {
    const body = encodeRequestBody(encodeStaticFields(credential));
    expect(fields(body)).toEqual({
      action: 'GetTicketCounts',
      responsetype: 'json',
      identifier: 'Ident1',
      secret: 's3cr3t/+=&',
    });
  });

  it('sends a set flag as 1 and leaves a false one out, never the string "false"', () => {
    const base = encodeStaticFields(credential);
    expect(
      fields(
        encodeRequestBody(base, { ignoreDepartmentAssignments: true, includeCountsByStatus: true }),
      ),
    ).toMatchObject({
      ignoreDepartmentAssignments: '1',
      includeCountsByStatus: '1',
    });
    const off = encodeRequestBody(base, {
      ignoreDepartmentAssignments: false,
      includeCountsByStatus: false,
    });
    expect(off).not.toMatch(/ignoreDepartmentAssignments|includeCountsByStatus|false/);
  });

  it('hashes a plain admin password with MD5 and passes a hash through', () => {
    const plain = fields(
      encodeStaticFields({ kind: 'admin-login', username: ' admin ', password: 'pässword' }),
    );
    expect(plain).toMatchObject({ username: 'admin', password: md5Hex('pässword') });
    expect(plain).not.toHaveProperty('identifier');
    const hash = 'D41D8CD98F00B204E9800998ECF8427E';
    expect(adminPasswordHash(hash)).toBe(hash);
  });

  it('URL-encodes an access key with every character WHMCS allows', () => {
    const accessKey = 'aZ9!@#$%.()*[]-_';
    const body = encodeStaticFields(credential, accessKey);
    expect(body).toContain(`accesskey=${encodeURIComponent(accessKey)}`);
    expect(fields(body).accesskey).toBe(accessKey);
  });
});
