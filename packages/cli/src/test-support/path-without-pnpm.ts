import { accessSync, constants, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * A PATH for a user who has Node.js and npm but never installed pnpm, as the root README assumes:
 * one folder holding only sh, node, npm and npx (the system's, linked). `remove` deletes it.
 */
export function pathWithoutPnpm(): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'whmcs-ticket-counts-no-pnpm-'));
  for (const command of ['sh', 'node', 'npm', 'npx']) {
    const found = findOnPath(command);
    if (found === undefined) throw new Error(`${command} is not on PATH`);
    symlinkSync(found, join(dir, command));
  }
  return { path: dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function findOnPath(command: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}
