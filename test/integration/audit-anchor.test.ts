import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote } from '../support/campaigns';

let t: TestEnv;
let staff: string;
let slug: string;
let campaignId: string;

beforeEach(async () => {
  t = await makeTestApp();
  const [v] = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 3 }]);
  await addUser(t, { username: 'canbo', role: 'staff' });
  staff = await login(t, 'canbo');
  const c = await createCampaign(t, staff, { title: 'Hội làng', kind: 'decision', category: 'k6', villageIds: [v!.id], channels: ['online'] });
  ({ id: campaignId, slug } = c);
  const serials = await issueSerials(t, staff, campaignId);
  await openCampaign(t, staff, campaignId);
  for (const s of serials) await vote(t, s.serial, { decision: 'approve' });
  await api(t, 'POST', `/api/v1/campaigns/${campaignId}/close`, { cookie: staff });
  expect((await api(t, 'POST', `/api/v1/campaigns/${campaignId}/publish`, { cookie: staff })).status).toBe(200);
});
afterEach(() => t.close());

describe('the audit anchor published with results', () => {
  it('is shown on the public page and matches the chain', async () => {
    const published = await api(t, 'GET', `/api/v1/campaigns/${campaignId}/results`);
    const anchor = published.json.auditAnchor as { seq: number; hash: string };
    const entry = await t.deps.db.selectFrom('audit_log').select('hash').where('commune_id', '=', t.communeId).where('seq', '=', anchor.seq).executeTakeFirstOrThrow();
    expect(entry.hash).toBe(anchor.hash);
    expect(await (await t.app.request(`/r/${slug}`)).text()).toContain(anchor.hash);
    expect((await api(t, 'GET', '/api/v1/audit/verify', { cookie: staff })).json).toMatchObject({ ok: true, problems: [] });
  });

  it('shows a chain cut off at its end, which the chain alone cannot', async () => {
    const anchor = (await api(t, 'GET', `/api/v1/campaigns/${campaignId}/results`)).json.auditAnchor as { seq: number };
    await t.deps.db.deleteFrom('audit_log').where('commune_id', '=', t.communeId).where('seq', '>=', anchor.seq).execute();
    const r = await api(t, 'GET', '/api/v1/audit/verify', { cookie: staff });
    expect(r.json.ok).toBe(false);
    expect(r.json.problems).toContainEqual({ seq: anchor.seq, problem: 'anchor_missing' });
    const page = await api(t, 'GET', '/staff/audit', { cookie: staff });
    expect(page.text).toContain('dấu nhật ký đã công bố không còn khớp');
  });
});
