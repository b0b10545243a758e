// Issue 15, staff: the accounts page's row forms, the print centre (forms by
// channel, one lost ballot reprinted, the QR address warning, the poster of
// a household ballot), the audit log as sentences with its filters, and the
// tally sheet's errors all at once with the question's title. Desktop at
// 1280 px as commune staff work, and the same pages at 360 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  serveTestApp, launchBrowser, phoneContext, desktopContext, checkA11y, screenshot, scrollsSideways, watchProblems,
  type Browser, type Page, type ServedApp,
} from '../support/browser';
import { addUser, login, api } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign, issueSerials } from '../support/campaigns';

let app: ServedApp;
let browser: Browser;
let dir: string;
let ds: SeededVillage;
let online: { id: string; serials: { householdCode: string; serial: string }[] };
let meeting: { id: string };
const cookies: Record<string, string> = {};

beforeAll(async () => {
  [app, browser] = await Promise.all([serveTestApp(), launchBrowser()]);
  dir = mkdtempSync(join(tmpdir(), 'danban-staff-'));
  [ds] = (await seedVillages(app, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 8 }, { code: 'TH', name: 'Thôn Trung Hà', households: 4 }])) as [SeededVillage];
  await addUser(app, { username: 'quantri', role: 'admin', displayName: 'Phạm Thị Hương' });
  await addUser(app, { username: 'canbo', role: 'staff', displayName: 'Nguyễn Thị Lan' });
  await addUser(app, { username: 'thanhtra', role: 'inspector', displayName: 'Lê Văn Sáu' });
  await addUser(app, { username: 'truongthon.ds', role: 'village_head', villageId: ds.id, displayName: 'Nguyễn Văn Đức' });
  for (const u of ['quantri', 'canbo', 'thanhtra', 'truongthon.ds']) cookies[u] = await login(app, u);
  const c = await createCampaign(app, cookies.canbo!, {
    title: 'Chọn ngày tổ chức hội làng', kind: 'decision', category: 'k6', villageIds: [ds.id], channels: ['online', 'paper'], closesAt: '2026-12-10T17:00:00+07:00',
    // online ballots bind (and use up the serial) where the agreement to vote online is on record (NĐ 59 Đ5)
    onlineApproval: { note: 'Biên bản họp thôn: các hộ đồng ý biểu quyết trực tuyến' },
  });
  online = { id: c.id, serials: await issueSerials(app, cookies.canbo!, c.id) };
  await openCampaign(app, cookies.canbo!, c.id);
  meeting = await createCampaign(app, cookies.canbo!, {
    title: 'Làm đường bê tông liên thôn', kind: 'decision', category: 'k1', villageIds: [ds.id], channels: ['paper', 'meeting'], template: 'household-decision',
  });
  await issueSerials(app, cookies.canbo!, meeting.id);
  await openCampaign(app, cookies.canbo!, meeting.id);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every QR code in a PDF, read by zbarimg from a 150 dpi rendering. */
