// Issue 13, after the count and before the election: recognition decisions
// (Đ21 k2), the candidate list with each candidate's eligibility attested
// (Đ37, Đ42, Mẫu 05), the election team (NĐ 59 Đ6 k1 b) and the one seat of
// a village head; every route and every refusal, through app.request().
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { attestCandidates, createCampaign, openCampaign, proceduralVotes } from '../support/campaigns';
import { pdfWorkspace } from '../support/pdf';
import { tinyPng } from '../support/images';
import { loadPrintFonts } from '../../server/runtime/fonts-node';

let t: TestEnv;
let staff: string;
let inspector: string;
let village: SeededVillage;

beforeEach(async () => {
  t = await makeTestApp();
  t.deps.fonts = loadPrintFonts;
  await addUser(t, { username: 'canbo', role: 'staff' });
  await addUser(t, { username: 'thanhtra', role: 'inspector' });
  staff = await login(t, 'canbo');
  inspector = await login(t, 'thanhtra');
  [village] = (await seedVillages(t, [{ code: 'TK', name: 'Thôn Tân Kiều', households: 9 }])) as [SeededVillage];
});
afterEach(() => t.close());

const CANDIDATES = () => [
  { id: 'c1', name: 'Lương Văn Hải', villageId: village.id, birthYear: 1975 },
  { id: 'c2', name: 'Đinh Thị Thảo', villageId: village.id, birthYear: 1982 },
];
const villageHead = (extra: Record<string, unknown> = {}) => ({
  title: 'Bầu Trưởng thôn Tân Kiều', kind: 'election', category: 'k4', board: 'village_head', villageIds: [village.id],
  channels: ['meeting'], seats: 1, candidates: CANDIDATES(), ...extra,
});
const VILLAGE_HEAD_CONDITIONS = ['resident', 'age', 'health', 'character', 'capacity'];
const attest = (id: string, candidateId: string, body: Record<string, unknown>, cookie = staff) =>
  api(t, 'POST', `/api/v1/campaigns/${id}/candidates/${candidateId}/attestations`, { cookie, body });
const fullAttestation = { conditions: VILLAGE_HEAD_CONDITIONS, attestedBy: 'Hà Văn Tuấn', attestedOn: '2026-11-20' };
const auditActions = async () => (await t.deps.db.selectFrom('audit_log').select('action').execute()).map((r) => r.action);

/** Opens, counts at the meeting (c1 elected with 7 of 9 households), closes. */
async function countedElection(votes = { c1: 7, c2: 2 }): Promise<{ id: string; slug: string }> {
  const e = await createCampaign(t, staff, villageHead());
  await openCampaign(t, staff, e.id);
  const s = await api(t, 'POST', `/api/v1/campaigns/${e.id}/tallies`, {
    cookie: staff,
    body: {
      villageId: village.id, channel: 'meeting', present: 9, issued: 9, returned: 9, invalid: 0, counts: { candidates: votes },
      board: ['Nguyễn Văn Ba', 'Lê Thị Tư', 'Phạm Văn Năm'], witnesses: ['Hoàng Văn Sáu', 'Đỗ Thị Bảy'],
      // the meeting chose its secretary, voting method and counting board (Đ18 k4; NĐ 59 Đ3 k5)
      procedural: proceduralVotes(9),
    },
  });
  expect(s.status, s.text).toBe(201);
  expect((await api(t, 'POST', `/api/v1/tallies/${s.json.id}/confirm`, { cookie: inspector })).status).toBe(200);
  expect((await api(t, 'POST', `/api/v1/campaigns/${e.id}/close`, { cookie: staff })).status).toBe(200);
  return e;
}

