import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { makeTestApp, addUser, login, api, FIXTURES, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote, lawfulMeeting } from '../support/campaigns';
import { expectRouteSecured } from '../support/security';
import { submitAnonymous } from '../../server/services/submit-anonymous';
import { tinyPng } from '../support/images';


let t: TestEnv;
let staff: string;
let inspector: string;

beforeEach(async () => {
  t = await makeTestApp();
  await addUser(t, { username: 'canbo', role: 'staff' });
  await addUser(t, { username: 'thanhtra', role: 'inspector' });
  staff = await login(t, 'canbo');
  inspector = await login(t, 'thanhtra');
});
afterEach(() => t.close());

const BOARD = { board: ['Nguyễn Văn Ba', 'Lê Thị Tư', 'Phạm Văn Năm'], witnesses: ['Hoàng Văn Sáu', 'Đỗ Thị Bảy'] };

/** Submits a sheet as staff and has the inspector confirm it (only confirmed sheets count). */
async function confirmedSheet(campaignId: string, body: Record<string, unknown>): Promise<string> {
  const s = await api(t, 'POST', `/api/v1/campaigns/${campaignId}/tallies`, { cookie: staff, body: lawfulMeeting({ ...BOARD, ...body }) });
  if (s.status !== 201) throw new Error(`tally: ${s.status} ${s.text}`);
  const c = await api(t, 'POST', `/api/v1/tallies/${s.json.id}/confirm`, { cookie: inspector });
  if (c.status !== 200) throw new Error(`confirm: ${c.status} ${c.text}`);
  return s.json.id;
}

async function close(id: string) {
  const r = await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff });
  if (r.status !== 200) throw new Error(`close: ${r.status} ${r.text}`);
}

const publish = (id: string, body?: unknown, cookie = staff) => api(t, 'POST', `/api/v1/campaigns/${id}/publish`, { cookie, body });

/** A small k1 decision over two villages of 10 and 6 households, open, with DS's paper sheet confirmed. */
async function smallDecision(): Promise<{ id: string; slug: string; DS: SeededVillage; TH: SeededVillage; sheet: string }> {
  const [DS, TH] = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 10 }, { code: 'TH', name: 'Thôn Trung Hà', households: 6 }]);
  const { id, slug } = await createCampaign(t, staff, {
    title: 'Đóng góp làm đường bê tông', kind: 'decision', category: 'k1', villageIds: [DS!.id, TH!.id], channels: ['meeting', 'paper'],
    template: 'household-decision',
  });
  await openCampaign(t, staff, id);
  const sheet = await confirmedSheet(id, { villageId: DS!.id, channel: 'paper', issued: 10, returned: 9, invalid: 0, counts: { decision: { approve: 7, reject: 1, other: 1 } } });
  return { id, slug, DS: DS!, TH: TH!, sheet };
}

describe('results before publication', () => {
  it('are hidden from the public, village heads and other communes (404) while staff and the inspector see a preview', async () => {
    const { id, slug, DS } = await smallDecision();
    await addUser(t, { username: 'truongds', role: 'village_head', villageId: DS.id });
    await addUser(t, { username: 'ngoai', role: 'staff', communeId: t.otherCommuneId });
    const head = await login(t, 'truongds');
    const outsider = await login(t, 'ngoai');

    for (const path of [`/api/v1/campaigns/${id}/results`, `/api/v1/campaigns/${id}/results.csv`, `/api/v1/campaigns/${id}/results.json`, `/api/v1/campaigns/${id}/publications`]) {
      expect((await api(t, 'GET', path)).status, `${path} public`).toBe(404);
      const byHead = await api(t, 'GET', path, { cookie: head });
      expect(byHead.status, `${path} village head`).toBe(404);
      expect(byHead.text).not.toContain('Đông Sơn');
      const other = await api(t, 'GET', path, { cookie: outsider });
      expect(other.status, `${path} other commune`).toBe(404);
      expect(other.text).not.toContain('Đông Sơn');
    }
    expect((await t.app.request(`/r/${slug}`, { headers: { accept: 'text/html' } })).status).toBe(404);

    for (const cookie of [staff, inspector]) {
      const r = await api(t, 'GET', `/api/v1/campaigns/${id}/results`, { cookie });
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ preview: true, publication: null, campaign: { id, kind: 'decision', category: 'k1', status: 'open' } });
      // 10 households, k1 needs ⌈2·10/3⌉ = 7 approvals: 7 given, so Đông Sơn passes.
      expect(r.json.villages[0]).toMatchObject({ code: 'DS', households: 10, participated: 9, questions: { decision: { counts: { approve: 7, reject: 1, other: 1 }, required: 7, passed: true } } });
    }
  });

  it('refuses to publish an open campaign with 409 INVALID_STATE', async () => {
    const { id } = await smallDecision();
    const r = await publish(id);
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('INVALID_STATE');
  });
});

