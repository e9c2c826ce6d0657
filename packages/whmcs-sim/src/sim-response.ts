import type { ApiError } from './api-error.js';
import { encodeNvp } from './nvp.js';
import { encodePhpJson, type PhpValue } from './php-json.js';

/** A complete HTTP answer, built before anything is written to the socket. */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function htmlResponse(
  status: number,
  body: string,
  headers: Record<string, string> = {},
): SimResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body };
}

/**
 * The API's answer in the format the caller asked for. Only exactly `json` gives JSON; anything else
 * falls back to NVP text, which PHP sends with its default `text/html` type.
 */
export function apiResponse(
  responseType: string | undefined,
  status: number,
  fields: Map<string, PhpValue>,
): SimResponse {
  if (responseType === 'json') {
    return { status, headers: { 'content-type': 'application/json' }, body: encodePhpJson(fields) };
  }
  return htmlResponse(status, encodeNvp(fields));
}

export function apiErrorResponse(responseType: string | undefined, error: ApiError): SimResponse {
  return apiResponse(
    responseType,
    error.status,
    new Map<string, PhpValue>([
      ['result', 'error'],
      ['message', error.message],
    ]),
  );
}
