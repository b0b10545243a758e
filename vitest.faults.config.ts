import { defineConfig } from 'vitest/config';

// npm run test:faults: the kill-and-restart run against a real server process.
export default defineConfig({
  test: { include: ['test/faults/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 120_000, pool: 'forks' },
});
