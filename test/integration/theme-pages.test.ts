import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote } from '../support/campaigns';
import { expectRouteSecured } from '../support/security';

let t: TestEnv;
let staff: string;
let campaignId: string;

const form = (cookie: string, fields: [string, string][]) => ({
  cookie, body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

beforeEach(async () => {
  t = await makeTestApp();
  const [v] = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 4 }]);
  await addUser(t, { username: 'canbo', role: 'staff' });
  staff = await login(t, 'canbo');
  const c = await createCampaign(t, staff, { title: 'Góp ý Kế hoạch 2027', kind: 'consultation', villageIds: [v!.id], channels: ['online'], template: 'consultation' });
  campaignId = c.id;
  const serials = await issueSerials(t, staff, campaignId);
  await openCampaign(t, staff, campaignId);
  const opinions = ['Cần nạo vét kênh tưới tiêu.', 'Nạo vét kênh trước mùa mưa.', 'Thêm đèn đường trục thôn.'];
  for (const [i, text] of opinions.entries()) {
    const answers = { s1_opinion: 'agree_with_comments', s1_comment: text, s2_opinion: 'agree', s3_opinion: 'agree', s4_opinion: 'agree', s5_opinion: 'agree' };
    expect((await vote(t, serials[i]!.serial, answers)).status).toBe(201);
  }
});
afterEach(() => t.close());

describe('grouping and answering consultation opinions', () => {
  it('lists the opinions, groups the chosen ones under a new theme with its answer, and publishes the answer', async () => {
    const page = await api(t, 'GET', `/staff/campaigns/${campaignId}/themes`, { cookie: staff });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Cần nạo vét kênh tưới tiêu.');
    expect(page.text).toContain('Ý kiến chưa xếp nhóm (3)');

    const created = await api(t, 'POST', `/staff/campaigns/${campaignId}/themes`, form(staff, [
      ['title', 'Thủy lợi nội đồng'], ['response', 'UBND xã tiếp thu: bổ sung nạo vét 2,5 km kênh trong quý I/2027.'], ['accepted', 'yes'],
    ]));
    expect(created.status).toBe(303);
    const board = await api(t, 'GET', `/staff/campaigns/${campaignId}/themes`, { cookie: staff });
    const themeId = /action="\/staff\/campaigns\/[^/]+\/themes\/([^"]+)"/.exec(board.text)![1]!;
    const values = [...board.text.matchAll(/name="opinion" value="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    const canal = values.filter((_, i) => i < 2);
    const grouped = await api(t, 'POST', `/staff/campaigns/${campaignId}/themes/group`, form(staff, [...canal.map((v) => ['opinion', v] as [string, string]), ['themeId', themeId]]));
    expect(grouped.status).toBe(303);
    expect((await api(t, 'GET', `/staff/campaigns/${campaignId}/themes`, { cookie: staff })).text).toContain('Ý kiến chưa xếp nhóm (1)');

    t.clock.advance(21 * 86_400_000);
    staff = await login(t, 'canbo');
    await api(t, 'POST', `/api/v1/campaigns/${campaignId}/close`, { cookie: staff });
    expect((await api(t, 'POST', `/api/v1/campaigns/${campaignId}/publish`, { cookie: staff })).status).toBe(200);
    const published = await api(t, 'GET', `/api/v1/campaigns/${campaignId}/results`);
    expect(JSON.stringify(published.json)).toContain('UBND xã tiếp thu: bổ sung nạo vét 2,5 km kênh trong quý I/2027.');
  });

  it('names the missing theme title in place', async () => {
    const r = await api(t, 'POST', `/staff/campaigns/${campaignId}/themes`, form(staff, [['title', '  ']]));
    expect(r.status).toBe(422);
    expect(r.text).toContain('Tên nhóm ý kiến không được để trống.');
  });

  it('is for commune staff only', async () => {
    await expectRouteSecured(t, { method: 'GET', path: `/staff/campaigns/${campaignId}/themes`, allow: ['admin', 'staff'], leaks: ['Cần nạo vét kênh'] });
  });
});
