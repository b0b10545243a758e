import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote } from '../support/campaigns';
import { expectRouteSecured } from '../support/security';
import { confirmedSheets } from '../../db/repositories/tallies';
import { greyPng, pngChunk } from '../support/images';

let t: TestEnv;
let staff: string;
let inspector: string;
let headDS: string;
let headTH: string;
let DS: SeededVillage;
let TH: SeededVillage;

beforeEach(async () => {
  t = await makeTestApp();
  const seeded = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 10 }, { code: 'TH', name: 'Thôn Trung Hà', households: 6 }]);
  DS = seeded[0]!;
  TH = seeded[1]!;
  await addUser(t, { username: 'canbo', role: 'staff' });
  await addUser(t, { username: 'canbo2', role: 'staff' });
  await addUser(t, { username: 'thanhtra', role: 'inspector' });
  await addUser(t, { username: 'truongds', role: 'village_head', villageId: DS.id });
  await addUser(t, { username: 'truongth', role: 'village_head', villageId: TH.id });
  staff = await login(t, 'canbo');
  inspector = await login(t, 'thanhtra');
  headDS = await login(t, 'truongds');
  headTH = await login(t, 'truongth');
});
afterEach(() => t.close());

/** The households' agreement to vote online, noted for every village (NĐ 59 Đ5): online ballots of k6 bind. */
const ONLINE_AGREED = { note: 'Họp thôn ngày 01/11/2026: các hộ đồng ý biểu quyết trực tuyến' };

async function decision(over: Record<string, unknown> = {}, open = true) {
  const { id } = await createCampaign(t, staff, {
    title: 'Đóng góp làm đường bê tông', kind: 'decision', category: 'k1', villageIds: [DS.id, TH.id],
    channels: ['meeting', 'paper'], template: 'household-decision', ...over,
  });
  const serials = await issueSerials(t, staff, id);
  if (open) await openCampaign(t, staff, id);
  return { id, serials };
}

async function election() {
  const { id } = await createCampaign(t, staff, {
    title: 'Bầu Trưởng thôn', kind: 'election', category: 'k4', villageIds: [DS.id], channels: ['meeting', 'paper'], seats: 1,
    candidates: [{ id: 'c1', name: 'Nguyễn Văn An', villageId: DS.id }, { id: 'c2', name: 'Trần Thị Bình', villageId: DS.id }],
  });
  const serials = await issueSerials(t, staff, id);
  await openCampaign(t, staff, id);
  return { id, serials };
}

/** Mẫu 04 for Thôn Đông Sơn (10 households): 10 issued, 9 returned, all valid. */
const paperSheet = (over: Record<string, unknown> = {}) => ({
  villageId: DS.id, channel: 'paper', issued: 10, returned: 9, invalid: 0,
  counts: { decision: { approve: 7, reject: 1, other: 1 } },
  board: ['Nguyễn Văn Ba', 'Lê Thị Tư', 'Phạm Văn Năm'], witnesses: ['Hoàng Văn Sáu', 'Đỗ Thị Bảy'], ...over,
});

const submit = (id: string, body: unknown, cookie = headDS) => api(t, 'POST', `/api/v1/campaigns/${id}/tallies`, { cookie, body });
const paths = (r: { json: any }) => (r.json.error.details ?? []).map((d: any) => d.path);

