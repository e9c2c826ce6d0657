import { describe, expect, it } from 'vitest';
import { envValue, isDebugRequested } from './environment.js';

describe('envValue', () => {
  it('treats empty like unset', () => {
    expect(envValue({ A: '' }, 'A')).toBeUndefined();
    expect(envValue({}, 'A')).toBeUndefined();
    expect(envValue({ A: ' x ' }, 'A')).toBe(' x ');
  });
});

describe('isDebugRequested', () => {
  it('is on with --debug before any -- terminator, or WHMCS_DEBUG', () => {
    expect(isDebugRequested(['get', '--debug'], {})).toBe(true);
    expect(isDebugRequested(['get', '--', '--debug'], {})).toBe(false);
    expect(isDebugRequested(['get'], { WHMCS_DEBUG: '1' })).toBe(true);
    expect(isDebugRequested(['get'], { WHMCS_DEBUG: '0' })).toBe(false);
    expect(isDebugRequested(['get'], { WHMCS_DEBUG: 'false' })).toBe(false);
    expect(isDebugRequested(['get'], {})).toBe(false);
  });
});
