// Issue 8, bad input: random and hostile input at the public routes and the
// staff write routes. Whatever arrives, the answer is never a 5xx, a refused
// request writes nothing, and any text echoed into a page is escaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeTestApp, addUser, login, type TestEnv } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, openCampaign, issueSerials } from '../support/campaigns';
import { FIXTURES } from '../support/app';
import { readFileSync } from 'node:fs';

let t: TestEnv;
let staff: string;
let serial: string;
let slug: string;
let villageId: string;

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const MARK = '<script>alert("x")</script>';

/** Text fields people type into, with the markup, quotes and control characters an attacker would try. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.constantFrom(MARK, '"><img src=x onerror=alert(1)>', "'; drop table ballots; --", '\u0000\u202e\ufeff', 'Nguyễn\u0301 Văn', '../../etc/passwd', '{{7*7}}'),
  fc.string({ minLength: 10_000, maxLength: 20_000 }).map((s) => s.padEnd(10_000, 'x')),
);

/** Any JSON value, deep ones included. */
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }),
  fc.record({ answers: fc.dictionary(hostileText, fc.jsonValue({ maxDepth: 3 })) }),
  fc.constantFrom(1e308, -0, Number.MAX_SAFE_INTEGER + 2, '𝔡'.repeat(1000)),
);

/** Bodies as bytes: JSON, broken JSON, invalid UTF-8, binary. */
const anyBytes = fc.oneof(
  anyJson.map((v) => new TextEncoder().encode(JSON.stringify(v) ?? 'null')),
  fc.uint8Array({ maxLength: 2000 }),
  // nesting deeper than any parser's stack, sent as text
  fc.integer({ min: 1000, max: 100_000 }).map((d) => new TextEncoder().encode(`{"answers":${'['.repeat(d)}${']'.repeat(d)}}`)),
  fc.constant(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
  fc.string({ maxLength: 200 }).map((s) => new TextEncoder().encode(`{"title": ${s}`)),
);

async function counts() {
  const tables = ['ballots', 'serial_uses', 'campaigns', 'villages', 'households', 'users', 'audit_log'] as const;
  const out: Record<string, number> = {};
  for (const table of tables) {
    const r = await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  return out;
}

async function send(method: string, path: string, body: Uint8Array | string | undefined, headers: Record<string, string>) {
  const res = await t.app.request(path, { method, headers, body: body as BodyInit });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? '' };
}

function expectSafe(r: { status: number; text: string; type: string }) {
  expect(r.status, r.text.slice(0, 300)).toBeLessThan(500);
  if (r.type.includes('text/html')) expect(r.text).not.toContain(MARK);
  if (r.type.includes('application/json') && r.status >= 400) {
    const body = JSON.parse(r.text);
    expect(body.error.code).toEqual(expect.any(String));
    expect(body.error.message).toEqual(expect.any(String));
  }
}

beforeAll(async () => {
  t = await makeTestApp();
  const [v] = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 400 }]);
  villageId = v!.id;
  await addUser(t, { username: 'canbo', role: 'staff' });
  staff = await login(t, 'canbo');
  const decision = await createCampaign(t, staff, { title: 'Hội làng', kind: 'decision', category: 'k6', villageIds: [villageId], channels: ['online'] });
  const serials = await issueSerials(t, staff, decision.id);
  await openCampaign(t, staff, decision.id);
  serial = serials[0]!.serial;
  const survey = await createCampaign(t, staff, { title: 'Một cửa', kind: 'satisfaction', villageIds: [villageId], channels: ['online'], template: 'one-stop-rating' });
  await openCampaign(t, staff, survey.id);
  slug = survey.slug;
}, 60_000);
afterAll(() => t.close());

