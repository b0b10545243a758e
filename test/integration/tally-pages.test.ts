import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote } from '../support/campaigns';
import { greyPng, pngChunk } from '../support/images';

let t: TestEnv;
let DS: SeededVillage;
let TH: SeededVillage;
let staff: string;

const ORIGIN = 'http://localhost';

interface Session { cookie: string; csrf: string }

async function session(username: string): Promise<Session> {
  const cookie = await login(t, username);
  const csrf = (await api(t, 'GET', '/api/v1/me', { cookie })).json.csrfToken as string;
  return { cookie, csrf };
}

/** A browser-like request: HTML accepted, same-site Origin on posts. */
async function browser(method: 'GET' | 'POST', path: string, opts: { session?: Session; form?: Record<string, string>; files?: Record<string, File> } = {}) {
  const headers: Record<string, string> = { accept: 'text/html' };
  if (opts.session) headers.cookie = opts.session.cookie;
  let body: BodyInit | undefined;
  if (method === 'POST') {
    headers.origin = ORIGIN;
    if (opts.files) {
      const form = new FormData();
      for (const [k, v] of Object.entries(opts.form ?? {})) form.append(k, v);
      for (const [k, f] of Object.entries(opts.files)) form.append(k, f);
      body = form;
    } else {
      body = new URLSearchParams(opts.form ?? {}).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
  }
  const res = await t.app.request(path, { method, headers, body });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
}

beforeEach(async () => {
  t = await makeTestApp();
  const seeded = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 10 }, { code: 'TH', name: 'Thôn Trung Hà', households: 6 }]);
  DS = seeded[0]!;
  TH = seeded[1]!;
  await addUser(t, { username: 'canbo', role: 'staff' });
  await addUser(t, { username: 'thanhtra', role: 'inspector' });
  await addUser(t, { username: 'truongds', role: 'village_head', villageId: DS.id });
  staff = await login(t, 'canbo');
});
afterEach(() => t.close());

async function openDecision(channels = ['paper'], category = 'k1') {
  const { id } = await createCampaign(t, staff, {
    title: 'Đóng góp làm đường bê tông', kind: 'decision', category, villageIds: [DS.id, TH.id], channels, template: 'household-decision',
    // k6 online: the households agreed to vote online (NĐ 59 Đ5), so online ballots bind
    ...(channels.includes('online') ? { onlineApproval: { note: 'Họp thôn: các hộ đồng ý biểu quyết trực tuyến' } } : {}),
  });
  const serials = await issueSerials(t, staff, id);
  await openCampaign(t, staff, id);
  return { id, serials };
}

const goodSheet = (csrf: string): Record<string, string> => ({
  _csrf: csrf, villageId: DS.id, channel: 'paper', issued: '10', returned: '9', invalid: '0',
  'counts.decision.approve': '7', 'counts.decision.reject': '1', 'counts.decision.other': '1',
  'board.0': 'Nguyễn Văn Ba', 'board.1': 'Lê Thị Tư', 'board.2': 'Phạm Văn Năm', 'witnesses.0': 'Hoàng Văn Sáu', 'witnesses.1': 'Đỗ Thị Bảy',
  heldOn: '2026-11-25', place: 'Nhà văn hóa thôn Đông Sơn',
});

/** A phone photo of the signed sheet, still carrying where it was taken (a tEXt chunk the server strips). */
function png(): File {
  return new File([greyPng(2, 2, { extra: [pngChunk('tEXt', Buffer.from('GPS\u000020.8N 106.6E'))] })], 'IMG_0001.png', { type: 'image/png' });
}