describe('a village head election has one seat (Đ15 k4; NĐ 59 Đ6)', () => {
  it('refuses two seats at creation and at an edit of the draft, naming seats; one seat is taken', async () => {
    const two = await api(t, 'POST', '/api/v1/campaigns', { cookie: staff, body: villageHead({ seats: 2 }) });
    expect(two.status).toBe(422);
    expect(two.json.error.details.map((d: { path: string }) => d.path)).toContain('seats');
    const e = await createCampaign(t, staff, villageHead());
    const edit = await api(t, 'PUT', `/api/v1/campaigns/${e.id}`, { cookie: staff, body: villageHead({ seats: { [village.id]: 3 } }) });
    expect(edit.status).toBe(422);
    expect(edit.json.error.details.map((d: { path: string }) => d.path)).toContain('seats');
    expect((await t.deps.db.selectFrom('campaigns').select('seats').where('id', '=', e.id).executeTakeFirstOrThrow()).seats).toBe(1);
  });
});

describe('eligibility attested by the Ban công tác Mặt trận (Đ37, Đ42)', () => {
  it('lists each condition of the board and refuses an attestation that leaves one out, naming it; nothing is recorded', async () => {
    const e = await createCampaign(t, staff, villageHead());
    const prep = await api(t, 'GET', `/api/v1/campaigns/${e.id}/election`, { cookie: inspector });
    expect(prep.status).toBe(200);
    expect(prep.json.conditions.map((c: { code: string }) => c.code)).toEqual(VILLAGE_HEAD_CONDITIONS);
    expect(prep.json.candidates.map((k: { attested: boolean }) => k.attested)).toEqual([false, false]);
    const partial = await attest(e.id, 'c1', { ...fullAttestation, conditions: VILLAGE_HEAD_CONDITIONS.filter((c) => c !== 'age') });
    expect(partial.status).toBe(422);
    expect(partial.json.error.details).toEqual([expect.objectContaining({ path: 'conditions.age', message: expect.stringContaining('21 tuổi') })]);
    const blank = await attest(e.id, 'c1', { conditions: VILLAGE_HEAD_CONDITIONS });
    expect(blank.json.error.details.map((d: { path: string }) => d.path)).toEqual(['attestedBy', 'attestedOn']);
    expect(await t.deps.db.selectFrom('candidate_attestations').selectAll().execute()).toEqual([]);
    expect(await auditActions()).not.toContain('candidate.attest');
  });

  it('a k5 inspection board candidate is attested on Đ37: resident, not a commune official', async () => {
    const e = await createCampaign(t, staff, { ...villageHead(), title: 'Bầu Ban Thanh tra nhân dân', category: 'k5', board: 'inspection' });
    const prep = await api(t, 'GET', `/api/v1/campaigns/${e.id}/election`, { cookie: staff });
    expect(prep.json.article).toContain('Đ37');
    expect(prep.json.conditions.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['resident', 'not_official']));
  });

  it('refuses to open while a candidate is not attested, naming them; opens once both are; then the list is frozen', async () => {
    const e = await createCampaign(t, staff, villageHead());
    const ok = await attest(e.id, 'c1', fullAttestation);
    expect(ok.status, ok.text).toBe(201);
    expect(ok.json).toMatchObject({ candidateId: 'c1', version: 1, attestedBy: 'Hà Văn Tuấn' });
    const refused = await api(t, 'POST', `/api/v1/campaigns/${e.id}/open`, { cookie: staff });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('INVALID_STATE');
    expect(refused.json.error.message).toContain('Đinh Thị Thảo');
    expect(refused.json.error.details.map((d: { path: string }) => d.path)).toEqual(['candidates.c2']);
    expect((await t.deps.db.selectFrom('campaigns').select('status').where('id', '=', e.id).executeTakeFirstOrThrow()).status).toBe('draft');
    expect((await attest(e.id, 'c2', fullAttestation)).status).toBe(201);
    expect((await api(t, 'POST', `/api/v1/campaigns/${e.id}/open`, { cookie: staff })).status).toBe(200);
    expect((await attest(e.id, 'c1', fullAttestation)).status).toBe(409);
    expect(await auditActions()).toContain('candidate.attest');
  });

  it('asks again for a candidate renamed in the draft; 404 for an unknown candidate, 409 for a campaign that is not an election', async () => {
    const e = await createCampaign(t, staff, villageHead());
    await attestCandidates(t, staff, e.id);
    const renamed = villageHead({ candidates: [CANDIDATES()[0], { ...CANDIDATES()[1], name: 'Đinh Thị Thanh' }] });
    expect((await api(t, 'PUT', `/api/v1/campaigns/${e.id}`, { cookie: staff, body: renamed })).status).toBe(200);
    const prep = await api(t, 'GET', `/api/v1/campaigns/${e.id}/election`, { cookie: staff });
    expect(prep.json.candidates.map((k: { attested: boolean }) => k.attested)).toEqual([true, false]);
    expect((await api(t, 'POST', `/api/v1/campaigns/${e.id}/open`, { cookie: staff })).status).toBe(409);
    expect((await attest(e.id, 'nobody', fullAttestation)).status).toBe(404);
    const d = await createCampaign(t, staff, { title: 'Quy ước thôn', kind: 'decision', category: 'k3', villageIds: [village.id], channels: ['meeting'] });
    expect((await api(t, 'GET', `/api/v1/campaigns/${d.id}/election`, { cookie: staff })).status).toBe(409);
    expect((await attest(d.id, 'c1', fullAttestation)).status).toBe(409);
    expect((await attest(e.id, 'c1', fullAttestation, inspector)).status).toBe(403);
  });
});

