import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, issueSerials } from '../support/campaigns';
import { expectRouteSecured } from '../support/security';
import { loadPrintFonts } from '../../server/runtime/fonts-node';

let t: TestEnv;
let cookie: string;
let villages: SeededVillage[];
let dir: string;

beforeEach(async () => {
  t = await makeTestApp();
  // The Node entry passes the font provider; the test app gets the same one.
  t.deps.fonts = loadPrintFonts;
  await addUser(t, { username: 'canbo', role: 'staff' });
  cookie = await login(t, 'canbo');
  villages = await seedVillages(t, [
    { code: 'DS', name: 'Thôn Đông Sơn', households: 10 },
    { code: 'TH', name: 'Thôn Thượng', households: 3 },
  ]);
  dir = mkdtempSync(join(tmpdir(), 'danban-print-'));
});

afterEach(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

async function fetchPdf(path: string): Promise<{ res: Response; bytes: Uint8Array; file: string }> {
  const res = await t.app.request(path, { headers: { cookie } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const file = join(dir, `doc-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return { res, bytes, file };
}

const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');

/** Every QR code on every page, decoded by zbarimg from a 150 dpi rendering. */
function qrCodes(file: string): string[] {
  const prefix = join(dir, 'page');
  execFileSync('pdftoppm', ['-r', '150', '-png', file, prefix]);
  const images = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png')).map((f) => join(dir, f));
  const out = execFileSync('zbarimg', ['--raw', '-q', ...images], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.split('\n').map((s) => s.trim()).filter(Boolean);
}

const decision = (extra: Record<string, unknown> = {}) => ({
  title: 'Làm đường bê tông liên thôn', description: 'Mỗi hộ đóng góp 500.000 đồng để làm đường bê tông.',
  // the road crosses villages: commune-wide content (Đ19 k1 a), named explicitly
  kind: 'decision', category: 'k1', scope: 'commune', villageIds: villages.map((v) => v.id), channels: ['paper', 'meeting'],
  closesAt: '2026-12-20T17:00:00+07:00', ...extra,
});

describe('GET /api/v1/campaigns/:id/ballots.pdf', () => {
  it('prints one household ballot per household of the village, each QR opening that household\'s /b/<serial> page', async () => {
    const { id } = await createCampaign(t, cookie, decision());
    const serials = await issueSerials(t, cookie, id, villages[0]!.id);
    expect(serials).toHaveLength(10);

    const { res, file } = await fetchPdf(`/api/v1/campaigns/${id}/ballots.pdf?villageId=${villages[0]!.id}&format=A5`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z0-9-]+\.pdf"$/);
    // A5: two ballots per A4 sheet.
    expect(pages(file)).toBe(5);
    const words = text(file);
    expect(words).toContain('PHIẾU LẤY Ý KIẾN');
    expect(words.toLocaleUpperCase('vi')).toContain('XÃ VIỆT KHÊ');
    expect(words).toContain('Thôn Đông Sơn');
    expect(words).toContain('DS-0001');

    const origin = 'http://localhost';
    const expected = serials.map((s) => `${origin}/b/${s.serial}`).sort();
    expect(qrCodes(file).sort()).toEqual(expected);
  });

  it('prints A4 ballots one per page', async () => {
    const { id } = await createCampaign(t, cookie, decision());
    await issueSerials(t, cookie, id);
    const { res, file } = await fetchPdf(`/api/v1/campaigns/${id}/ballots.pdf?villageId=${villages[1]!.id}&format=A4`);
    expect(res.status).toBe(200);
    expect(pages(file)).toBe(3);
  });

  it('prints election ballots with the serial on the stub and no household code anywhere', async () => {
    const th = villages[1]!;
    const { id } = await createCampaign(t, cookie, {
      title: 'Bầu Trưởng thôn Thượng nhiệm kỳ 2026 - 2031', kind: 'election', category: 'k4', villageIds: [th.id],
      channels: ['meeting'], seats: 1,
      candidates: [
        { id: 'c1', name: 'Phạm Thị Hằng', villageId: th.id, birthYear: 1975 },
        { id: 'c2', name: 'Đỗ Văn Mạnh', villageId: th.id, birthYear: 1980 },
      ],
    });
    const serials = await issueSerials(t, cookie, id);
    const { res, file } = await fetchPdf(`/api/v1/campaigns/${id}/ballots.pdf?villageId=${th.id}`);
    expect(res.status).toBe(200);
    const words = text(file);
    expect(words).toContain('Phạm Thị Hằng');
    expect(words).not.toMatch(/TH-\d{4}/);
    expect(words).not.toContain('Nguyễn Văn TH');
    expect(qrCodes(file).sort()).toEqual(serials.map((s) => `http://localhost/b/${s.serial}`).sort());
  });

  it('prints a secret household ballot with no household identity, every QR still readable on its stub', async () => {
    const th = villages[1]!;
    const { id } = await createCampaign(t, cookie, { ...decision(), scope: 'village', villageIds: [th.id], secret: true });
    const serials = await issueSerials(t, cookie, id);
    const { res, file } = await fetchPdf(`/api/v1/campaigns/${id}/ballots.pdf?villageId=${th.id}`);
    expect(res.status).toBe(200);
    const words = text(file);
    expect(words).not.toMatch(/TH-\d{4}/);
    expect(words).not.toContain('Nguyễn Văn TH');
    expect(qrCodes(file).sort()).toEqual(serials.map((s) => `http://localhost/b/${s.serial}`).sort());
  });

  it('refuses a missing or unknown village with 422 naming villageId', async () => {
    const { id } = await createCampaign(t, cookie, decision());
    await issueSerials(t, cookie, id);
    for (const q of ['', '?villageId=', '?villageId=v-nowhere', '?format=A5']) {
      const r = await api(t, 'GET', `/api/v1/campaigns/${id}/ballots.pdf${q}`, { cookie });
      expect(r.status, q).toBe(422);
      expect(r.json.error.details.map((d: { path: string }) => d.path)).toEqual(['villageId']);
    }
    const bad = await api(t, 'GET', `/api/v1/campaigns/${id}/ballots.pdf?villageId=${villages[0]!.id}&format=A3`, { cookie });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details[0].path).toBe('format');
  });

  it('asks to issue serials first instead of printing an empty document', async () => {
    const { id } = await createCampaign(t, cookie, decision());
    const r = await api(t, 'GET', `/api/v1/campaigns/${id}/ballots.pdf?villageId=${villages[0]!.id}`, { cookie });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('INVALID_STATE');
  });

  it('lets only commune staff print: no session 401, village head and inspector 403, another commune 404', async () => {
    const { id } = await createCampaign(t, cookie, decision());
    await issueSerials(t, cookie, id);
    await expectRouteSecured(t, {
      method: 'GET', path: `/api/v1/campaigns/${id}/ballots.pdf?villageId=${villages[0]!.id}`, allow: ['admin', 'staff'],
      leaks: ['Làm đường bê tông', 'DS-0001'],
    });
    const head = 'head-ds';
    await addUser(t, { username: head, role: 'village_head', villageId: villages[0]!.id });
    const r = await api(t, 'GET', `/api/v1/campaigns/${id}/ballots.pdf?villageId=${villages[0]!.id}`, { cookie: await login(t, head) });
    expect(r.status).toBe(403);
  });
});

