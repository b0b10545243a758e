import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, api, login, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, issueSerials, openCampaign } from '../support/campaigns';
import { expectRouteSecured } from '../support/security';

let t: TestEnv;
let cookie: string;
let villages: SeededVillage[];

beforeEach(async () => {
  t = await makeTestApp();
  await addUser(t, { username: 'canbo', role: 'staff' });
  cookie = await login(t, 'canbo');
  villages = await seedVillages(t, [
    { code: 'DS', name: 'Thôn Đông Sơn', households: 6 },
    { code: 'TH', name: 'Thôn Thượng', households: 4 },
  ]);
});
afterEach(() => t.close());

type Form = Record<string, string | string[]>;

/** A browser-like request: HTML accepted, same-site Origin on posts, the session cookie. */
async function browser(method: 'GET' | 'POST', path: string, opts: { form?: Form; cookie?: string | null; origin?: string } = {}) {
  const headers: Record<string, string> = { accept: 'text/html' };
  const session = opts.cookie === undefined ? cookie : opts.cookie;
  if (session) headers.cookie = session;
  if (method === 'POST') headers.origin = opts.origin ?? 'http://localhost';
  let body: string | undefined;
  if (opts.form) {
    const pairs: [string, string][] = [];
    for (const [k, v] of Object.entries(opts.form)) for (const x of Array.isArray(v) ? v : [v]) pairs.push([k, x]);
    body = new URLSearchParams(pairs).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
    // Browsers always send it, and the CSRF check reads a form body only when its size is declared.
    headers['content-length'] = String(new TextEncoder().encode(body).length);
  }
  const res = await t.app.request(path, { method, headers, body });
  return { status: res.status, html: await res.text(), location: res.headers.get('location'), setCookies: res.headers.getSetCookie() };
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

async function csrf(): Promise<string> {
  return csrfOf((await browser('GET', '/staff/campaigns/new')).html);
}

const decisionForm = (token: string, extra: Form = {}): Form => ({
  _csrf: token, kind: 'decision', category: 'k1', title: 'Làm đường bê tông liên thôn',
  description: 'Mỗi hộ đóng góp 500.000 đồng.', template: '', villageIds: villages.map((v) => v.id), channels: ['meeting', 'paper'],
  opensAt: '2026-12-01', closesAt: '2026-12-20', seats: '1', candidates: '', ...extra,
});

describe('creating a campaign through the HTML form', () => {
  it('offers every village ticked, the Đ15 categories in plain words and which channels may decide', async () => {
    const r = await browser('GET', '/staff/campaigns/new');
    expect(r.status).toBe(200);
    for (const v of villages) expect(r.html).toMatch(new RegExp(`name="villageIds" value="${v.id}" checked`));
    expect(r.html).toContain('k3 – Hương ước, quy ước');
    expect(r.html).toContain('Biểu quyết trực tuyến chỉ được quyết định nội dung k6');
    expect(r.html).toContain('Thu ý kiến trực tuyến để tham khảo');
    expect(r.html).toContain('Họ và tên; năm sinh; mã thôn');
    const en = await browser('GET', '/staff/campaigns/new?lang=en');
    expect(en.html).toContain('<html lang="en"');
    expect(en.html).toContain('k3 – The village covenant');
    expect(en.html).toContain('Online voting may decide only k6 matters');
  });

  it('creates a draft and lands on its page, with the dates shown dd/mm/yyyy', async () => {
    const r = await browser('POST', '/staff/campaigns/new', { form: decisionForm(await csrf()) });
    expect(r.status).toBe(303);
    const id = /\/staff\/campaigns\/([^?]+)\?done=created/.exec(r.location!)![1]!;
    const stored = await api(t, 'GET', `/api/v1/campaigns/${id}`, { cookie });
    expect(stored.json).toMatchObject({ title: 'Làm đường bê tông liên thôn', kind: 'decision', category: 'k1', status: 'draft', channels: ['meeting', 'paper'] });
    expect(Date.parse(stored.json.opensAt)).toBe(Date.parse('2026-11-30T17:00:00Z'));

    const page = await browser('GET', r.location!);
    expect(page.html).toContain('Đã tạo đợt lấy ý kiến');
    expect(page.html).toContain('01/12/2026');
    expect(page.html).toContain('20/12/2026');
    expect(page.html).toContain('Bản nháp');
    const list = await browser('GET', '/staff/campaigns');
    expect(list.html).toContain('Làm đường bê tông liên thôn');
    expect(list.html).toContain('01/12/2026');
  });

  it('asks for commune scope explicitly: ticked for a k1 matter it covers the commune, for a k3 matter it is refused beside the box', async () => {
    const plain = await browser('POST', '/staff/campaigns/new', { form: decisionForm(await csrf()) });
    const plainId = /\/staff\/campaigns\/([^?]+)\?/.exec(plain.location!)![1]!;
    expect((await api(t, 'GET', `/api/v1/campaigns/${plainId}`, { cookie })).json.scope).toBe('village');
    const commune = await browser('POST', '/staff/campaigns/new', { form: decisionForm(await csrf(), { communeScope: '1' }) });
    expect(commune.status).toBe(303);
    const id = /\/staff\/campaigns\/([^?]+)\?/.exec(commune.location!)![1]!;
    expect((await api(t, 'GET', `/api/v1/campaigns/${id}`, { cookie })).json.scope).toBe('commune');
    const covenant = await browser('POST', '/staff/campaigns/new', { form: decisionForm(await csrf(), { category: 'k3', communeScope: '1' }) });
    expect(covenant.status).toBe(422);
    expect(covenant.html).toContain('href="#f-communeScope"');
    expect(covenant.html).toContain('do từng thôn quyết định');
  });

  it('refuses online voting for a k1 decision, re-rendering the form with the error beside the channels and the values kept', async () => {
    const r = await browser('POST', '/staff/campaigns/new', { form: decisionForm(await csrf(), { channels: ['paper', 'online'] }) });
    expect(r.status).toBe(422);
    expect(r.html).toMatch(/<div class="field field-error" id="f-channels">/);
    expect(r.html).toContain('Kênh không được phép: online');
    expect(r.html).toContain('href="#f-channels"');
    expect(r.html).toContain('value="Làm đường bê tông liên thôn"');
    expect(r.html).toMatch(/name="channels" value="online" checked/);
    expect((await api(t, 'GET', '/api/v1/campaigns', { cookie })).json).toHaveLength(0);
  });

  it('names each missing field: title, villages, channels, and a decision without its category', async () => {
    const r = await browser('POST', '/staff/campaigns/new', { form: decisionForm(await csrf(), { title: '  ', villageIds: [], channels: [] }) });
    expect(r.status).toBe(422);
    expect(r.html).toContain('Hãy nhập tên đợt.');
    expect(r.html).toContain('Hãy chọn ít nhất một thôn.');
    expect(r.html).toContain('Hãy chọn ít nhất một kênh.');
    const noCategory = await browser('POST', '/staff/campaigns/new', { form: decisionForm(await csrf(), { category: '' }) });
    expect(noCategory.status).toBe(422);
    expect(noCategory.html).toMatch(/id="f-category"[\s\S]*Quyết định cần nêu nội dung thuộc khoản nào/);
  });

  it('creates an election from the candidate lines and points at the line that names an unknown village', async () => {
    const token = await csrf();
    const bad = await browser('POST', '/staff/campaigns/new', {
      form: decisionForm(token, { kind: 'election', category: 'k4', title: 'Bầu Trưởng thôn', channels: ['meeting'], candidates: 'Phạm Thị Hằng; 1975; DS\nĐỗ Văn Mạnh; 1980; XX' }),
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Dòng 2: không có thôn mã &quot;XX&quot;.');
    expect(bad.html).toContain('Đỗ Văn Mạnh; 1980; XX');

    const ok = await browser('POST', '/staff/campaigns/new', {
      form: decisionForm(token, { kind: 'election', category: 'k4', title: 'Bầu Trưởng thôn', channels: ['meeting'], seats: '1', candidates: 'Phạm Thị Hằng; 1975; DS\nĐỗ Văn Mạnh; 1980; th' }),
    });
    expect(ok.status).toBe(303);
    const id = /\/staff\/campaigns\/([^?]+)/.exec(ok.location!)![1]!;
    const stored = (await api(t, 'GET', `/api/v1/campaigns/${id}`, { cookie })).json;
    expect(stored.candidates).toEqual([
      { id: 'c1', name: 'Phạm Thị Hằng', villageId: villages[0]!.id, birthYear: 1975 },
      { id: 'c2', name: 'Đỗ Văn Mạnh', villageId: villages[1]!.id, birthYear: 1980 },
    ]);
    expect(stored.secret).toBe(true);
  });

  it('refuses a form without the session token (CSRF) and creates nothing', async () => {
    const form = decisionForm('wrong-token');
    const r = await browser('POST', '/staff/campaigns/new', { form });
    expect(r.status).toBe(403);
    const cross = await browser('POST', '/staff/campaigns/new', { form: decisionForm(await csrf()), origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    expect((await api(t, 'GET', '/api/v1/campaigns', { cookie })).json).toHaveLength(0);
  });

  it('edits a draft with the form filled in from the campaign', async () => {
    const { id } = await createCampaign(t, cookie, {
      title: 'Quy ước giữ gìn vệ sinh', kind: 'decision', category: 'k3', villageIds: [villages[0]!.id], channels: ['meeting'],
      opensAt: '2026-12-05T00:00:00+07:00',
    });
    const page = await browser('GET', `/staff/campaigns/${id}/edit`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('value="Quy ước giữ gìn vệ sinh"');
    expect(page.html).toContain('value="2026-12-05"');
    expect(page.html).toMatch(/name="category" value="k3" checked/);
    const r = await browser('POST', `/staff/campaigns/${id}/edit`, {
      form: { ...decisionForm(csrfOf(page.html), { category: 'k3', title: 'Quy ước giữ gìn vệ sinh môi trường', channels: ['meeting'] }) },
    });
    expect(r.status).toBe(303);
    expect((await api(t, 'GET', `/api/v1/campaigns/${id}`, { cookie })).json.title).toBe('Quy ước giữ gìn vệ sinh môi trường');
  });
});

describe('the campaign page', () => {
  async function draft() {
    return createCampaign(t, cookie, {
      title: 'Làm đường bê tông', kind: 'decision', category: 'k1', villageIds: villages.map((v) => v.id), channels: ['meeting', 'paper'],
    });
  }

  it('opens the campaign with a confirmed button, freezing the household counts, then closes it', async () => {
    const { id } = await draft();
    const page = await browser('GET', `/staff/campaigns/${id}`);
    expect(page.html).toMatch(/<form method="post" action="\/staff\/campaigns\/[^"]+\/open" data-confirm="Mở đợt lấy ý kiến\?/);
    expect(page.html).not.toContain('/close"');

    const opened = await browser('POST', `/staff/campaigns/${id}/open`, { form: { _csrf: csrfOf(page.html) } });
    expect(opened.status).toBe(303);
    expect((await api(t, 'GET', `/api/v1/campaigns/${id}`, { cookie })).json.status).toBe('open');
    const openPage = await browser('GET', opened.location!);
    expect(openPage.html).toContain('Đang mở');
    expect(openPage.html).toContain('số hộ của từng thôn đã được chốt');
    expect(openPage.html).toMatch(/action="\/staff\/campaigns\/[^"]+\/close" data-confirm=/);
    expect(openPage.html).not.toContain('/edit"');

    // Opening twice is refused in place, not with a bare error page.
    const again = await browser('POST', `/staff/campaigns/${id}/open`, { form: { _csrf: csrfOf(page.html) } });
    expect(again.status).toBe(409);
    expect(again.html).toContain('Không thể mở đợt lấy ý kiến');

    const closed = await browser('POST', `/staff/campaigns/${id}/close`, { form: { _csrf: csrfOf(page.html) } });
    expect(closed.status).toBe(303);
    expect((await browser('GET', closed.location!)).html).toContain('Đã đóng');
  });

  it('issues serials from the page and shows the count per village', async () => {
    const { id } = await draft();
    const page = await browser('GET', `/staff/campaigns/${id}`);
    const r = await browser('POST', `/staff/campaigns/${id}/serials`, { form: { _csrf: csrfOf(page.html) } });
    expect(r.status).toBe(303);
    const after = await browser('GET', r.location!);
    expect(after.html).toContain('Đã phát mã phiếu: 10.');
    expect(after.html).toMatch(/Thôn Đông Sơn<\/th><td class="num"><span class="num-text">6<\/span><\/td><td class="num"><span class="num-text">6<\/span>/);
  });

  it('shows live participation per village in a table and a chart fed from a data attribute (no inline script)', async () => {
    const { id } = await draft();
    await openCampaign(t, cookie, id);
    const serials = await issueSerials(t, cookie, id, villages[0]!.id);
    await api(t, 'POST', `/api/v1/campaigns/${id}/paper-ballots/${serials[0]!.serial}`, { cookie });
    await api(t, 'POST', `/api/v1/campaigns/${id}/paper-ballots/${serials[1]!.serial}`, { cookie });
    const page = await browser('GET', `/staff/campaigns/${id}`);
    expect(page.html).toContain('id="participation-table"');
    // one chart per village, against its households
    const charts = [...page.html.matchAll(/data-chart="([^"]+)"/g)].map((m) => JSON.parse(m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')));
    const paper = charts.map((chart) => chart.datasets[0].data[chart.labels.indexOf('Phiếu giấy đã kiểm')]);
    const detail = (await api(t, 'GET', `/api/v1/campaigns/${id}`, { cookie })).json.villages as { paper: number; households: number }[];
    expect(paper).toEqual(detail.map((v) => v.paper));
    expect(charts.map((chart) => chart.max)).toEqual(detail.map((v) => v.households));
    expect(page.html).toMatch(/<script src="\/static\/participation\.[^"]+\.js"/);
    expect(page.html).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('lets an inspector read the page without the buttons, and keeps other communes out', async () => {
    const { id } = await draft();
    await addUser(t, { username: 'thanhtra', role: 'inspector' });
    const inspector = await browser('GET', `/staff/campaigns/${id}`, { cookie: await login(t, 'thanhtra') });
    expect(inspector.status).toBe(200);
    expect(inspector.html).toContain('Làm đường bê tông');
    expect(inspector.html).not.toContain('/open"');
    await addUser(t, { username: 'ngoai', role: 'staff', communeId: t.otherCommuneId });
    const outsider = await browser('GET', `/staff/campaigns/${id}`, { cookie: await login(t, 'ngoai') });
    expect(outsider.status).toBe(404);
    expect(outsider.html).not.toContain('Làm đường bê tông');
    const forbidden = await browser('POST', `/staff/campaigns/${id}/open`, { cookie: await login(t, 'thanhtra'), form: { _csrf: csrfOf(inspector.html) } });
    expect(forbidden.status).toBe(403);
    const anonymous = await browser('GET', `/staff/campaigns/${id}`, { cookie: null });
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toBe(`/login?next=${encodeURIComponent(`/staff/campaigns/${id}`)}`);
  });
});

describe('the print centre and the kiosk', () => {
  it('lists download links for each village once a campaign is chosen, with the serial counts', async () => {
    const { id } = await createCampaign(t, cookie, { title: 'Làm đường', kind: 'decision', category: 'k1', villageIds: villages.map((v) => v.id), channels: ['paper', 'meeting'] });
    await issueSerials(t, cookie, id);
    const empty = await browser('GET', '/staff/print');
    expect(empty.html).toContain('name="campaignId"');
    const r = await browser('GET', `/staff/print?campaignId=${id}&format=A4`);
    expect(r.status).toBe(200);
    for (const v of villages) {
      expect(r.html).toContain(`/api/v1/campaigns/${id}/ballots.pdf?villageId=${v.id}&amp;format=A4`);
      for (const f of ['mau-01', 'mau-02', 'mau-03', 'mau-04']) expect(r.html).toContain(`/api/v1/campaigns/${id}/forms/${f}.pdf?villageId=${v.id}`);
    }
    expect(r.html).toContain(`/api/v1/campaigns/${id}/poster.pdf?size=A3`);
    // without a meeting, the meeting forms (Mẫu 01–03) are not offered
    const paper = await createCampaign(t, cookie, { title: 'Sửa cầu', kind: 'decision', category: 'k1', villageIds: villages.map((v) => v.id), channels: ['paper'] });
    const p = await browser('GET', `/staff/print?campaignId=${paper.id}`);
    expect(p.html).toContain(`/api/v1/campaigns/${paper.id}/forms/mau-04.pdf`);
    for (const f of ['mau-01', 'mau-02', 'mau-03']) expect(p.html).not.toContain(`/forms/${f}.pdf`);
    await addUser(t, { username: 'truongthon', role: 'village_head', villageId: villages[0]!.id });
    expect((await browser('GET', '/staff/print', { cookie: await login(t, 'truongthon') })).status).toBe(403);
  });

  it('turns a tablet into the kiosk of an open satisfaction survey with a signed cookie', async () => {
    const { id, slug } = await createCampaign(t, cookie, { title: 'Khảo sát hài lòng', kind: 'satisfaction', villageIds: [villages[0]!.id], channels: ['online'] });
    await openCampaign(t, cookie, id);
    const page = await browser('GET', `/staff/campaigns/${id}/kiosk`);
    expect(page.html).toContain('Bật chế độ kiosk trên máy này');
    const r = await browser('POST', `/staff/campaigns/${id}/kiosk`, { form: { _csrf: csrfOf(page.html) } });
    expect(r.status).toBe(303);
    expect(r.location).toBe(`/s/${slug}?kiosk=1`);
    const { createHmac } = await import('node:crypto');
    const expected = createHmac('sha256', t.deps.secret).update(`kiosk|${id}`).digest('hex');
    const set = r.setCookies.find((c) => c.startsWith('kiosk='))!;
    expect(set.split(';')[0]).toBe(`kiosk=${id}.${expected}`);
    expect(set).toMatch(/HttpOnly/i);

    const decision = await createCampaign(t, cookie, { title: 'Làm đường', kind: 'decision', category: 'k1', villageIds: [villages[0]!.id], channels: ['paper'] });
    const refused = await browser('POST', `/staff/campaigns/${decision.id}/kiosk`, { form: { _csrf: csrfOf(page.html) } });
    expect(refused.status).toBe(409);
  });
});

describe('who may open the campaign pages', () => {
  it('keeps every page to its roles and to its own commune', async () => {
    const { id } = await createCampaign(t, cookie, {
      title: 'Nạo vét kênh mương Đồng Cói', kind: 'decision', category: 'k1', villageIds: villages.map((v) => v.id), channels: ['meeting', 'paper'],
    });
    const leaks = ['Nạo vét kênh mương Đồng Cói'];
    await expectRouteSecured(t, { method: 'GET', path: '/staff/campaigns', allow: ['admin', 'staff', 'inspector', 'village_head'], crossCommune: 'own-data', villageId: villages[0]!.id, leaks });
    await expectRouteSecured(t, { method: 'GET', path: `/staff/campaigns/${id}`, allow: ['admin', 'staff', 'inspector', 'village_head'], villageId: villages[0]!.id, leaks });
    await expectRouteSecured(t, { method: 'GET', path: '/staff/campaigns/new', allow: ['admin', 'staff'], crossCommune: 'own-data', leaks });
    await expectRouteSecured(t, { method: 'GET', path: `/staff/campaigns/${id}/edit`, allow: ['admin', 'staff'], leaks });
    await expectRouteSecured(t, { method: 'GET', path: '/staff/print', allow: ['admin', 'staff'], crossCommune: 'own-data', leaks });
    await expectRouteSecured(t, { method: 'GET', path: `/staff/print?campaignId=${id}`, allow: ['admin', 'staff'], leaks });
    await expectRouteSecured(t, { method: 'POST', path: `/staff/campaigns/${id}/serials`, allow: ['admin', 'staff'], leaks });
    await expectRouteSecured(t, { method: 'POST', path: `/staff/campaigns/${id}/open`, allow: ['admin', 'staff'], leaks });
  });
});
