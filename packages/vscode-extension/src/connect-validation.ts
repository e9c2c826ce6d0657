import { InvalidConfigurationError, resolveWhmcsUrl } from '@whmcs-ticket-counts/core';
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
  // Whatever else core refuses (the admin area's address, with the base URL to give instead).
  try {
    resolveWhmcsUrl(value);
  } catch (error) {
    if (error instanceof InvalidConfigurationError) return error.message;
    throw error;
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