describe('forms and posters', () => {
  it('prints Mẫu 01 to 04 pre-filled with the village and its household total', async () => {
    const { id } = await createCampaign(t, cookie, decision());
    const titles: Record<string, string> = {
      'mau-01': 'GIẤY MỜI HỌP', 'mau-02': 'BIÊN BẢN KIỂM PHIẾU', 'mau-03': 'BIÊN BẢN CUỘC HỌP', 'mau-04': 'BIÊN BẢN KIỂM PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH',
    };
    for (const [form, title] of Object.entries(titles)) {
      const { res, file } = await fetchPdf(`/api/v1/campaigns/${id}/forms/${form}.pdf?villageId=${villages[0]!.id}`);
      expect(res.status, form).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`filename="${form}-`);
      // Headers are in capitals and long lines wrap: compare upper-cased words on one line.
      const words = text(file).replace(/\s+/g, ' ').toLocaleUpperCase('vi');
      expect(words, form).toContain(title);
      expect(words, form).toContain('THÔN ĐÔNG SƠN');
      expect(words, form).toContain('LÀM ĐƯỜNG BÊ TÔNG LIÊN THÔN');
    }
    const missing = await api(t, 'GET', `/api/v1/campaigns/${id}/forms/mau-02.pdf`, { cookie });
    expect(missing.status).toBe(422);
    expect(missing.json.error.details[0].path).toBe('villageId');
    const unknown = await api(t, 'GET', `/api/v1/campaigns/${id}/forms/mau-09.pdf?villageId=${villages[0]!.id}`, { cookie });
    expect(unknown.status).toBe(404);
  });

  it('prints a satisfaction poster whose QR opens the anonymous survey', async () => {
    const { id, slug } = await createCampaign(t, cookie, {
      title: 'Khảo sát mức độ hài lòng năm 2026', description: 'Ý kiến của người dân về dịch vụ hành chính công.', kind: 'satisfaction',
      villageIds: villages.map((v) => v.id), channels: ['online'], opensAt: '2026-12-01T08:00:00+07:00', closesAt: '2026-12-31T17:00:00+07:00',
    });
    const a4 = await fetchPdf(`/api/v1/campaigns/${id}/poster.pdf?size=A4`);
    expect(a4.res.status).toBe(200);
    expect(pages(a4.file)).toBe(1);
    expect(text(a4.file)).toContain('01/12/2026');
    expect(qrCodes(a4.file)).toEqual([`http://localhost/s/${slug}`]);
    const a3 = await fetchPdf(`/api/v1/campaigns/${id}/poster.pdf?size=A3`);
    expect(a3.res.status).toBe(200);
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [a3.file], { encoding: 'utf8' }))!;
    expect([Math.round(Number(size[1])), Math.round(Number(size[2]))]).toEqual([842, 1191]);
    const bad = await api(t, 'GET', `/api/v1/campaigns/${id}/poster.pdf?size=A5`, { cookie });
    expect(bad.status).toBe(422);
  });

  it('prints a household-ballot poster that sends each household to the QR on its own ballot, its own QR opening the commune’s page', async () => {
    const online = await createCampaign(t, cookie, {
      title: 'Chọn ngày tổ chức hội làng', description: 'Các hộ chọn ngày tổ chức hội làng.', kind: 'decision', category: 'k6',
      villageIds: [villages[0]!.id], channels: ['online', 'paper'], closesAt: '2026-12-20T17:00:00+07:00',
    });
    const poster = await fetchPdf(`/api/v1/campaigns/${online.id}/poster.pdf?size=A4`);
    expect(poster.res.status).toBe(200);
    expect(qrCodes(poster.file)).toEqual(['http://localhost/x/xa-viet-khe']);
    const words = text(poster.file).replace(/\s+/g, ' ');
    expect(words).toContain('Quét mã QR trên phiếu của hộ (không phải mã trên áp phích này)');
    expect(words).toContain('Mã này mở trang của xã (nội dung, kết quả), không dùng để trả lời.');

    const paper = await createCampaign(t, cookie, decision());
    const paperWords = text((await fetchPdf(`/api/v1/campaigns/${paper.id}/poster.pdf?size=A4`)).file).replace(/\s+/g, ' ');
    expect(paperWords).toContain('dự cuộc họp cộng đồng dân cư');
    expect(paperWords).toContain('nộp cho Tổ phát phiếu trước hạn');
    expect(paperWords).not.toContain('trả lời trên điện thoại');
  });

  it('prints one household’s reprinted ballot alone, whose QR holds the new serial', async () => {
    const { id } = await createCampaign(t, cookie, decision({ channels: ['paper'] }));
    await issueSerials(t, cookie, id);
    const code = 'DS-0003';
    const r = await api(t, 'POST', `/api/v1/campaigns/${id}/serials/${code}/reprint`, { cookie });
    expect(r.status).toBe(200);
    const one = await fetchPdf(`/api/v1/campaigns/${id}/ballots.pdf?villageId=${villages[0]!.id}&householdCode=ds-0003&format=A5`);
    expect(one.res.status).toBe(200);
    expect(one.res.headers.get('content-disposition')).toContain('ds-0003');
    expect(qrCodes(one.file)).toEqual([`http://localhost/b/${r.json.serial}`]);
    expect(text(one.file)).toContain(code);
    const other = await api(t, 'GET', `/api/v1/campaigns/${id}/ballots.pdf?villageId=${villages[0]!.id}&householdCode=TH-0001`, { cookie });
    expect(other.status).toBe(404);
  });

  it('keeps forms and posters to commune staff', async () => {
    const { id } = await createCampaign(t, cookie, decision());
    await expectRouteSecured(t, { method: 'GET', path: `/api/v1/campaigns/${id}/forms/mau-01.pdf?villageId=${villages[0]!.id}`, allow: ['admin', 'staff'], leaks: ['Làm đường bê tông'] });
    await expectRouteSecured(t, { method: 'GET', path: `/api/v1/campaigns/${id}/poster.pdf`, allow: ['admin', 'staff'], leaks: ['Làm đường bê tông'] });
  });
});