describe('entering a tally sheet', () => {
  it('takes the village head’s sheet for their own village with 201, submitted, version 1, not yet counting', async () => {
    const { id } = await decision();
    const r = await submit(id, paperSheet());
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ status: 'submitted', version: 1, warnings: [] });
    const list = await api(t, 'GET', `/api/v1/campaigns/${id}/tallies`, { cookie: staff });
    const ds = list.json.villages.find((v: any) => v.villageId === DS.id);
    expect(ds.sheets).toHaveLength(1);
    expect(ds.sheets[0]).toMatchObject({ id: r.json.id, status: 'submitted', counts: false, submittedByName: 'truongds', data: { returned: 9, invalid: 0, counts: { decision: { approve: 7, reject: 1, other: 1 } } } });
    expect(await confirmedSheets(t.deps.db, id)).toEqual([]);
  });

  it('refuses impossible counts with 422 naming each field, and stores nothing', async () => {
    const { id } = await decision();
    const r = await submit(id, paperSheet({ issued: 11, returned: 12, invalid: -1, counts: { decision: { approve: 9, reject: 2.5, other: 0 } } }));
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('VALIDATION_FAILED');
    expect(paths(r)).toEqual(expect.arrayContaining(['issued', 'returned', 'invalid', 'counts.decision.reject']));
    expect(r.json.error.details.find((d: any) => d.path === 'issued').message).toContain('10');
    const sums = await submit(id, paperSheet({ invalid: 1, counts: { decision: { approve: 7, reject: 2, other: 0 } } }));
    expect(sums.status).toBe(422);
    expect(paths(sums)).toEqual(['counts.decision']);
    expect(sums.json.error.details[0].message).toContain('số phiếu hợp lệ (8)');
    const list = await api(t, 'GET', `/api/v1/campaigns/${id}/tallies`, { cookie: staff });
    expect(list.json.villages.flatMap((v: any) => v.sheets)).toEqual([]);
  });

  it('counts a meeting against the households: more representatives than households is refused', async () => {
    const { id } = await decision();
    const r = await submit(id, { villageId: DS.id, channel: 'meeting', present: 11, counts: { decision: { approve: 6, reject: 0, other: 0 } } });
    expect(r.status).toBe(422);
    expect(paths(r)).toContain('present');
    const ok = await submit(id, { villageId: DS.id, channel: 'meeting', method: 'show_of_hands', present: 8, counts: { decision: { approve: 7, reject: 1, other: 0 } } });
    expect(ok.status).toBe(201);
  });

  it('accepts an unusual but possible sheet with warnings instead of refusing it', async () => {
    const { id } = await decision();
    const r = await submit(id, paperSheet({ returned: 3, invalid: 1, counts: { decision: { approve: 2, reject: 0, other: 0 } }, witnesses: ['Một người'] }));
    expect(r.status).toBe(201);
    expect(r.json.warnings.map((w: any) => w.path)).toEqual(expect.arrayContaining(['returned', 'invalid', 'witnesses']));
    const list = await api(t, 'GET', `/api/v1/campaigns/${id}/tallies`, { cookie: inspector });
    expect(list.json.villages[0].sheets[0].warnings.length).toBe(r.json.warnings.length);
  });

  it('answers 403 to a village head entering another village’s sheet', async () => {
    const { id } = await decision();
    const r = await submit(id, paperSheet({ villageId: TH.id }));
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('FORBIDDEN');
  });

  it('answers 422 for a village outside the campaign and for a channel the campaign does not use', async () => {
    const [other] = await seedVillages(t, [{ code: 'NG', name: 'Thôn Ngoài', households: 4 }]);
    const { id } = await decision({ channels: ['paper'] });
    const outside = await submit(id, paperSheet({ villageId: other!.id }), staff);
    expect(outside.status).toBe(422);
    expect(paths(outside)).toEqual(['villageId']);
    const meeting = await submit(id, { villageId: DS.id, channel: 'meeting', present: 5, counts: { decision: { approve: 5 } } });
    expect(meeting.status).toBe(422);
    expect(paths(meeting)).toEqual(['channel']);
    const online = await submit(id, paperSheet({ channel: 'online' }));
    expect(online.status).toBe(422);
    expect(paths(online)).toEqual(['channel']);
  });

  it('answers 409 INVALID_STATE while the campaign is still a draft', async () => {
    const { id } = await decision({}, false);
    const r = await submit(id, paperSheet(), staff);
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('INVALID_STATE');
  });

  it('answers 409 to a second first sheet for the same village and channel: a change is a correction', async () => {
    const { id } = await decision();
    expect((await submit(id, paperSheet())).status).toBe(201);
    const again = await submit(id, paperSheet(), staff);
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain('bản sửa');
  });

  it('checks an election sheet against the village’s candidates and seats', async () => {
    const { id } = await election();
    const bad = await submit(id, paperSheet({ counts: { candidates: { c1: 10, c3: 1 } } }));
    expect(bad.status).toBe(422);
    expect(paths(bad)).toEqual(expect.arrayContaining(['counts.candidates.c1', 'counts.candidates.c3']));
    const ok = await submit(id, paperSheet({ counts: { candidates: { c1: 6, c2: 2 } } }));
    expect(ok.status).toBe(201);
  });
});

