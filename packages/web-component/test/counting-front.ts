import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RequestTally {
  /** `GET /ticket-counts` requests that reached the relay. */
  json: number;
  /** `GET /ticket-counts/events` streams opened, and how many are open now. */
  events: number;
  openStreams: number;
  /** Requests answered 503 by `refuse`. */
  refused: number;
}

export interface Refusal {
  streams: boolean;
  polls: boolean;
}

export interface CountingFront {
  readonly url: string;
  tally(): RequestTally;
  /** Cuts every open event stream, as a relay restart or a dropped network would. */
  dropStreams(): void;
  /**
   * Stops passing anything on open event streams but keeps them open, as a connection that died
   * without a word would look (a sleeping laptop, a proxy or NAT that forgot it).
   */
  freezeStreams(): void;
  /**
   * Answers event streams, polls or both with 503 from now on, as a relay at its viewer limit
   * (streams) or one that is down behind a proxy (both) would.
   */
  refuse(what: Refusal): void;
  close(): Promise<void>;
}

/**
 * A plain pass-through in front of the relay that counts what the page really sends over the
 * network (the browser's HTTP cache and EventSource are invisible from inside the page).
 */
export async function startCountingFront(targetUrl: string): Promise<CountingFront> {
  const target = new URL(targetUrl);
  const counts: RequestTally = { json: 0, events: 0, openStreams: 0, refused: 0 };
  let refusing: Refusal = { streams: false, polls: false };
  const streams = new Set<IncomingMessage>();
  const answers = new Map<IncomingMessage, IncomingMessage>();
  const server: Server = createServer((req: IncomingMessage, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const isEvents = path.endsWith('/events');
    if (isEvents ? refusing.streams : refusing.polls) {
      counts.refused += 1;
      res.writeHead(503, { 'retry-after': '30' }).end();
      return;
    }
    if (req.method === 'GET' && path === '/ticket-counts') counts.json += 1;
    if (req.method === 'GET' && isEvents) {
      counts.events += 1;
      counts.openStreams += 1;
      streams.add(req);
      res.once('close', () => {
        counts.openStreams -= 1;
        streams.delete(req);
        answers.delete(req);
      });
    }
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        if (isEvents) answers.set(req, answer);
      },
    );
    upstream.on('error', () => res.destroy());
    res.once('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tally: () => ({ ...counts }),
    dropStreams: () => {
      for (const stream of streams) stream.socket.destroy();
    },
    freezeStreams: () => {
      for (const answer of answers.values()) {
        answer.unpipe();
        answer.resume(); // read and drop, so the relay never sees a slow reader
      }
    },
    refuse: (what) => {
      refusing = what;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