describe('the election team: no candidate on it (NĐ 59 Đ6 k1 b)', () => {
  it('refuses a candidate on the team with a message naming both, keeps nothing; records a lawful team as a new version', async () => {
    const e = await createCampaign(t, staff, villageHead());
    const put = (members: unknown[]) => api(t, 'PUT', `/api/v1/campaigns/${e.id}/election-team`, { cookie: staff, body: { members } });
    const clash = await put([{ name: 'Hà Văn Tuấn', role: 'Tổ trưởng' }, { name: 'lương văn hải', role: 'Thành viên', birthYear: 1975 }]);
    expect(clash.status).toBe(422);
    expect(clash.json.error.details[0].path).toBe('members.1.name');
    expect(clash.json.error.details[0].message).toContain('lương văn hải');
    expect(clash.json.error.details[0].message).toContain('Lương Văn Hải');
    expect(await t.deps.db.selectFrom('election_teams').selectAll().execute()).toEqual([]);
    const noRole = await put([{ name: 'Hà Văn Tuấn' }]);
    expect(noRole.json.error.details.map((d: { path: string }) => d.path)).toEqual(['members.0.role']);
    const first = await put([{ name: 'Hà Văn Tuấn', role: 'Tổ trưởng' }, { name: 'Kiều Thị Loan', role: 'Thư ký' }]);
    expect(first.status, first.text).toBe(200);
    const second = await put([{ name: 'Hà Văn Tuấn', role: 'Tổ trưởng' }, { name: 'Tô Văn Phúc', role: 'Thư ký' }]);
    expect(second.json.version).toBe(2);
    // the earlier version stays
    expect((await t.deps.db.selectFrom('election_teams').select('version').execute()).map((r) => r.version).sort()).toEqual([1, 2]);
    const prep = await api(t, 'GET', `/api/v1/campaigns/${e.id}/election`, { cookie: staff });
    expect(prep.json.team.members.map((m: { name: string }) => m.name)).toEqual(['Hà Văn Tuấn', 'Tô Văn Phúc']);
  });

  it('refuses to put a team member on the draft’s candidate list, naming both', async () => {
    const e = await createCampaign(t, staff, villageHead());
    await api(t, 'PUT', `/api/v1/campaigns/${e.id}/election-team`, { cookie: staff, body: { members: [{ name: 'Hà Văn Tuấn', role: 'Tổ trưởng' }] } });
    const edit = await api(t, 'PUT', `/api/v1/campaigns/${e.id}`, {
      cookie: staff, body: villageHead({ candidates: [...CANDIDATES(), { id: 'c3', name: 'Hà Văn Tuấn', villageId: village.id }] }),
    });
    expect(edit.status).toBe(422);
    expect(edit.json.error.details[0]).toMatchObject({ path: 'candidates.2.name' });
    expect(edit.json.error.details[0].message).toContain('Hà Văn Tuấn');
    expect((await api(t, 'GET', `/api/v1/campaigns/${e.id}/election`, { cookie: staff })).json.candidates).toHaveLength(2);
  });
});

