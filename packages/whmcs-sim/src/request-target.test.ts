import { describe, expect, it } from 'vitest';
import { parseRequestTarget } from './request-target.js';
import { postJson, sampleRequest } from './test-support/call-api.js';
import { simulatorFixture } from './test-support/simulator-fixture.js';

const start = simulatorFixture();

describe('parseRequestTarget', () => {
  it('splits path and query and maps the path like a web server', () => {
    expect(parseRequestTarget('/billing//includes/api%2Ephp?a=1&b=%20')).toEqual({
      path: '/billing//includes/api%2Ephp',
      query: 'a=1&b=%20',
      filePath: '/billing/includes/api.php',
    });
    expect(parseRequestTarget('//includes/api.php')).toMatchObject({
      filePath: '/includes/api.php',
      query: '',
    });
    expect(parseRequestTarget('/a%zz')).toMatchObject({ filePath: '/a%zz' });
  });
});

describe('paths a web server maps to includes/api.php', () => {
  it('answers a doubled slash as the API, and records the path as sent', async () => {
    const simulator = await start({ basePath: '/billing/' });
    const url = new URL(simulator.apiUrl);
    const { body } = await postJson(`${url.origin}/billing//includes/api.php`, sampleRequest());
    expect(body.result).toBe('success');
    expect(simulator.requests[0]?.path).toBe('/billing//includes/api.php');
  });
});
