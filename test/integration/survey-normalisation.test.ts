// A choice typed with a trailing space, or in decomposed Unicode (some
// Vietnamese keyboards write NFD), must still be choosable: the form is
// stored normalised when the campaign accepts it, and answers are normalised
// the same way, through the API and through the no-JS form.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote } from '../support/campaigns';

let t: TestEnv;
let staff: string;
let villages: SeededVillage[];

beforeEach(async () => {
  t = await makeTestApp();
  villages = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 3 }]);
  await addUser(t, { username: 'canbo', role: 'staff' });
  staff = await login(t, 'canbo');
});
afterEach(() => t.close());

const NFD_AGREE = 'Đồng ý'.normalize('NFD');
const survey = {
  title: 'Làm đường liên thôn',
  elements: [
    { type: 'radiogroup', name: 'decision', title: 'Ý kiến của hộ', isRequired: true, choices: [{ value: 'approve', text: 'Đồng ý' }, { value: 'reject', text: 'Không đồng ý' }] },
    // as some forms arrive: a value with trailing spaces, and one typed decomposed
    { type: 'radiogroup', name: 'material', title: 'Vật liệu', choices: ['Bê tông  ', { value: NFD_AGREE, text: 'Nhựa' }] },
    { type: 'checkbox', name: 'help', title: 'Hộ góp', choices: [' Ngày công', 'Tiền '] },
    { type: 'matrix', name: 'grid', title: 'Đánh giá', rows: ['Mặt đường '.normalize('NFD')], columns: ['Tốt ', 'Kém'] },
  ],
};

async function open() {
  const { id } = await createCampaign(t, staff, { title: 'Làm đường', kind: 'decision', category: 'k6', villageIds: [villages[0]!.id], channels: ['online', 'paper'], survey });
  const serials = await issueSerials(t, staff, id);
  await openCampaign(t, staff, id);
  return { id, serials };
}

function postForm(path: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return t.app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
}

const storedAnswers = async () => (await t.deps.db.selectFrom('ballots').select('answers').execute()).map((b) => JSON.parse(b.answers));

describe('choice values are compared in one spelling', () => {
  it('stores the form with its values NFC and trimmed', async () => {
    const { id } = await open();
    const detail = await api(t, 'GET', `/api/v1/campaigns/${id}`, { cookie: staff });
    const stored = detail.json.survey.elements;
    expect(stored[1].choices).toEqual(['Bê tông', { value: 'Đồng ý', text: 'Nhựa' }]);
    expect(stored[2].choices).toEqual(['Ngày công', 'Tiền']);
    expect(stored[3].rows).toEqual(['Mặt đường']);
    expect(stored[3].columns).toEqual(['Tốt', 'Kém']);
  });

  it('accepts the value through the API however the client spells it, and stores the form’s spelling', async () => {
    const { serials } = await open();
    const r = await vote(t, serials[0]!.serial, {
      decision: 'approve', material: NFD_AGREE, help: ['Ngày công  ', 'Tiền'], grid: { ['Mặt đường'.normalize('NFD')]: 'Tốt' },
    });
    expect(r.status, r.text).toBe(201);
    const r2 = await vote(t, serials[1]!.serial, { decision: 'reject', material: 'Bê tông  ' });
    expect(r2.status, r2.text).toBe(201);
    expect(await storedAnswers()).toEqual(expect.arrayContaining([
      { decision: 'approve', material: 'Đồng ý', help: ['Ngày công', 'Tiền'], grid: { 'Mặt đường': 'Tốt' } },
      { decision: 'reject', material: 'Bê tông' },
    ]));
  });

  it('accepts what the no-JS form posts for those choices', async () => {
    const { serials } = await open();
    const path = `/b/${serials[0]!.serial}`;
    const html = await (await t.app.request(path)).text();
    // the page offers the stored values
    expect(html).toContain('value="Bê tông"');
    expect(html).toContain('value="Đồng ý"');
    const res = await postForm(path, { decision: 'approve', material: 'Đồng ý', help: ['Ngày công', 'Tiền'], 'grid[Mặt đường]': 'Kém', _idem: 'n1' });
    expect(res.status, await res.clone().text()).toBe(303); // to the receipt page (post, redirect, get)
    expect(await storedAnswers()).toEqual([{ decision: 'approve', material: 'Đồng ý', help: ['Ngày công', 'Tiền'], grid: { 'Mặt đường': 'Kém' } }]);
  });

  it('refuses a form whose values collide once normalised, naming the question', async () => {
    const r = await api(t, 'POST', '/api/v1/campaigns', {
      cookie: staff,
      body: {
        title: 'Trùng', kind: 'decision', category: 'k6', villageIds: [villages[0]!.id], channels: ['paper'],
        survey: { elements: [survey.elements[0], { type: 'radiogroup', name: 'x', choices: ['Có', 'Có '] }] },
      },
    });
    expect(r.status).toBe(422);
    expect(r.json.error.details).toEqual([expect.objectContaining({ path: 'survey.x' })]);
    expect(r.json.error.details[0].messageEn).toMatch(/appears twice/);
    expect(r.json.error.details[0].message).toMatch(/bị trùng/);
  });
});