function qrCodes(file: string): string[] {
  const prefix = join(dir, `p-${Math.random().toString(36).slice(2)}`);
  execFileSync('pdftoppm', ['-r', '150', '-png', file, prefix]);
  const images = readdirSync(dir).filter((f) => join(dir, f).startsWith(prefix)).map((f) => join(dir, f));
  return execFileSync('zbarimg', ['--raw', '-q', ...images], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').map((s) => s.trim()).filter(Boolean);
}
const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');

async function download(page: Page, click: () => Promise<unknown>): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

describe('the accounts page', () => {
  it('opens a row’s new-password box whole inside the table at 1280 px, and sets the password from it', async () => {
    const ctx = await desktopContext(browser, { cookie: cookies.quantri, base: app.base, a11y: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/staff/accounts`);
    const row = page.locator('tr', { hasText: 'Tên đăng nhập: canbo' });
    await row.getByText('Đặt lại mật khẩu').click();
    const box = row.getByLabel('Mật khẩu mới (canbo)');
    expect(await box.isVisible()).toBe(true);
    const fits = await page.evaluate(() => {
      const scroll = document.querySelector('.table-scroll')!;
      const input = document.querySelector('details[open] input[type="password"]')!.getBoundingClientRect();
      const button = document.querySelector('details[open] button[type="submit"]')!.getBoundingClientRect();
      const edge = scroll.getBoundingClientRect().right;
      return { sideways: scroll.scrollWidth > scroll.clientWidth, input: input.right <= edge, button: button.right <= edge };
    });
    expect(fits).toEqual({ sideways: false, input: true, button: true });
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'issue15-accounts-password-desktop');
    await box.fill('mat-khau-moi-2026');
    await row.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('.alert-ok').textContent()).toContain('Đã cập nhật tài khoản');
    expect((await api(app, 'POST', '/api/v1/auth/login', { body: { username: 'canbo', password: 'mat-khau-moi-2026' } })).status).toBe(200);
    cookies.canbo = await login(app, 'canbo', 'mat-khau-moi-2026');
    await ctx.close();
  });

  it('does not make a phone scroll sideways', async () => {
    const ctx = await phoneContext(browser, { cookie: cookies.quantri, base: app.base });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/staff/accounts`);
    await page.locator('tr', { hasText: 'Tên đăng nhập: canbo' }).getByText('Đặt lại mật khẩu').click();
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'issue15-accounts-phone');
    await ctx.close();
  });
});

describe('the print centre', () => {
  it('offers the meeting forms only for a campaign with a meeting, and warns that its QR codes would not open on phones', async () => {
    const ctx = await desktopContext(browser, { cookie: cookies.canbo, base: app.base, a11y: true });
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(`${app.base}/staff/print?campaignId=${online.id}`);
    const warning = page.locator('.alert-error', { hasText: 'Mã QR sẽ không mở được trên điện thoại' });
    expect(await warning.textContent()).toContain(`${app.base}`);
    expect(await page.getByRole('link', { name: /Mẫu 0[123]/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /Mẫu 04/ }).count()).toBe(1);
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'issue15-print-online-desktop');
    await page.goto(`${app.base}/staff/print?campaignId=${meeting.id}`);
    for (const form of ['Mẫu 01', 'Mẫu 02', 'Mẫu 03', 'Mẫu 04']) expect(await page.getByRole('link', { name: new RegExp(form) }).count(), form).toBe(1);
    expect(problems).toEqual({ console: [], errors: [], failedRequests: [] });
    await ctx.close();

    // with the commune's public address set, nothing to warn about
    const configured = await serveTestApp({ DANBAN_PUBLIC_URL: 'https://danban.vietkhe.gov.vn' });
    try {
      await addUser(configured, { username: 'canbo', role: 'staff' });
      const c2 = await desktopContext(browser, { cookie: await login(configured, 'canbo'), base: configured.base });
      const p2 = await c2.newPage();
      await p2.goto(`${configured.base}/staff/print`);
      expect(await p2.getByText('Mã QR sẽ không mở được trên điện thoại').count()).toBe(0);
      await c2.close();
    } finally {
      await configured.stop();
    }
  });

  it('reprints one household’s lost ballot: a one-page PDF whose QR holds a new serial, the old one no longer opening', async () => {
    const ctx = await desktopContext(browser, { cookie: cookies.canbo, base: app.base, a11y: true });
    const page = await ctx.newPage();
    page.on('dialog', (d) => void d.accept());
    const lost = online.serials.find((s) => s.householdCode === 'DS-0002')!;
    await page.goto(`${app.base}/staff/print?campaignId=${online.id}`);
    await page.getByLabel('Mã hộ').fill('ds-0002');
    await page.getByRole('button', { name: 'Hủy phiếu cũ và in lại' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('.alert-ok').textContent()).toContain('Đã phát mã phiếu mới cho hộ DS-0002');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'issue15-print-reprinted-desktop');
    const file = await download(page, () => page.getByRole('link', { name: /Tải phiếu của hộ DS-0002/ }).click());
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])).toBe(1);
    const [qr] = qrCodes(file);
    expect(qr).toMatch(new RegExp(`^${app.base}/b/[0-9A-Z]{11}$`));
    expect(qr).not.toContain(lost.serial);
    expect(pdfText(file)).toContain('DS-0002');
    expect((await page.goto(`${app.base}/b/${lost.serial}`))!.status()).toBe(404);
    expect((await page.goto(qr!))!.status()).toBe(200);

    // a used ballot cannot be reprinted: said beside the field
    await page.goto(`${app.base}/staff/print?campaignId=${online.id}`);
    const used = online.serials.find((s) => s.householdCode === 'DS-0005')!;
    expect((await api(app, 'POST', `/api/v1/ballots/${used.serial}`, { body: { answers: { decision: 'approve' } } })).status).toBe(201);
    await page.getByLabel('Mã hộ').fill('DS-0005');
    await page.getByRole('button', { name: 'Hủy phiếu cũ và in lại' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('#f-householdCode-error').textContent()).toContain('đã được sử dụng');
    await ctx.close();
  });

  it('prints a household ballot’s poster that tells each household to use the QR on its own ballot, its own QR opening the commune’s page', async () => {
    const ctx = await desktopContext(browser, { cookie: cookies.canbo, base: app.base });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/staff/print?campaignId=${online.id}`);
    expect(await page.locator('.hint', { hasText: 'mã QR riêng in trên phiếu của hộ' }).count()).toBe(1);
    const file = await download(page, () => page.getByRole('link', { name: 'Áp phích A4', exact: true }).click());
    expect(qrCodes(file)).toEqual([`${app.base}/x/xa-viet-khe`]);
    const words = pdfText(file);
    expect(words).toContain('Quét mã QR trên phiếu của hộ (không phải mã trên áp phích này)');
    expect(words).toContain('không dùng để trả lời');
    await ctx.close();
  });
});

describe('the audit log', () => {
  it('reads as sentences with names and titles, filtered by campaign and by person, on a desktop and a phone', async () => {
    // a sheet entered by the village head and confirmed by the inspector, for the log to tell
    const sheet = await api(app, 'POST', `/api/v1/campaigns/${meeting.id}/tallies`, {
      cookie: cookies['truongthon.ds'], body: { villageId: ds.id, channel: 'meeting', present: 6, counts: { decision: { approve: 6, reject: 0, other: 0 } } },
    });
    expect(sheet.status).toBe(201);
    expect((await api(app, 'POST', `/api/v1/tallies/${sheet.json.id}/confirm`, { cookie: cookies.thanhtra })).status).toBe(200);

    const ctx = await desktopContext(browser, { cookie: cookies.thanhtra, base: app.base, a11y: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/staff/audit`);
    const sentences = () => page.locator('.audit-sentence').allTextContents();
    const all = (await sentences()).map((s) => s.normalize('NFC'));
    expect(all).toContain('Nhập biên bản họp thôn của Thôn Đông Sơn, đợt “Làm đường bê tông liên thôn” (phiên bản 1)');
    expect(all).toContain('Mở đợt “Chọn ngày tổ chức hội làng”, chốt số hộ của từng thôn');
    expect(all.join(' ')).not.toMatch(/campaign\.open|tally\.submit|serials\.issue/);
    expect(await page.locator('#audit-entries').textContent()).toContain('Nguyễn Văn Đức');
    expect(await checkA11y(page)).toEqual([]);

    await page.getByLabel('Đợt lấy ý kiến').selectOption({ label: 'Chọn ngày tổ chức hội làng' });
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForLoadState('load');
    const one = await sentences();
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((s) => s.includes('Chọn ngày tổ chức hội làng'))).toBe(true);
    await page.getByLabel('Đợt lấy ý kiến').selectOption('');
    await page.getByLabel('Người thực hiện').selectOption({ label: 'Nguyễn Văn Đức (truongthon.ds)' });
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForLoadState('load');
    expect((await sentences()).map((s) => s.normalize('NFC'))).toEqual(['Nhập biên bản họp thôn của Thôn Đông Sơn, đợt “Làm đường bê tông liên thôn” (phiên bản 1)']);
    await screenshot(page, 'issue15-audit-desktop');
    await ctx.close();

    const phone = await phoneContext(browser, { cookie: cookies.thanhtra, base: app.base });
    const p = await phone.newPage();
    await p.goto(`${app.base}/staff/audit?campaignId=${meeting.id}`);
    expect(await scrollsSideways(p)).toBe(false);
    await screenshot(p, 'issue15-audit-phone');
    await phone.close();
  });
});