describe('the candidate list, Mẫu 05', () => {
  it('prints the village’s candidates with their diacritics and attestation, and the conditions with their article', async () => {
    const e = await createCampaign(t, staff, villageHead());
    await attest(e.id, 'c1', fullAttestation);
    const res = await t.app.request(`/api/v1/campaigns/${e.id}/forms/mau-05.pdf?villageId=${village.id}`, { headers: { cookie: staff } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = pdfWorkspace();
    try {
      const text = pdf.text(pdf.save(new Uint8Array(await res.arrayBuffer())));
      expect(text).toContain('Mẫu số 05');
      expect(text).toContain('BIÊN BẢN HỌP BAN CÔNG TÁC MẶT TRẬN');
      expect(text).toContain('Lương Văn Hải, sinh năm 1975 - đủ tiêu chuẩn');
      expect(text).toContain('Đinh Thị Thảo, sinh năm 1982 - chưa xác nhận tiêu chuẩn');
      expect(text).toContain('Đủ 21 tuổi trở lên');
      expect(text).toContain('TRƯỞNG BAN CÔNG TÁC MẶT TRẬN');
    } finally {
      pdf.cleanup();
    }
    expect((await t.app.request(`/api/v1/campaigns/${e.id}/forms/mau-05.pdf?villageId=${village.id}`, { headers: { cookie: inspector } })).status).toBe(403);
  });
});

describe('recognition (Đ21 k2)', () => {
  it('is refused before the vote closes and for a result that takes effect when adopted', async () => {
    const e = await createCampaign(t, staff, villageHead());
    const body = { number: '12/QĐ-UBND', decidedOn: '2026-11-26', signer: 'Nguyễn Quang Vinh' };
    expect((await api(t, 'POST', `/api/v1/campaigns/${e.id}/recognition`, { cookie: staff, body })).status).toBe(409);
    const k1 = await createCampaign(t, staff, { title: 'Làm đường', kind: 'decision', category: 'k1', villageIds: [village.id], channels: ['meeting'] });
    await openCampaign(t, staff, k1.id);
    await api(t, 'POST', `/api/v1/campaigns/${k1.id}/close`, { cookie: staff });
    const r = await api(t, 'POST', `/api/v1/campaigns/${k1.id}/recognition`, { cookie: staff, body });
    expect(r.status).toBe(409);
    expect(r.json.error.message).toContain('không cần quyết định công nhận');
    expect((await api(t, 'GET', `/api/v1/campaigns/${k1.id}/recognition`, { cookie: staff })).json).toMatchObject({ required: false, state: 'none' });
  });

  it('names every bad field and changes nothing; a scan that is not an image is refused', async () => {
    const e = await countedElection();
    const bad = await api(t, 'POST', `/api/v1/campaigns/${e.id}/recognition`, { cookie: staff, body: { number: ' ', decidedOn: '2026-11-31' } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details.map((d: { path: string }) => d.path)).toEqual(['number', 'decidedOn', 'signer']);
    const form = new FormData();
    for (const [k, v] of Object.entries({ number: '12/QĐ-UBND', decidedOn: '2026-11-26', signer: 'Nguyễn Quang Vinh' })) form.set(k, v);
    form.set('scan', new File([new TextEncoder().encode('not a picture')], 'qd.png', { type: 'image/png' }));
    const notImage = await api(t, 'POST', `/api/v1/campaigns/${e.id}/recognition`, { cookie: staff, body: form });
    expect(notImage.status).toBe(415);
    expect(notImage.json.error.details[0].path).toBe('scan');
    expect((await api(t, 'GET', `/api/v1/campaigns/${e.id}/recognition`, { cookie: staff })).json).toMatchObject({ state: 'awaiting', body: 'ubnd_xa', recognition: null });
    expect(await auditActions()).not.toContain('recognition.record');
    expect((await api(t, 'POST', `/api/v1/campaigns/${e.id}/recognition`, { cookie: inspector, body: {} })).status).toBe(403);
  });

  it('after publication: the public page awaits recognition, then shows the decision without a new publication; the scan is public; a correction keeps the earlier version', async () => {
    const e = await countedElection();
    expect((await api(t, 'GET', `/api/v1/campaigns/${e.id}/recognition`)).status).toBe(404); // not public before publication
    expect((await api(t, 'POST', `/api/v1/campaigns/${e.id}/publish`, { cookie: staff })).status).toBe(200);
    let page = await (await t.app.request(`/r/${e.slug}`)).text();
    expect(page).toContain('Trúng cử, chờ công nhận');
    expect(page).toContain('UBND xã');
    const pdf = pdfWorkspace();
    try {
      const notice = async () => pdf.text(pdf.save(new Uint8Array(await (await t.app.request(`/api/v1/campaigns/${e.id}/results-notice.pdf`)).arrayBuffer())));
      expect(await notice()).toContain('Trúng cử, chờ công nhận');

      const form = new FormData();
      for (const [k, v] of Object.entries({ number: '12/QĐ-UBND', decidedOn: '2026-11-26', signer: 'Nguyễn Quang Vinh, Chủ tịch UBND xã' })) form.set(k, v);
      form.set('scan', new File([tinyPng()], 'quyet-dinh.png', { type: 'image/png' }));
      const rec = await api(t, 'POST', `/api/v1/campaigns/${e.id}/recognition`, { cookie: staff, body: form });
      expect(rec.status, rec.text).toBe(201);
      expect(rec.json).toMatchObject({ version: 1, number: '12/QĐ-UBND', body: 'ubnd_xa', decidedOn: '2026-11-26' });

      page = await (await t.app.request(`/r/${e.slug}`)).text();
      expect(page).not.toContain('chờ công nhận');
      expect(page).toContain('Đã được UBND xã công nhận theo Quyết định số 12/QĐ-UBND ngày 26/11/2026; người ký: Nguyễn Quang Vinh, Chủ tịch UBND xã.');
      expect(await notice()).toContain('Quyết định số 12/QĐ-UBND');
      // no republication: still one version of the results
      expect((await api(t, 'GET', `/api/v1/campaigns/${e.id}/publications`)).json).toHaveLength(1);

      const pub = (await api(t, 'GET', `/api/v1/campaigns/${e.id}/recognition`)).json;
      expect(pub).toMatchObject({ state: 'recognised', recognition: { number: '12/QĐ-UBND', scan: `/r/${e.slug}/recognition/1` } });
      const scan = await t.app.request(pub.recognition.scan);
      expect(scan.status).toBe(200);
      expect(scan.headers.get('content-type')).toBe('image/png');

      const noReason = await api(t, 'POST', `/api/v1/campaigns/${e.id}/recognition`, { cookie: staff, body: { number: '13/QĐ-UBND', decidedOn: '2026-11-26', signer: 'Nguyễn Quang Vinh' } });
      expect(noReason.status).toBe(422);
      expect(noReason.json.error.details.map((d: { path: string }) => d.path)).toEqual(['reason']);
      const fixed = await api(t, 'POST', `/api/v1/campaigns/${e.id}/recognition`, {
        cookie: staff, body: { number: '13/QĐ-UBND', decidedOn: '2026-11-26', signer: 'Nguyễn Quang Vinh', reason: 'Ghi nhầm số quyết định' },
      });
      expect(fixed.status).toBe(201);
      const after = (await api(t, 'GET', `/api/v1/campaigns/${e.id}/recognition`)).json;
      expect(after.history.map((h: { number: string }) => h.number)).toEqual(['13/QĐ-UBND', '12/QĐ-UBND']);
      expect(after.recognition.scan).toBe(`/r/${e.slug}/recognition/2`); // the earlier scan is kept
      expect((await t.app.request(after.recognition.scan)).status).toBe(200);
      expect(await auditActions()).toEqual(expect.arrayContaining(['recognition.record', 'recognition.correct']));
    } finally {
      pdf.cleanup();
    }
  });

  it('a vote where nobody was elected awaits no recognition', async () => {
    const e = await countedElection({ c1: 4, c2: 3 }); // 5 of 9 households needed
    expect((await api(t, 'POST', `/api/v1/campaigns/${e.id}/publish`, { cookie: staff })).status).toBe(200);
    const page = await (await t.app.request(`/r/${e.slug}`)).text();
    expect(page).toContain('chưa có người trúng cử');
    expect(page).not.toContain('chờ công nhận');
    // and nothing can be recognised: the published result elected nobody
    const refused = await api(t, 'POST', `/api/v1/campaigns/${e.id}/recognition`, {
      cookie: staff, body: { number: '12/QĐ-UBND', decidedOn: '2026-11-26', signer: 'Nguyễn Quang Vinh' },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain('không có gì để công nhận');
    expect(await t.deps.db.selectFrom('recognitions').select('version').execute()).toEqual([]);
    expect(await (await t.app.request(`/r/${e.slug}`)).text()).not.toContain('12/QĐ-UBND');
  });

  it('before publication the scan is for the commune’s staff and inspectors only', async () => {
    const e = await countedElection();
    const form = new FormData();
    for (const [k, v] of Object.entries({ number: '12/QĐ-UBND', decidedOn: '2026-11-26', signer: 'Nguyễn Quang Vinh' })) form.set(k, v);
    form.set('scan', new File([tinyPng()], 'qd.png', { type: 'image/png' }));
    expect((await api(t, 'POST', `/api/v1/campaigns/${e.id}/recognition`, { cookie: staff, body: form })).status).toBe(201);
    const view = (await api(t, 'GET', `/api/v1/campaigns/${e.id}/recognition`, { cookie: inspector })).json;
    expect(view.recognition.scan).toBe(`/staff/campaigns/${e.id}/recognition/1`);
    expect((await t.app.request(view.recognition.scan, { headers: { cookie: inspector } })).status).toBe(200);
    expect((await t.app.request(`/r/${e.slug}/recognition/1`)).status).toBe(404);
    expect((await api(t, 'GET', `/api/v1/campaigns/${e.id}/recognition`)).status).toBe(404);
  });
});

describe('the staff pages', () => {
  /** A browser-like form post: HTML accepted, same-site Origin, the session cookie, a declared length. */
  async function browser(method: 'GET' | 'POST', path: string, form?: Record<string, string>, cookie = staff) {
    const headers: Record<string, string> = { accept: 'text/html', cookie };
    let body: string | undefined;
    if (method === 'POST') headers.origin = 'http://localhost';
    if (form) {
      body = new URLSearchParams(form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(new TextEncoder().encode(body).length);
    }
    const res = await t.app.request(path, { method, headers, body });
    return { status: res.status, html: await res.text(), location: res.headers.get('location') };
  }
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

  it('attests a candidate and records the team from the election page; refusals are shown in place with the fields named', async () => {
    const e = await createCampaign(t, staff, villageHead());
    const page = await browser('GET', `/staff/campaigns/${e.id}/election`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Đủ 21 tuổi trở lên');
    expect(page.html).toContain(`/api/v1/campaigns/${e.id}/forms/mau-05.pdf?villageId=${village.id}`);
    const csrf = csrfOf(page.html);
    const partial = await browser('POST', `/staff/campaigns/${e.id}/election/attest`, {
      _csrf: csrf, candidateId: 'c1', condition_resident: '1', attestedBy: 'Hà Văn Tuấn', attestedOn: '2026-11-20',
    });
    expect(partial.status).toBe(422);
    expect(partial.html).toContain('Ban công tác Mặt trận chưa xác nhận tiêu chuẩn: Đủ 21 tuổi trở lên');
    expect(partial.html).toContain('value="Hà Văn Tuấn"');
    const full = Object.fromEntries(VILLAGE_HEAD_CONDITIONS.map((c) => [`condition_${c}`, '1']));
    const ok = await browser('POST', `/staff/campaigns/${e.id}/election/attest`, { _csrf: csrf, candidateId: 'c1', ...full, attestedBy: 'Hà Văn Tuấn', attestedOn: '2026-11-20' });
    expect(ok.status).toBe(303);
    const clash = await browser('POST', `/staff/campaigns/${e.id}/election/team`, {
      _csrf: csrf, 'members.0.name': 'Hà Văn Tuấn', 'members.0.role': 'Tổ trưởng', 'members.2.name': 'Đinh Thị Thảo', 'members.2.role': 'Thư ký',
    });
    expect(clash.status).toBe(422);
    expect(clash.html).toContain('Thành viên Tổ bầu cử &quot;Đinh Thị Thảo&quot; cũng là người ứng cử &quot;Đinh Thị Thảo&quot; (mã c2)');
    expect(clash.html).toContain('id="f-members-2-name-error"'); // the error sits by the row it was entered in
    const team = await browser('POST', `/staff/campaigns/${e.id}/election/team`, { _csrf: csrf, 'members.0.name': 'Hà Văn Tuấn', 'members.0.role': 'Tổ trưởng' });
    expect(team.status).toBe(303);
    const after = await browser('GET', `/staff/campaigns/${e.id}/election`);
    expect(after.html).toContain('Hà Văn Tuấn');
    expect((await browser('POST', `/staff/campaigns/${e.id}/election/team`, { _csrf: csrfOf(page.html) }, inspector)).status).toBe(403);
  });

  it('records the recognition from its page; a bad date is shown in place and nothing is recorded', async () => {
    const e = await countedElection();
    const page = await browser('GET', `/staff/campaigns/${e.id}/recognition`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Trúng cử, chờ công nhận');
    expect(page.html).toContain('Ủy ban nhân dân xã');
    const csrf = csrfOf(page.html);
    const bad = await browser('POST', `/staff/campaigns/${e.id}/recognition`, { _csrf: csrf, number: '12/QĐ-UBND', decidedOn: '2027-01-01', signer: 'Nguyễn Quang Vinh' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Ngày ký quyết định không được sau hôm nay.');
    expect(bad.html).toContain('value="12/QĐ-UBND"');
    expect(await t.deps.db.selectFrom('recognitions').selectAll().execute()).toEqual([]);
    const ok = await browser('POST', `/staff/campaigns/${e.id}/recognition`, { _csrf: csrf, number: '12/QĐ-UBND', decidedOn: '2026-11-26', signer: 'Nguyễn Quang Vinh' });
    expect(ok.status).toBe(303);
    const preview = await browser('GET', `/staff/campaigns/${e.id}/results`);
    expect(preview.html).toContain('Quyết định số 12/QĐ-UBND');
    expect(preview.html).toContain(`/staff/campaigns/${e.id}/recognition`);
  });
});