describe('the second person', () => {
  it('lets an inspector confirm a village head’s sheet with 200, after which it counts', async () => {
    const { id } = await decision();
    const s = await submit(id, paperSheet());
    const r = await api(t, 'POST', `/api/v1/tallies/${s.json.id}/confirm`, { cookie: inspector });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'confirmed' });
    const counted = await confirmedSheets(t.deps.db, id);
    expect(counted.map((x) => x.id)).toEqual([s.json.id]);
    const list = await api(t, 'GET', `/api/v1/campaigns/${id}/tallies`, { cookie: headDS });
    expect(list.json.villages[0].sheets[0]).toMatchObject({ status: 'confirmed', counts: true, confirmedByName: 'thanhtra' });
  });

  it('answers 403 when the submitter confirms their own sheet, and 403 to a village head confirming any', async () => {
    const { id } = await decision();
    const s = await submit(id, paperSheet(), staff);
    const own = await api(t, 'POST', `/api/v1/tallies/${s.json.id}/confirm`, { cookie: staff });
    expect(own.status).toBe(403);
    expect(own.json.error.message).toContain('người khác');
    expect((await api(t, 'POST', `/api/v1/tallies/${s.json.id}/confirm`, { cookie: headDS })).status).toBe(403);
    const other = await login(t, 'canbo2');
    expect((await api(t, 'POST', `/api/v1/tallies/${s.json.id}/confirm`, { cookie: other })).status).toBe(200);
  });

  it('answers 409 to confirming a sheet twice', async () => {
    const { id } = await decision();
    const s = await submit(id, paperSheet());
    expect((await api(t, 'POST', `/api/v1/tallies/${s.json.id}/confirm`, { cookie: inspector })).status).toBe(200);
    const again = await api(t, 'POST', `/api/v1/tallies/${s.json.id}/confirm`, { cookie: staff });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('INVALID_STATE');
  });

  it('lets only one of two simultaneous confirmations through', async () => {
    const { id } = await decision();
    const s = await submit(id, paperSheet());
    const [a, b] = await Promise.all([
      api(t, 'POST', `/api/v1/tallies/${s.json.id}/confirm`, { cookie: inspector }),
      api(t, 'POST', `/api/v1/tallies/${s.json.id}/confirm`, { cookie: staff }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const log = await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'tally.confirm').execute();
    expect(log).toHaveLength(1);
  });

  it('answers 404 for a sheet id that does not exist', async () => {
    expect((await api(t, 'POST', '/api/v1/tallies/nope/confirm', { cookie: inspector })).status).toBe(404);
  });
});

