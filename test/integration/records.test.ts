// The records after the count (issue 13), through the routes a user's
// browser or client calls: the meeting record's procedural votes, the
// online-vote record, consultation answers before publication with the HĐND
// report, and citizen initiatives. Each refusal named as the user reads it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote, proceduralVotes } from '../support/campaigns';

let t: TestEnv;
let staff: string;
let inspector: string;
let DS: SeededVillage;
let TH: SeededVillage;
const dir = mkdtempSync(join(tmpdir(), 'danban-records-'));

const form = (cookie: string, fields: [string, string][]) => ({
  cookie, body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

async function pdfText(path: string, cookie: string): Promise<{ status: number; type: string | null; text: string }> {
  const res = await t.app.request(path, { headers: { cookie } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (res.status !== 200) return { status: res.status, type: res.headers.get('content-type'), text: new TextDecoder().decode(bytes) };
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  expect(fonts).toContain('BeVietnamPro');
  return { status: 200, type: res.headers.get('content-type'), text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ') };
}

beforeEach(async () => {
  t = await makeTestApp();
  [DS, TH] = (await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 40 }, { code: 'TH', name: 'Thôn Trung Hòa', households: 10 }])) as [SeededVillage, SeededVillage];
  await addUser(t, { username: 'canbo', role: 'staff' });
  await addUser(t, { username: 'thanhtra', role: 'inspector' });
  staff = await login(t, 'canbo');
  inspector = await login(t, 'thanhtra');
});
afterEach(() => t.close());

const BOARD = { board: ['Nguyễn Văn Ba', 'Lê Thị Tư', 'Phạm Văn Năm'], witnesses: ['Hoàng Văn Sáu', 'Đỗ Thị Bảy'] };

describe('the meeting record holds its procedural votes (Đ18 k4; NĐ 59 Đ3 k5)', () => {
  async function k6Meeting() {
    const c = await createCampaign(t, staff, { title: 'Chọn ngày hội làng', kind: 'decision', category: 'k6', villageIds: [DS.id], channels: ['meeting'] });
    await openCampaign(t, staff, c.id);
    return c.id;
  }
  const sheet = (extra: Record<string, unknown> = {}) => ({
    ...BOARD, villageId: DS.id, channel: 'meeting', method: 'show_of_hands', present: 30, counts: { decision: { approve: 28, reject: 2, other: 0 } }, ...extra,
  });

  it('a sheet without them is stored and counted, marked incomplete everywhere; a correction adding them completes it and keeps the first', async () => {
    const id = await k6Meeting();
    const s = await api(t, 'POST', `/api/v1/campaigns/${id}/tallies`, { cookie: staff, body: sheet() });
    expect(s.status, s.text).toBe(201);
    const listed = await api(t, 'GET', `/api/v1/campaigns/${id}/tallies`, { cookie: staff });
    const record = listed.json.villages[0].sheets[0].record;
    expect(record.complete).toBe(false);
    expect(record.gaps.map((g: any) => g.item)).toEqual(['secretary', 'method']);
    // the confirmation screen and the sheet page both say so, Vietnamese first
    for (const page of ['/staff/tallies', `/staff/tallies/${id}/${DS.id}`]) {
      const html = (await api(t, 'GET', page, { cookie: inspector })).text;
      expect(html).toContain('Chưa đầy đủ');
      expect(html).toContain('Biên bản cuộc họp chưa đầy đủ: chưa ghi kết quả biểu quyết chọn thư ký');
    }
    expect((await api(t, 'POST', `/api/v1/tallies/${s.json.id}/confirm`, { cookie: inspector })).status).toBe(200);
    let preview = (await api(t, 'GET', `/api/v1/campaigns/${id}/results`, { cookie: staff })).json;
    let village = preview.villages[0];
    expect(village.passed).toBe(true);
    expect(village.questions.decision.counts.approve).toBe(28);
    expect(village.warnings.map((w: any) => w.code)).toContain('meeting_record_incomplete');
    // the results page tells villagers why
    expect((await api(t, 'GET', `/staff/campaigns/${id}/results`, { cookie: staff })).text).toContain('Biên bản cuộc họp chưa đầy đủ');

    const fixed = await api(t, 'POST', `/api/v1/tallies/${s.json.id}/corrections`, {
      cookie: staff, body: { ...sheet({ procedural: { secretary: { name: 'Trần Thị Thư', votesFor: 16 }, method: { votesFor: 16 } } }), reason: 'Bổ sung biểu quyết thủ tục' },
    });
    expect(fixed.status, fixed.text).toBe(201);
    expect((await api(t, 'POST', `/api/v1/tallies/${fixed.json.id}/confirm`, { cookie: inspector })).status).toBe(200);
    preview = (await api(t, 'GET', `/api/v1/campaigns/${id}/results`, { cookie: staff })).json;
    village = preview.villages[0];
    expect(village.passed).toBe(true);
    expect(village.warnings.map((w: any) => w.code)).not.toContain('meeting_record_incomplete');
    const versions = (await api(t, 'GET', `/api/v1/campaigns/${id}/tallies`, { cookie: staff })).json.villages[0].sheets;
    expect(versions.map((v: any) => [v.version, v.status, v.record.complete])).toEqual([[2, 'confirmed', true], [1, 'superseded', false]]);
  });

  it('exactly half of those present for the method is not approved: the vote decides nothing', async () => {
    const id = await k6Meeting();
    const s = await api(t, 'POST', `/api/v1/campaigns/${id}/tallies`, { cookie: staff, body: sheet({ procedural: { secretary: { name: 'Lan', votesFor: 30 }, method: { votesFor: 15 } } }) });
    expect(s.status).toBe(201);
    await api(t, 'POST', `/api/v1/tallies/${s.json.id}/confirm`, { cookie: inspector });
    const v = (await api(t, 'GET', `/api/v1/campaigns/${id}/results`, { cookie: staff })).json.villages[0];
    expect(v.passed).toBe(false);
    expect(v.warnings.find((w: any) => w.code === 'meeting_record_incomplete').message.vi).toContain('chọn hình thức biểu quyết chưa được thông qua (15/30');
  });

  it('an election is voted by secret ballot whatever the sheet says, so its record needs the counting board approved', async () => {
    const c = await createCampaign(t, staff, {
      title: 'Bầu Trưởng thôn Đông Sơn', kind: 'election', category: 'k4', board: 'village_head', villageIds: [DS.id], channels: ['meeting'], seats: 1,
      candidates: [{ id: 'c1', name: 'Lương Văn Hải', villageId: DS.id, birthYear: 1975 }],
    });
    await openCampaign(t, staff, c.id);
    const body = {
      ...BOARD, villageId: DS.id, channel: 'meeting', method: 'show_of_hands', present: 30, issued: 30, returned: 30, invalid: 0,
      counts: { candidates: { c1: 28 } }, procedural: { secretary: { name: 'Lan', votesFor: 30 }, method: { votesFor: 30 }, board: { votesFor: 15 } },
    };
    const s = await api(t, 'POST', `/api/v1/campaigns/${c.id}/tallies`, { cookie: staff, body });
    expect(s.status, s.text).toBe(201);
    const sheet = (await api(t, 'GET', `/api/v1/campaigns/${c.id}/tallies`, { cookie: staff })).json.villages[0].sheets[0];
    expect(sheet.data.method).toBe('secret_ballot');
    expect(sheet.record.required).toContain('board');
    expect(sheet.record.complete).toBe(false);
    expect((await api(t, 'POST', `/api/v1/tallies/${s.json.id}/confirm`, { cookie: inspector })).status).toBe(200);
    // the board was approved by exactly half of those present: nobody is elected
    expect((await api(t, 'GET', `/api/v1/campaigns/${c.id}/results`, { cookie: staff })).json.villages[0].elected).toEqual([]);
  });

  it('refuses votes that cannot be true, naming the field, and stores nothing', async () => {
    const id = await k6Meeting();
    const r = await api(t, 'POST', `/api/v1/campaigns/${id}/tallies`, { cookie: staff, body: sheet({ procedural: { secretary: { name: 'Lan', votesFor: 31 }, method: { votesFor: 'nhiều' } } }) });
    expect(r.status).toBe(422);
    expect(r.json.error.details.map((d: any) => d.path)).toEqual(['procedural.secretary.votesFor', 'procedural.method.votesFor']);
    expect((await api(t, 'GET', `/api/v1/campaigns/${id}/tallies`, { cookie: staff })).json.villages[0].sheets).toEqual([]);
  });

  it('the phone form takes the procedural votes and the printed Mẫu 03 carries them', async () => {
    const id = await k6Meeting();
    const page = await api(t, 'GET', `/staff/tallies/${id}/new?villageId=${DS.id}&channel=meeting`, { cookie: staff });
    expect(page.text).toContain('name="procedural.secretary.votesFor"');
    const posted = await api(t, 'POST', `/staff/tallies/${id}/new`, form(staff, [
      ['villageId', DS.id], ['channel', 'meeting'], ['method', 'show_of_hands'], ['present', '30'],
      ['counts.decision.approve', '28'], ['counts.decision.reject', '2'], ['counts.decision.other', '0'],
      ['procedural.secretary.name', 'Trần Thị Thư'], ['procedural.secretary.votesFor', '29'], ['procedural.method.votesFor', '30'],
    ]));
    expect(posted.status, posted.text.slice(0, 300)).toBe(303);
    const sheets = (await api(t, 'GET', `/api/v1/campaigns/${id}/tallies`, { cookie: staff })).json.villages[0].sheets;
    expect(sheets[0].data.procedural).toEqual({ secretary: { name: 'Trần Thị Thư', votesFor: 29 }, method: { votesFor: 30 } });
    expect(sheets[0].record.complete).toBe(true);
    await api(t, 'POST', `/api/v1/tallies/${sheets[0].id}/confirm`, { cookie: inspector });
    const pdf = await pdfText(`/api/v1/campaigns/${id}/forms/mau-03.pdf?villageId=${DS.id}`, staff);
    expect(pdf.text).toContain('Thư ký: Ông (bà) Trần Thị Thư');
    expect(pdf.text).toContain('thư ký 29/30; hình thức biểu quyết 30/30');
  });
});

describe('the online-vote record (NĐ 59 Đ5)', () => {
  async function k6Online() {
    const c = await createCampaign(t, staff, {
      title: 'Chọn ngày hội làng', kind: 'decision', category: 'k6', villageIds: [DS.id, TH.id], channels: ['online'],
      onlineApproval: { villages: [{ villageId: DS.id, households: 30, date: '2026-11-01', method: 'meeting' }] },
    });
    const serials = (await issueSerials(t, staff, c.id)).filter((s) => s.villageId === DS.id);
    await openCampaign(t, staff, c.id);
    for (const s of serials.slice(0, 7)) expect((await vote(t, s.serial, { decision: s === serials[0] ? 'reject' : 'approve' })).status).toBe(201);
    return c.id;
  }
  const team = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Thành viên Tổ ${i + 1}`, role: i === 0 ? 'Tổ trưởng (Ban CTMT)' : 'Thành viên' }));
  const body = (n = 3) => ({ villageId: DS.id, startedAt: '2026-12-01T07:00+07:00', endedAt: '2026-12-03T19:00+07:00', team: team(n) });

  it('is refused before the vote ends, for 2 or 6 members, and where the agreement is not on record; then recorded with the app’s count, printed and shown in the results', async () => {
    const id = await k6Online();
    expect((await api(t, 'POST', `/api/v1/campaigns/${id}/online-records`, { cookie: staff, body: body() })).status).toBe(409);
    expect((await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff })).status).toBe(200);
    for (const n of [2, 6]) {
      const r = await api(t, 'POST', `/api/v1/campaigns/${id}/online-records`, { cookie: staff, body: body(n) });
      expect(r.status).toBe(422);
      expect(r.json.error.details[0].path).toBe('team');
      expect(r.json.error.details[0].message).toContain('từ 3 đến 5 người');
    }
    const noAgreement = await api(t, 'POST', `/api/v1/campaigns/${id}/online-records`, { cookie: staff, body: { ...body(), villageId: TH.id } });
    expect(noAgreement.status).toBe(409);
    expect(noAgreement.json.error.message).toContain('Thôn Trung Hòa chưa có việc trên 50% tổng số hộ đồng ý');
    const before = (await api(t, 'GET', `/api/v1/campaigns/${id}/results`, { cookie: staff })).json;
    expect(before.villages.find((v: any) => v.villageId === DS.id).onlineRecord).toBe(false);

    // households are never typed: a client sending them is ignored
    const saved = await api(t, 'POST', `/api/v1/campaigns/${id}/online-records`, { cookie: staff, body: { ...body(5), households: 999 } });
    expect(saved.status, saved.text).toBe(201);
    expect(saved.json).toMatchObject({ version: 1, households: 7, team: team(5) });
    const again = await api(t, 'POST', `/api/v1/campaigns/${id}/online-records`, { cookie: staff, body: body(3) });
    expect(again.json.version).toBe(2);
    const list = (await api(t, 'GET', `/api/v1/campaigns/${id}/online-records`, { cookie: staff })).json;
    const ds = list.villages.find((v: any) => v.villageId === DS.id);
    expect(ds.versions.map((v: any) => v.version)).toEqual([2, 1]);
    expect(ds.participated).toBe(7);

    const pdf = await pdfText(`/api/v1/campaigns/${id}/online-record.pdf?villageId=${DS.id}`, staff);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.text).toContain('BIÊN BẢN BIỂU QUYẾT TRỰC TUYẾN');
    expect(pdf.text).toContain('Bắt đầu: 01/12/2026 07:00; kết thúc: 03/12/2026 19:00');
    expect(pdf.text).toContain('Số đại diện hộ gia đình tham gia biểu quyết trực tuyến: 7 hộ');
    expect(pdf.text).toContain('Thành viên Tổ 1');
    expect(pdf.text).toContain('Tổ trưởng (Ban CTMT)');
    expect(pdf.text).toMatch(/Đồng ý 6/);
    expect((await pdfText(`/api/v1/campaigns/${id}/online-record.pdf?villageId=${TH.id}`, staff)).status).toBe(404);
    expect((await pdfText(`/api/v1/campaigns/${id}/online-record.pdf`, staff)).status).toBe(422);

    const after = (await api(t, 'GET', `/api/v1/campaigns/${id}/results`, { cookie: staff })).json;
    expect(after.villages.find((v: any) => v.villageId === DS.id).onlineRecord).toBe(true);
    expect(after.villages.find((v: any) => v.villageId === TH.id).onlineRecord).toBeUndefined();
    expect((await api(t, 'GET', `/staff/campaigns/${id}/results`, { cookie: staff })).text).toContain('Đã có biên bản biểu quyết trực tuyến.');
  });

  it('the staff page records it from a form in Vietnam time and shows errors in place', async () => {
    const id = await k6Online();
    await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff });
    const page = await api(t, 'GET', `/staff/campaigns/${id}/online-records`, { cookie: staff });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Chưa có biên bản');
    const fields = (n: number): [string, string][] => [
      ['villageId', DS.id], ['startedAt', '2026-12-01T07:00'], ['endedAt', '2026-12-03T19:00'],
      ...team(n).flatMap((m, i): [string, string][] => [[`team.${i}.name`, m.name], [`team.${i}.role`, m.role]]),
    ];
    const bad = await api(t, 'POST', `/staff/campaigns/${id}/online-records`, form(staff, fields(2)));
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Tổ lấy ý kiến biểu quyết trực tuyến gồm từ 3 đến 5 người');
    const ok = await api(t, 'POST', `/staff/campaigns/${id}/online-records`, form(staff, fields(4)));
    expect(ok.status).toBe(303);
    const rec = (await api(t, 'GET', `/api/v1/campaigns/${id}/online-records`, { cookie: staff })).json.villages.find((v: any) => v.villageId === DS.id).latest;
    expect(rec.startedAt).toBe('2026-12-01T07:00+07:00');
    expect((await api(t, 'GET', `/staff/campaigns/${id}`, { cookie: staff })).text).toContain(`/staff/campaigns/${id}/online-records`);
  });

  it('does not exist for anything but a k6 online vote', async () => {
    const c = await createCampaign(t, staff, { title: 'Đóng góp làm đường', kind: 'decision', category: 'k1', villageIds: [DS.id], channels: ['meeting', 'paper'] });
    expect((await api(t, 'GET', `/api/v1/campaigns/${c.id}/online-records`, { cookie: staff })).json).toMatchObject({ applies: false, villages: [] });
    expect((await api(t, 'POST', `/api/v1/campaigns/${c.id}/online-records`, { cookie: staff, body: body() })).status).toBe(409);
    // staff only
    const head = await addUser(t, { username: 'truongthon', role: 'village_head', villageId: DS.id }).then(() => login(t, 'truongthon'));
    expect((await api(t, 'GET', `/api/v1/campaigns/${c.id}/online-records`, { cookie: head })).status).toBe(403);
  });
});

describe('a consultation is published only with every theme answered (Đ28), then reported to the HĐND xã', () => {
  it('refuses publication naming the themes, publishes once answered with reasons, prints the report', async () => {
    const c = await createCampaign(t, staff, { title: 'Góp ý Kế hoạch 2027', kind: 'consultation', villageIds: [DS.id], channels: ['online'], template: 'consultation' });
    const serials = await issueSerials(t, staff, c.id);
    await openCampaign(t, staff, c.id);
    const texts = ['Cần nạo vét kênh tưới tiêu.', 'Nạo vét kênh trước mùa mưa.', 'Thêm đèn đường trục thôn.'];
    for (const [i, text] of texts.entries()) {
      const answers = { s1_opinion: 'agree_with_comments', s1_comment: text, s2_opinion: 'agree', s3_opinion: 'agree', s4_opinion: 'agree', s5_opinion: 'agree' };
      expect((await vote(t, serials[i]!.serial, answers)).status).toBe(201);
    }
    expect((await pdfText(`/api/v1/campaigns/${c.id}/hdnd-report.pdf`, staff)).status).toBe(409);
    const canal = await api(t, 'POST', `/api/v1/campaigns/${c.id}/themes`, { cookie: staff, body: { title: 'Thủy lợi nội đồng' } });
    const lights = await api(t, 'POST', `/api/v1/campaigns/${c.id}/themes`, { cookie: staff, body: { title: 'Đèn đường', response: 'UBND xã tiếp thu: lắp 20 bóng trong năm 2027.', accepted: true } });
    const board = (await api(t, 'GET', `/staff/campaigns/${c.id}/themes`, { cookie: staff })).text;
    const values = [...board.matchAll(/name="opinion" value="([^"|]+)\|([^"]+)"/g)].map((m) => ({ ballotId: m[1]!, question: m[2]! }));
    const byText = (s: string) => values[texts.indexOf(s)]!;
    await api(t, 'POST', `/api/v1/themes/${canal.json.id}/opinions`, { cookie: staff, body: { ballotIds: [byText(texts[0]!).ballotId, byText(texts[1]!).ballotId], question: byText(texts[0]!).question } });
    await api(t, 'POST', `/api/v1/themes/${lights.json.id}/opinions`, { cookie: staff, body: { ballotIds: [byText(texts[2]!).ballotId], question: byText(texts[2]!).question } });

    t.clock.advance(21 * 86_400_000);
    staff = await login(t, 'canbo');
    expect((await api(t, 'POST', `/api/v1/campaigns/${c.id}/close`, { cookie: staff })).status).toBe(200);
    let p = await api(t, 'POST', `/api/v1/campaigns/${c.id}/publish`, { cookie: staff });
    expect(p.status).toBe(409);
    expect(p.json.error.message).toContain('chưa có nội dung tiếp thu, giải trình cho nhóm ý kiến “Thủy lợi nội đồng”');
    expect(p.json.error.details.map((d: any) => d.path)).toEqual([`themes.${canal.json.id}`]);

    // not taking on the majority theme (2 of 3 opinions) needs reasons
    await api(t, 'PUT', `/api/v1/themes/${canal.json.id}`, { cookie: staff, body: { response: 'Giải trình: kênh đã được nạo vét năm 2026.', accepted: false } });
    p = await api(t, 'POST', `/api/v1/campaigns/${c.id}/publish`, { cookie: staff });
    expect(p.status).toBe(409);
    expect(p.json.error.message).toContain('chưa nêu lý do quyết định khác với ý kiến đa số ở nhóm “Thủy lợi nội đồng”');
    // the synthesis board says so too
    expect((await api(t, 'GET', `/staff/campaigns/${c.id}/themes`, { cookie: staff })).text).toContain('Chưa nêu lý do quyết định khác với ý kiến đa số');
    const reason = 'Kinh phí năm 2027 đã bố trí cho đường trục xã; nạo vét kênh đưa vào kế hoạch năm 2028.';
    await api(t, 'POST', `/staff/campaigns/${c.id}/themes/${canal.json.id}`, form(staff, [
      ['title', 'Thủy lợi nội đồng'], ['response', 'Giải trình: kênh đã được nạo vét năm 2026.'], ['accepted', 'no'], ['departureReason', reason],
    ]));
    p = await api(t, 'POST', `/api/v1/campaigns/${c.id}/publish`, { cookie: staff });
    expect(p.status, p.text).toBe(200);
    const published = (await api(t, 'GET', `/api/v1/campaigns/${c.id}/results`)).json;
    expect(published.consultation.themes.find((th: any) => th.id === canal.json.id)).toMatchObject({ accepted: false, count: 2, departureReason: reason });

    const report = await pdfText(`/api/v1/campaigns/${c.id}/hdnd-report.pdf`, staff);
    expect(report.status).toBe(200);
    for (const phrase of ['BÁO CÁO', 'Kính gửi: Hội đồng nhân dân xã', 'Góp ý Kế hoạch 2027', 'Số phiếu ý kiến nhận được: 3', 'Thủy lợi nội đồng', 'Giải trình: Giải trình: kênh đã được nạo vét năm 2026.', 'Lý do quyết định khác với ý kiến đa số', 'Tiếp thu: UBND xã tiếp thu: lắp 20 bóng', 'Thôn Đông Sơn']) {
      expect(report.text).toContain(phrase);
    }
    expect((await api(t, 'GET', `/staff/campaigns/${c.id}`, { cookie: staff })).text).toContain(`/api/v1/campaigns/${c.id}/hdnd-report.pdf`);
  });

  it('the report is for consultations only', async () => {
    const c = await createCampaign(t, staff, { title: 'Đóng góp làm đường', kind: 'decision', category: 'k1', villageIds: [DS.id], channels: ['meeting', 'paper'] });
    const r = await pdfText(`/api/v1/campaigns/${c.id}/hdnd-report.pdf`, staff);
    expect(r.status).toBe(409);
  });
});

describe('citizen initiatives (Đ16)', () => {
  const codes = (v: SeededVillage, from: number, n: number) => Array.from({ length: n }, (_, i) => `${v.code}-${String(from + i).padStart(4, '0')}`);

  it('records consents one per household, shows the 10 % with consents within 3 months, and becomes a draft campaign linked both ways', async () => {
    const created = await api(t, 'POST', '/api/v1/initiatives', { cookie: staff, body: { matter: 'Làm sân bóng chuyền cho thanh niên thôn', scope: 'village', villageId: DS.id, proposer: 'Chi đoàn thôn' } });
    expect(created.status, created.text).toBe(201);
    const id = created.json.initiative.id;
    expect(created.json.backing).toMatchObject({ households: 40, valid: 0, required: 4, backed: false });

    // refusals name each bad code, and nothing is stored
    const bad = await api(t, 'POST', `/api/v1/initiatives/${id}/consents`, { cookie: staff, body: { householdCodes: ['DS-0001', 'DS-0001', 'XX-9999', 'TH-0001'], givenOn: '2026-11-20' } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details.map((d: any) => d.path)).toEqual(['householdCodes.1', 'householdCodes.2', 'householdCodes.3']);
    expect((await api(t, 'GET', `/api/v1/initiatives/${id}`, { cookie: staff })).json.consents).toEqual([]);
    const future = await api(t, 'POST', `/api/v1/initiatives/${id}/consents`, { cookie: staff, body: { householdCodes: ['DS-0001'], givenOn: '2099-01-01' } });
    expect(future.json.error.details[0].path).toBe('givenOn');

    // a consent 3 months + 1 day old does not count; one given 3 months ago today does
    const today = new Date(t.clock.now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const monthsAgo = (days: number) => {
      const d = new Date(`${today}T00:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() - 3);
      d.setUTCDate(d.getUTCDate() - days);
      return d.toISOString().slice(0, 10);
    };
    expect((await api(t, 'POST', `/api/v1/initiatives/${id}/consents`, { cookie: staff, body: { householdCodes: codes(DS, 1, 1), givenOn: monthsAgo(1) } })).status).toBe(201);
    let view = (await api(t, 'POST', `/api/v1/initiatives/${id}/consents`, { cookie: staff, body: { householdCodes: codes(DS, 2, 2), givenOn: monthsAgo(0) } })).json;
    expect(view.backing).toMatchObject({ valid: 2, required: 4, backed: false });
    expect(view.consents.find((c: any) => c.householdCode === 'DS-0001').valid).toBe(false);
    const again = await api(t, 'POST', `/api/v1/initiatives/${id}/consents`, { cookie: staff, body: { householdCodes: ['DS-0002'], givenOn: today } });
    expect(again.status).toBe(422);
    expect(again.json.error.details[0].message).toContain('đã đồng thuận');

    // one short of 10 %: no campaign
    view = (await api(t, 'POST', `/api/v1/initiatives/${id}/consents`, { cookie: staff, body: { householdCodes: codes(DS, 4, 1), givenOn: today } })).json;
    expect(view.backing).toMatchObject({ valid: 3, backed: false });
    const early = await api(t, 'POST', `/api/v1/initiatives/${id}/campaign`, { cookie: staff });
    expect(early.status).toBe(409);
    expect(early.json.error.message).toContain('chưa đủ 4 hộ đồng thuận còn giá trị (hiện có 3/40 hộ');

    // exactly 10 %: the page offers the campaign, which links both ways
    view = (await api(t, 'POST', `/api/v1/initiatives/${id}/consents`, { cookie: staff, body: { householdCodes: codes(DS, 5, 1), givenOn: today } })).json;
    expect(view.backing).toMatchObject({ valid: 4, required: 4, backed: true });
    const page = await api(t, 'GET', `/staff/initiatives/${id}`, { cookie: staff });
    expect(page.text).toContain('Đủ điều kiện');
    expect(page.text).toContain(`action="/staff/initiatives/${id}/campaign"`);
    const made = await api(t, 'POST', `/staff/initiatives/${id}/campaign`, form(staff, [['category', 'k6']]));
    expect(made.status).toBe(303);
    const campaignId = made.headers.get('location')!.split('/').pop()!;
    const campaign = (await api(t, 'GET', `/api/v1/campaigns/${campaignId}`, { cookie: staff })).json;
    expect(campaign).toMatchObject({ status: 'draft', kind: 'decision', category: 'k6', title: 'Làm sân bóng chuyền cho thanh niên thôn' });
    expect((await api(t, 'GET', `/api/v1/initiatives/${id}`, { cookie: staff })).json.initiative.campaignId).toBe(campaignId);
    expect((await api(t, 'GET', `/staff/campaigns/${campaignId}`, { cookie: staff })).text).toContain(`/staff/initiatives/${id}`);
    expect((await api(t, 'POST', `/api/v1/initiatives/${id}/campaign`, { cookie: staff })).status).toBe(409);

    // the consenting households never reach a public page
    await openCampaign(t, staff, campaignId);
    const slug = (await t.deps.db.selectFrom('communes').select('slug').where('id', '=', t.communeId).executeTakeFirstOrThrow()).slug;
    const publicPages = [`/s/${campaign.slug}`, '/', `/x/${slug}`];
    for (const p of publicPages) {
      const html = (await api(t, 'GET', p)).text;
      expect(html).not.toContain('Nguyễn Văn DS 2');
      expect(html).not.toContain('DS-0002');
    }
  });

  it('the staff pages create an initiative and record consents, errors in place; staff only', async () => {
    const list = await api(t, 'GET', '/staff/initiatives', { cookie: staff });
    expect(list.status).toBe(200);
    expect(list.text).toContain('Chưa có sáng kiến nào.');
    const empty = await api(t, 'POST', '/staff/initiatives', form(staff, [['matter', ' '], ['scope', 'village'], ['villageId', DS.id]]));
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('Cần ghi nội dung sáng kiến');
    const noVillage = await api(t, 'POST', '/staff/initiatives', form(staff, [['matter', 'Sửa nhà văn hóa'], ['scope', 'village']]));
    expect(noVillage.status).toBe(422);
    const ok = await api(t, 'POST', '/staff/initiatives', form(staff, [['matter', 'Sửa nhà văn hóa'], ['scope', 'commune']]));
    expect(ok.status).toBe(303);
    const path = ok.headers.get('location')!;
    const consents = await api(t, 'POST', `${path}/consents`, form(staff, [['householdCodes', 'DS-0001\nTH-0001\nZZ-1'], ['givenOn', '2026-11-01']]));
    expect(consents.status).toBe(422);
    expect(consents.text).toContain('Không có hộ mã ZZ-1 trong sổ hộ của xã.');
    const fine = await api(t, 'POST', `${path}/consents`, form(staff, [['householdCodes', 'DS-0001\nTH-0001'], ['givenOn', '2026-11-01']]));
    expect(fine.status).toBe(303);
    const page = await api(t, 'GET', path, { cookie: staff });
    expect(page.text).toContain('2/50 hộ (cần 5)');
    expect(page.text).toContain('Nguyễn Văn TH 1');
    const head = await addUser(t, { username: 'truongthon', role: 'village_head', villageId: DS.id }).then(() => login(t, 'truongthon'));
    expect((await api(t, 'GET', '/api/v1/initiatives', { cookie: head })).status).toBe(403);
    expect((await api(t, 'GET', '/api/v1/initiatives')).status).toBe(401);
    const refused = await api(t, 'POST', `${path}/campaign`, form(staff, [['category', 'k6']]));
    expect(refused.status).toBe(409);
  });

  it('an unknown initiative is 404; a bad scope is 422', async () => {
    expect((await api(t, 'GET', '/api/v1/initiatives/nope', { cookie: staff })).status).toBe(404);
    expect((await api(t, 'POST', '/api/v1/initiatives', { cookie: staff, body: { matter: 'x', scope: 'province' } })).status).toBe(422);
  });
});

