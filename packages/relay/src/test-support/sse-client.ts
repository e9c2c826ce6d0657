import { type ClientRequest, type IncomingMessage, request } from 'node:http';

export interface SseEvent {
  event: string;
  id?: string;
  data: string;
}

/**
 * A minimal EventSource for Node tests: records the raw stream (for secret checks) and parsed
 * events, and waits for them with a bounded timeout.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  raw = '';
  ended = false;
  readonly #req: ClientRequest;
  readonly #response: Promise<IncomingMessage>;
  readonly #waiters = new Set<() => void>();
  #buffer = '';

  constructor(url: string, headers: Record<string, string> = {}) {
    this.#req = request(url, {
      headers: { Accept: 'text/event-stream', ...headers },
      agent: false,
    });
    this.#response = new Promise((resolve, reject) => {
      this.#req.on('response', (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => this.#receive(chunk));
        res.on('end', () => {
          this.ended = true;
          this.#wake();
        });
        res.on('error', () => {});
        resolve(res);
      });
      this.#req.on('error', (error) => {
        this.ended = true;
        this.#wake();
        reject(error);
      });
    });
    this.#response.catch(() => {});
    this.#req.end();
  }

  response(): Promise<IncomingMessage> {
    return this.#response;
  }

  /** Resolves with the first event (from index `from`) that satisfies `match`. */
  async nextEvent(
    match: (event: SseEvent) => boolean = () => true,
    from = 0,
    timeoutMs = 5_000,
  ): Promise<SseEvent> {
    let found: SseEvent | undefined;
    await this.waitFor(() => {
      found = this.events.slice(from).find(match);
      return found !== undefined;
    }, timeoutMs);
    return found as SseEvent;
  }

  /** Waits until `condition` holds, checking on every chunk; fails after `timeoutMs`. */
  waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (condition()) {
          done();
          resolve();
        } else if (this.ended) {
          done();
          reject(new Error('The event stream ended before the expected event arrived'));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error('The expected event did not arrive within the test timeout'));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(check);
      };
      this.#waiters.add(check);
    });
  }

  close(): void {
    this.#req.destroy();
  }

  #receive(chunk: string): void {
    this.raw += chunk;
    this.#buffer += chunk;
    let end = this.#buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 2);
      this.#parse(block);
      end = this.#buffer.indexOf('\n\n');
    }
    this.#wake();
  }

  #parse(block: string): void {
    const event: SseEvent = { event: 'message', data: '' };
    let hasData = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event.event = value;
      else if (field === 'id') event.id = value;
      else if (field === 'data') {
        event.data = hasData ? `${event.data}\n${value}` : value;
        hasData = true;
      }
    }
    if (hasData) this.events.push(event);
  }

  #wake(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }
}
