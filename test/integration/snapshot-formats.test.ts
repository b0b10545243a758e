// Published snapshots are kept for ever: a snapshot published in format 1
// (before issue 12's per-question, per-village reconciliation fields) is still
// served exactly as published and still renders as a page, a CSV and a notice.
// The fixtures are two format-1 snapshots as the app published them then (see
// test/fixtures/README.md).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { makeTestApp, api, FIXTURES, type TestEnv } from '../support/app';
import { pdfWorkspace, type PdfWorkspace } from '../support/pdf';
import { loadPrintFonts } from '../../server/runtime/fonts-node';
import { SNAPSHOT_FORMAT } from '../../server/domain/results/snapshot';

let t: TestEnv;
let pdf: PdfWorkspace;
beforeEach(async () => {
  t = await makeTestApp();
  t.deps.fonts = loadPrintFonts;
  pdf = pdfWorkspace();
});
afterEach(async () => {
  pdf.cleanup();
  await t.close();
});

/** Stores a campaign and its one publication with the fixture's snapshot text, byte for byte. */
async function published(file: string) {
  const text = readFileSync(`${FIXTURES}${file}`, 'utf8');
  const s = JSON.parse(text);
  const c = s.campaign;
  const at = '2026-11-26T03:00:00.000Z';
  await t.deps.atomic([
    t.deps.db.insertInto('campaigns').values({
      id: c.id, commune_id: t.communeId, slug: c.slug, title: c.title, description: c.description, kind: c.kind, category: c.category,
      scope: c.scope, secret: c.secret ? 1 : 0, status: 'published', channels: JSON.stringify(c.channels), advisory_online: 0,
      survey: '{}', seats: null, online_approval: null, opens_at: null, closes_at: null, opened_at: c.openedAt, closed_at: c.closedAt,
      published_at: at, created_by: null, created_at: at, updated_at: at, board: null, seats_by_village: null,
    }),
    t.deps.db.insertInto('publications').values({
      campaign_id: c.id, version: 1, snapshot: text, hash: createHash('sha256').update(text).digest('hex'), reason: '', published_by: 'x', published_at: at,
    }),
  ]);
  return { text, s };
}

describe('a snapshot published in format 1', () => {
  it('is served as published, and a two-question decision still renders as a page, a CSV and a notice', async () => {
    expect(SNAPSHOT_FORMAT).toBeGreaterThan(1);
    const { s } = await published('snapshot-format-1-decision.json');
    const r = await api(t, 'GET', `/api/v1/campaigns/${s.campaign.id}/results`);
    expect(r.status).toBe(200);
    const { publication, preview, ...served } = r.json;
    expect(served).toEqual(s);
    expect(publication).toMatchObject({ version: 1 });
    expect(preview).toBe(false);
    expect(served.commune.adopted).toBeUndefined();

    const page = await t.app.request(`/r/${s.campaign.slug}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    // its verdicts as published then: each question passed in 2 of 3 villages, the commune line as it was
    expect(html).toContain('Làm đường bê tông: Thông qua, 2/3 thôn tán thành (cần ít nhất 2 thôn).');
    expect(html).toContain('Thôn Trung Hà, Lắp đèn chiếu sáng: Thông qua, 6 phiếu đồng ý, cần ít nhất 6 phiếu đồng ý trên tổng số 9 hộ.');

    const csv = await (await t.app.request(`/api/v1/campaigns/${s.campaign.id}/results.csv`)).text();
    expect(csv).toContain('DS,Thôn Đông Sơn,12,10,83.3,Làm đường bê tông,Đồng ý,approve,9');
    expect(csv).toContain(',Toàn xã,27,21,77.8,Lắp đèn chiếu sáng,,,,Có giá trị quyết định,2,Thông qua (2/3 thôn đạt)');

    const res = await t.app.request(`/api/v1/campaigns/${s.campaign.id}/results-notice.pdf`);
    expect(res.status).toBe(200);
    const text = pdf.text(pdf.save(new Uint8Array(await res.arrayBuffer())));
    expect(text).toContain('Đóng góp làm đường và chiếu sáng');
    expect(text).toMatch(/Lắp đèn chiếu sáng[\s\S]*?Thôn Đông Sơn[\s\S]*?Không thông qua/);
    expect(text).toContain('CHỦ TỊCH');
  });

  it('renders an election as published, its roster note included', async () => {
    const { s } = await published('snapshot-format-1-election.json');
    const html = await (await t.app.request(`/r/${s.campaign.slug}`)).text();
    expect(html).toContain('Thôn Đông Sơn: trúng cử Nguyễn Văn An, Trần Thị Bình, Lê Văn Cường');
    expect(html).toContain('Ban Thanh tra nhân dân mới có 3/5 thành viên');
    const res = await t.app.request(`/api/v1/campaigns/${s.campaign.id}/results-notice.pdf`);
    expect(res.status).toBe(200);
    const text = pdf.text(pdf.save(new Uint8Array(await res.arrayBuffer())));
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toContain('TRƯỞNG THÔN');
    expect((await t.app.request(`/api/v1/campaigns/${s.campaign.id}/results.csv`)).status).toBe(200);
  });
  it('an election published in format 1 awaits the UBMTTQ xã’s recognition, then shows the decision recorded after it, unchanged as published', async () => {
    const { s } = await published('snapshot-format-1-election.json');
    expect(await (await t.app.request(`/r/${s.campaign.slug}`)).text()).toContain('Trúng cử, chờ công nhận');
    await t.deps.atomic([t.deps.db.insertInto('recognitions').values({
      campaign_id: s.campaign.id, version: 1, number: '05/QĐ-MTTQ', decided_on: '2026-11-27', signer: 'Trần Văn Hòa, Chủ tịch UBMTTQ xã', body: 'ubmttq_xa',
      scan_key: null, scan_mime: null, reason: '', recorded_by: 'x', recorded_at: '2026-11-27T03:00:00.000Z',
    })]);
    // recorded outside this process (straight into the database): the page shows it within the second it remembers the last read
    const page = async () => (await t.app.request(`/r/${s.campaign.slug}`)).text();
    await expect.poll(page, { timeout: 3000, interval: 250 }).toContain('Đã được UBMTTQ xã công nhận theo Quyết định số 05/QĐ-MTTQ ngày 27/11/2026');
    const { publication, preview, ...served } = (await api(t, 'GET', `/api/v1/campaigns/${s.campaign.id}/results`)).json;
    expect(served).toEqual(s);
    expect([publication.version, preview]).toEqual([1, false]);
  });
});
