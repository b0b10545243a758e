import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign, issueSerials } from '../support/campaigns';

let t: TestEnv;
let staff: string;
let villages: SeededVillage[];

beforeEach(async () => {
  t = await makeTestApp();
  villages = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 4 }]);
  await addUser(t, { username: 'canbo', role: 'staff' });
  staff = await login(t, 'canbo');
});
afterEach(() => t.close());

async function openDecision(over: Record<string, unknown> = {}) {
  const { id, slug } = await createCampaign(t, staff, {
    title: 'Chọn ngày tổ chức hội làng', description: 'Hội làng năm nay tổ chức vào mùng 10 tháng Giêng.',
    kind: 'decision', category: 'k6', villageIds: [villages[0]!.id], channels: ['online', 'paper'], ...over,
  });
  const serials = await issueSerials(t, staff, id);
  await openCampaign(t, staff, id);
  return { id, slug, serials };
}

function postForm(path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return t.app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: body.toString() });
}

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];

describe('the household ballot page', () => {
  it('shows the form from the QR link, usable without JavaScript', async () => {
    const { serials } = await openDecision();
    const res = await t.app.request(`/b/${serials[0]!.serial}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Chọn ngày tổ chức hội làng');
    expect(html).toContain('Đồng ý');
    expect(html).toContain('Không đồng ý');
    expect(html).toMatch(/<form[^>]+method="post"/);
    expect(hidden(html, '_idem')).toBeTruthy();
  });

  it('records a posted form with a receipt, and a resent form gets the same receipt instead of a second ballot', async () => {
    const { serials } = await openDecision();
    const page = await (await t.app.request(`/b/${serials[0]!.serial}`)).text();
    const idem = hidden(page, '_idem')!;
    // post, redirect, get: the receipt has its own address, safe to reload
    const first = await postForm(`/b/${serials[0]!.serial}`, { decision: 'approve', _idem: idem });
    expect(first.status).toBe(303);
    const location = first.headers.get('location')!;
    expect(location).toMatch(/^\/receipt\/[0-9A-Z]{10}$/);
    expect(location).not.toContain(serials[0]!.serial);
    const receiptPage = await t.app.request(location);
    expect(receiptPage.status).toBe(200);
    const receipt = /class="receipt-code"[^>]*>([0-9A-Z]{10})</.exec(await receiptPage.text())![1];
    expect(location).toBe(`/receipt/${receipt}`);
    const resent = await postForm(`/b/${serials[0]!.serial}`, { decision: 'approve', _idem: idem });
    expect(resent.status).toBe(303);
    expect(resent.headers.get('location')).toBe(location);
    expect(await t.deps.db.selectFrom('ballots').selectAll().execute()).toHaveLength(1);
    const verify = await t.app.request(`/verify?code=${receipt}`);
    expect(verify.status).toBe(200);
    expect(await verify.text()).toContain('Phiếu đã được ghi nhận');
  });

  it('lets a signed-in village head vote for their own household from the same browser', async () => {
    const { serials } = await openDecision();
    await addUser(t, { username: 'truongthon', role: 'village_head', villageId: villages[0]!.id });
    const cookie = await login(t, 'truongthon');
    const res = await postForm(`/b/${serials[0]!.serial}`, { decision: 'approve', _idem: 'x' }, { cookie, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/receipt\//);
    expect(await t.deps.db.selectFrom('ballots').selectAll().execute()).toHaveLength(1);
  });

  it('re-renders the form with the message beside the unanswered question', async () => {
    const { serials } = await openDecision();
    const res = await postForm(`/b/${serials[0]!.serial}`, { _idem: 'k1' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('aria-invalid="true"');
    expect(html).toMatch(/class="[^"]*error[^"]*"/);
  });

  it('tells a household whose ballot was already used, instead of showing the form', async () => {
    const { serials } = await openDecision();
    await postForm(`/b/${serials[0]!.serial}`, { decision: 'approve', _idem: 'a' });
    const res = await t.app.request(`/b/${serials[0]!.serial}`);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Phiếu này đã được sử dụng');
  });

  it('sends the household to the paper ballot when the category may not be decided online', async () => {
    const { serials } = await openDecision({ category: 'k1', channels: ['paper', 'meeting'] });
    const html = await (await t.app.request(`/b/${serials[0]!.serial}`)).text();
    expect(html).toContain('phiếu giấy');
    expect(html).toContain('Hội làng năm nay tổ chức vào mùng 10 tháng Giêng.');
    expect(html).not.toMatch(/name="decision"/);
  });

  it('labels k1 online answers as advisory, without decision value', async () => {
    const { serials } = await openDecision({ category: 'k1', channels: ['paper'], advisoryOnline: true });
    const html = await (await t.app.request(`/b/${serials[0]!.serial}`)).text();
    expect(html).toContain('chỉ để tham khảo, không có giá trị quyết định');
  });

  it('shows the campaign title escaped, never as markup', async () => {
    const { serials } = await openDecision({ title: 'Họp <script>alert(1)</script> thôn' });
    const html = await (await t.app.request(`/b/${serials[0]!.serial}`)).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('typing the serial at /b', () => {
  it('sends a well-formed code on to its ballot', async () => {
    const { serials } = await openDecision();
    const s = serials[0]!.serial;
    const res = await postForm('/b', { serial: `${s.slice(0, 4).toLowerCase()} ${s.slice(4)}` });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/b/${s}`);
  });

  it('shows whose ballot it is as the paper ballot does, online steps rather than paper-marking rules, and when and where the results come', async () => {
    const { serials } = await openDecision({ closesAt: '2026-12-10T17:00:00+07:00' });
    const html = await (await t.app.request(`/b/${serials[0]!.serial}`)).text();
    const holder = /<section class="ballot-holder"[\s\S]*?<\/section>/.exec(html)![0];
    expect(holder).toContain(serials[0]!.householdCode);
    expect(holder).toContain('Nguyễn Văn DS 1');
    expect(holder).toContain('Thôn Đông Sơn, Xã Việt Khê');
    expect(html).toContain('Cách gửi phiếu trên điện thoại');
    expect(html).not.toContain('Trên phiếu giấy: đánh dấu');
    // five working days after Thursday 10/12/2026 (Đ12 k3): Thursday 17/12/2026
    expect(html).toContain('Kết quả được công bố chậm nhất ngày 17/12/2026 (Đ12 k3 Luật');
    expect(html).toContain('href="/x/xa-viet-khe"');
  });

  it('puts the error beside the question without repeating its title, and lets the browser keep the page for Back (not for a secret ballot)', async () => {
    const open = await openDecision();
    const res = await postForm(`/b/${open.serials[0]!.serial}`, { _idem: 'k1' });
    expect(res.status).toBe(422);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const html = await res.text();
    const summary = /<div class="error error-summary"[\s\S]*?<\/div>/.exec(html)![0];
    expect(summary).toContain('Vui lòng chọn một ý kiến.');
    expect(summary).not.toContain('Ý kiến của hộ gia đình về nội dung trên');
    expect(html).toMatch(/<p class="error" id="q-decision-error" role="alert">Vui lòng chọn một ý kiến.<\/p>/);
    const secret = await openDecision({ title: 'Bầu tổ trưởng', secret: true });
    const refused = await postForm(`/b/${secret.serials[0]!.serial}`, { _idem: 'k2' });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('gives the receipt a page of its own that names no household and reloads without sending anything', async () => {
    const { serials } = await openDecision({ secret: true });
    const sent = await postForm(`/b/${serials[1]!.serial}`, { decision: 'reject', _idem: 'k3' });
    const location = sent.headers.get('location')!;
    for (let i = 0; i < 2; i++) {
      const page = await t.app.request(location);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Cảm ơn! Phiếu của hộ đã được ghi nhận.');
      expect(html).toContain('Ngày ghi nhận: 26/11/2026');
      expect(html).not.toContain(serials[1]!.householdCode);
      expect(html).not.toContain('Không đồng ý');
      expect(html).toContain('href="/x/xa-viet-khe"');
    }
    // one ballot, however often the receipt is reloaded (sealed until the campaign closes: secret)
    expect(await t.deps.db.selectFrom('sealed_ballots').selectAll().execute()).toHaveLength(1);
    expect(await t.deps.db.selectFrom('ballots').selectAll().execute()).toHaveLength(0);
    expect((await t.app.request('/receipt/ABCDEFGHJK')).status).toBe(404);
  });

  it('says a character is mistyped when the check character does not match', async () => {
    const { serials } = await openDecision();
    const s = serials[0]!.serial;
    const res = await postForm('/b', { serial: (s[3] === 'A' ? 'B' : 'A').padStart(4, s.slice(0, 3)) + s.slice(4) });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('gõ nhầm');
  });

  it('answers an unknown code with a page to type it again', async () => {
    await openDecision();
    const res = await t.app.request('/b/0000000000' + '0');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Không tìm thấy phiếu');
  });
});

describe('anonymous satisfaction survey at /s/<slug>', () => {
  async function openSurvey() {
    const { id, slug } = await createCampaign(t, staff, {
      title: 'Đánh giá Bộ phận Một cửa', kind: 'satisfaction', villageIds: [villages[0]!.id], channels: ['online'], template: 'one-stop-rating',
    });
    await openCampaign(t, staff, id);
    return { id, slug };
  }

  it('takes one answer per device and says so kindly on the second', async () => {
    const { slug } = await openSurvey();
    const page = await t.app.request(`/s/${slug}`);
    expect(page.status).toBe(200);
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    const first = await postForm(`/s/${slug}`, { rating: 'satisfied' }, { cookie });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/s/${slug}/thanks`);
    expect(await (await t.app.request(`/s/${slug}/thanks`, { headers: { cookie } })).text()).toContain('Cảm ơn bạn đã góp ý!');
    const second = await postForm(`/s/${slug}`, { rating: 'satisfied' }, { cookie });
    expect(second.status).toBe(409);
    expect(await second.text()).toContain('Thiết bị này đã gửi ý kiến');
    const stored = await t.deps.db.selectFrom('ballots').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.village_id).toBeNull();
  });

  it('lets a kiosk tablet enabled by staff take answer after answer and reset itself', async () => {
    const { id, slug } = await openSurvey();
    const enable = await api(t, 'POST', `/staff/campaigns/${id}/kiosk`, { cookie: staff, body: new URLSearchParams({ _csrf: '' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(enable.status).toBe(303);
    const cookie = enable.headers.get('set-cookie')!.split(';')[0]!;
    for (let i = 0; i < 3; i++) {
      const res = await postForm(`/s/${slug}?kiosk=1`, { rating: 'very_satisfied' }, { cookie });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/s/${slug}/thanks?kiosk=1`);
      const thanks = await t.app.request(res.headers.get('location')!, { headers: { cookie } });
      expect(await thanks.text()).toContain('http-equiv="refresh"');
    }
    expect(await t.deps.db.selectFrom('ballots').selectAll().execute()).toHaveLength(3);
  });

  it('does not let a phone pose as a kiosk with a made-up cookie', async () => {
    const { id, slug } = await openSurvey();
    const page = await t.app.request(`/s/${slug}`);
    const device = page.headers.get('set-cookie')!.split(';')[0]!;
    const cookie = `${device}; kiosk=${id}.${'0'.repeat(64)}`;
    const first = await postForm(`/s/${slug}?kiosk=1`, { rating: 'satisfied' }, { cookie });
    expect(first.status).toBe(303);
    // not a kiosk: its thanks page does not reset itself for the next person
    expect(first.headers.get('location')).toBe(`/s/${slug}/thanks`);
    expect((await postForm(`/s/${slug}?kiosk=1`, { rating: 'satisfied' }, { cookie })).status).toBe(409);
  });

  it('takes one rating per dossier code from the one-stop receipt, even on the counter kiosk', async () => {
    const { id, slug } = await openSurvey();
    const enable = await api(t, 'POST', `/staff/campaigns/${id}/kiosk`, { cookie: staff, body: '_csrf=', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const cookie = enable.headers.get('set-cookie')!.split(';')[0]!;
    expect((await postForm(`/s/${slug}?kiosk=1`, { rating: 'satisfied', dossierCode: 'HS-2026-0042' }, { cookie })).status).toBe(303);
    const again = await postForm(`/s/${slug}?kiosk=1`, { rating: 'very_satisfied', dossierCode: 'hs-2026-0042' }, { cookie });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Hồ sơ này đã được đánh giá');
  });

  it('does not serve a decision campaign as an anonymous survey', async () => {
    const { slug } = await openDecision();
    expect((await t.app.request(`/s/${slug}`)).status).toBe(404);
  });
});
