import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { CONTRACT_ADMIN_PASSWORD } from './test/support/contract-cases';

// Tests that run inside workerd (the Workers runtime) against local D1 and R2,
// with the bindings and module rules of wrangler.toml. Offline: workerd
// ships in the npm package and local D1 is SQLite inside it.
export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      // npm run test:worker points this at the wrangler bundle (dist/worker);
      // without it the source entry runs, for quick iteration.
      main: process.env.DANBAN_WORKER_MAIN ?? './server/entry-worker.ts',
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          // the generated db/d1 files, applied by test/worker/apply-migrations.ts
          TEST_MIGRATIONS: await readD1Migrations('db/d1'),
          DANBAN_SECRET: 'worker-test-secret-'.padEnd(40, 'x'),
          DANBAN_ADMIN_PASSWORD: CONTRACT_ADMIN_PASSWORD,
          // secret ballots are re-sealed together once two wait, so the tests see it happen
          DANBAN_MIX_BATCH: '2',
        },
      },
    })),
  ],
  test: {
    // `npm run bench:worker` swaps in the timing scenario, which npm test never runs.
    include: process.env.DANBAN_WORKER_BENCH ? ['test/worker/ballot-timing.ts'] : ['test/worker/**/*.test.ts'],
    setupFiles: ['./test/worker/apply-migrations.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'hono/jsx' },
});
