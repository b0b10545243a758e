// Issue 14, "Also": the attack probe attached a 100-megapixel blank PNG (a
// few kilobytes that decode to 100 million pixels in whoever opens it) as a
// photo of a signed tally sheet, and attached photos to one sheet without
// end. Dimensions are read from the image's header and refused before
// anything is decoded or stored, and a sheet takes at most PHOTOS_PER_SHEET.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign, issueSerials } from '../support/campaigns';
import { PHOTOS_PER_SHEET } from '../../server/domain/photo';
import { greyPng } from '../support/images';

let t: TestEnv;
let staff: string;
let head: string;
let DS: SeededVillage;
let sheetId: string;
let campaignId: string;

beforeEach(async () => {
  t = await makeTestApp();
  [DS] = (await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 10 }])) as [SeededVillage];
  await addUser(t, { username: 'canbo', role: 'staff' });
  await addUser(t, { username: 'truongds', role: 'village_head', villageId: DS.id });
  staff = await login(t, 'canbo');
  head = await login(t, 'truongds');
  const { id } = await createCampaign(t, staff, {
    title: 'Đóng góp làm đường bê tông', kind: 'decision', category: 'k1', villageIds: [DS.id], channels: ['meeting', 'paper'],
  });
  campaignId = id;
  await issueSerials(t, staff, id);
  await openCampaign(t, staff, id);
  const sheet = await api(t, 'POST', `/api/v1/campaigns/${id}/tallies`, {
    cookie: head,
    body: {
      villageId: DS.id, channel: 'paper', issued: 10, returned: 9, invalid: 0, counts: { decision: { approve: 7, reject: 1, other: 1 } },
      board: ['Nguyễn Văn Ba', 'Lê Thị Tư', 'Phạm Văn Năm'], witnesses: ['Hoàng Văn Sáu', 'Đỗ Thị Bảy'],
    },
  });
  expect(sheet.status).toBe(201);
  sheetId = sheet.json.id;
});
afterEach(() => t.close());

/** A real, valid, all-white black-and-white PNG of w × h (1 bit per pixel, every scanline deflated). */
function blankPng(w: number, h: number): Uint8Array {
  return greyPng(w, h, { bitDepth: 1, fill: 0xff, level: 9 });
}

function photoForm(bytes: Uint8Array): FormData {
  const form = new FormData();
  form.append('photo', new File([bytes as Uint8Array<ArrayBuffer>], 'bien-ban.png', { type: 'image/png' }));
  return form;
}

const upload = (bytes: Uint8Array) => api(t, 'POST', `/api/v1/tallies/${sheetId}/photos`, { cookie: head, body: photoForm(bytes) });
const stored = async () => ({
  rows: (await t.deps.db.selectFrom('tally_photos').selectAll().execute()).length,
  audit: (await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'tally.photo').execute()).length,
});

describe('a decompression bomb sent as a photo of the sheet', () => {
  it('is refused from its header with 422 naming the photo, and nothing is stored', async () => {
    const bomb = blankPng(10_000, 10_000);
    expect(bomb.byteLength).toBeLessThan(100_000);
    const r = await upload(bomb);
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('VALIDATION_FAILED');
    expect(r.json.error.details).toEqual([expect.objectContaining({ path: 'photo', message: expect.stringContaining('kích thước') })]);
    expect(await stored()).toEqual({ rows: 0, audit: 0 });
  });

  it('is refused as a long strip too, while a phone photo of ordinary size is taken', async () => {
    expect((await upload(blankPng(40_000, 100))).status).toBe(422);
    const phone = await upload(blankPng(4032, 3024));
    expect(phone.status).toBe(201);
    expect(phone.json).toMatchObject({ width: 4032, height: 3024 });
  });
});

describe('photos per tally sheet', () => {
  it(`are capped at ${PHOTOS_PER_SHEET}: one more is a 422 naming the photo, stored nowhere`, async () => {
    for (let i = 0; i < PHOTOS_PER_SHEET; i++) expect((await upload(blankPng(40 + i, 30))).status).toBe(201);
    const before = await stored();
    const more = await upload(blankPng(99, 30));
    expect(more.status).toBe(422);
    expect(more.json.error.details).toEqual([expect.objectContaining({ path: 'photo', message: expect.stringContaining(String(PHOTOS_PER_SHEET)) })]);
    expect(await stored()).toEqual(before);
    // the staff page's upload form says the same
    const token = (await api(t, 'GET', '/api/v1/me', { cookie: head })).json.csrfToken as string;
    const page = await t.app.request(`/staff/tally-sheets/${sheetId}/photos`, {
      method: 'POST', headers: { cookie: head, 'x-csrf-token': token, accept: 'text/html', origin: 'http://localhost' }, body: photoForm(blankPng(98, 30)),
    });
    expect(page.status).toBe(422);
    expect(await stored()).toEqual(before);
    // and the sheet's page offers no upload once the sheet is full
    const history = await (await t.app.request(`/staff/tallies/${campaignId}/${DS.id}`, { headers: { cookie: head, accept: 'text/html' } })).text();
    expect(history).toContain(`đã có đủ ${PHOTOS_PER_SHEET} ảnh`);
    expect(history).not.toContain('class="form photo-upload"');
  });

  it('hold when uploads arrive at the same moment: the database refuses the one too many, audit entry and all', async () => {
    const all = await Promise.all(Array.from({ length: PHOTOS_PER_SHEET + 5 }, (_, i) => upload(blankPng(60 + i, 30))));
    expect(all.filter((r) => r.status === 201)).toHaveLength(PHOTOS_PER_SHEET);
    expect(all.filter((r) => r.status === 422)).toHaveLength(5);
    expect(await stored()).toEqual({ rows: PHOTOS_PER_SHEET, audit: PHOTOS_PER_SHEET });
  });
});
