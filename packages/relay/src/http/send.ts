import type { ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from './security-headers.js';

export type HeaderMap = Record<string, string | number>;

/** Writes a whole response in one call; adds the security headers to `headers` (no copy: hot path). */
export function send(
  res: ServerResponse,
  status: number,
  headers: HeaderMap,
  body?: string | Buffer,
): void {
  const all: HeaderMap = headers;
  for (const name in SECURITY_HEADERS) all[name] = SECURITY_HEADERS[name] as string;
  if (body !== undefined) all['Content-Length'] = Buffer.byteLength(body);
  res.writeHead(status, all);
  res.end(body);
}

/** A JSON answer nobody should cache: errors, refusals, health. */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: HeaderMap = {},
): void {
  send(
    res,
    status,
    { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
    JSON.stringify(value),
  );
}

/** Errors the relay itself raises: `{ error: { kind, message } }`, message one sentence. */
export function sendRelayError(
  res: ServerResponse,
  status: number,
  kind: string,
  message: string,
  headers: HeaderMap = {},
): void {
  sendJson(res, status, { error: { kind, message } }, headers);
}
