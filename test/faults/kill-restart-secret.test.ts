// Issue 14 §1 under faults: a secret campaign's ballots, sealed in the commit
// that spends their serial and re-sealed together in the background while
// more arrive, under SIGKILL and restart. Afterwards every ballot that got a
// 201 is there (still sealed: the campaign is open), once, and counts as it
// was cast; closing then moves each into the answers exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedBallotFile } from '../support/seed-file';
import { serverProcess, castUnderKills, type ServerProcess } from '../support/server-process';
import { loadConfig } from '../../server/config';
import { createNodeRuntime } from '../../server/runtime/node';
import { bootstrap } from '../../server/services/bootstrap';
import { ballotsWithSealed } from '../../server/services/sealed-ballots';
import { transitionCampaign } from '../../server/services/transition-campaign';
import type { Actor } from '../../server/domain/actor';

const SECRET = 'fault-seal-secret-'.padEnd(48, 's');
const BALLOTS = Number(process.env.FAULT_SECRET_BALLOTS ?? 3_000);
const KILLS = 4;
const CONCURRENCY = 16;
const PORT = 3870 + (process.pid % 40);

let dir: string;
let dbPath: string;
let campaignId: string;
let serials: string[];
let server: ServerProcess;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'danban-faults-secret-'));
  dbPath = join(dir, 'danban.sqlite');
  ({ campaignId, serials } = await seedBallotFile(dbPath, SECRET, BALLOTS, { secretBallot: true }));
  server = serverProcess({ DANBAN_DB: dbPath, DANBAN_SECRET: SECRET, DANBAN_SYNCHRONOUS: 'FULL' }, PORT);
  await server.start();
}, 120_000);

afterAll(async () => {
  await server.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('sealed secret ballots under SIGKILL and restart', () => {
  it('loses no acknowledged ballot, doubles none, and counts each as cast, before and after they are moved', async () => {
    const { acknowledged, cut, kills } = await castUnderKills(server, serials, { concurrency: CONCURRENCY, kills: KILLS, pauseMs: 300 });

    expect(kills).toBe(KILLS);
    expect(cut).toBeGreaterThan(0);
    expect(acknowledged.size).toBe(serials.length);
    const cast = { approve: 0, reject: 0 };
    for (const a of acknowledged.values()) cast[a.decision as 'approve' | 'reject']++;

    let mixed = 0;
    const config = loadConfig({ DANBAN_DB: dbPath, DANBAN_SECRET: SECRET });
    const runtime = createNodeRuntime({ dbPath, keyFile: config.keyFile });
    try {
      const { deps } = await bootstrap(runtime, config);
      const count = async () => {
        const all = await ballotsWithSealed(deps, campaignId, ['online']);
        const counts = { approve: 0, reject: 0 };
        for (const b of all) counts[JSON.parse(b.answers).decision as 'approve' | 'reject']++;
        return { ballots: all.length, ids: new Set(all.map((b) => b.id)).size, counts };
      };
      const table = async (name: 'sealed_ballots' | 'ballots') =>
        Number((await deps.db.selectFrom(name).select((eb) => eb.fn.countAll<number>().as('n')).where('campaign_id', '=', campaignId).executeTakeFirstOrThrow()).n);
      const uses = Number((await deps.db.selectFrom('serial_uses').select((eb) => eb.fn.countAll<number>().as('n')).where('campaign_id', '=', campaignId).executeTakeFirstOrThrow()).n);

      // the process died with every ballot still sealed (the campaign is open), some mixed, some fresh
      expect(uses).toBe(acknowledged.size);
      expect(await table('sealed_ballots')).toBe(acknowledged.size);
      expect(await table('ballots')).toBe(0);
      expect(await count()).toEqual({ ballots: acknowledged.size, ids: acknowledged.size, counts: cast });
      mixed = Number((await deps.db.selectFrom('sealed_ballots').select((eb) => eb.fn.countAll<number>().as('n')).where('campaign_id', '=', campaignId).where('mixed', '=', 1).executeTakeFirstOrThrow()).n);

      const communeId = (await deps.db.selectFrom('communes').select('id').executeTakeFirstOrThrow()).id;
      const admin: Actor = { id: 'fault-admin', username: 'fault-admin', role: 'admin', communeId, villageId: null };
      await transitionCampaign(deps, admin, campaignId, 'close');
      expect(await table('sealed_ballots')).toBe(0);
      expect(await table('ballots')).toBe(acknowledged.size);
      expect(await count()).toEqual({ ballots: acknowledged.size, ids: acknowledged.size, counts: cast });
      await deps.mixer.idle();
    } finally {
      await runtime.database.close();
    }
    console.log(`faults (secret): ${serials.length} sealed ballots (${mixed} re-sealed by the mixer when the process last died), ${kills} SIGKILLs, ${cut} requests cut`);
  }, 240_000);
});