describe('the meeting sheet helper used across the suite', () => {
  it('approves every procedural vote by all present', () => {
    expect(proceduralVotes(12)).toEqual({ secretary: { name: 'Trần Thị Thư', votesFor: 12 }, method: { votesFor: 12 }, board: { votesFor: 12 } });
  });
});

process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

describe('the demo commune shows the records after the count', () => {
  it('a backed initiative in Đông Sơn, the plan consultation’s themes answered, the board election’s meeting records complete', async () => {
    await t.close();
    t = await makeTestApp({ DANBAN_DEMO: '1' });
    await addUser(t, { username: 'canbo.records', role: 'staff' });
    const demoStaff = await login(t, 'canbo.records');
    const list = (await api(t, 'GET', '/api/v1/initiatives', { cookie: demoStaff })).json;
    expect(list).toHaveLength(1);
    expect(list[0].backing.backed).toBe(true);
    const plan = await t.deps.db.selectFrom('campaigns').select('id').where('title', '=', 'Góp ý dự thảo Kế hoạch phát triển kinh tế – xã hội xã năm 2027').executeTakeFirstOrThrow();
    const themes = (await api(t, 'GET', `/api/v1/campaigns/${plan.id}/results`, { cookie: demoStaff })).json.consultation.themes;
    expect(themes.length).toBe(4);
    for (const th of themes) {
      expect(th.accepted).not.toBeNull();
      expect(th.response).not.toBe('');
      expect(th.count).toBeGreaterThan(0);
    }
    const board = await t.deps.db.selectFrom('campaigns').select('id').where('title', '=', 'Bầu thành viên Ban Thanh tra nhân dân xã nhiệm kỳ 2026–2031').executeTakeFirstOrThrow();
    const sheets = (await api(t, 'GET', `/api/v1/campaigns/${board.id}/tallies`, { cookie: demoStaff })).json.villages.flatMap((v: any) => v.sheets);
    expect(sheets.length).toBeGreaterThan(0);
    for (const s of sheets) expect(s.record.complete).toBe(true);
  });
});
