/**
 * The demo page: static HTML whatever WHMCS says (the element fetches the counts itself), so
 * nothing upstream can inject markup. Scripts only from the relay itself. Styles allow inline
 * because the element puts a <style> in its shadow root, which style-src governs too; with no
 * script and no injected markup, inline CSS adds no way in.
 */
export interface DemoPage {
  readonly html: string;
  readonly contentSecurityPolicy: string;
}

const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0; padding: 2rem; background: #f4f5f7; color: #1d2330; }
main { max-width: 56rem; margin: 0 auto; }
.panels { display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
.panel { border-radius: 0.75rem; padding: 1.25rem; }
.panel h2 { margin-top: 0; font-size: 1rem; }
.light { background: #ffffff; color: #1d2330; color-scheme: light; border: 1px solid #d9dde5; }
.dark { background: #161b22; color: #e6edf3; color-scheme: dark; border: 1px solid #30363d; }
code { font-size: 0.9em; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; padding: 0.75rem; border-radius: 0.5rem; background: rgba(127, 127, 127, 0.12); }
@media (prefers-color-scheme: dark) { body { background: #0d1117; color: #e6edf3; } }
`;

export interface DemoPageOptions {
  /** The address the relay listens on, for the copy-and-paste snippet. */
  relayUrl: string;
  /** The WHMCS base URL for the element's admin links; none means no links and no WHMCS address. */
  adminUrl?: string | undefined;
  /** WHMCS's admin folder, if renamed; only used with adminUrl. */
  adminFolder?: string | undefined;
}

export function createDemoPage(options: DemoPageOptions): DemoPage {
  const links =
    options.adminUrl === undefined
      ? ''
      : ` admin-url="${escapeHtml(options.adminUrl)}"${
          options.adminFolder === undefined
            ? ''
            : ` admin-folder="${escapeHtml(options.adminFolder)}"`
        }`;
  const element = `<ticket-counts src="/ticket-counts" refresh="live"${links}></ticket-counts>`;
  const base = snippetBase(options.relayUrl);
  // Shown as text: the same element, with absolute URLs for a page on another origin.
  const snippet = escapeHtml(
    `<script type="module" src="${base}/ticket-counts.js"></script>\n` +
      `<ticket-counts src="${base}/ticket-counts" refresh="live"${links}></ticket-counts>`,
  );
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>WHMCS ticket counts</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
<script type="module" src="/ticket-counts.js"></script>
</head>
<body>
<main>
<h1>WHMCS ticket counts</h1>
<p>Live counts from this relay, through the <code>&lt;ticket-counts&gt;</code> element. The page itself is static: the element reads <code>/ticket-counts</code> and listens on <code>/ticket-counts/events</code>.</p>
<div class="panels">
<section class="panel light" aria-label="Light theme">
<h2>Light</h2>
${element}
</section>
<section class="panel dark" aria-label="Dark theme">
<h2>Dark</h2>
${element}
</section>
</div>
<h2>Embed it in another page</h2>
<p>Paste this into the page, use the address your viewers reach this relay at if it differs (behind a reverse proxy, for instance), and add that page's origin to the relay's allowed origins:</p>
<pre><code>${snippet}</code></pre>
</main>
</body>
</html>
`;
  const contentSecurityPolicy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, contentSecurityPolicy };
}

/** A relay bound to every interface has no single address to show; say what to put there. */
function snippetBase(relayUrl: string): string {
  const url = new URL(relayUrl);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') {
    return `${url.protocol}//RELAY-HOST:${url.port}`;
  }
  return url.origin;
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
