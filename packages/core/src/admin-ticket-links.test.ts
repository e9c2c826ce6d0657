import { describe, expect, it } from 'vitest';
import { adminTicketLinks } from './admin-ticket-links.js';
import { InvalidConfigurationError } from './errors/invalid-configuration-error.js';

describe('adminTicketLinks', () => {
  it('builds the ticket list links under the default admin folder', () => {
    const links = adminTicketLinks('https://example.com/billing');
    expect(links.awaitingReply).toBe('https://example.com/billing/admin/supporttickets.php');
    expect(links.allActive).toBe(
      'https://example.com/billing/admin/supporttickets.php?view=active',
    );
    expect(links.flagged).toBe('https://example.com/billing/admin/supporttickets.php?view=flagged');
  });

  it('accepts the API URL or a URL object and a renamed admin folder', () => {
    const fromApi = adminTicketLinks('https://example.com/includes/api.php', 'staff-area_2');
    expect(fromApi.awaitingReply).toBe('https://example.com/staff-area_2/supporttickets.php');
    const fromUrl = adminTicketLinks(new URL('http://127.0.0.1:8080/'), 'ops');
    expect(fromUrl.flagged).toBe('http://127.0.0.1:8080/ops/supporttickets.php?view=flagged');
  });

  it('decodes entities in a status title before URL-encoding it', () => {
    const links = adminTicketLinks('https://example.com/');
    expect(links.status('Customer-Reply')).toBe(
      'https://example.com/admin/supporttickets.php?view=Customer-Reply',
    );
    expect(links.status('On Hold')).toBe(
      'https://example.com/admin/supporttickets.php?view=On%20Hold',
    );
    expect(links.status('Billing &amp; Sales')).toBe(
      'https://example.com/admin/supporttickets.php?view=Billing%20%26%20Sales',
    );
    expect(links.status('Ünterwegs #1?')).toBe(
      'https://example.com/admin/supporttickets.php?view=%C3%9Cnterwegs%20%231%3F',
    );
  });

  it.each(['', 'admin/../x', 'a dmin', 'admin/', '../admin', 'admin?x=1'])(
    'rejects the admin folder %j',
    (folder) => {
      expect(() => adminTicketLinks('https://example.com/', folder)).toThrow(
        InvalidConfigurationError,
      );
    },
  );
});
