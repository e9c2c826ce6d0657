import type { ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../http/security-headers.js';
import type { HeaderMap } from '../http/send.js';

/** How long a browser waits before reconnecting after the stream drops. */
export const SSE_RETRY_MS = 5_000;
/** A viewer this far behind is not reading; drop it rather than buffer without bound. */
const MAX_BUFFERED_BYTES = 1 << 20;

export interface SseHubOptions {
  maxSubscribers: number;
  heartbeatMs: number;
  /** Told after every join and leave. */
  onCountChange: (count: number, delta: 1 | -1) => void;
}

/**
 * The set of open event streams. One heartbeat timer serves all of them, and it runs only while
 * someone is connected.
 */
export class SseHub {
  readonly #clients = new Set<ServerResponse>();
  readonly #options: SseHubOptions;
  #heartbeat: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(options: SseHubOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#clients.size;
  }

  get isFull(): boolean {
    return this.#clients.size >= this.#options.maxSubscribers;
  }

  /** Opens the stream and sends a heartbeat and `initialEvent` (if any) in one write. */
  add(res: ServerResponse, headers: HeaderMap, initialEvent: string | undefined): void {
    if (this.#closed) {
      res.destroy();
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Accel-Buffering': 'no',
      Connection: 'keep-alive',
    });
    res.socket?.setNoDelay(true);
    // A heartbeat at once: the viewer learns the interval before any silence could matter.
    res.write(
      `retry: ${SSE_RETRY_MS}\n\n${heartbeatEvent(this.#options.heartbeatMs)}${initialEvent ?? ''}`,
    );
    this.#clients.add(res);
    res.on('close', () => this.#remove(res));
    this.#options.onCountChange(this.#clients.size, 1);
    this.#heartbeat ??= setInterval(
      () => this.#broadcastRaw(heartbeatEvent(this.#options.heartbeatMs)),
      this.#options.heartbeatMs,
    );
  }

  /** Sends one `counts` event to every viewer. */
  broadcast(event: string): void {
    this.#broadcastRaw(event);
  }

  /** Ends every stream; later joins are refused. */
  closeAll(): void {
    this.#closed = true;
    for (const res of [...this.#clients]) res.end();
    this.#stopHeartbeat();
  }

  #broadcastRaw(chunk: string): void {
    for (const res of this.#clients) {
      if (res.writableLength > MAX_BUFFERED_BYTES) {
        res.destroy();
        continue;
      }
      res.write(chunk);
    }
  }

  #remove(res: ServerResponse): void {
    if (!this.#clients.delete(res)) return;
    this.#options.onCountChange(this.#clients.size, -1);
    if (this.#clients.size === 0) this.#stopHeartbeat();
  }

  #stopHeartbeat(): void {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
  }
}

/**
 * Keeps proxies from closing an idle stream, and lets viewers tell a quiet stream from a dead
 * one: an event (a `:` comment never reaches page scripts) whose data is the interval in ms, so
 * a viewer knows how long a silence means the connection is gone. No `id`: it must not change
 * the browser's last event ID.
 */
export function heartbeatEvent(intervalMs: number): string {
  return `event: heartbeat\ndata: ${intervalMs}\n\n`;
}

/** One SSE message; the payload is single-line JSON, so one `data:` line suffices. */
export function countsEvent(json: string, id: string): string {
  return `event: counts\nid: ${id}\ndata: ${json}\n\n`;
}
