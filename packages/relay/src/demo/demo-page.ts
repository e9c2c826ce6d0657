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
@media (prefers-color-scheme: dark) { body { background: #0d1117; color: #e6edf3; } }
`;

export function createDemoPage(adminUrl: string | undefined): DemoPage {
  const adminAttribute = adminUrl === undefined ? '' : ` admin-url="${escapeAttribute(adminUrl)}"`;
  const element = `<ticket-counts src="/ticket-counts" refresh="live"${adminAttribute}></ticket-counts>`;
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
<p>Embed it elsewhere with <code>&lt;script type="module" src="…/ticket-counts.js"&gt;&lt;/script&gt;</code> and the tag above.</p>
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

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
