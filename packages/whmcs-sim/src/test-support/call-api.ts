import { SAMPLE_CREDENTIALS } from '../sample-data.js';

export interface ApiAnswer {
  status: number;
  contentType: string | null;
  headers: Headers;
  text: string;
}

/** POSTs form fields the way PHP's http_build_query would, and reads the whole answer. */
export async function postForm(url: string, fields: Record<string, string>): Promise<ApiAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    body: new URLSearchParams(fields),
    redirect: 'manual',
    signal: AbortSignal.timeout(5000),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    headers: response.headers,
    text: await response.text(),
  };
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
