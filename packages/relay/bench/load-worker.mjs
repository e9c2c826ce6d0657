// Runs in a worker thread so the load generator and the servers do not share an event loop.
import http from 'node:http';
import { parentPort } from 'node:worker_threads';

/** `count` GETs of `url` over `connections` keep-alive sockets; resolves with requests per second. */
async function load({ url, count, connections }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  let started = 0;
  let failures = 0;
  const t0 = performance.now();
  const one = () =>
    new Promise((resolve) => {
      const req = http.get(url, { agent }, (res) => {
        if (res.statusCode !== 200) failures += 1;
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', () => {
        failures += 1;
        resolve();
      });
    });
  const lane = async () => {
    while (started < count) {
      started += 1;
      await one();
    }
  };
  await Promise.all(Array.from({ length: connections }, lane));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
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
