import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Unit tests may import the glue: `vscode` resolves to a recording stub there.
        resolve: {
          alias: { vscode: fileURLToPath(new URL('test/support/vscode-stub.ts', import.meta.url)) },
        },
        test: { name: 'unit', include: ['src/**/*.test.ts'] },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // One real code-server at a time: the machine has two cores and shares them.
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
