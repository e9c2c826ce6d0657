import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // End-to-end tests spawn the real command (Node start-up, often twice per test) on a shared
    // 2-core machine; the default 5 s is a flake, not a finding. Every wait inside is bounded too.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
