import type { ServerResponse } from 'node:http';
import { type HeaderMap, send, sendRelayError } from '../http/send.js';
import type { RelayContext } from '../relay-context.js';
import { countsEvent } from '../sse/sse-hub.js';

/** Seconds a refused viewer should wait before trying the stream again. */
const FULL_RETRY_AFTER_SECONDS = 30;

/** `GET /ticket-counts/events`: the payload at once, then on every change, plus heartbeats. */
export function serveEvents(
  context: RelayContext,
  method: string,
  res: ServerResponse,
  corsHeaders: HeaderMap,
): void {
  if (method === 'HEAD') {
    send(res, 200, {
      ...corsHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
    });
    return;
  }
  if (context.hub.isFull) {
    context.refusalLog.write(
      `subscriber refused: the limit of ${context.options.maxSubscribers} is reached`,
    );
    sendRelayError(
      res,
      503,
      'too-many-subscribers',
      'The relay already serves its maximum number of live viewers; try again later or poll GET /ticket-counts.',
      { ...corsHeaders, 'Retry-After': FULL_RETRY_AFTER_SECONDS },
    );
    return;
  }
  const snapshot = context.view.snapshot(context.engine.state);
  context.hub.add(
    res,
    corsHeaders,
    snapshot ? countsEvent(snapshot.text, eventId(snapshot.etag)) : undefined,
  );
}

/** The ETag without quotes: identifies the payload a viewer last saw. */
export function eventId(etag: string): string {
  return etag.replace(/"/g, '');
}
