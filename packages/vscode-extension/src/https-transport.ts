import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import { InvalidConfigurationError, type Transport } from '@whmcs-ticket-counts/core';

/**
 * A transport for a WHMCS with a self-signed or private CA, on Node's own https module.
 *
 * Why not core's undici transport: undici would add hundreds of kilobytes to the bundle for the
 * few users who need a CA file. The CA is added to Node's built-in roots; verification stays on.
 */
export function createHttpsTransport(options: { caFile: string }): Transport {
  let ca: string[] | undefined;
  return (request) =>
    new Promise((resolve, reject) => {
      if (!ca) {
        try {
          ca = [...rootCertificates, readFileSync(options.caFile, 'utf8')];
        } catch {
          reject(
            new InvalidConfigurationError(
              `The CA file "${options.caFile}" cannot be read; fix the caFile path in the WHMCS connection settings.`,
            ),
          );
          return;
        }
      }
      const send = request.url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(
        request.url,
        {
          method: 'POST',
          headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
          signal: request.signal,
          timeout: request.timeoutMs,
          ...(request.url.protocol === 'https:' ? { ca } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const headers = res.headers;
            resolve({
              status: res.statusCode ?? 0,
              headers: {
                get(name: string) {
                  const value = headers[name.toLowerCase()];
                  return value === undefined
                    ? null
                    : Array.isArray(value)
                      ? value.join(', ')
                      : value;
                },
              },
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
        },
      );
      req.on('timeout', () =>
        req.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })),
      );
      req.on('error', reject);
      req.end(request.body);
    });
}