describe('a tally sheet’s mistakes', () => {
  it('are all shown after one submit, the question named by its title, on the village head’s phone', async () => {
    const ctx = await phoneContext(browser, { cookie: cookies['truongthon.ds'], base: app.base, a11y: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/staff/tallies/${meeting.id}/new?villageId=${ds.id}&channel=paper`);
    await page.getByLabel('Số phiếu phát ra').fill('8');
    await page.getByLabel('Số phiếu thu về').fill('9');
    await page.locator('input[name$=".approve"]').fill('30');
    await page.locator('input[type="file"]').setInputFiles({ name: 'bien-ban.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('không phải ảnh') });
    await page.getByRole('button', { name: 'Gửi biên bản' }).click();
    await page.waitForLoadState('load');
    const summary = (await page.locator('.error-summary').textContent())!.normalize('NFC');
    expect(summary).toContain('JPEG hoặc PNG');
    expect(summary).toContain('Số phiếu thu về (9) lớn hơn số phiếu phát ra (8)');
    expect(summary).toContain('câu “Ý kiến của hộ gia đình về nội dung trên”');
    expect(summary).not.toContain('"decision"');
    expect(await page.locator('.error-summary li').count()).toBeGreaterThanOrEqual(4);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'issue15-tally-errors-phone');
    await ctx.close();
  });
});
