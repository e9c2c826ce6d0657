import { describe, expect, it } from 'vitest';
import { createDemoPage } from './demo-page.js';

describe('createDemoPage', () => {
  it('shows a placeholder host in the snippet when the relay listens on every interface', () => {
    for (const relayUrl of ['http://0.0.0.0:8787', 'http://[::]:8787']) {
      const { html } = createDemoPage({ relayUrl });
      expect(html).toContain('src=&quot;http://RELAY-HOST:8787/ticket-counts.js&quot;');
      expect(html).not.toContain('0.0.0.0');
    }
  });

  it('escapes configuration in the element and once more in the snippet shown as text', () => {
    const { html } = createDemoPage({
      relayUrl: 'http://127.0.0.1:8787',
      adminUrl: 'https://whmcs.example/?a=1&b="x"<y>',
      adminFolder: 'staff',
    });
    expect(html).toContain(
      'admin-url="https://whmcs.example/?a=1&amp;b=&quot;x&quot;&lt;y&gt;" admin-folder="staff"></ticket-counts>',
    );
    // In the <pre>, the reader sees exactly what to paste: the attribute escaped once.
    expect(html).toContain('admin-url=&quot;https://whmcs.example/?a=1&amp;amp;b=&amp;quot;x');
    expect(html).not.toContain('"x"');
    expect(html).not.toContain('<y>');
  });

  it('leaves out admin-folder without an admin URL (no links, nothing to point into)', () => {
    const { html } = createDemoPage({ relayUrl: 'http://127.0.0.1:8787', adminFolder: 'staff' });
    expect(html).not.toContain('admin-');
  });
});
