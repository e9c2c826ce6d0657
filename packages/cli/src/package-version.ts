import { createRequire } from 'node:module';

/** The version in this package's package.json (read at run time so it cannot drift). */
export function packageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../package.json') as { version: string }).version;
}
