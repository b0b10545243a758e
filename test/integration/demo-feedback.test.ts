import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, api, login, type TestEnv } from '../support/app';

// The demo commune (npm start) shows issue 18 at work: feedback in every
// state, one dialogue conference with its answers, and outreach recorded for
// its open campaigns.

let t: TestEnv;
let staff: string;

beforeAll(async () => {
  t = await makeTestApp({ DANBAN_DEMO: '1' });
  const password = 'demo-password-1';
  await t.deps.atomic([t.deps.db.updateTable('users').set({ password_hash: await t.deps.passwords.hash(password) }).where('username', '=', 'canbo')]);
  staff = await login(t, 'canbo', password);
}, 120_000);
afterAll(() => t?.close());

describe('the demo commune’s feedback, dialogue and outreach', () => {
  it('has feedback in every state: new, overdue, given to a department, an officer and the Ban TTND, answered, published, and cleared of personal data', async () => {
    const r = await api(t, 'GET', '/api/v1/feedback', { cookie: staff });
    const items = r.json as any[];
    const statuses = new Set(items.map((i) => i.status));
    expect([...statuses].sort()).toEqual(['answered', 'assigned', 'received']);
    expect(new Set(items.filter((i) => i.status === 'assigned').map((i) => i.assignee))).toEqual(new Set(['department', 'officer', 'inspection_board']));
    expect(items.some((i) => i.overdue)).toBe(true);
    expect(items.some((i) => i.status === 'answered' && !i.published)).toBe(true);
    expect(items.filter((i) => i.published).map((i) => i.onTime)).toEqual(expect.arrayContaining([true, false]));
    expect(items.filter((i) => i.anonymised).length).toBeGreaterThanOrEqual(2);
    expect(new Set(items.map((i) => i.channel))).toEqual(new Set(['online', 'paper', 'meeting', 'counter']));
  });

  it('shows the overdue kiến nghị in red on the staff home', async () => {
    const home = await (await t.app.request('/staff', { headers: { cookie: staff } })).text();
    expect(home).toMatch(/class="due-overdue"[^>]*><strong>1<\/strong> kiến nghị đã quá hạn/);
  });

  it('publishes one dialogue conference with every question answered, on the commune’s page', async () => {
    const list = await api(t, 'GET', '/api/v1/dialogues', { cookie: staff });
    const published = (list.json as any[]).filter((d) => d.status === 'published');
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ asked: 4, answered: 4 });
    const page = await (await t.app.request(`/x/xa-viet-khe-demo/doi-thoai/${published[0].id}`)).text();
    expect(page).toContain('Vì sao đoạn kênh N3 thi công chậm');
    expect(page).toContain('href="#tra-loi-1"');
    expect(page).toContain('id="tra-loi-4"');
  });

  it('records outreach for every open campaign, most villages in full and a few behind', async () => {
    const campaigns = (await api(t, 'GET', '/api/v1/campaigns', { cookie: staff })).json as any[];
    const open = campaigns.filter((c) => c.status === 'open');
    expect(open.length).toBe(4);
    for (const c of open) {
      const o = await api(t, 'GET', `/api/v1/campaigns/${c.id}/outreach`, { cookie: staff });
      expect(o.status).toBe(200);
      const reached = o.json.villages.filter((v: any) => v.reached).length;
      expect(reached, c.title).toBeGreaterThan(0);
      expect(o.json.villages.flatMap((v: any) => v.outreach.flatMap((x: any) => x.records)).length, c.title).toBeGreaterThan(0);
    }
    const consultation = open.find((c) => c.kind === 'consultation');
    const o = await api(t, 'GET', `/api/v1/campaigns/${consultation.id}/outreach`, { cookie: staff });
    expect(o.json.villages.find((v: any) => v.code === 'PX').reached).toBe(false);
    expect(o.json.villages.find((v: any) => v.code === 'DS').reached).toBe(true);
  });
});
