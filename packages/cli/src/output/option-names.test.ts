import { describe, expect, it } from 'vitest';
import { optionNameFor } from './option-names.js';

describe('optionNameFor', () => {
  it.each([
    ['url', '--url / WHMCS_URL'],
    ['accessKey', '--access-key / WHMCS_ACCESS_KEY'],
    ['identifier', '--identifier / WHMCS_IDENTIFIER'],
    ['auth.secret', 'WHMCS_SECRET / --secret-file'],
    ['auth.username', '--admin-username / WHMCS_ADMIN_USERNAME'],
    ['adminFolder', '--admin-folder'],
    ['timeout', '--timeout'],
  ])('names %s as %s', (field, name) => {
    expect(optionNameFor(field)).toBe(name);
  });

  it('knows nothing of fields it has no flag for', () => {
    expect(optionNameFor('connection')).toBeUndefined();
    expect(optionNameFor(undefined)).toBeUndefined();
    expect(optionNameFor(42)).toBeUndefined();
  });
});
