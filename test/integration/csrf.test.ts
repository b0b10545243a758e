// Issue 14, finding 3: a body-less POST with the staff cookie, `Origin: null`
// and `Sec-Fetch-Site: same-site` opened, closed and published campaigns. A
// sandboxed iframe or a sibling subdomain sends exactly that, and the old
// check asked for the token only on form bodies and trusted `null`. Now every
// cookie-authenticated unsafe request from a browser carries the session's
// token unless it is JSON (which a browser cannot send cross-site without a
// CORS preflight): `null` proves nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, issueSerials, openCampaign, vote } from '../support/campaigns';

let t: TestEnv;
let staff: string;
let villageId: string;

beforeEach(async () => {
  t = await makeTestApp();
  villageId = (await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 3 }]))[0]!.id;
  await addUser(t, { username: 'canbo', role: 'staff' });
  staff = await login(t, 'canbo');
});
afterEach(() => t.close());

async function campaign(state: 'draft' | 'open' | 'closed') {
  const { id } = await createCampaign(t, staff, { title: 'Hội làng', kind: 'decision', category: 'k6', villageIds: [villageId], channels: ['online'] });
  if (state === 'draft') return id;
  const serials = await issueSerials(t, staff, id);
  await openCampaign(t, staff, id);
  await vote(t, serials[0]!.serial, { decision: 'approve' });
  if (state === 'closed') expect((await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff })).status).toBe(200);
  return id;
}

const statusOf = async (id: string) => (await api(t, 'GET', `/api/v1/campaigns/${id}`, { cookie: staff })).json.status as string;

/** What a sandboxed iframe (`Origin: null`) on a sibling subdomain sends: the cookie goes along (SameSite=Lax is per site). */
const foreignFrame = { origin: 'null', 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'navigate' };

function post(path: string, headers: Record<string, string>, body?: string) {
  return t.app.request(path, { method: 'POST', headers: { cookie: staff, ...headers }, body });
}

describe('a body-less POST with the staff cookie from Origin: null', () => {
  it('does not open, close or publish a campaign, on the API or the staff pages', async () => {
    const draft = await campaign('draft');
    const open = await campaign('open');
    const closed = await campaign('closed');
    const tries: [string, string][] = [
      [`/api/v1/campaigns/${draft}/open`, draft], [`/staff/campaigns/${draft}/open`, draft],
      [`/api/v1/campaigns/${open}/close`, open], [`/staff/campaigns/${open}/close`, open],
      [`/api/v1/campaigns/${closed}/publish`, closed], [`/staff/campaigns/${closed}/publish`, closed],
    ];
    for (const [path] of tries) {
      const r = await post(path, foreignFrame);
      expect(r.status, path).toBe(403);
      expect((await r.json()).error.code, path).toBe('CSRF_FAILED');
      // Origin: null alone, and null from the same site's own frame, prove nothing either
      expect((await post(path, { origin: 'null' })).status, path).toBe(403);
      expect((await post(path, { origin: 'null', 'sec-fetch-site': 'same-origin' })).status, path).toBe(403);
    }
    expect([await statusOf(draft), await statusOf(open), await statusOf(closed)]).toEqual(['draft', 'open', 'closed']);
    expect((await api(t, 'GET', `/api/v1/campaigns/${closed}/publications`, { cookie: staff })).json).toEqual([]);
  });

  it('is refused with any body a page can send without a preflight, and with a wrong token', async () => {
    const draft = await campaign('draft');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream', 'text/plain; note=json']) {
      const r = await post(`/api/v1/campaigns/${draft}/open`, { ...foreignFrame, 'content-type': type }, '{}');
      expect(r.status, type).toBe(403);
    }
    expect((await post(`/api/v1/campaigns/${draft}/open`, { ...foreignFrame, 'x-csrf-token': 'not-the-token' })).status).toBe(403);
    expect(await statusOf(draft)).toBe('draft');
  });
});

describe('what still works', () => {
  const token = async () => (await api(t, 'GET', '/api/v1/me', { cookie: staff })).json.csrfToken as string;

  it('a request carrying the session token in the X-CSRF-Token header', async () => {
    const draft = await campaign('draft');
    expect((await post(`/api/v1/campaigns/${draft}/open`, { ...foreignFrame, 'x-csrf-token': await token() })).status).toBe(200);
    expect(await statusOf(draft)).toBe('open');
  });

  it('JSON, which no page of another origin can send without a CORS preflight', async () => {
    const draft = await campaign('draft');
    const r = await post(`/api/v1/campaigns/${draft}/open`, { origin: 'null', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }, '{}');
    expect(r.status).toBe(200);
  });

  it('scripts that send no browser headers (the API contract: a cookie and nothing more)', async () => {
    const draft = await campaign('draft');
    expect((await post(`/api/v1/campaigns/${draft}/open`, {})).status).toBe(200);
  });

  it('the staff forms, which post the token field, even where the browser sends Origin: null (Referrer-Policy: no-referrer)', async () => {
    const draft = await campaign('draft');
    const page = await (await t.app.request(`/staff/campaigns/${draft}`, { headers: { cookie: staff, accept: 'text/html' } })).text();
    const field = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const form = (extra: Record<string, string> = {}) => new URLSearchParams({ _csrf: field, ...extra }).toString();
    const sameOrigin = { origin: 'null', 'sec-fetch-site': 'same-origin', accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' };
    const opened = await post(`/staff/campaigns/${draft}/open`, sameOrigin, form());
    expect(opened.status).toBe(303);
    expect(await statusOf(draft)).toBe('open');
    const out = await post('/logout', sameOrigin, form());
    expect(out.status).toBe(303);
    expect((await api(t, 'GET', '/api/v1/me', { cookie: staff })).status).toBe(401);
  });

  it('the sign-in form, which has no session yet and carries its own token', async () => {
    const page = await t.app.request('/login');
    const field = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const r = await t.app.request('/login', {
      method: 'POST',
      headers: { cookie, origin: 'null', 'sec-fetch-site': 'same-origin', accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: field, username: 'canbo', password: 'password123' }).toString(),
    });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/staff');
  });
});