describe('corrections', () => {
  it('adds version 2 with its reason, keeps version 1 visible as superseded, and only the confirmed latest counts', async () => {
    const { id } = await decision();
    const v1 = await submit(id, paperSheet());
    await api(t, 'POST', `/api/v1/tallies/${v1.json.id}/confirm`, { cookie: inspector });
    const v2 = await api(t, 'POST', `/api/v1/tallies/${v1.json.id}/corrections`, {
      cookie: headDS, body: { ...paperSheet({ counts: { decision: { approve: 6, reject: 2, other: 1 } } }), reason: 'Đếm lại phiếu không đồng ý' },
    });
    expect(v2.status).toBe(201);
    expect(v2.json).toMatchObject({ status: 'submitted', version: 2, supersedes: v1.json.id });
    // the correction waits for its own confirmation; the superseded version no longer counts
    expect(await confirmedSheets(t.deps.db, id)).toEqual([]);

    const list = await api(t, 'GET', `/api/v1/campaigns/${id}/tallies`, { cookie: staff });
    const sheets = list.json.villages.find((v: any) => v.villageId === DS.id).sheets;
    expect(sheets.map((s: any) => [s.version, s.status, s.reason])).toEqual([
      [2, 'submitted', 'Đếm lại phiếu không đồng ý'], [1, 'superseded', ''],
    ]);
    expect(sheets[1].data.counts.decision.approve).toBe(7);

    const stale = await api(t, 'POST', `/api/v1/tallies/${v1.json.id}/confirm`, { cookie: staff });
    expect(stale.status).toBe(409);
    const staleFix = await api(t, 'POST', `/api/v1/tallies/${v1.json.id}/corrections`, { cookie: headDS, body: { ...paperSheet(), reason: 'x' } });
    expect(staleFix.status).toBe(409);

    expect((await api(t, 'POST', `/api/v1/tallies/${v2.json.id}/confirm`, { cookie: inspector })).status).toBe(200);
    const counted = await confirmedSheets(t.deps.db, id);
    expect(counted.map((s) => [s.version, s.data.counts.decision!.approve])).toEqual([[2, 6]]);
    const log = await t.deps.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', 'like', 'tally.%').orderBy('seq').execute();
    expect(log.map((l) => l.action)).toEqual(['tally.submit', 'tally.confirm', 'tally.correct', 'tally.confirm']);
    expect((await api(t, 'GET', '/api/v1/audit/verify', { cookie: inspector })).json).toMatchObject({ ok: true, problems: [] });
  });

  it('needs a reason and checks the corrected numbers like the first sheet', async () => {
    const { id } = await decision();
    const v1 = await submit(id, paperSheet());
    const noReason = await api(t, 'POST', `/api/v1/tallies/${v1.json.id}/corrections`, { cookie: headDS, body: paperSheet() });
    expect(noReason.status).toBe(422);
    expect(paths(noReason)).toEqual(['reason']);
    const bad = await api(t, 'POST', `/api/v1/tallies/${v1.json.id}/corrections`, { cookie: headDS, body: { ...paperSheet({ returned: 11 }), reason: 'sửa' } });
    expect(bad.status).toBe(422);
    expect(paths(bad)).toContain('returned');
    const otherHead = await api(t, 'POST', `/api/v1/tallies/${v1.json.id}/corrections`, { cookie: headTH, body: { ...paperSheet(), reason: 'sửa' } });
    expect(otherHead.status).toBe(403);
  });

  it('lets only one of two corrections of the same version win', async () => {
    const { id } = await decision();
    const v1 = await submit(id, paperSheet());
    const body = { ...paperSheet(), reason: 'Sửa số phiếu' };
    const [a, b] = await Promise.all([
      api(t, 'POST', `/api/v1/tallies/${v1.json.id}/corrections`, { cookie: headDS, body }),
      api(t, 'POST', `/api/v1/tallies/${v1.json.id}/corrections`, { cookie: staff, body }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const list = await api(t, 'GET', `/api/v1/campaigns/${id}/tallies`, { cookie: staff });
    expect(list.json.villages[0].sheets.map((s: any) => s.version)).toEqual([2, 1]);
  });
});

describe('who may see and change tallies', () => {
  it('secures every tally route: 401 without a session, 403 for other roles and other villages, nothing across communes', async () => {
    const { id, serials } = await decision();
    const s = await submit(id, paperSheet());
    await expectRouteSecured(t, {
      method: 'POST', path: `/api/v1/campaigns/${id}/tallies`, body: () => paperSheet(), allow: ['admin', 'staff', 'village_head'],
      villageScoped: true, villageId: DS.id, leaks: ['Nguyễn Văn Ba'],
    });
    await expectRouteSecured(t, {
      method: 'GET', path: `/api/v1/campaigns/${id}/tallies?villageId=${DS.id}`, allow: ['admin', 'staff', 'inspector', 'village_head'],
      villageScoped: true, villageId: DS.id, leaks: ['Nguyễn Văn Ba', 'Đóng góp làm đường'],
    });
    await expectRouteSecured(t, {
      method: 'POST', path: `/api/v1/tallies/${s.json.id}/corrections`, body: () => ({ ...paperSheet(), reason: 'kiểm tra' }),
      allow: ['admin', 'staff', 'village_head'], villageScoped: true, villageId: DS.id, leaks: ['Nguyễn Văn Ba'],
    });
    const ds = serials.filter((x) => x.villageId === DS.id);
    await expectRouteSecured(t, {
      method: 'POST', path: `/api/v1/campaigns/${id}/paper-ballots/${ds[0]!.serial}`, allow: ['admin', 'staff', 'village_head'],
      villageScoped: true, villageId: DS.id, leaks: [ds[0]!.householdCode],
    });
    await expectRouteSecured(t, {
      method: 'GET', path: `/api/v1/campaigns/${id}/paper-ballots?villageId=${DS.id}`, allow: ['admin', 'staff', 'inspector', 'village_head'],
      villageScoped: true, villageId: DS.id, leaks: ['Đóng góp làm đường'],
    });
  });

  it('secures confirmation: inspectors and staff only, nothing across communes', async () => {
    const { id } = await decision();
    const s = await submit(id, paperSheet());
    await expectRouteSecured(t, { method: 'POST', path: `/api/v1/tallies/${s.json.id}/confirm`, allow: ['admin', 'staff', 'inspector'] });
  });

  it('shows a village head only their own village’s sheets', async () => {
    const { id } = await decision();
    await submit(id, paperSheet());
    await submit(id, paperSheet({
      villageId: TH.id, issued: 6, returned: 6, counts: { decision: { approve: 5, reject: 1, other: 0 } },
      board: ['Vũ Văn Một', 'Vũ Văn Hai', 'Vũ Văn Ba'], witnesses: ['Mai Thị Bốn', 'Mai Thị Năm'],
    }), headTH);
    const list = await api(t, 'GET', `/api/v1/campaigns/${id}/tallies`, { cookie: headTH });
    expect(list.json.villages.map((v: any) => v.villageId)).toEqual([TH.id]);
    expect(JSON.stringify(list.json)).not.toContain('Nguyễn Văn Ba');
  });
});

// ---- photos ----

/** A real 4 × 3 grey PNG (zlib-compressed scanlines), with a tEXt chunk naming whoever took it. */
function photoPng(text = 'Author\u0000Nguyen Van Chup'): Uint8Array {
  return greyPng(4, 3, { fill: 0x90, extra: [pngChunk('tEXt', Buffer.from(text, 'latin1'))] });
}

function photoForm(bytes: Uint8Array, name: string, type: string): FormData {
  const form = new FormData();
  form.append('photo', new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
  return form;
}

describe('photos of the signed sheet', () => {
  it('accepts a PNG as multipart and serves it back stripped of its text chunk, with safe headers', async () => {
    const { id } = await decision();
    const s = await submit(id, paperSheet());
    const r = await api(t, 'POST', `/api/v1/tallies/${s.json.id}/photos`, { cookie: headDS, body: photoForm(photoPng(), 'bien-ban.png', 'image/png') });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ mime: 'image/png', width: 4, height: 3 });
    const res = await t.app.request(r.json.url, { headers: { cookie: inspector } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="bien-ban-[A-Za-z0-9-]+\.png"$/);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    const served = Buffer.from(await res.arrayBuffer());
    expect(served.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(served.includes(Buffer.from('tEXt'))).toBe(false);
    expect(served.includes(Buffer.from('Nguyen Van Chup'))).toBe(false);
    expect(served.length).toBe(r.json.size);
    const list = await api(t, 'GET', `/api/v1/campaigns/${id}/tallies`, { cookie: staff });
    expect(list.json.villages[0].sheets[0].photos).toEqual([expect.objectContaining({ id: r.json.id, url: r.json.url, mime: 'image/png' })]);
  });

  it('accepts the raw image as the body', async () => {
    const { id } = await decision();
    const s = await submit(id, paperSheet());
    const r = await api(t, 'POST', `/api/v1/tallies/${s.json.id}/photos`, { cookie: staff, body: photoPng(), headers: { 'content-type': 'image/png' } });
    expect(r.status).toBe(201);
  });

  it('refuses a text file renamed .jpg with 415, and a broken PNG with 422, storing nothing', async () => {
    const { id } = await decision();
    const s = await submit(id, paperSheet());
    const text = new TextEncoder().encode('Biên bản họp thôn, không phải ảnh');
    const r = await api(t, 'POST', `/api/v1/tallies/${s.json.id}/photos`, { cookie: headDS, body: photoForm(text, 'anh.jpg', 'image/jpeg') });
    expect(r.status).toBe(415);
    expect(r.json.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const broken = await api(t, 'POST', `/api/v1/tallies/${s.json.id}/photos`, { cookie: headDS, body: photoForm(photoPng().subarray(0, 40), 'a.png', 'image/png') });
    expect(broken.status).toBe(422);
    expect(paths(broken)).toEqual(['photo']);
    const list = await api(t, 'GET', `/api/v1/campaigns/${id}/tallies`, { cookie: staff });
    expect(list.json.villages[0].sheets[0].photos).toEqual([]);
  });

  it('refuses a photo on a superseded version, and keeps photos from other villages’ heads', async () => {
    const { id } = await decision();
    const s = await submit(id, paperSheet());
    const p = await api(t, 'POST', `/api/v1/tallies/${s.json.id}/photos`, { cookie: headDS, body: photoForm(photoPng(), 'a.png', 'image/png') });
    expect((await api(t, 'GET', p.json.url, { cookie: headTH })).status).toBe(403);
    expect((await api(t, 'POST', `/api/v1/tallies/${s.json.id}/photos`, { cookie: headTH, body: photoForm(photoPng(), 'a.png', 'image/png') })).status).toBe(403);
    await api(t, 'POST', `/api/v1/tallies/${s.json.id}/corrections`, { cookie: headDS, body: { ...paperSheet(), reason: 'Chụp lại' } });
    const late = await api(t, 'POST', `/api/v1/tallies/${s.json.id}/photos`, { cookie: headDS, body: photoForm(photoPng(), 'a.png', 'image/png') });
    expect(late.status).toBe(409);
    await expectRouteSecured(t, { method: 'GET', path: p.json.url, allow: ['admin', 'staff', 'inspector', 'village_head'], villageScoped: true, villageId: DS.id });
  });
});

// ---- returned paper ballots ----

const register = (id: string, serial: string, cookie = headDS, body?: unknown, headers: Record<string, string> = {}) =>
  api(t, 'POST', `/api/v1/campaigns/${id}/paper-ballots/${encodeURIComponent(serial)}`, { cookie, body, headers });

describe('registering returned paper ballots by serial', () => {
  it('registers a ballot once with 201 and flags a second registration as already counted', async () => {
    const { id, serials } = await decision();
    const mine = serials.find((s) => s.villageId === DS.id)!;
    const r = await register(id, mine.serial);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ status: 'registered', householdCode: mine.householdCode, counted: false });
    const again = await register(id, mine.serial, staff);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('ALREADY_USED');
    expect(again.json.error.message).toContain('đã được kiểm');
  });

  it('flags a ballot whose household already voted online, and the counts stay the same', async () => {
    const { id, serials } = await decision({ category: 'k6', channels: ['online', 'paper'], onlineApproval: ONLINE_AGREED });
    const mine = serials.find((s) => s.villageId === DS.id)!;
    expect((await vote(t, mine.serial, { decision: 'approve' })).status).toBe(201);
    const before = await api(t, 'GET', `/api/v1/campaigns/${id}/paper-ballots?villageId=${DS.id}`, { cookie: headDS });
    expect(before.json.villages[0]).toMatchObject({ households: 10, registered: 0, online: 1, missing: 9 });
    const r = await register(id, mine.serial);
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('ALREADY_USED');
    expect(r.json.error.message).toContain('đã bỏ phiếu trực tuyến');
    const after = await api(t, 'GET', `/api/v1/campaigns/${id}/paper-ballots?villageId=${DS.id}`, { cookie: headDS });
    expect(after.json).toEqual(before.json);
    const ballots = await t.deps.db.selectFrom('ballots').select('channel').where('campaign_id', '=', id).execute();
    expect(ballots).toEqual([{ channel: 'online' }]);
  });

  it('refuses an online vote on a serial already registered on paper', async () => {
    const { id, serials } = await decision({ category: 'k6', channels: ['online', 'paper'], onlineApproval: ONLINE_AGREED });
    const mine = serials.find((s) => s.villageId === DS.id)!;
    expect((await register(id, mine.serial)).status).toBe(201);
    const online = await vote(t, mine.serial, { decision: 'approve' });
    expect(online.status).toBe(409);
    expect(online.json.error.code).toBe('ALREADY_USED');
  });

  it('answers 404 for an unknown serial and a typo, and 403 for another village’s ballot from a village head', async () => {
    const { id, serials } = await decision();
    const th = serials.find((s) => s.villageId === TH.id)!;
    const s = th.serial;
    const typo = (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    expect((await register(id, typo)).status).toBe(404);
    expect((await register(id, 'XYZ')).status).toBe(404);
    const other = await register(id, s);
    expect(other.status).toBe(403);
    expect((await register(id, `${s.slice(0, 4).toLowerCase()} ${s.slice(4)}`, headTH)).status).toBe(201);
  });

  it('refuses a serial of another campaign with 404', async () => {
    const a = await decision();
    const b = await decision({ title: 'Quỹ khuyến học' });
    const serialOfB = b.serials.find((s) => s.villageId === DS.id)!.serial;
    expect((await register(a.id, serialOfB)).status).toBe(404);
  });

  it('answers a retried registration with the same Idempotency-Key as a replay, not a duplicate', async () => {
    const { id, serials } = await decision();
    const mine = serials.find((s) => s.villageId === DS.id)!;
    const first = await register(id, mine.serial, headDS, undefined, { 'idempotency-key': 'scan-1' });
    expect(first.status).toBe(201);
    const retry = await register(id, mine.serial, headDS, undefined, { 'idempotency-key': 'scan-1' });
    expect(retry.status).toBe(200);
    expect(retry.json).toMatchObject({ status: 'registered', replay: true });
    expect((await register(id, mine.serial, headDS, undefined, { 'idempotency-key': 'scan-2' })).status).toBe(409);
  });

  it('never answers one channel’s use as a retry of the other’s, whatever key is sent again', async () => {
    const { id, serials } = await decision({ category: 'k6', channels: ['online', 'paper'], onlineApproval: ONLINE_AGREED });
    const [online, paper] = serials.filter((s) => s.villageId === DS.id);
    expect((await vote(t, online!.serial, { decision: 'approve' }, { 'idempotency-key': 'same-key' })).status).toBe(201);
    const onPaper = await register(id, online!.serial, headDS, undefined, { 'idempotency-key': 'same-key' });
    expect(onPaper.status).toBe(409);
    expect(onPaper.json.error.message).toContain('trực tuyến');
    expect((await register(id, paper!.serial, headDS, undefined, { 'idempotency-key': 'key-2' })).status).toBe(201);
    const online2 = await vote(t, paper!.serial, { decision: 'approve' }, { 'idempotency-key': 'key-2' });
    expect(online2.status).toBe(409);
    expect(online2.json.error.code).toBe('ALREADY_USED');
  });

  it('answers 409 INVALID_STATE once the results are published', async () => {
    const { id, serials } = await decision();
    await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff });
    expect((await register(id, serials[0]!.serial, staff)).status).toBe(201);
    await t.deps.db.updateTable('campaigns').set({ status: 'published' }).where('id', '=', id).execute();
    const r = await register(id, serials[1]!.serial, staff);
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('INVALID_STATE');
  });

  it('reports registered, online and missing per village', async () => {
    const { id, serials } = await decision({ category: 'k6', channels: ['online', 'paper'], onlineApproval: ONLINE_AGREED });
    const ds = serials.filter((s) => s.villageId === DS.id);
    await register(id, ds[0]!.serial);
    await register(id, ds[1]!.serial);
    await vote(t, ds[2]!.serial, { decision: 'reject' });
    const r = await api(t, 'GET', `/api/v1/campaigns/${id}/paper-ballots`, { cookie: staff });
    expect(r.status).toBe(200);
    expect(r.json.villages).toEqual([
      { villageId: DS.id, code: 'DS', name: 'Thôn Đông Sơn', households: 10, serials: 10, registered: 2, online: 1, missing: 7 },
      { villageId: TH.id, code: 'TH', name: 'Thôn Trung Hà', households: 6, serials: 6, registered: 0, online: 0, missing: 6 },
    ]);
    const head = await api(t, 'GET', `/api/v1/campaigns/${id}/paper-ballots`, { cookie: headTH });
    expect(head.json.villages.map((v: any) => v.code)).toEqual(['TH']);
  });
});

describe('per-ballot entry of paper ballots', () => {
  it('stores the marks as a binding paper ballot linked to its serial for a campaign that is not secret', async () => {
    const { id, serials } = await decision();
    const mine = serials.find((s) => s.villageId === DS.id)!;
    const r = await register(id, mine.serial, headDS, { answers: { decision: 'reject' } });
    expect(r.status).toBe(201);
    expect(r.json.counted).toBe(true);
    const rows = await t.deps.db.selectFrom('ballots').selectAll().where('campaign_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'paper', binding: 1, village_id: DS.id });
    expect(JSON.parse(rows[0]!.answers)).toEqual({ decision: 'reject' });
    expect(rows[0]!.serial_hash).not.toBeNull();
  });

  it('keeps no link between a secret ballot and its stub: no serial, household or time on the ballot', async () => {
    const { id, serials } = await election();
    const r = await register(id, serials[0]!.serial, headDS, { answers: { candidates: ['c2'] } });
    expect(r.status).toBe(201);
    expect(r.json.householdCode).toBeUndefined();
    // sealed until no paper ballot can be entered any more: published
    expect(await t.deps.db.selectFrom('ballots').selectAll().where('campaign_id', '=', id).execute()).toEqual([]);
    const [sealed] = await t.deps.db.selectFrom('sealed_ballots').selectAll().where('campaign_id', '=', id).execute();
    expect(sealed).toMatchObject({ channel: 'paper', mixed: 0 });
    expect(sealed!.sealed).not.toContain('c2');
    expect((await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff })).status).toBe(200);
    expect(await t.deps.db.selectFrom('ballots').selectAll().where('campaign_id', '=', id).execute()).toEqual([]);
    expect((await api(t, 'POST', `/api/v1/campaigns/${id}/publish`, { cookie: staff })).status).toBe(200);
    expect(await t.deps.db.selectFrom('sealed_ballots').selectAll().where('campaign_id', '=', id).execute()).toEqual([]);
    const [ballot] = await t.deps.db.selectFrom('ballots').selectAll().where('campaign_id', '=', id).execute();
    expect(ballot).toMatchObject({ channel: 'paper', serial_hash: null, submitted_at: null });
    expect(JSON.parse(ballot!.answers)).toEqual({ candidates: ['c2'] });
    const use = await t.deps.db.selectFrom('serial_uses').selectAll().where('campaign_id', '=', id).executeTakeFirstOrThrow();
    expect(use.used_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const log = await t.deps.db.selectFrom('audit_log').select('data').where('action', '=', 'paper_ballot.register').execute();
    expect(log.map((l) => JSON.parse(l.data))).toEqual([{ villageId: DS.id }]);
  });

  it('refuses marks that break the form with 422 and leaves the serial unregistered', async () => {
    const { id, serials } = await election();
    const bad = await register(id, serials[0]!.serial, headDS, { answers: { candidates: ['c1', 'c2'] } });
    expect(bad.status).toBe(422);
    expect(paths(bad)).toEqual(['candidates']);
    expect((await register(id, serials[0]!.serial, headDS, { answers: { candidates: ['c1'] } })).status).toBe(201);
  });
});
