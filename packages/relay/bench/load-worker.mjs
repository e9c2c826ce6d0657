// Runs in a worker thread so the load generator and the servers do not share an event loop.
import http from 'node:http';
import net from 'node:net';
import { parentPort } from 'node:worker_threads';

/**
 * `count` GETs of `url` over `connections` keep-alive sockets, one request in flight per socket;
 * resolves with requests per second. A raw-socket client: node:http's client costs more CPU than
 * the servers under test, and on two cores it would measure itself instead.
 */
async function load({ url, count, connections }) {
  const { hostname, port, pathname } = new URL(url);
  const request = Buffer.from(`GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`);
  let started = 0;
  let failures = 0;
  const t0 = performance.now();
  const lane = () =>
    new Promise((resolve) => {
      const socket = net.connect(Number(port), hostname);
      socket.setNoDelay(true);
      let buffer = Buffer.alloc(0);
      const next = () => {
        if (started >= count) {
          socket.end();
          resolve();
          return;
        }
        started += 1;
        socket.write(request);
      };
      socket.on('connect', next);
      socket.on('data', (chunk) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        for (;;) {
          const headerEnd = buffer.indexOf('\r\n\r\n');
          if (headerEnd === -1) return;
          const head = buffer.subarray(0, headerEnd).toString('latin1');
          const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
          const total = headerEnd + 4 + length;
          if (buffer.length < total) return;
          if (!head.startsWith('HTTP/1.1 200')) failures += 1;
          buffer = buffer.subarray(total);
          next();
        }
      });
      socket.on('error', () => {
        failures += 1;
        resolve();
      });
    });
  await Promise.all(Array.from({ length: connections }, lane));
  const seconds = (performance.now() - t0) / 1000;
  return { requestsPerSecond: count / seconds, failures };
}

/** Opens `count` event streams; reports the clock time each one receives a payload with `awaitingReply`. */
function subscribe({ url, count }) {
  const streams = [];
  let opened = 0;
  let waiting;
  for (let i = 0; i < count; i += 1) {
    const req = http.get(url, { agent: false, headers: { Accept: 'text/event-stream' } }, (res) => {
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (!data || !waiting) continue;
          const at = performance.timeOrigin + performance.now();
          const payload = JSON.parse(data.slice(6));
          if (payload.awaitingReply === waiting.awaitingReply) waiting.arrived(at);
        }
      });
    });
    req.on('error', () => {});
    streams.push(req);
    req.on('response', () => {
      opened += 1;
      if (opened === count) parentPort.postMessage({ type: 'subscribed' });
    });
  }
  return {
    expect(awaitingReply) {
      const times = [];
      waiting = {
        awaitingReply,
        arrived(at) {
          times.push(at);
          if (times.length === count) {
            waiting = undefined;
            parentPort.postMessage({ type: 'received', times });
          }
        },
      };
    },
    close() {
      for (const req of streams) req.destroy();
    },
  };
}

let subscribers;
parentPort.on('message', async (message) => {
  if (message.type === 'load') parentPort.postMessage({ type: 'loaded', ...(await load(message)) });
  if (message.type === 'subscribe') subscribers = subscribe(message);
  if (message.type === 'expect') {
    subscribers.expect(message.awaitingReply);
    parentPort.postMessage({ type: 'expecting' });
  }
  if (message.type === 'close') {
    subscribers?.close();
    parentPort.postMessage({ type: 'closed' });
  }
});
