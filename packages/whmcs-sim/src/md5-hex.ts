import { createHash } from 'node:crypto';

export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

export function isMd5Hex(text: string): boolean {
  return /^[0-9a-f]{32}$/i.test(text);
}
