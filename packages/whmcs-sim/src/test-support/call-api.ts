import { SAMPLE_CREDENTIALS } from '../sample-data.js';

export interface ApiAnswer {
  status: number;
  contentType: string | null;
  headers: Headers;
  text: string;
}

/** Any request, never following redirects, bounded by a timeout. */
export async function callApi(url: string, init: RequestInit = {}): Promise<ApiAnswer> {
  const response = await fetch(url, {
    redirect: 'manual',
    signal: AbortSignal.timeout(5000),
    ...init,
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    headers: response.headers,
    text: await response.text(),
  };
}

/** POSTs form fields the way PHP's http_build_query would. */
export function postForm(url: string, fields: Record<string, string>): Promise<ApiAnswer> {
  return callApi(url, { method: 'POST', body: new URLSearchParams(fields) });
}

/** POSTs and parses the answer as JSON (fails the test when it is not). */
export async function postJson(
  url: string,
  fields: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const answer = await postForm(url, fields);
  return { status: answer.status, body: JSON.parse(answer.text) };
}

/** The sample credential asking for GetTicketCounts in JSON; `extra` adds or overrides fields. */
export function sampleRequest(extra: Record<string, string> = {}): Record<string, string> {
  return {
    action: 'GetTicketCounts',
    identifier: SAMPLE_CREDENTIALS.identifier,
    secret: SAMPLE_CREDENTIALS.secret,
    responsetype: 'json',
    ...extra,
  };
}
