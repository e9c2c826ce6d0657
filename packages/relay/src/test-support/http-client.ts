import { request } from 'node:http';

export interface RecordedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** A plain HTTP/1.1 request over a fresh connection, so tests control every header (Origin, Host). */
export function httpRequest(url: string, options: RequestOptions = {}): Promise<RecordedResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(options.timeoutMs ?? 10_000, () =>
      req.destroy(new Error(`No answer from ${new URL(url).pathname} within the test timeout`)),
    );
    req.on('error', reject);
    req.end();
  });
}