describe('hostile input never breaks a route', () => {
  it('POST /api/v1/ballots/:serial: any body is a 201 or a clear 4xx, and a refused one stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'), async (body, type) => {
        const before = await counts();
        const r = await send('POST', `/api/v1/ballots/${serial}`, body, { 'content-type': type });
        expectSafe(r);
        if (r.status !== 201) expect(await counts()).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('POST /api/v1/ballots/:serial: hostile serials in the path are 404/429, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (s) => {
        const r = await send('POST', `/api/v1/ballots/${encodeURIComponent(s.slice(0, 500)) || 'x'}`, '{"answers":{"decision":"approve"}}', { 'content-type': 'application/json' });
        expectSafe(r);
        expect([404, 429]).toContain(r.status);
      }),
      { numRuns: RUNS },
    );
  });

  it('the ballot form, the serial form, the receipt check and the anonymous survey escape whatever is sent back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.oneof(fc.constantFrom('decision', 'decision-Comment', 'otherOpinion', 'serial', '_idem', 'rating', 'reasons'), hostileText), hostileText, { maxKeys: 6 }), async (fields) => {
        const form = new URLSearchParams(fields).toString();
        const headers = { 'content-type': 'application/x-www-form-urlencoded' };
        for (const path of [`/b/${serial}-fuzz`, '/b', `/s/${slug}`]) expectSafe(await send('POST', path, form, headers));
        expectSafe(await send('GET', `/verify?code=${encodeURIComponent(Object.values(fields)[0] ?? MARK)}`, undefined, {}));
      }),
      { numRuns: RUNS },
    );
  });

  it('every public GET route, with hostile path parameters and query strings, answers below 500 and escapes what it echoes', async () => {
    const publicGets = [...new Set(t.app.routes.filter((r) => r.method === 'GET').map((r) => r.path))]
      .filter((p) => !p.startsWith('/staff') && !p.startsWith('/api/v1/users') && !p.startsWith('/api/v1/communes') && !p.startsWith('/api/v1/audit'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...publicGets), hostileText, hostileText, async (route, param, query) => {
        const path = route.replace(/:\w+/g, () => encodeURIComponent(param.slice(0, 300)) || 'x');
        const q = `?lang=${encodeURIComponent(query.slice(0, 200))}&next=${encodeURIComponent(query.slice(0, 200))}&back=${encodeURIComponent(query.slice(0, 200))}&code=${encodeURIComponent(query.slice(0, 200))}&to=en`;
        expectSafe(await send('GET', path + q, undefined, { accept: 'text/html' }));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('the sign-in form refuses any field values without a 5xx and echoes them escaped', async () => {
    const page = await t.app.request('/login');
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? '';
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (username, password) => {
        const body = new URLSearchParams({ _csrf: token, username: username.slice(0, 2000), password: password.slice(0, 2000) }).toString();
        const r = await send('POST', '/login', body, { 'content-type': 'application/x-www-form-urlencoded', cookie });
        expectSafe(r);
        expect(r.status).not.toBe(303);
      }),
      { numRuns: RUNS },
    );
  });

  it('POST /api/v1/auth/login: any body is 401, 415, 400, 413 or 422 and never signs in', async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, async (body) => {
        const r = await send('POST', '/api/v1/auth/login', body, { 'content-type': 'application/json', 'x-forwarded-for': `fuzz-${Math.random()}` });
        expectSafe(r);
        expect(r.status).not.toBe(200);
      }),
      { numRuns: RUNS },
    );
  });

  it('staff write routes: any body is a clear 4xx or a success, and a refused one changes nothing', async () => {
    const routes = ['/api/v1/campaigns', '/api/v1/villages', '/api/v1/users'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), anyBytes, async (path, body) => {
        const before = await counts();
        const r = await send('POST', path, body, { 'content-type': 'application/json', cookie: staff });
        expectSafe(r);
        if (r.status >= 400) expect(await counts()).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('household import: truncated, corrupted or random files are refused with a 4xx and import nothing', async () => {
    const xlsx = readFileSync(`${FIXTURES}register-clean.xlsx`);
    const csv = readFileSync(`${FIXTURES}register-clean.csv`);
    const broken = fc.oneof(
      fc.integer({ min: 0, max: xlsx.length - 1 }).map((n) => ({ bytes: xlsx.subarray(0, n), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })),
      fc.uint8Array({ maxLength: 5000 }).map((b) => ({ bytes: b, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })),
      fc.uint8Array({ maxLength: 5000 }).map((b) => ({ bytes: b, type: 'text/csv' })),
      fc.integer({ min: 1, max: 2000 }).map((n) => ({ bytes: csv.subarray(0, n), type: 'text/csv' })),
    );
    await fc.assert(
      fc.asyncProperty(broken, async ({ bytes, type }) => {
        const before = await counts();
        const r = await send('POST', '/api/v1/households/import', new Uint8Array(bytes), { 'content-type': type, cookie: staff });
        expectSafe(r);
        // a truncated CSV may still hold whole good rows: those are kept, the rest reported
        if (r.status !== 200) expect(await counts()).toEqual(before);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
