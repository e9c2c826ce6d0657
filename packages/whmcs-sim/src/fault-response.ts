import { apiErrors } from './api-error.js';
import {
  basicAuthPage,
  installerPage,
  maintenancePage,
  proxyErrorPage,
  rateLimitPage,
} from './html-pages.js';
import { apiErrorResponse, htmlResponse, type SimResponse } from './sim-response.js';
import type { SimulatorFault } from './types.js';

/**
 * The answer for a fault that replaces the API's own answer, or `undefined` when the fault lets the
 * request through (slow, hang and the ones that only change the success body).
 */
export function faultResponse(
  fault: SimulatorFault,
  responseType: string | undefined,
): SimResponse | undefined {
  switch (fault.kind) {
    case 'maintenance':
      return htmlResponse(200, maintenancePage());
    case 'installer':
      return htmlResponse(200, installerPage());
    case 'server-error': {
      const status = fault.status ?? 502;
      return htmlResponse(status, proxyErrorPage(status));
    }
    case 'redirect':
      return htmlResponse(
        fault.status,
        `<html><head><title>Moved</title></head><body><a href="${escapeAttribute(fault.location)}">Moved</a></body></html>\n`,
        { location: fault.location },
      );
    case 'rate-limit':
      return htmlResponse(429, rateLimitPage(), {
        'retry-after': String(fault.retryAfterSeconds ?? 60),
      });
    case 'basic-auth':
      return htmlResponse(401, basicAuthPage(), {
        'www-authenticate': 'Basic realm="Restricted Area"',
      });
    case 'licence':
      // The licence check runs before the API authenticates anybody.
      return apiErrorResponse(
        responseType,
        apiErrors.licence(fault.message ?? 'Your license key has expired'),
      );
    case 'garbage':
      return {
        status: fault.status ?? 200,
        headers: { 'content-type': fault.contentType ?? 'text/plain; charset=utf-8' },
        body: fault.body,
      };
    default:
      return undefined;
  }
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
