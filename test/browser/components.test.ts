import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsx } from 'hono/jsx';
import { Layout } from '../../web/views/layout';
import {
  Field, Select, Checkbox, RadioGroup, ErrorSummary, Button, LinkButton, Table, Alert, Badge, Pagination, Stat, Stats,
  DateText, NumberText,
} from '../../web/views/components';
import {
  launchBrowser, serveTestApp, phoneContext, desktopContext, checkA11y, screenshot, scrollsSideways, watchProblems,
  type Browser, type ServedApp,
} from '../support/browser';

// Every shared component on one page, served by the real app (same CSP, same
// stylesheet), so the pieces other pages are built from are checked once here.
// Views are plain functions, so this .ts file calls them without JSX.

interface Row { code: string; head: string; village: string; members: number; phone: string; address: string; updated: string }
const rows: Row[] = [
  { code: 'VK-0001', head: 'Nguyễn Văn An', village: 'Thôn Đông', members: 5, phone: '0912345678', address: 'Xóm 1, đường liên thôn', updated: '2026-11-25T18:30:00.000Z' },
  { code: 'VK-0002', head: 'Trần Thị Bình', village: 'Thôn Đoài', members: 1599, phone: '0987654321', address: 'Xóm Chợ, cạnh nhà văn hóa', updated: '2026-01-02T03:00:00.000Z' },
];

function gallery() {
  const lang = 'vi' as const;
  return Layout({
    lang,
    title: 'Thành phần giao diện',
    path: '/__gallery',
    children: [
      jsx('h1', {}, 'Thành phần giao diện'),
      ErrorSummary({ lang, errors: [{ path: 'code', message: 'Mã hộ không được để trống.' }, { path: 'decision', message: 'Hãy chọn một ý kiến.' }] }),
      Alert({ kind: 'error', title: 'Chưa lưu được', children: 'Vui lòng sửa các mục được đánh dấu.' }),
      Alert({ kind: 'warn', title: 'Sắp hết hạn', children: 'Đợt lấy ý kiến đóng sau 2 ngày.' }),
      Alert({ kind: 'ok', children: 'Đã lưu biên bản.' }),
      Alert({ kind: 'info', children: 'Số hộ được chốt khi mở đợt lấy ý kiến.' }),
      Stats({ children: [Stat({ label: 'Hộ trong sổ', value: 1599 }), Stat({ label: 'Đã trả lời', value: 812 }), Stat({ label: 'Tỷ lệ', value: '50,8%' })] }),
      Badge({ tone: 'neutral', children: 'Nháp' }), ' ', Badge({ tone: 'info', children: 'Đang mở' }), ' ',
      Badge({ tone: 'ok', children: 'Đã công bố' }), ' ', Badge({ tone: 'warn', children: 'Chờ xác nhận' }), ' ',
      Badge({ tone: 'error', children: 'Không hợp lệ' }),
      Table<Row>({
        caption: 'Danh sách hộ',
        rows,
        columns: [
          { label: 'Mã hộ', cell: (r) => r.code, rowHeader: true },
          { label: 'Chủ hộ', cell: (r) => r.head },
          { label: 'Thôn', cell: (r) => r.village },
          { label: 'Nhân khẩu', cell: (r) => NumberText({ value: r.members }), numeric: true },
          { label: 'Điện thoại', cell: (r) => r.phone },
          { label: 'Địa chỉ', cell: (r) => r.address },
          { label: 'Cập nhật', cell: (r) => DateText({ iso: r.updated }) },
        ],
      }),
      Table<Row>({ caption: 'Bảng trống', rows: [], columns: [{ label: 'Mã hộ', cell: (r) => r.code }] }),
      Pagination({ lang, page: 2, pages: 5, href: (p) => `/__gallery?page=${p}` }),
      Field({ name: 'code', label: 'Mã hộ', hint: 'Ví dụ: VK-0001', error: 'Mã hộ không được để trống.', required: true, lang }),
      Field({ name: 'members', label: 'Số nhân khẩu', type: 'number', inputmode: 'numeric', short: true, value: 4 }),
      Field({ name: 'note', label: 'Ghi chú', multiline: true, hint: 'Không bắt buộc.' }),
      Select({ name: 'villageId', label: 'Thôn', placeholder: '— Chọn thôn —', options: [{ value: 'v1', label: 'Thôn Đông' }, { value: 'v2', label: 'Thôn Đoài' }], value: 'v2' }),
      RadioGroup({
        name: 'decision', legend: 'Ông/bà có đồng ý với phương án làm đường liên thôn không?', required: true, lang,
        error: 'Hãy chọn một ý kiến.',
        options: [
          { value: 'approve', label: 'Đồng ý' },
          { value: 'reject', label: 'Không đồng ý' },
          { value: 'other', label: 'Ý kiến khác', hint: 'Ghi ý kiến ở ô bên dưới.' },
        ],
      }),
      RadioGroup({
        name: 'candidates', legend: 'Giữ lại tên người ông/bà bầu (tối đa 1)', multiple: true, value: ['c2'],
        options: [{ value: 'c1', label: 'Lê Văn Cường (1970)' }, { value: 'c2', label: 'Phạm Thị Dung (1982)' }],
      }),
      Checkbox({ name: 'confirm', label: 'Tôi đã kiểm tra biên bản với bản giấy có chữ ký' }),
      jsx('div', { class: 'actions' },
        Button({ children: 'Lưu' }),
        Button({ children: 'Lưu nháp', variant: 'secondary', type: 'button' }),
        Button({ children: 'Xóa', variant: 'danger', type: 'button' }),
        Button({ children: 'Bỏ qua', variant: 'link', type: 'button' }),
        LinkButton({ href: '/__gallery', children: 'Quay lại', variant: 'secondary' })),
    ],
  });
}

