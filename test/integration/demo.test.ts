import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, api, login, type TestEnv } from '../support/app';

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

  it('reads true under issue 12’s rules: the road is the commune’s, the board election fills the inspection board, the festival’s online ballots bind where Đông Sơn agreed', async () => {
    t = await makeTestApp({ DANBAN_DEMO: '1' });
    const byTitle = async (title: string) => (await t.deps.db.selectFrom('campaigns').select(['id']).where('title', '=', title).executeTakeFirstOrThrow()).id;
    const road = (await api(t, 'GET', `/api/v1/campaigns/${await byTitle('Đóng góp làm đường bê tông liên thôn năm 2026')}/results`)).json;
    expect(road.campaign.scope).toBe('commune');
    expect(road.commune).toMatchObject({ rule: 'commune_threshold', villages: 6, requiredVillages: 4, adopted: ['decision'], questions: { decision: { villagesPassed: 4, required: 4, passed: true } } });
    for (const v of road.villages) expect(v.participated).toBeLessThanOrEqual(v.households);

    const board = (await api(t, 'GET', `/api/v1/campaigns/${await byTitle('Bầu thành viên Ban Thanh tra nhân dân xã nhiệm kỳ 2026–2031')}/results`)).json;
    expect(board.campaign.board).toBe('inspection');
    // Tây Kiếm's 110 present could reach the 76 votes needed, but no candidate did: its seat stays open
    expect(board.villages.find((v: any) => v.code === 'TK')).toMatchObject({ elected: [], unfilledSeats: 1, seats: 1 });
    expect(board.commune.roster).toMatchObject({ members: expect.any(Array), short: true });

    // the open k6 festival: staff see 163 online ballots binding, Đông Sơn's 268 of 412 households having agreed
    await addUser(t, { username: 'canbo.kiemtra', role: 'staff' });
    const staff = await login(t, 'canbo.kiemtra');
    const festival = (await api(t, 'GET', `/api/v1/campaigns/${await byTitle('Chọn ngày tổ chức Hội làng Đông Sơn 2027')}/results`, { cookie: staff })).json;
    expect(festival.villages[0]).toMatchObject({
      households: 412, participated: 163, basis: 'online', advisory: null,
      onlineAgreement: { onRecord: true, households: 268, required: 207, method: 'meeting', date: '2026-11-02' },
    });
  });
  it('shows one result recognised by the UBND xã (the village head of Tây Kiếm) and one awaiting the UBMTTQ xã (the inspection board)', async () => {
    t = await makeTestApp({ DANBAN_DEMO: '1' });
    const bySlugOf = async (title: string) => t.deps.db.selectFrom('campaigns').select(['id', 'slug']).where('title', '=', title).executeTakeFirstOrThrow();
    const head = await bySlugOf('Bầu Trưởng thôn Tây Kiếm nhiệm kỳ 2026–2031');
    expect((await api(t, 'GET', `/api/v1/campaigns/${head.id}/recognition`)).json).toMatchObject({ state: 'recognised', body: 'ubnd_xa', recognition: { number: '128/QĐ-UBND' } });
    expect(await (await t.app.request(`/r/${head.slug}`)).text()).toContain('Đã được UBND xã công nhận theo Quyết định số 128/QĐ-UBND');
    const board = await bySlugOf('Bầu thành viên Ban Thanh tra nhân dân xã nhiệm kỳ 2026–2031');
    expect((await api(t, 'GET', `/api/v1/campaigns/${board.id}/recognition`)).json).toMatchObject({ state: 'awaiting', body: 'ubmttq_xa' });
    expect(await (await t.app.request(`/r/${board.slug}`)).text()).toContain('Trúng cử, chờ công nhận');
    // every demo meeting kept a complete record (secretary, method, counting board): no published result says otherwise
    for (const c of [head, board]) {
      const published = (await api(t, 'GET', `/api/v1/campaigns/${c.id}/results`)).json;
      expect(published.villages.flatMap((v: { warnings: { code: string }[] }) => v.warnings.map((w) => w.code))).not.toContain('meeting_record_incomplete');
    }
  });
});