describe('the village head’s tally entry form', () => {
  it('shows big numeric boxes, the counts of the campaign’s own form, board, witnesses and a camera photo input', async () => {
    const { id } = await openDecision();
    const page = await browser('GET', `/staff/tallies/${id}/new`, { session: await session('truongds') });
    expect(page.status).toBe(200);
    expect(page.html).toContain('Thôn Đông Sơn');
    expect(page.html).toMatch(/name="returned"[^>]*inputmode="numeric"/);
    for (const choice of ['approve', 'reject', 'other']) expect(page.html).toContain(`name="counts.decision.${choice}"`);
    expect(page.html).toContain('Không đồng ý');
    expect(page.html).toContain('name="board.4"');
    expect(page.html).toContain('name="witnesses.1"');
    expect(page.html).toMatch(/type="file" name="photo" accept="image\/\*" capture="environment"/);
    expect(page.html).toContain('enctype="multipart/form-data"');
  });

  it('asks staff to choose the village and the channel first', async () => {
    const { id } = await openDecision(['meeting', 'paper']);
    const page = await browser('GET', `/staff/tallies/${id}/new`, { session: await session('canbo') });
    expect(page.html).toContain('<form method="get"');
    expect(page.html).toContain('Thôn Trung Hà');
    expect(page.html).toContain('Họp thôn');
    const meeting = await browser('GET', `/staff/tallies/${id}/new?villageId=${TH.id}&channel=meeting`, { session: await session('canbo') });
    expect(meeting.html).toContain('name="present"');
    expect(meeting.html).toContain('Bỏ phiếu kín');
  });

  it('re-renders the form with 422 and each error beside its field, keeping what was typed, and stores nothing', async () => {
    const { id } = await openDecision();
    const s = await session('truongds');
    const r = await browser('POST', `/staff/tallies/${id}/new`, {
      session: s, form: { ...goodSheet(s.csrf), returned: '12', 'counts.decision.reject': 'hai' },
    });
    expect(r.status).toBe(422);
    expect(r.html).toContain('error-summary');
    expect(r.html).toMatch(/id="f-returned-error"[^>]*>[\s\S]*?lớn hơn số phiếu phát ra/);
    expect(r.html).toMatch(/name="returned" type="text" value="12"[^>]*aria-invalid="true"/);
    expect(r.html).toMatch(/name="counts.decision.reject" type="text" value="hai"/);
    expect(r.html).toContain('value="Nguyễn Văn Ba"');
    const list = await api(t, 'GET', `/api/v1/campaigns/${id}/tallies`, { cookie: staff });
    expect(list.json.villages.flatMap((v: any) => v.sheets)).toEqual([]);
  });

  it('shows every mistake of one submit at once, the question named by its title: a bad photo and impossible numbers together', async () => {
    const { id } = await openDecision();
    const s = await session('truongds');
    const fake = new File([new TextEncoder().encode('not a photo')], 'bien-ban.jpg', { type: 'image/jpeg' });
    const r = await browser('POST', `/staff/tallies/${id}/new`, {
      session: s, form: { ...goodSheet(s.csrf), returned: '12', 'counts.decision.approve': '300', heldOn: '26/11/2026' }, files: { photo: fake },
    });
    expect(r.status).toBe(422);
    const summary = /<div class="alert alert-error error-summary"[\s\S]*?<\/div>/.exec(r.html)![0];
    expect(summary).toContain('JPEG hoặc PNG');
    expect(summary).toContain('lớn hơn số phiếu phát ra');
    expect(summary).toContain('năm-tháng-ngày');
    expect(summary).toContain('Tổng số phiếu của câu “Ý kiến của hộ gia đình về nội dung trên”');
    expect(summary).not.toContain('"decision"');
    const list = await api(t, 'GET', `/api/v1/campaigns/${id}/tallies`, { cookie: staff });
    expect(list.json.villages.flatMap((v: any) => v.sheets)).toEqual([]);
  });

  it('stores the sheet with its photo (stripped) and shows it in the history after a redirect', async () => {
    const { id } = await openDecision();
    const s = await session('truongds');
    const r = await browser('POST', `/staff/tallies/${id}/new`, { session: s, form: goodSheet(s.csrf), files: { photo: png() } });
    expect(r.status).toBe(303);
    expect(r.location).toBe(`/staff/tallies/${id}/${DS.id}?saved=1`);
    const history = await browser('GET', r.location!, { session: s });
    expect(history.status).toBe(200);
    expect(history.html).toContain('Chờ xác nhận');
    expect(history.html).toContain('Phiên bản 1');
    expect(history.html).toContain('Nhà văn hóa thôn Đông Sơn');
    expect(history.html).toContain('25/11/2026');
    const photoUrl = /<img src="(\/api\/v1\/tally-photos\/[^"]+)"/.exec(history.html)?.[1];
    expect(photoUrl).toBeDefined();
    const photo = await t.app.request(photoUrl!, { headers: { cookie: s.cookie } });
    expect(Buffer.from(await photo.arrayBuffer()).includes(Buffer.from('GPS'))).toBe(false);
  });

  it('keeps the typed sheet and names the photo when the photo is not an image, storing nothing', async () => {
    const { id } = await openDecision();
    const s = await session('truongds');
    const fake = new File([new TextEncoder().encode('not a photo')], 'bien-ban.jpg', { type: 'image/jpeg' });
    const r = await browser('POST', `/staff/tallies/${id}/new`, { session: s, form: goodSheet(s.csrf), files: { photo: fake } });
    expect(r.status).toBe(415);
    expect(r.html).toMatch(/id="f-photo-error"[^>]*>[\s\S]*?JPEG/);
    expect(r.html).toContain('value="Lê Thị Tư"');
    const list = await api(t, 'GET', `/api/v1/campaigns/${id}/tallies`, { cookie: staff });
    expect(list.json.villages.flatMap((v: any) => v.sheets)).toEqual([]);
  });

  it('refuses a post without the form token', async () => {
    const { id } = await openDecision();
    const s = await session('truongds');
    const r = await browser('POST', `/staff/tallies/${id}/new`, { session: s, form: { ...goodSheet(''), _csrf: 'wrong' } });
    expect(r.status).toBe(403);
  });

  it('sends a visitor without a session to sign in', async () => {
    const { id } = await openDecision();
    const r = await browser('GET', `/staff/tallies/${id}/new`);
    expect(r.status).toBe(303);
    expect(r.location).toBe(`/login?next=${encodeURIComponent(`/staff/tallies/${id}/new`)}`);
  });
});

