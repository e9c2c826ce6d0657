import * as vscode from 'vscode';

/**
 * True when VS Code runs in a browser page served over plain http from another machine. There the
 * browser withholds the crypto API, and code-server's SecretStorage (the browser's localStorage)
 * keeps secrets unencrypted instead of failing — measured with code-server 4.100.3.
 *
 * The extension host cannot see the page; `asExternalUri` can: code-server rewrites a localhost
 * address through its port proxy on the page's own origin. Without such a rewrite (desktop, other
 * embedders) nothing is known and nothing is claimed.
 */
export async function browserKeepsSecretsUnencrypted(): Promise<boolean> {
  if (vscode.env.uiKind !== vscode.UIKind.Web) return false;
  try {
    const probe = await vscode.env.asExternalUri(vscode.Uri.parse('http://localhost:9/'));
    return !isSecureContextOrigin(probe.toString());
  } catch {
    return false;
  }
}

/** How browsers judge an origin: https, or plain http on a loopback host (`127.0.0.0/8`, `localhost`). */
function isSecureContextOrigin(address: string): boolean {
  const url = new URL(address);
  if (url.protocol !== 'http:') return true;
  const host = url.hostname.toLowerCase();
  return (
    host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]'
  );
}
