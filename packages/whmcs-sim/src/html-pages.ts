/**
 * The HTML that comes back instead of API JSON in real deployments: web server 404s, WHMCS's own
 * maintenance and installer pages, reverse-proxy error pages, WAF throttling and basic auth.
 */

const REASONS: Record<number, string> = {
  401: 'Unauthorized',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? 'Error';
}

export function notFoundPage(): string {
  return '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';
}

export function maintenancePage(): string {
  return page(
    'Down for Maintenance',
    '<h1>Down for Maintenance</h1>\n<p>We are currently performing maintenance and will be back shortly.</p>',
  );
}

export function installerPage(): string {
  return page(
    'WHMCS - Security Warning',
    '<h1>Security Warning</h1>\n<p>The install folder needs to be deleted for your WHMCS to be accessible. Please delete it and then refresh this page.</p>',
  );
}

/** What nginx in front of PHP-FPM answers when the backend fails. */
export function proxyErrorPage(status: number): string {
  const heading = `${status} ${reasonPhrase(status)}`;
  return `<html>\r\n<head><title>${heading}</title></head>\r\n<body>\r\n<center><h1>${heading}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

export function rateLimitPage(): string {
  return page(
    '429 Too Many Requests',
    '<h1>Too Many Requests</h1>\n<p>You have sent too many requests in a given amount of time. Please try again later.</p>',
  );
}

export function basicAuthPage(): string {
  return page(
    '401 Unauthorized',
    '<h1>Unauthorized</h1>\n<p>This server could not verify that you are authorized to access the document requested.</p>',
  );
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