let app: ServedApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveTestApp(), launchBrowser()]);
  // Registered before the first request, while Hono's router still takes routes.
  app.app.get('/__gallery', (c) => c.html(gallery()));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('shared components in a real browser', () => {
  it('fits a 360 px phone: the page never scrolls sideways, the wide table scrolls in its own box, every control is at least 48 px tall', async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(`${app.base}/__gallery`);
    expect(await scrollsSideways(page)).toBe(false);
    const table = page.locator('.table-scroll').first();
    expect(await table.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const small = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>(
        '.btn, .choice, .lang-switch a, .pagination a, main input:not([type=hidden]):not([type=radio]):not([type=checkbox]), main select',
      ))
        .filter((el) => el.getBoundingClientRect().height < 48)
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(small).toEqual([]);
    expect(problems).toEqual({ console: [], errors: [], failedRequests: [] });
    await screenshot(page, 'components-360');
    await ctx.close();
  });

  it('checks a ballot choice when the voter taps anywhere on its row, not just the dot', async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${app.base}/__gallery`);
    const row = page.locator('.choice', { hasText: 'Không đồng ý' });
    await row.scrollIntoViewIfNeeded();
    const box = (await row.boundingBox())!;
    await page.touchscreen.tap(box.x + box.width - 20, box.y + box.height / 2);
    expect(await page.getByRole('radio', { name: 'Không đồng ý' }).isChecked()).toBe(true);
    expect(await row.getAttribute('class')).toContain('is-checked');
    expect(await page.getByRole('radio', { name: 'Đồng ý', exact: true }).isChecked()).toBe(false);
    await ctx.close();
  });

  it('ties each error and hint to its field for screen readers, and the summary links to the field', async () => {
    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${app.base}/__gallery`);
    const input = page.getByRole('textbox', { name: 'Mã hộ' });
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    const described = (await input.getAttribute('aria-describedby'))!.split(' ');
    const texts = await Promise.all(described.map((id) => page.locator(`#${id}`).textContent()));
    expect(texts).toEqual(['Ví dụ: VK-0001', 'Lỗi: Mã hộ không được để trống.']);
    await page.getByRole('link', { name: 'Mã hộ không được để trống.' }).click();
    expect(new URL(page.url()).hash).toBe('#f-code');
    expect(await page.getByRole('group', { name: /Ông\/bà có đồng ý/ }).count()).toBe(1);
    await ctx.close();
  });

  it('shows dates as dd/mm/yyyy in Vietnam time and numbers with Vietnamese separators', async () => {
    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${app.base}/__gallery`);
    // 18:30 UTC on 25/11 is already 26/11 in Hà Nội (UTC+7).
    expect(await page.locator('time').first().textContent()).toBe('26/11/2026');
    expect(await page.locator('time').first().getAttribute('datetime')).toBe('2026-11-25T18:30:00.000Z');
    expect(await page.locator('td.num').nth(1).textContent()).toBe('1.599');
    expect(await page.locator('.stat-value').first().textContent()).toBe('1.599');
    await ctx.close();
  });

  it('has no serious or critical accessibility violation at 360 px and 1280 px', async () => {
    const phone = await phoneContext(browser, { a11y: true });
    const desk = await desktopContext(browser, { a11y: true });
    const p = await phone.newPage();
    await p.goto(`${app.base}/__gallery`);
    const d = await desk.newPage();
    await d.goto(`${app.base}/__gallery`);
    await screenshot(d, 'components-1280');
    expect({ phone: await checkA11y(p), desktop: await checkA11y(d) }).toEqual({ phone: [], desktop: [] });
    await phone.close();
    await desk.close();
  });
});
