import type { IncomingMessage, ServerResponse } from 'node:http';
import { type HeaderMap, send } from '../http/send.js';
import { ifNoneMatchMatches, type Representation } from '../payload/representation.js';

/** A fixed document (element script, demo page) with a strong ETag; browsers revalidate each time. */
export function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  document: Representation,
  headers: HeaderMap,
): void {
  const all: HeaderMap = { ...headers, 'Cache-Control': 'no-cache', ETag: document.etag };
  if (ifNoneMatchMatches(req.headers['if-none-match'], document.etag)) {
    send(res, 304, all);
    return;
  }
  send(res, 200, all, document.body);
}
