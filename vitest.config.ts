import { defineConfig } from 'vitest/config';

// `npm test` runs every project here (then the Worker tests, in workerd, from
// vitest.workers.config.ts); `npm run test:unit` runs the fast tier alone.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        // Pure rules and small modules: no database, no processes, no module
        // state worth isolating, so one thread pool without per-file isolation
        // keeps the tier under 10 s on two cores.
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], pool: 'threads', isolate: false },
      },
      {
        extends: true,
        // Seconds each: the survey-core agreement run on generated answers,
        // the PDF round trips (pdftotext, zbarimg) and the results CSV opened
        // in LibreOffice (soffice).
        test: { name: 'slow', include: ['test/slow/**/*.test.ts'] },
      },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'] } },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'] } },
    ],
  },
});
