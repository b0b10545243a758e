// docs/api.md is the HTTP contract as implemented. These tests keep it true:
// every route of the app's own route table is documented, nothing is
// documented that the app does not serve, and the code → status table is the
// one in server/http/errors.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeTestApp, type TestEnv } from '../support/app';
import { ERROR_STATUS } from '../../server/http/errors';

const doc = readFileSync(fileURLToPath(new URL('../../docs/api.md', import.meta.url)), 'utf8');

// "## Not implemented yet" lists contract routes the app does not serve yet.
const PLANNED_HEADING = '## Not implemented yet';
const plannedStart = doc.indexOf(PLANNED_HEADING);
const plannedEnd = plannedStart < 0 ? -1 : doc.indexOf('\n## ', plannedStart + PLANNED_HEADING.length);
const planned = plannedStart < 0 ? '' : doc.slice(plannedStart, plannedEnd < 0 ? undefined : plannedEnd);
const documented = plannedStart < 0 ? doc : doc.slice(0, plannedStart) + (plannedEnd < 0 ? '' : doc.slice(plannedEnd));

/** Every `METHOD /path` in code quotes, without its query string. */
function routesIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/[^`\s?]*)(\?[^`]*)?`/g)) found.add(`${m[1]} ${m[2]}`);
  return found;
}

let t: TestEnv;
let served: Set<string>;
beforeAll(async () => {
  t = await makeTestApp();
  served = new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
});
afterAll(() => t.close());

describe('docs/api.md', () => {
  it('documents every route the app serves', () => {
    expect(served.size).toBeGreaterThan(50);
    const missing = [...served].filter((r) => !routesIn(documented).has(r));
    expect(missing).toEqual([]);
  });

  it('documents no route the app does not serve (planned ones only under "Not implemented yet")', () => {
    const invented = [...routesIn(documented)].filter((r) => !served.has(r));
    expect(invented).toEqual([]);
    const landed = [...routesIn(planned)].filter((r) => served.has(r));
    expect(landed).toEqual([]);
  });

  it('gives the code → status table of server/http/errors.ts, every code once', () => {
    const rows = [...doc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1]!, Number(m[2])] as const);
    expect(rows.length).toBe(new Set(rows.map(([code]) => code)).size);
    expect(Object.fromEntries(rows)).toEqual(ERROR_STATUS);
  });
});
