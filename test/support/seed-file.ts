// Seeds a SQLite file with one village of `households` households and an open
// k6 online campaign with a serial each (secret when asked), for load and
// fault runs against a real server process. Returns the clear serials.
import { loadConfig } from '../../server/config';
import { createNodeRuntime } from '../../server/runtime/node';
import { bootstrap } from '../../server/services/bootstrap';
import { createCampaign } from '../../server/services/create-campaign';
import { issueSerials, listSerials } from '../../server/services/campaign-serials';
import { transitionCampaign } from '../../server/services/transition-campaign';
import { fold } from '../../server/domain/text';
import type { Actor } from '../../server/domain/actor';

export async function seedBallotFile(dbPath: string, secret: string, households: number, opts: { secretBallot?: boolean } = {}): Promise<{ campaignId: string; serials: string[] }> {
  const config = loadConfig({ DANBAN_DB: dbPath, DANBAN_SECRET: secret, DANBAN_DEMO: '0' });
  const runtime = createNodeRuntime({ dbPath, synchronous: 'NORMAL' });
  const { deps } = await bootstrap(runtime, config);
  const communeId = (await deps.db.selectFrom('communes').select('id').executeTakeFirstOrThrow()).id;
  const raw = runtime.database.raw;
  const now = new Date().toISOString();
  raw.prepare('insert into villages (id, commune_id, code, name, created_at) values (?, ?, ?, ?, ?)').run('v-load', communeId, 'LD', 'Thôn Tải', now);
  const ins = raw.prepare(`insert into households (id, commune_id, village_id, code, head, representative, address, members, phone, note, search_text, status, version, updated_at)
    values (?, ?, 'v-load', ?, ?, ?, '', 3, '', '', ?, 'active', 1, ?)`);
  raw.transaction(() => {
    for (let i = 0; i < households; i++) {
      const code = `LD-${String(i).padStart(6, '0')}`;
      ins.run(`h${i}`, communeId, code, `Nguyễn Văn ${i}`, `Nguyễn Văn ${i}`, fold(code), now);
    }
  })();
  const actor: Actor = { id: 'seed', username: 'seed', role: 'admin', communeId, villageId: null };
  const c = await createCampaign(deps, actor, {
    title: 'Tải', kind: 'decision', category: 'k6', villageIds: ['v-load'], channels: ['online'], template: 'household-decision', secret: opts.secretBallot,
    // binding online votes need the households' agreement on record (NĐ 59 Đ5)
    onlineApproval: { note: 'Biên bản họp thôn: trên 50% hộ đồng ý biểu quyết trực tuyến' },
  });
  await issueSerials(deps, actor, c.id);
  await transitionCampaign(deps, actor, c.id, 'open');
  const serials = (await listSerials(deps, actor, c.id)).map((s) => s.serial);
  await runtime.database.close();
  return { campaignId: c.id, serials };
}
