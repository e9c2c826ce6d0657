import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StallingRelay {
  /** Accepts `GET /ticket-counts` and `/ticket-counts/events` and never answers. */
  readonly hangingSrc: string;
  /** Sends the headers of a JSON answer, then one space a second, forever. */
  readonly drippingSrc: string;
  /**
   * Like a proxy that buffers event streams: `/events` gets its headers and never an event, while
   * polls get counts (`bufferedCounts`).
   */
  readonly bufferingSrc: string;
  /** Requests received, and how many of their connections are still open. */
  tally(): { requests: number; open: number };
  close(): Promise<void>;
}

/** What the buffering stand-in answers to polls. */
export const bufferedCounts = {
  filteredDepartments: [],
  allActive: 3,
  awaitingReply: 2,
  flaggedTickets: 1,
};

/**
 * A relay stand-in that accepts connections and never finishes answering, as a wedged relay or
 * proxy would: the element must give up on it, say so and retry, and not stall for good.
 */
export async function startStallingRelay(allowOrigin: string): Promise<StallingRelay> {
  let requests = 0;
  const open = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    requests += 1;
    open.add(res);
    res.once('close', () => open.delete(res));
    if (req.url === '/buffer/ticket-counts') {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Access-Control-Allow-Origin': allowOrigin,
      });
      res.end(JSON.stringify(bufferedCounts));
      return;
    }
    if (req.url === '/buffer/ticket-counts/events') {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Access-Control-Allow-Origin': allowOrigin,
      });
      res.flushHeaders();
      return;
    }
    if (!req.url?.startsWith('/drip/')) return;
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': allowOrigin,
    });
    const timer = setInterval(() => res.write(' '), 1_000);
    timers.add(timer);
    res.once('close', () => {
      clearInterval(timer);
      timers.delete(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    hangingSrc: `${url}/ticket-counts`,
    drippingSrc: `${url}/drip/ticket-counts`,
    bufferingSrc: `${url}/buffer/ticket-counts`,
    tally: () => ({ requests, open: open.size }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