describe('publishing', () => {
  it('freezes a snapshot: a sheet corrected after publication changes nothing public until a correction with a reason is published as version 2', async () => {
    const { id, slug, sheet } = await smallDecision();
    await close(id);
    const p1 = await publish(id);
    expect(p1.status).toBe(200);
    expect(p1.json).toMatchObject({ status: 'published', version: 1 });

    const v1 = await api(t, 'GET', `/api/v1/campaigns/${id}/results`);
    expect(v1.status).toBe(200);
    expect(v1.json.preview).toBe(false);
    expect(v1.json.publication).toMatchObject({ version: 1, hash: p1.json.hash });
    expect(v1.json.campaign.status).toBe('published');
    // The hash is the SHA-256 of the stored snapshot, and the audit log carries it.
    const row = await t.deps.db.selectFrom('publications').selectAll().where('campaign_id', '=', id).executeTakeFirstOrThrow();
    expect(createHash('sha256').update(row.snapshot).digest('hex')).toBe(p1.json.hash);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'data']).where('entity_id', '=', id).execute();
    expect(audit.find((a) => a.action === 'results.publish')!.data).toContain(p1.json.hash);

    // The village corrects its sheet after publication: one more approval, confirmed.
    t.clock.advance(3_600_000);
    const fix = await api(t, 'POST', `/api/v1/tallies/${sheet}/corrections`, {
      cookie: staff, body: { ...BOARD, issued: 10, returned: 9, invalid: 0, counts: { decision: { approve: 8, reject: 1, other: 0 } }, reason: 'Đếm lại phiếu' },
    });
    expect(fix.status).toBe(201);
    expect((await api(t, 'POST', `/api/v1/tallies/${fix.json.id}/confirm`, { cookie: inspector })).status).toBe(200);

    const still = await api(t, 'GET', `/api/v1/campaigns/${id}/results`);
    expect(still.text).toBe(v1.text);
    const preview = await api(t, 'GET', `/api/v1/campaigns/${id}/results?preview=1`, { cookie: staff });
    expect(preview.json.villages[0].questions.decision.counts.approve).toBe(8);

    const noReason = await publish(id);
    expect(noReason.status).toBe(422);
    expect(noReason.json.error.details.map((d: any) => d.path)).toEqual(['reason']);

    const p2 = await publish(id, { reason: 'Thôn Đông Sơn đếm lại phiếu' });
    expect(p2.json).toMatchObject({ status: 'published', version: 2 });
    expect(p2.json.hash).not.toBe(p1.json.hash);
    const v2 = await api(t, 'GET', `/api/v1/campaigns/${id}/results`);
    expect(v2.json.publication).toMatchObject({ version: 2, reason: 'Thôn Đông Sơn đếm lại phiếu' });
    expect(v2.json.villages[0].questions.decision.counts.approve).toBe(8);

    const versions = await api(t, 'GET', `/api/v1/campaigns/${id}/publications`);
    expect(versions.json.map((v: any) => [v.version, v.hash])).toEqual([[2, p2.json.hash], [1, p1.json.hash]]);
    const old = await api(t, 'GET', `/api/v1/campaigns/${id}/results?version=1`);
    expect(old.json.villages[0].questions.decision.counts.approve).toBe(7);

    const page = await (await t.app.request(`/r/${slug}`)).text();
    expect(page).toContain(p1.json.hash);
    expect(page).toContain('Thôn Đông Sơn đếm lại phiếu');
  });

  it('serves the results page from memory with an ETag and answers 304 to a matching If-None-Match', async () => {
    const { id, slug } = await smallDecision();
    await close(id);
    await publish(id);
    const first = await t.app.request(`/r/${slug}`);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"r1-/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const again = await t.app.request(`/r/${slug}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const english = await t.app.request(`/r/${slug}?lang=en`);
    expect(english.headers.get('etag')).not.toBe(etag);
    expect(await english.text()).toContain('Approvals needed');
  });

  it('is only for the commune’s staff', async () => {
    const { id } = await smallDecision();
    await close(id);
    await expectRouteSecured(t, { method: 'POST', path: `/api/v1/campaigns/${id}/publish`, allow: ['admin', 'staff'], leaks: ['Đóng góp làm đường'] });
    await expectRouteSecured(t, { method: 'GET', path: `/staff/campaigns/${id}/results`, allow: ['admin', 'staff', 'inspector', 'province_admin'], leaks: ['Đóng góp làm đường'] });
  });
});