describe('reviewing and confirming sheets', () => {
  it('shows the inspector the sheet’s numbers with a confirm button that confirms it', async () => {
    const { id } = await openDecision();
    const head = await session('truongds');
    await browser('POST', `/staff/tallies/${id}/new`, { session: head, form: goodSheet(head.csrf) });
    const inspector = await session('thanhtra');
    const page = await browser('GET', '/staff/tallies', { session: inspector });
    expect(page.status).toBe(200);
    expect(page.html).toContain('Đóng góp làm đường bê tông');
    expect(page.html).toContain('Nguyễn Văn Ba');
    const action = /action="(\/staff\/tally-sheets\/[^"]+\/confirm)"/.exec(page.html)?.[1];
    expect(action).toBeDefined();
    // the village head who entered it sees no confirm button
    expect((await browser('GET', '/staff/tallies', { session: head })).html).not.toContain('/confirm"');
    const r = await browser('POST', action!, { session: inspector, form: { _csrf: inspector.csrf, back: '/staff/tallies' } });
    expect(r.status).toBe(303);
    expect(r.location).toBe('/staff/tallies?confirmed=1');
    const after = await browser('GET', '/staff/tallies?confirmed=1', { session: inspector });
    expect(after.html).toContain('Đã xác nhận');
    expect(after.html).not.toContain('/confirm"');
  });

  it('corrects a sheet from its history: the form starts from the old numbers and both versions stay visible', async () => {
    const { id } = await openDecision();
    const head = await session('truongds');
    await browser('POST', `/staff/tallies/${id}/new`, { session: head, form: goodSheet(head.csrf) });
    const history = await browser('GET', `/staff/tallies/${id}/${DS.id}`, { session: head });
    const correctLink = /href="(\/staff\/tallies\/[^"]+\/new\?correct=[^"]+)"/.exec(history.html)?.[1];
    expect(correctLink).toBeDefined();
    const form = await browser('GET', correctLink!.replace(/&amp;/g, '&'), { session: head });
    expect(form.html).toMatch(/name="returned" type="text" value="9"/);
    expect(form.html).toContain('name="reason"');
    const correct = /name="correct" value="([^"]+)"/.exec(form.html)![1]!;
    const missingReason = await browser('POST', `/staff/tallies/${id}/new`, { session: head, form: { ...goodSheet(head.csrf), correct } });
    expect(missingReason.status).toBe(422);
    expect(missingReason.html).toContain('id="f-reason-error"');
    const r = await browser('POST', `/staff/tallies/${id}/new`, {
      session: head, form: { ...goodSheet(head.csrf), correct, reason: 'Đếm lại', 'counts.decision.approve': '6', 'counts.decision.reject': '2' },
    });
    expect(r.status).toBe(303);
    expect(r.location).toContain('saved=2');
    const both = await browser('GET', `/staff/tallies/${id}/${DS.id}`, { session: head });
    expect(both.html).toContain('Phiên bản 2');
    expect(both.html).toContain('Phiên bản 1');
    expect(both.html).toContain('Đã được sửa');
    expect(both.html).toContain('Đếm lại');
  });
});

