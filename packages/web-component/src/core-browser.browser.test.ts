import { adminTicketLinks as coreAdminTicketLinks } from '@whmcs-ticket-counts/core/browser';
import { describe, expect, it } from 'vitest';
import { adminTicketLinks } from './core-browser.js';

describe('adminTicketLinks', () => {
  it.each([
    'https://billing.example.com',
    'https://billing.example.com/whmcs',
    'https://billing.example.com/whmcs/',
    'https://billing.example.com/whmcs/?tab=1#top',
    // What the relay and the extension are configured with: people paste it here too.
    'https://billing.example.com/whmcs/includes/api.php',
    'https://billing.example.com/includes/api.php/',
    'https://billing.example.com/Includes/API.php?x=1',
  ])('builds the links core builds from %s', (base) => {
    const ours = adminTicketLinks(new URL(base), 'staff');
    const core = coreAdminTicketLinks(base, 'staff');
    expect({ ...ours, status: ours.status('Billing &amp; Sales') }).toEqual({
      ...core,
      status: core.status('Billing &amp; Sales'),
    });
  });
});
