import type { Translate } from './translate.js';

/** InputBox validators for the Connect… flow: each returns a message, or undefined when fine. */

export function validateWhmcsUrl(input: string, t: Translate): string | undefined {
  const value = input.trim();
  if (value === '') return t('Enter the address of your WHMCS installation.');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return t('Enter a full address starting with https://, e.g. https://billing.example.com/.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return t('Only https:// (or http://) addresses can reach WHMCS.');
  }
  if (url.username || url.password) {
    return t('Leave credentials out of the address; you enter them in the next steps.');
  }
  return undefined;
}

export function validateRequired(input: string, what: string, t: Translate): string | undefined {
  return input.trim() === '' ? t('Enter the {0}.', what) : undefined;
}

// WHMCS documents these characters for $api_access_key.
const accessKeyPattern = /^[A-Za-z0-9!@#$%.()*[\]\-_]*$/;

export function validateAccessKey(input: string, t: Translate): string | undefined {
  return accessKeyPattern.test(input)
    ? undefined
    : t('An access key holds only letters, digits and ! @ # $ % . ( ) * [ ] - _');
}

/** True when the URL is plain http and not on this machine: credentials would travel readable. */
export function isInsecureRemoteUrl(input: string): boolean {
  try {
    const url = new URL(input.trim());
    return (
      url.protocol === 'http:' &&
      !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname.toLowerCase())
    );
  } catch {
    return false;
  }
}

/**
 * A hint, not a refusal, for an address inside WHMCS's admin area (copied from the browser while
 * logged in): its API is not there, so the check would only find a 404.
 */
export function adminAreaHint(input: string, t: Translate): string | undefined {
  let path: string;
  try {
    path = new URL(input.trim()).pathname;
  } catch {
    return undefined;
  }
  return /\/admin(\/[^/]*)?$/i.test(path)
    ? t(
        'This looks like the WHMCS admin area; enter the address of WHMCS itself, without /admin/ (press Enter if WHMCS really lives there).',
      )
    : undefined;
}
