import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestEnv } from '../support/app';
import { contractGroups, CONTRACT_ADMIN_PASSWORD } from '../support/contract-cases';
import { createApp } from '../../server/app';
import { loadPrintFonts } from '../../server/runtime/fonts-node';

// The docs/api.md contract on Node + better-sqlite3; test/worker/contract.test.ts
// runs the very same cases inside workerd against local D1.
let t: TestEnv | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

for (const [group, cases] of contractGroups()) {
  describe(`API contract on Node: ${group}`, () => {
    for (const c of cases) {
      it(c.name, async () => {
        expect.hasAssertions(); // the expectations live in the shared cases
        t = await makeTestApp({ DANBAN_ADMIN_PASSWORD: CONTRACT_ADMIN_PASSWORD });
        const app = createApp({ ...t.deps, fonts: loadPrintFonts });
        let requests = 0;
        await c.run((url, init) => (requests++, Promise.resolve(app.request(url, init))));
        expect(requests).toBeGreaterThan(0);
      });
    }
  });
}
