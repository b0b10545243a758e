import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote } from '../support/campaigns';

// What a village head sees of their own village: the campaign at a glance,
// the households whose ballot is not back, the register without the columns
// that are always their own, and a home page of what they may do.

let t: TestEnv;
let villages: SeededVillage[];
let staff: string;

beforeEach(async () => {
  t = await makeTestApp();
  villages = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 9 }, { code: 'TH', name: 'Thôn Trung Hà', households: 5 }]);
  await addUser(t, { username: 'canbo', role: 'staff', displayName: 'Nguyễn Thị Lan' });
  await addUser(t, { username: 'truongthon.ds', role: 'village_head', villageId: villages[0]!.id, displayName: 'Nguyễn Văn Đức' });
  await addUser(t, { username: 'thanhtra', role: 'inspector', displayName: 'Lê Văn Sáu' });
  staff = await login(t, 'canbo');
});
afterEach(() => t.close());

/** A k6 decision open online and on paper, closing 14 days after the test clock's day (26/11/2026). */
async function openK6(extra: Record<string, unknown> = {}) {
  const { id } = await createCampaign(t, staff, {
    title: 'Chọn ngày tổ chức hội làng', kind: 'decision', category: 'k6', villageIds: villages.map((v) => v.id),
    channels: ['online', 'paper'], closesAt: '2026-12-10T17:00:00+07:00',
    // online ballots bind (and count as a household's return) where the agreement to vote online is on record (NĐ 59 Đ5)
    ...(extra.category === undefined || extra.category === 'k6' ? { onlineApproval: { note: 'Biên bản họp thôn: các hộ đồng ý biểu quyết trực tuyến' } } : {}),
    ...extra,
  });
  const serials = await issueSerials(t, staff, id);
  await openCampaign(t, staff, id);
  return { id, serials };
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the village head’s campaign page', () => {
  it('says in one line how many of the village’s households took part, how many approvals the threshold needs and the days left', async () => {
    const { id, serials } = await openK6();
    const ds = serials.filter((s) => s.villageId === villages[0]!.id);
    for (const s of ds.slice(0, 3)) expect((await vote(t, s.serial, { decision: 'approve' })).status).toBe(201);
    const page = await api(t, 'GET', `/staff/campaigns/${id}`, { cookie: await login(t, 'truongthon.ds') });
    expect(page.status).toBe(200);
    // 3 of 9 took part; more than half of 9 is 5 (Đ21 k1); 26/11 → 10/12 is 14 days
    expect(text(page.text)).toContain('3/9 hộ — cần 5 — còn 14 ngày');
    expect(page.text).toContain('Đ21 k1 Luật');
    expect(page.text).toContain(`/staff/campaigns/${id}/not-returned?villageId=${villages[0]!.id}`);
  });

  it('counts approvals against two thirds for a k1 matter and says when the campaign has ended', async () => {
    const { id } = await openK6({ category: 'k1', channels: ['paper'] });
    const head = await login(t, 'truongthon.ds');
    expect(text((await api(t, 'GET', `/staff/campaigns/${id}`, { cookie: head })).text)).toContain('0/9 hộ — cần 6 — còn 14 ngày');
    await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff });
    expect(text((await api(t, 'GET', `/staff/campaigns/${id}`, { cookie: head })).text)).toContain('0/9 hộ — cần 6 — đã kết thúc');
  });
});

describe('the households whose ballot has not come back', () => {
  it('lists, by name and code, exactly the village’s households whose serial was not used, online or on paper', async () => {
    const { id, serials } = await openK6({ secret: true });
    const ds = serials.filter((s) => s.villageId === villages[0]!.id);
    await vote(t, ds[0]!.serial, { decision: 'reject' });
    const paper = await api(t, 'POST', `/api/v1/campaigns/${id}/paper-ballots/${ds[1]!.serial}`, { cookie: staff, body: {} });
    expect(paper.status).toBe(201);
    const head = await login(t, 'truongthon.ds');
    const r = await api(t, 'GET', `/staff/campaigns/${id}/not-returned`, { cookie: head });
    expect(r.status).toBe(200);
    const codes = [...r.text.matchAll(/<span class="cell-sub">(DS-\d{4})<\/span>/g)].map((m) => m[1]);
    expect(codes).toEqual(ds.slice(2).map((s) => s.householdCode));
    expect(r.text).toContain('Nguyễn Văn DS 3');
    expect(r.text).toContain('7 trong 9 hộ chưa nộp phiếu');
    expect(r.text).not.toContain('TH-0001');
    // a village head cannot ask for another village
    expect((await api(t, 'GET', `/staff/campaigns/${id}/not-returned?villageId=${villages[1]!.id}`, { cookie: head })).status).toBe(403);
    // staff see every village
    const all = await api(t, 'GET', `/staff/campaigns/${id}/not-returned`, { cookie: staff });
    expect(all.text).toContain('TH-0005');
    expect(all.text).toContain('12 trong 14 hộ chưa nộp phiếu');
  });

  it('has no list for a survey answered by its link, where no household holds a ballot of its own', async () => {
    const { id } = await createCampaign(t, staff, { title: 'Khảo sát hài lòng', kind: 'satisfaction', villageIds: villages.map((v) => v.id), channels: ['online'] });
    await openCampaign(t, staff, id);
    expect((await api(t, 'GET', `/staff/campaigns/${id}/not-returned`, { cookie: staff })).status).toBe(409);
    expect((await api(t, 'GET', `/staff/campaigns/${id}`, { cookie: staff })).text).not.toContain('/not-returned');
  });
});

describe('the village head’s register and home', () => {
  it('lists the households by the head’s name with the code beneath, without a village column that is always their own', async () => {
    const page = await api(t, 'GET', '/staff/households', { cookie: await login(t, 'truongthon.ds') });
    expect(page.text).toMatch(/<th scope="row"><a href="\/staff\/households\/DS-0001">Nguyễn Văn DS 1<\/a><span class="cell-sub">DS-0001<\/span><\/th>/);
    expect(page.text).toContain('<span class="h1-sub">Thôn Đông Sơn</span>');
    expect(page.text).not.toMatch(/<th scope="col">Thôn<\/th>/);
    // staff looking at every village still see which one
    expect((await api(t, 'GET', '/staff/households', { cookie: staff })).text).toMatch(/<th scope="col">Thôn<\/th>/);
  });

  it('describes only what a village head and an inspector can do', async () => {
    const head = text((await api(t, 'GET', '/staff', { cookie: await login(t, 'truongthon.ds') })).text);
    expect(head).toContain('danh sách hộ chưa nộp phiếu');
    expect(head).not.toMatch(/Tạo, mở, đóng|xác nhận biên bản|sửa danh sách hộ/i);
    const inspector = text((await api(t, 'GET', '/staff', { cookie: await login(t, 'thanhtra') })).text);
    expect(inspector).toContain('Kiểm tra và xác nhận biên bản');
    expect(inspector).not.toMatch(/Tạo, mở, đóng|Nhập, kiểm tra/);
  });
});
