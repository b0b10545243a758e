import { strFromU8, unzipSync } from 'fflate';
import { addUser, api, login, type TestEnv } from './app';
import { seedVillages } from './register';
import { createCampaign, openCampaign } from './campaigns';

const BOARD = { board: ['Nguyễn Văn Ba', 'Lê Thị Tư', 'Phạm Văn Năm'], witnesses: ['Hoàng Văn Sáu', 'Đỗ Thị Bảy'] };

/**
 * A k1 decision over the given villages, each with a confirmed paper sheet
 * (`returned` of `households` ballots: approve, reject, other), closed and
 * published.
 */
export async function publishedDecision(
  t: TestEnv,
  villages: { code: string; name: string; households: number; returned: number; counts: [number, number, number] }[],
): Promise<{ id: string; slug: string }> {
  await addUser(t, { username: 'canbo.xuat', role: 'staff' });
  await addUser(t, { username: 'thanhtra.xuat', role: 'inspector' });
  const staff = await login(t, 'canbo.xuat');
  const inspector = await login(t, 'thanhtra.xuat');
  const seeded = await seedVillages(t, villages);
  const { id, slug } = await createCampaign(t, staff, {
    title: 'Đóng góp làm đường bê tông', kind: 'decision', category: 'k1', villageIds: seeded.map((v) => v.id), channels: ['meeting', 'paper'],
    template: 'household-decision',
  });
  await openCampaign(t, staff, id);
  for (const [i, v] of villages.entries()) {
    const [approve, reject, other] = v.counts;
    const s = await api(t, 'POST', `/api/v1/campaigns/${id}/tallies`, {
      cookie: staff,
      body: { ...BOARD, villageId: seeded[i]!.id, channel: 'paper', issued: v.households, returned: v.returned, invalid: 0, counts: { decision: { approve, reject, other } } },
    });
    if (s.status !== 201) throw new Error(`tally: ${s.status} ${s.text}`);
    const c = await api(t, 'POST', `/api/v1/tallies/${s.json.id}/confirm`, { cookie: inspector });
    if (c.status !== 200) throw new Error(`confirm: ${c.status} ${c.text}`);
  }
  const closed = await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff });
  if (closed.status !== 200) throw new Error(`close: ${closed.status} ${closed.text}`);
  const published = await api(t, 'POST', `/api/v1/campaigns/${id}/publish`, { cookie: staff });
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${published.text}`);
  return { id, slug };
}

/** The parts of an .xlsx that show how its cells are typed and styled. */
export function xlsxParts(bytes: Uint8Array): { sheets: string[]; xfs: string[] } {
  const files = unzipSync(bytes);
  const sheets = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).sort().map((f) => strFromU8(files[f]!));
  const styles = strFromU8(files['xl/styles.xml']!);
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
  return { sheets, xfs };
}
