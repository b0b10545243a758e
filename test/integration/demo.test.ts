import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, api, type TestEnv } from '../support/app';

let t: TestEnv;
afterEach(() => t?.close());

describe('the demo commune that npm start serves', () => {
  it('lists open campaigns and published results on the portal, with the road decision passed by 4 of 6 villages', async () => {
    t = await makeTestApp({ DANBAN_DEMO: '1' });
    const portal = await (await t.app.request('/x/xa-viet-khe-demo')).text(); // two communes here: each has its own portal
    for (const title of ['Chọn ngày tổ chức Hội làng Đông Sơn 2027', 'Góp ý dự thảo Kế hoạch phát triển kinh tế – xã hội xã năm 2027', 'Đóng góp làm đường bê tông liên thôn năm 2026']) {
      expect(portal).toContain(title);
    }
    const road = await t.deps.db.selectFrom('campaigns').select(['id', 'slug']).where('title', '=', 'Đóng góp làm đường bê tông liên thôn năm 2026').executeTakeFirstOrThrow();
    const r = await api(t, 'GET', `/api/v1/campaigns/${road.id}/results`);
    expect(r.status).toBe(200);
    // k1: a village passes with ⌈2H/3⌉ approvals; the commune with ⌈2·6/3⌉ = 4 villages
    const tk = r.json.villages.find((v: any) => v.code === 'TK');
    expect(tk).toMatchObject({ households: 151, questions: { decision: { counts: { approve: 96 }, required: 101, passed: false } } });
    expect(r.json.commune).toMatchObject({ villagesPassed: 4, passed: true });
  });
});