describe('the staff preview page', () => {
  /** A browser's form post: Origin set, so the session's CSRF token is required. */
  async function postForm(path: string, fields: Record<string, string>) {
    const res = await t.app.request(path, {
      method: 'POST', body: new URLSearchParams(fields).toString(),
      headers: { cookie: staff, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    });
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  }
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

  it('shows staff what the public will see, publishes by form and asks for the reason of a correction in place', async () => {
    const { id, slug } = await smallDecision();
    const open = await (await t.app.request(`/staff/campaigns/${id}/results`, { headers: { cookie: staff } })).text();
    expect(open).toContain('Bản xem trước');
    expect(open).toContain('cần ít nhất 7 phiếu đồng ý trên tổng số 10 hộ');
    expect(open).not.toContain('action="/staff/campaigns/');
    await close(id);

    const page = await (await t.app.request(`/staff/campaigns/${id}/results`, { headers: { cookie: staff } })).text();
    expect(page).toContain(`action="/staff/campaigns/${id}/publish"`);
    expect((await postForm(`/staff/campaigns/${id}/publish`, {})).status).toBe(403);
    const done = await postForm(`/staff/campaigns/${id}/publish`, { _csrf: csrfOf(page) });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`/staff/campaigns/${id}/results?published=1`);
    expect((await t.app.request(`/r/${slug}`)).status).toBe(200);

    const again = await postForm(`/staff/campaigns/${id}/publish`, { _csrf: csrfOf(page), reason: '  ' });
    expect(again.status).toBe(422);
    expect(again.text).toContain('muốn đính chính phải nêu lý do');
    expect(again.text).toContain('aria-invalid="true"');
  });
});

describe('photos of the signed tally sheets', () => {
  it('are shown on the published page and served only as part of it', async () => {
    const { id, slug, sheet } = await smallDecision();
    const photo = await api(t, 'POST', `/api/v1/tallies/${sheet}/photos`, { cookie: staff, body: tinyPng(), headers: { 'content-type': 'image/png' } });
    expect(photo.status).toBe(201);
    await close(id);
    await publish(id);
    const r = await api(t, 'GET', `/api/v1/campaigns/${id}/results`);
    expect(r.json.photos).toEqual([{ id: photo.json.id, villageId: r.json.villages[0].villageId, channel: 'paper', mime: 'image/png', sha256: photo.json.sha256 }]);
    const page = await (await t.app.request(`/r/${slug}`)).text();
    expect(page).toContain(`src="/r/${slug}/photos/${photo.json.id}"`);
    expect(page).toContain('alt="Biên bản kiểm phiếu giấy, Thôn Đông Sơn"');
    const img = await t.app.request(`/r/${slug}/photos/${photo.json.id}`);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect(createHash('sha256').update(new Uint8Array(await img.arrayBuffer())).digest('hex')).toBe(photo.json.sha256);
    expect((await t.app.request(`/r/${slug}/photos/nope`)).status).toBe(404);
  });
});

