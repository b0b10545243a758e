import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote } from '../support/campaigns';

let t: TestEnv;
let villages: SeededVillage[];

beforeEach(async () => {
  t = await makeTestApp();
  villages = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 4 }, { code: 'TH', name: 'Thôn Trung Hà', households: 3 }]);
  await addUser(t, { username: 'canbo', role: 'staff' });
  await addUser(t, { username: 'truongthon.th', role: 'village_head', villageId: villages[1]!.id });
});
afterEach(() => t.close());

describe('the staff home', () => {
  it('shows each open campaign with households that answered per village, and a village head only their village', async () => {
    const staff = await login(t, 'canbo');
    const { id } = await createCampaign(t, staff, { title: 'Chọn ngày Hội làng', kind: 'decision', category: 'k6', villageIds: villages.map((v) => v.id), channels: ['online'],
      onlineApproval: { note: 'Họp thôn: các hộ đồng ý biểu quyết trực tuyến' } });
    const serials = await issueSerials(t, staff, id);
    await openCampaign(t, staff, id);
    for (const s of serials.filter((x) => x.villageId === villages[0]!.id).slice(0, 3)) await vote(t, s.serial, { decision: 'approve' });

    const home = await api(t, 'GET', '/staff', { cookie: staff });
    expect(home.status).toBe(200);
    expect(home.text).toContain('Chọn ngày Hội làng');
    expect(home.text).toMatch(/Thôn Đông Sơn[\s\S]*?75/); // 3 of 4 households: 75 %
    expect(home.text).toContain('Thôn Trung Hà');

    const head = await api(t, 'GET', '/staff', { cookie: await login(t, 'truongthon.th') });
    expect(head.text).toContain('Chọn ngày Hội làng');
    expect(head.text).toContain('Thôn Trung Hà');
    expect(head.text).not.toContain('Thôn Đông Sơn');
  });
});
