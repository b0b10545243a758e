import { describe, expect, it } from 'vitest';
import { exports } from 'cloudflare:workers';
import { contractGroups } from '../support/contract-cases';

// The docs/api.md contract inside workerd: every request goes through the Worker's
// fetch handler with D1, R2 and the bundled font, and meets the same
// expectations as test/integration/contract.test.ts on Node. `npm test` runs
// it against the bundle `wrangler deploy` uploads (dist/worker), so what is
// tested is what ships, pdfkit's browser build included.
const worker = exports.default;

for (const [group, cases] of contractGroups()) {
  describe(`API contract on Workers + D1: ${group}`, () => {
    for (const c of cases) {
      it(c.name, async () => {
        expect.hasAssertions(); // the expectations live in the shared cases
        let requests = 0;
        await c.run((url, init) => (requests++, worker.fetch(url, init)));
        expect(requests).toBeGreaterThan(0);
      });
    }
  });
}