describe('registering returned paper ballots', () => {
  it('shows ĐÃ GHI NHẬN for a new ballot and TRÙNG for one already counted or voted online, in large text, without JavaScript', async () => {
    const { id, serials } = await openDecision(['online', 'paper'], 'k6');
    const ds = serials.filter((s) => s.villageId === DS.id);
    await vote(t, ds[1]!.serial, { decision: 'approve' });
    const head = await session('truongds');
    const page = await browser('GET', `/staff/paper-ballots/${id}`, { session: head });
    expect(page.status).toBe(200);
    expect(page.html).toContain('name="serial"');
    expect(page.html).toMatch(/<script src="\/static\/scan\.[0-9a-f]+\.js"/);

    const ok = await browser('POST', `/staff/paper-ballots/${id}`, { session: head, form: { _csrf: head.csrf, serial: ds[0]!.serial.toLowerCase() } });
    expect(ok.status).toBe(201);
    expect(ok.html).toMatch(/class="scan-verdict">ĐÃ GHI NHẬN/);
    expect(ok.html).toContain(ds[0]!.householdCode);

    const again = await browser('POST', `/staff/paper-ballots/${id}`, { session: head, form: { _csrf: head.csrf, serial: ds[0]!.serial } });
    expect(again.status).toBe(409);
    expect(again.html).toMatch(/class="scan-verdict">TRÙNG/);
    expect(again.html).toContain('đã được kiểm');

    // a scanned QR gives the ballot URL; the serial is read from it
    const online = await browser('POST', `/staff/paper-ballots/${id}`, { session: head, form: { _csrf: head.csrf, serial: `https://danban.example/b/${ds[1]!.serial}` } });
    expect(online.status).toBe(409);
    expect(online.html).toContain('đã bỏ phiếu trực tuyến');
    // progress for the village: 1 registered, 1 online, 8 missing
    expect(online.html).toMatch(/stat-value">1<\/span><span class="stat-label">Phiếu giấy đã ghi nhận/);
    expect(online.html).toMatch(/stat-value">8<\/span><span class="stat-label">Chưa có phiếu/);
  });

  it('says a mistyped serial was not found', async () => {
    const { id } = await openDecision();
    const head = await session('truongds');
    const r = await browser('POST', `/staff/paper-ballots/${id}`, { session: head, form: { _csrf: head.csrf, serial: 'ABCD-EFGH-JK0' } });
    expect(r.status).toBe(404);
    expect(r.html).toContain('KHÔNG TÌM THẤY');
  });
});

describe('entering a paper ballot’s marks one by one', () => {
  it('opens the campaign’s own form for the serial and stores the marks as a paper ballot', async () => {
    const { id, serials } = await openDecision();
    const serial = serials.find((s) => s.villageId === DS.id)!.serial;
    const head = await session('truongds');
    const form = await browser('GET', `/staff/paper-ballots/${id}/ballot?serial=${serial}`, { session: head });
    expect(form.status).toBe(200);
    expect(form.html).toContain('name="decision"');
    expect(form.html).toContain(`name="serial" value="${serial}"`);

    const empty = await browser('POST', `/staff/paper-ballots/${id}/ballot`, { session: head, form: { _csrf: head.csrf, serial } });
    expect(empty.status).toBe(422);
    expect(empty.html).toContain('error-summary');
    expect(await t.deps.db.selectFrom('serial_uses').selectAll().execute()).toEqual([]);

    const ok = await browser('POST', `/staff/paper-ballots/${id}/ballot`, { session: head, form: { _csrf: head.csrf, serial, decision: 'reject' } });
    expect(ok.status).toBe(201);
    expect(ok.html).toContain('ĐÃ GHI NHẬN');
    const ballots = await t.deps.db.selectFrom('ballots').select(['channel', 'answers']).where('campaign_id', '=', id).execute();
    expect(ballots).toEqual([{ channel: 'paper', answers: JSON.stringify({ decision: 'reject' }) }]);

    const again = await browser('GET', `/staff/paper-ballots/${id}/ballot?serial=${serial}`, { session: head });
    expect(again.status).toBe(409);
    expect(again.html).toContain('TRÙNG');
  });

  it('stores a secret election ballot’s kept names without its serial', async () => {
    const { id } = await createCampaign(t, staff, {
      title: 'Bầu Ban Thanh tra nhân dân', kind: 'election', category: 'k5', villageIds: [DS.id], channels: ['meeting'], seats: 2,
      candidates: [{ id: 'c1', name: 'Nguyễn Văn An', villageId: DS.id }, { id: 'c2', name: 'Trần Thị Bình', villageId: DS.id }, { id: 'c3', name: 'Lê Văn Cường', villageId: DS.id }],
    });
    const serials = await issueSerials(t, staff, id);
    await openCampaign(t, staff, id);
    const head = await session('truongds');
    const form = new URLSearchParams([['_csrf', head.csrf], ['serial', serials[0]!.serial], ['candidates', 'c1'], ['candidates', 'c3']]);
    const res = await t.app.request(`/staff/paper-ballots/${id}/ballot`, {
      method: 'POST', headers: { accept: 'text/html', cookie: head.cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(),
    });
    expect(res.status).toBe(201);
    // sealed until the results are published (no paper ballot can come after), then among the answers
    const [sealed] = await t.deps.db.selectFrom('sealed_ballots').selectAll().where('campaign_id', '=', id).execute();
    expect(sealed!.sealed).not.toMatch(/c1|c3/);
    expect((await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff })).status).toBe(200);
    expect((await api(t, 'POST', `/api/v1/campaigns/${id}/publish`, { cookie: staff })).status).toBe(200);
    const [ballot] = await t.deps.db.selectFrom('ballots').selectAll().where('campaign_id', '=', id).execute();
    expect(JSON.parse(ballot!.answers)).toEqual({ candidates: ['c1', 'c3'] });
    expect(ballot!.serial_hash).toBeNull();
  });
});

