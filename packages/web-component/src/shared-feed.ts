import { retryDelayMs } from './backoff.js';
import {
  InvalidPayloadError,
  InvalidSrcError,
  LiveConnectionLostError,
  RelayHttpError,
  RelayInvalidPayloadError,
  RelayReportedError,
  RelayTimeoutError,
  RelayUnreachableError,
  TicketCountsError,
} from './errors.js';
import { defaultRefreshSeconds } from './parse-refresh.js';
import { type RelayPayload, relayErrorMessage, toRelayPayload } from './relay-payload.js';

/** What every subscriber of one feed sees: the last good payload and the last failure, if any. */
export interface FeedSnapshot {
  payload?: RelayPayload;
  /** One sentence for people; set while the last attempt failed. */
  error?: string;
  failures: number;
}

export type FeedListener = (snapshot: FeedSnapshot) => void;

/**
 * `requestMs`: how long one request may take, headers and body, and a live stream to open: a
 * relay or proxy that accepts the connection and never finishes answering must not stall the feed
 * for good. The relay itself answers within about 10 s (it waits at most that long for WHMCS).
 * `livePollMs`: the pace of polls in live mode while the stream is refused or down. Read at each
 * attempt; tests shorten them.
 */
export const feedTimeouts = { requestMs: 30_000, livePollMs: defaultRefreshSeconds * 1000 };

/**
 * One source of counts for one `src` + `refresh` pair, shared by every element that asks for it,
 * so ten badges on a page cost one request per refresh. It runs only while someone listens.
 */
class Feed {
  snapshot: FeedSnapshot = { failures: 0 };
  readonly listeners = new Set<FeedListener>();
  #controller?: AbortController;
  #timer?: ReturnType<typeof setTimeout>;
  #source?: EventSource;
  /**
   * A stream delivered once: later failures are a lost connection, not a relay never reached.
   * Set by the first heartbeat (the relay sends one at once), not by `open`: a proxy that buffers
   * event streams passes the headers and holds back every event.
   */
  #streamOpened = false;

  constructor(
    readonly url: string,
    readonly refresh: number | 'live',
  ) {}

  start(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
    if (!document.hidden) this.#connect();
  }

  stop(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#disconnect();
  }

  // Hidden tabs make no requests; coming back refreshes at once.
  #onVisibility = () => (document.hidden ? this.#disconnect() : this.#connect());

  #connect(): void {
    this.#disconnect();
    if (this.refresh === 'live') this.#listen();
    else void this.#load();
  }

  #disconnect(): void {
    this.#controller?.abort();
    this.#controller = undefined;
    clearTimeout(this.#timer);
    this.#source?.close();
    this.#source = undefined;
  }

  async #load(): Promise<void> {
    const controller = new AbortController();
    this.#controller = controller;
    const signal = AbortSignal.any([
      controller.signal,
      AbortSignal.timeout(feedTimeouts.requestMs),
    ]);
    let delayMs: number;
    try {
      // (Cookies go to the page's own origin only: fetch's default `credentials: 'same-origin'`.)
      const response = await fetch(this.url, {
        headers: { Accept: 'application/json' },
        signal,
      }).catch(() => {
        // (Aborted by us: the catch below drops it.)
        throw signal.aborted ? new RelayTimeoutError() : new RelayUnreachableError();
      });
      const json = await response.json().catch(() => undefined);
      if (signal.aborted) throw new RelayTimeoutError();
      if (!response.ok) {
        const message = relayErrorMessage(json);
        throw message ? new RelayReportedError(message) : new RelayHttpError(response.status);
      }
      this.#succeed(toRelayPayload(json));
      delayMs = typeof this.refresh === 'number' ? this.refresh * 1000 : feedTimeouts.livePollMs;
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#fail(error);
      delayMs = retryDelayMs(this.snapshot.failures);
    }
    // In live mode a poll means the stream failed (see #listen): each next turn tries it again.
    this.#schedule(() => this.#connect(), delayMs);
  }

  #listen(): void {
    const source = new EventSource(eventsUrl(this.url));
    this.#source = source;
    source.addEventListener('counts', (event) => {
      try {
        this.#succeed(toRelayPayload(JSON.parse((event as MessageEvent<string>).data)));
      } catch (error) {
        this.#fail(error);
      }
    });
    // EventSource would retry on its own, forever and at a fixed pace; back off instead. A stream
    // that has not delivered in time (a wedged relay or proxy) has failed the same way.
    const failed = () => {
      clearTimeout(this.#timer);
      source.close();
      if (!this.#streamOpened) {
        // An EventSource never says why it was refused (relay full: 503, token: 401, down, CORS).
        // A poll of the same src gets counts from a full relay, and the relay's own sentence or
        // the HTTP status otherwise. Every later turn tries the stream first.
        void this.#load();
        return;
      }
      this.#fail(new LiveConnectionLostError());
      this.#schedule(() => this.#listen(), retryDelayMs(this.snapshot.failures));
    };
    source.onerror = failed;
    this.#schedule(failed, feedTimeouts.requestMs);
    // A stream can die without a word (a sleeping laptop, a proxy or NAT that forgot it) and would
    // show frozen counts as fresh for good. The relay's heartbeats carry their interval in ms:
    // silence for two of them, and then some, means the stream is gone.
    source.addEventListener('heartbeat', (event) => {
      this.#streamOpened = true;
      const ms = Number((event as MessageEvent<string>).data);
      if (ms > 0) this.#schedule(failed, Math.min(2 ** 31 - 1, 2 * ms + feedTimeouts.requestMs));
    });
  }

  #schedule(next: () => void, delayMs: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(next, delayMs);
  }

  #succeed(payload: RelayPayload): void {
    this.#publish({ payload, failures: 0 });
  }

  #fail(error: unknown): void {
    // Anything not ours (a JSON SyntaxError, say) may quote the body: show our sentence instead.
    // Failed payload checks came from the relay here, so that sentence names the relay.
    const message = (
      error instanceof TicketCountsError && !(error instanceof InvalidPayloadError)
        ? error
        : new RelayInvalidPayloadError()
    ).message;
    this.#publish({
      payload: this.snapshot.payload,
      error: message,
      failures: this.snapshot.failures + 1,
    });
  }

  #publish(snapshot: FeedSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener(snapshot);
  }
}

/** `<src>/events`, keeping any query string (the relay's SSE route sits under its JSON route). */
export function eventsUrl(src: string): string {
  const url = new URL(src, document.baseURI);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/events`;
  return url.href;
}

const feeds = new Map<string, Feed>();

/**
 * Listens to the shared feed for `src`; the listener gets the current snapshot at once if there is
 * one. Returns the unsubscribe function; the last one out stops all timers and connections.
 */
export function subscribeFeed(
  src: string,
  refresh: number | 'live',
  listener: FeedListener,
): () => void {
  let url: string;
  try {
    url = new URL(src, document.baseURI).href;
  } catch {
    listener({ error: new InvalidSrcError().message, failures: 1 });
    return () => {};
  }
  const key = `${refresh} ${url}`;
  let feed = feeds.get(key);
  if (!feed) {
    feed = new Feed(url, refresh);
    feeds.set(key, feed);
  }
  const joined = feed;
  joined.listeners.add(listener);
  if (joined.listeners.size === 1) joined.start();
  else if (joined.snapshot.payload || joined.snapshot.error) listener(joined.snapshot);
  return () => {
    if (!joined.listeners.delete(listener) || joined.listeners.size > 0) return;
    joined.stop();
    feeds.delete(key);
  };
}

/** How many feeds run (for tests and debugging). */
export const activeFeedCount = (): number => feeds.size;
