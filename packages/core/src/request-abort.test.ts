import { describe, expect, it } from 'vitest';
import { abortHookOf, RequestAbort } from './request-abort.js';

const fields = { url: new URL('http://127.0.0.1/'), body: '', headers: {}, timeoutMs: 1000 };

describe('RequestAbort', () => {
  it('tells a hook listener once, and stops telling it after unsubscribe', () => {
    const abort = new RequestAbort();
    const seen: unknown[] = [];
    const unsubscribe = abort.onAbort((reason) => seen.push(reason));
    abort.abort('first');
    abort.abort('second');
    expect(seen).toEqual(['first']);
    expect(abort.aborted).toBe(true);

    const other = new RequestAbort();
    other.onAbort((reason) => seen.push(reason))();
    other.abort('ignored');
    expect(seen).toEqual(['first']);
    expect(unsubscribe).toBeTypeOf('function');
  });

  it('gives transports a real signal that follows the abort, before or after it is read', () => {
    const early = new RequestAbort();
    const request = early.transportRequest(fields);
    const signal = request.signal;
    expect(signal.aborted).toBe(false);
    early.abort('timeout');
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('timeout');

    const late = new RequestAbort();
    const lateRequest = late.transportRequest(fields);
    late.abort('gone');
    expect(lateRequest.signal.aborted).toBe(true);
    expect(lateRequest.signal.reason).toBe('gone');
  });

  it('is found on requests from the client and not on others', () => {
    const abort = new RequestAbort();
    expect(abortHookOf(abort.transportRequest(fields))).toBe(abort);
    expect(abortHookOf({ ...fields, signal: new AbortController().signal })).toBeUndefined();
  });
});
