import { readFileSync } from 'node:fs';
import { InvalidConfigurationError } from '../errors/invalid-configuration-error.js';
import { wording } from '../wording.js';

/** Reads a PEM CA bundle once, at set-up, so a bad path fails early and clearly. */
export function readCaFile(path: string): string {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new InvalidConfigurationError(
      wording`The CA file ${path} could not be read (${typeof code === 'string' ? code : 'error'}); check the path and its permissions.`,
      { field: 'caFile' },
    );
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new InvalidConfigurationError(
      wording`The CA file ${path} holds no PEM certificate; point it at a PEM file with -----BEGIN CERTIFICATE----- blocks.`,
      { field: 'caFile' },
    );
  }
  return pem;
}