describe('open data', () => {
  it('gives the CSV in UTF-8 with a BOM, Vietnamese headers and one row per village and option', async () => {
    const { id, slug } = await smallDecision();
    await close(id);
    await publish(id);
    const res = await t.app.request(`/api/v1/campaigns/${id}/results.csv`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).trim().split('\r\n').map((l) => l.split(','));
    expect(lines[0]).toEqual(['Mã thôn', 'Thôn', 'Tổng số hộ', 'Số hộ tham gia', 'Tỷ lệ tham gia (%)', 'Câu hỏi', 'Lựa chọn', 'Mã lựa chọn', 'Số phiếu', 'Loại', 'Số phiếu cần đạt', 'Kết quả']);
    const ds = lines.filter((l) => l[0] === 'DS');
    expect(ds.map((l) => [l[7], l[8], l[10], l[11]])).toEqual([
      ['approve', '7', '7', 'Thông qua'], ['reject', '1', '7', 'Thông qua'], ['other', '1', '7', 'Thông qua'],
    ]);
    expect(ds[0]!.slice(2, 5)).toEqual(['10', '9', '90']);
    // Trung Hà (6 households) has no sheet: 0 approvals of the ⌈2·6/3⌉ = 4 needed.
    expect(lines.find((l) => l[0] === 'TH' && l[7] === 'approve')!.slice(8, 12)).toEqual(['0', 'Có giá trị quyết định', '4', 'Không thông qua']);
    const json = await api(t, 'GET', `/api/v1/campaigns/${id}/results.json`);
    expect(json.json.villages.map((v: any) => v.questions.decision.required)).toEqual([7, 4]);
    expect(slug).toBeTruthy();
  });

  it('prints the results notice as an A4 PDF', async () => {
    const { id } = await smallDecision();
    await close(id);
    await publish(id);
    const { loadPrintFonts } = await import('../../server/runtime/fonts-node');
    const { createApp } = await import('../../server/app');
    const app = createApp({ ...t.deps, fonts: loadPrintFonts });
    const res = await app.request(`/api/v1/campaigns/${id}/results-notice.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });
});

// ---- a full campaign over the demo commune (fixtures: six villages, 1,599 households) ----

interface FixtureVillage { code: string; name: string; households: number }

async function demoCommune(): Promise<Map<string, { id: string; households: number; name: string }>> {
  const villages = JSON.parse(readFileSync(`${FIXTURES}villages.json`, 'utf8')) as FixtureVillage[];
  const out = new Map<string, { id: string; households: number; name: string }>();
  for (const v of villages) {
    const r = await api(t, 'POST', '/api/v1/villages', { cookie: staff, body: { code: v.code, name: v.name } });
    expect(r.status).toBe(201);
    out.set(v.code, { id: r.json.id, households: v.households, name: v.name });
  }
  const csv = readFileSync(`${FIXTURES}register-clean.csv`);
  const imported = await api(t, 'POST', '/api/v1/households/import', { cookie: staff, headers: { 'content-type': 'text/csv' }, body: new Uint8Array(csv) });
  expect(imported.status).toBe(200);
  expect(imported.json).toMatchObject({ created: 1599, rejected: 0 });
  return out;
}

describe('a full k1 decision over the demo commune', () => {
  it('publishes per-village results and the commune result that match the law computed by hand', async () => {
    const villages = await demoCommune();
    const ids = [...villages.values()].map((v) => v.id);
    const { id, slug } = await createCampaign(t, staff, {
      title: 'Đóng góp xây nhà văn hóa xã', kind: 'decision', category: 'k1', villageIds: ids, channels: ['paper', 'meeting'], template: 'household-decision',
      // commune-wide content: explicit, never guessed from the number of villages (Đ21 k1)
      scope: 'commune',
    });
    const serials = await issueSerials(t, staff, id);
    expect(serials).toHaveLength(1599);
    await openCampaign(t, staff, id);

    // Two returned paper ballots of Tây Kiếm registered by their serials.
    const tk = villages.get('TK')!;
    for (const s of serials.filter((x) => x.villageId === tk.id).slice(0, 2)) {
      expect((await api(t, 'POST', `/api/v1/campaigns/${id}/paper-ballots/${s.serial}`, { cookie: staff })).status).toBe(201);
    }

    // The numbers each village reports. Đông Sơn decides at its meeting; Trung
    // Hà's meeting is too small to reach the threshold so its household ballot
    // replaces it; the others count paper ballots.
    const paper = (code: string, returned: number, invalid: number, approve: number, reject: number) => {
      const v = villages.get(code)!;
      return { villageId: v.id, channel: 'paper', issued: v.households, returned, invalid, counts: { decision: { approve, reject, other: returned - invalid - approve - reject } } };
    };
    await confirmedSheet(id, { villageId: villages.get('DS')!.id, channel: 'meeting', present: 300, counts: { decision: { approve: 280, reject: 15, other: 5 } } });
    await confirmedSheet(id, { villageId: villages.get('TH')!.id, channel: 'meeting', present: 150, counts: { decision: { approve: 140, reject: 10, other: 0 } } });
    const sheets = [paper('TH', 250, 5, 179, 60), paper('BL', 180, 2, 129, 40), paper('NK', 300, 0, 222, 70), paper('TK', 140, 3, 120, 10), paper('PX', 200, 1, 150, 40)];
    for (const s of sheets) await confirmedSheet(id, s);
    await close(id);
    expect((await publish(id)).status).toBe(200);

    // Expected, worked out here from the law: k1 passes a village with at
    // least two thirds of ALL its households approving, ⌈2H/3⌉; the commune
    // passes with at least ⌈2V/3⌉ of its V villages.
    const reported: Record<string, { participated: number; approve: number }> = {
      DS: { participated: 300, approve: 280 }, TH: { participated: 250, approve: 179 }, BL: { participated: 180, approve: 129 },
      NK: { participated: 300, approve: 222 }, TK: { participated: 140, approve: 120 }, PX: { participated: 200, approve: 150 },
    };
    const expected = [...villages.entries()].map(([code, v]) => {
      const required = Math.ceil((2 * v.households) / 3);
      return { code, name: v.name, households: v.households, required, passed: reported[code]!.approve >= required, ...reported[code]! };
    });
    expect(expected.map((e) => [e.code, e.required])).toEqual([['DS', 275], ['TH', 179], ['BL', 130], ['NK', 222], ['TK', 101], ['PX', 160]]);
    const villagesPassed = expected.filter((e) => e.passed).length;
    const communePassed = villagesPassed >= Math.ceil((2 * expected.length) / 3);

    const r = await api(t, 'GET', `/api/v1/campaigns/${id}/results`);
    expect(r.status).toBe(200);
    const got = Object.fromEntries(r.json.villages.map((v: any) => [v.code, v]));
    for (const e of expected) {
      expect(got[e.code], e.code).toMatchObject({
        name: e.name, households: e.households, participated: e.participated,
        questions: { decision: { required: e.required, passed: e.passed, counts: { approve: e.approve } } },
      });
    }
    expect(got.TH.fallback.vi).toContain('Đ19 k1 b');
    expect(got.TK.registeredPaper).toBe(2);
    expect(r.json.commune).toMatchObject({ villagesPassed, passed: communePassed, households: 1599, participated: 1370 });
    expect([villagesPassed, communePassed]).toEqual([4, true]);

    const csv = (await (await t.app.request(`/api/v1/campaigns/${id}/results.csv`)).text()).split('\r\n').map((l) => l.split(','));
    for (const e of expected) {
      const approve = csv.find((l) => l[0] === e.code && l[7] === 'approve')!;
      expect(approve.slice(2, 4).map(Number)).toEqual([e.households, e.participated]);
      expect([Number(approve[8]), Number(approve[10]), approve[11]]).toEqual([e.approve, e.required, e.passed ? 'Thông qua' : 'Không thông qua']);
    }

    const page = await (await t.app.request(`/r/${slug}`)).text();
    for (const e of expected) {
      expect(page).toContain(`${e.name}: ${e.passed ? 'Thông qua' : 'Không thông qua'}, ${e.approve} phiếu đồng ý, cần ít nhất ${e.required} phiếu đồng ý trên tổng số ${e.households} hộ.`);
    }
    expect(page).toContain('4/6 thôn tán thành (cần ít nhất 4 thôn).');
    expect(page).toContain('1.370/1.599 hộ');
    expect(page).toContain('type="application/json" id="results-charts"');
    expect(page).not.toMatch(/<script>(?!<\/script>)/);

    const portal = await (await t.app.request('/x/' + (await t.deps.db.selectFrom('communes').select('slug').where('id', '=', t.communeId).executeTakeFirstOrThrow()).slug)).text();
    expect(portal).toContain(`href="/r/${slug}"`);
  });
});

describe('other kinds of campaign', () => {
  it('counts k6 online ballots as binding, and k1 online answers only as advice beside the count', async () => {
    const [A] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 5 }]);
    const k6 = await createCampaign(t, staff, {
      title: 'Giờ mở cửa nhà văn hóa', kind: 'decision', category: 'k6', villageIds: [A!.id], channels: ['online'], template: 'household-decision',
      onlineApproval: { note: 'Họp thôn ngày 01/11/2026 đồng ý biểu quyết trực tuyến' },
    });
    const s6 = await issueSerials(t, staff, k6.id);
    await openCampaign(t, staff, k6.id);
    for (const [i, choice] of ['approve', 'approve', 'approve', 'reject'].entries()) {
      expect((await vote(t, s6[i]!.serial, { decision: choice })).status).toBe(201);
    }
    await close(k6.id);
    await publish(k6.id);
    const r6 = await api(t, 'GET', `/api/v1/campaigns/${k6.id}/results`);
    // 5 households, "trên 50%": ⌊5/2⌋ + 1 = 3 approvals needed; 3 given.
    expect(r6.json.villages[0]).toMatchObject({ participated: 4, basis: 'online', questions: { decision: { counts: { approve: 3, reject: 1, other: 0 }, required: 3, passed: true } } });
    expect(r6.json.advisory).toBeNull();

    const k1 = await createCampaign(t, staff, {
      title: 'Đóng góp đèn đường', kind: 'decision', category: 'k1', villageIds: [A!.id], channels: ['paper'], advisoryOnline: true, template: 'household-decision',
    });
    const s1 = await issueSerials(t, staff, k1.id);
    await openCampaign(t, staff, k1.id);
    expect((await vote(t, s1[0]!.serial, { decision: 'approve' })).status).toBe(201);
    expect((await vote(t, s1[1]!.serial, { decision: 'approve' })).status).toBe(201);
    await confirmedSheet(k1.id, { villageId: A!.id, channel: 'paper', issued: 5, returned: 3, invalid: 0, counts: { decision: { approve: 1, reject: 2, other: 0 } } });
    await close(k1.id);
    await publish(k1.id);
    const r1 = await api(t, 'GET', `/api/v1/campaigns/${k1.id}/results`);
    expect(r1.json.villages[0].questions.decision.counts).toEqual({ approve: 1, reject: 2, other: 0 });
    expect(r1.json.advisory).toMatchObject({ ballots: 2, counts: { decision: { approve: 2 } } });
    const page = await (await t.app.request(`/r/${k1.slug}`)).text();
    expect(page).toContain('chỉ để tham khảo');
  });

  it('reports an election tie at the cut-off for the meeting instead of choosing', async () => {
    const [A] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 10 }]);
    const e = await createCampaign(t, staff, {
      title: 'Bầu Ban Thanh tra nhân dân', kind: 'election', category: 'k5', villageIds: [A!.id], channels: ['meeting'], seats: 2,
      candidates: [{ id: 'c1', name: 'Nguyễn Văn An', villageId: A!.id }, { id: 'c2', name: 'Trần Thị Bình', villageId: A!.id }, { id: 'c3', name: 'Lê Văn Cường', villageId: A!.id }],
    });
    await openCampaign(t, staff, e.id);
    await confirmedSheet(e.id, { villageId: A!.id, channel: 'meeting', present: 10, issued: 10, returned: 10, invalid: 0, counts: { candidates: { c1: 8, c2: 6, c3: 6 } } });
    await close(e.id);
    await publish(e.id);
    const r = await api(t, 'GET', `/api/v1/campaigns/${e.id}/results`);
    // > 10/2 of the households: 6 votes needed; An elected, Bình and Cường tie for the second seat.
    expect(r.json.villages[0]).toMatchObject({ elected: ['c1'], ties: ['c2', 'c3'], questions: { candidates: { required: 6 } } });
    const page = await (await t.app.request(`/r/${e.slug}`)).text();
    expect(page).toContain('Bằng phiếu, cuộc họp quyết định');
    expect(page).toContain('Nguyễn Văn An');
  });

  it('publishes SIPAS indices from anonymous answers', async () => {
    const [A] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 3 }]);
    const s = await createCampaign(t, staff, { title: 'Khảo sát hài lòng quý IV', kind: 'satisfaction', villageIds: [A!.id], channels: ['online'], template: 'sipas' });
    await openCampaign(t, staff, s.id);
    for (const [i, a1] of [5, 4, 2, 3].entries()) {
      await submitAnonymous(t.deps, { slug: s.slug, answers: { a1, b1: 5 }, deviceToken: `device-${i}`, kiosk: false, client: `client-${i}` });
    }
    await close(s.id);
    await publish(s.id);
    const r = await api(t, 'GET', `/api/v1/campaigns/${s.id}/results`);
    expect(r.json.satisfaction.respondents).toBe(4);
    const a1 = r.json.satisfaction.sipas.criteria.find((c: any) => c.name === 'a1');
    // Levels 4–5 count as satisfied: 5 and 4 of 5, 4, 2, 3 → 2/4; mean 14/4 = 3.5.
    expect(a1).toMatchObject({ answers: 4, satisfied: 2, satisfiedShare: 0.5, mean: 3.5 });
    const b = r.json.satisfaction.sipas.elements.find((e: any) => e.element === 'B');
    expect(b).toMatchObject({ answers: 4, satisfied: 4 });
    const csv = await (await t.app.request(`/api/v1/campaigns/${s.id}/results.csv`)).text();
    // each criterion and element by its words, the codes beside them
    expect(csv).toContain('SIPAS,Yếu tố 1. Tiếp cận dịch vụ,Nơi ngồi chờ có đủ chỗ ngồi,Hài lòng (mức 4–5),A.a1,4,2,50,3.5');
  });

  it('rates the one-stop counter per officer and per procedure with the Đ31 reasons', async () => {
    const [A] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 3 }]);
    const s = await createCampaign(t, staff, { title: 'Đánh giá Bộ phận Một cửa', kind: 'satisfaction', villageIds: [A!.id], channels: ['online'], template: 'one-stop-rating' });
    await openCampaign(t, staff, s.id);
    const ratings = [
      { officer: 'Chị Hoa', procedure: 'Chứng thực', rating: 'very_satisfied' },
      { officer: 'Chị Hoa', procedure: 'Hộ tịch', rating: 'satisfied' },
      { officer: 'Anh Nam', procedure: 'Hộ tịch', rating: 'not_satisfied', reasons: ['many_visits', 'officer_attitude'] },
    ];
    for (const [i, a] of ratings.entries()) await submitAnonymous(t.deps, { slug: s.slug, answers: a, deviceToken: `d${i}`, kiosk: false, client: `c${i}` });
    await close(s.id);
    await publish(s.id);
    const r = await api(t, 'GET', `/api/v1/campaigns/${s.id}/results`);
    const one = r.json.satisfaction.oneStop;
    expect(one.overall).toMatchObject({ total: 3, counts: { very_satisfied: 1, satisfied: 1, not_satisfied: 1 } });
    expect(one.byOfficer.map((o: any) => [o.officerId, o.total, o.satisfiedPercent])).toEqual([['Anh Nam', 1, 0], ['Chị Hoa', 2, 100]]);
    expect(one.byProcedure.map((p: any) => [p.procedure, p.total])).toEqual([['Chứng thực', 1], ['Hộ tịch', 2]]);
    expect(one.overall.reasons.map((x: any) => x.label.vi).sort()).toEqual(['Số lần phải liên hệ để hoàn thiện hồ sơ', 'Thái độ ứng xử của cán bộ, công chức']);
  });

  it('publishes a consultation with its opinions grouped under themes and the commune’s answers, never the contact details', async () => {
    const [A] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 3 }]);
    const k = await createCampaign(t, staff, { title: 'Dự thảo quy hoạch chợ', kind: 'consultation', villageIds: [A!.id], channels: ['online'], template: 'consultation' });
    await openCampaign(t, staff, k.id);
    const answers = [
      { s1_opinion: 'disagree', s1_comment: 'Chợ gần trường học, xe cộ đông', contactPhone: '0912345678' },
      { s1_opinion: 'agree_with_comments', s1_comment: 'Cần thêm bãi đỗ xe' },
      { s1_opinion: 'agree' },
    ];
    for (const [i, a] of answers.entries()) await submitAnonymous(t.deps, { slug: k.slug, answers: a, deviceToken: `d${i}`, kiosk: false, client: `c${i}` });

    const theme = await api(t, 'POST', `/api/v1/campaigns/${k.id}/themes`, { cookie: staff, body: { title: 'Giao thông quanh chợ', response: 'Xã bố trí bãi đỗ xe phía sau chợ.' } });
    expect(theme.status).toBe(201);
    const preview = await api(t, 'GET', `/api/v1/campaigns/${k.id}/results`, { cookie: staff });
    const opinionIds = preview.json.opinions.map((o: any) => o.ballotId);
    expect(preview.json.opinions.map((o: any) => o.text).sort()).toEqual(['Chợ gần trường học, xe cộ đông', 'Cần thêm bãi đỗ xe']);
    expect((await api(t, 'POST', `/api/v1/themes/${theme.json.id}/opinions`, { cookie: staff, body: { ballotIds: opinionIds, question: 's1_comment' } })).json).toEqual({ themeId: theme.json.id, grouped: 2 });
    const bad = await api(t, 'POST', `/api/v1/themes/${theme.json.id}/opinions`, { cookie: staff, body: { ballotIds: ['nope'], question: 's1_comment' } });
    expect(bad.status).toBe(422);
    expect((await api(t, 'PUT', `/api/v1/themes/${theme.json.id}`, { cookie: staff, body: { accepted: true } })).json).toMatchObject({ accepted: true, title: 'Giao thông quanh chợ' });

    t.clock.advance(21 * 86_400_000); // a consultation stays open 20 days (Đ28)
    staff = await login(t, 'canbo');
    await close(k.id);
    await publish(k.id);
    const r = await api(t, 'GET', `/api/v1/campaigns/${k.id}/results`);
    expect(r.json.consultation.questions.find((q: any) => q.name === 's1_opinion').counts).toEqual({ agree: 1, agree_with_comments: 1, disagree: 1 });
    expect(r.json.consultation).toMatchObject({ ballots: 3, opinions: 2, ungrouped: 0, themes: [{ title: 'Giao thông quanh chợ', accepted: true, count: 2, response: 'Xã bố trí bãi đỗ xe phía sau chợ.' }] });
    expect(r.text).not.toContain('0912345678');
    expect(r.text).not.toContain('xe cộ đông');
    const page = await (await t.app.request(`/r/${k.slug}`)).text();
    expect(page).toContain('Xã bố trí bãi đỗ xe phía sau chợ.');
    expect(page).toContain('Tiếp thu');

    await expectRouteSecured(t, { method: 'POST', path: `/api/v1/campaigns/${k.id}/themes`, body: { title: 'Nhóm thử' }, allow: ['admin', 'staff'], leaks: ['Dự thảo quy hoạch chợ'] });
    await expectRouteSecured(t, { method: 'PUT', path: `/api/v1/themes/${theme.json.id}`, body: { response: 'Trả lời' }, allow: ['admin', 'staff'], leaks: ['Giao thông quanh chợ'] });
    await expectRouteSecured(t, { method: 'POST', path: `/api/v1/themes/${theme.json.id}/opinions`, body: { ballotIds: opinionIds, question: 's1_comment' }, allow: ['admin', 'staff'], leaks: ['Giao thông quanh chợ'] });
  });
});

describe('public portal', () => {
  it('lists the communes at / and each commune’s open campaigns with how to take part and its published results', async () => {
    const { id, slug } = await smallDecision();
    const home = await (await t.app.request('/')).text();
    const communes = await t.deps.db.selectFrom('communes').select(['name', 'slug']).execute();
    for (const c of communes) expect(home).toContain(`href="/x/${c.slug}"`);
    const mine = communes.find((c) => c.slug !== 'xa-khac')!;
    const before = await (await t.app.request(`/x/${mine.slug}`)).text();
    expect(before).toContain('Đóng góp làm đường bê tông');
    expect(before).toContain('phiếu giấy gửi từng hộ');
    expect(before).not.toContain(`/r/${slug}`);
    await close(id);
    await publish(id);
    const after = await (await t.app.request(`/x/${mine.slug}`)).text();
    expect(after).toContain(`href="/r/${slug}"`);
    const other = await (await t.app.request('/x/xa-khac')).text();
    expect(other).not.toContain('Đóng góp làm đường bê tông');
  });
});
