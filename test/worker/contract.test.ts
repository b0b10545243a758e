import { describe, it } from 'vitest';
import { exports } from 'cloudflare:workers';
import { contractGroups } from '../support/contract-cases';

// The API.md contract inside workerd: every request goes through the Worker's
// own fetch handler (server/entry-worker.ts) with D1, R2 and the bundled font,
// and meets the same expectations as test/integration/contract.test.ts on Node.
const worker = exports.default;

for (const [group, cases] of contractGroups()) {
  describe(`API contract on Workers + D1: ${group}`, () => {
    for (const c of cases) it(c.name, () => c.run((url, init) => worker.fetch(url, init)));
  });
}
