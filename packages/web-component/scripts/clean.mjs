// Removes dist/ so files of deleted sources never linger in the published package.
import { rm } from 'node:fs/promises';

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
