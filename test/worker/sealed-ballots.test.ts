import { describe, expect, it } from 'vitest';
import { env, exports } from 'cloudflare:workers';
import { createD1Runtime, type WorkerBindings } from '../../server/runtime/d1';
import { clientFor, openDecision, villageWithHouseholds } from '../support/contract-cases';

// Issue 14 §1 inside workerd: a secret ballot is sealed with WebCrypto in the
// D1 batch that spends its serial, re-sealed among others in the background
// (waitUntil) once K wait (K = 2 here, vitest.workers.config.ts), and moved
// into the answers when the campaign closes, all through the Worker's fetch.
const worker = exports.default;
const rt = createD1Runtime(env as unknown as WorkerBindings);

const sealed = (id: string) => rt.db.selectFrom('sealed_ballots').selectAll().where('campaign_id', '=', id).execute();
const ballots = (id: string) => rt.db.selectFrom('ballots').selectAll().where('campaign_id', '=', id).execute();

describe('secret ballots on Workers + D1', () => {
  it('are stored sealed, mixed in the background once K wait, and moved into the answers at close', async () => {
    const c = clientFor((url, init) => worker.fetch(url, init), 'w-seal');
    const staff = await c.user('staff', 'canbo');
    const villageId = await villageWithHouseholds(c, staff, 'WS');
    const { id, serials } = await openDecision(c, staff, villageId, { secret: true });
    for (const [i, s] of serials.entries()) {
      const r = await c.call('POST', `/api/v1/ballots/${s.serial}`, { body: { answers: { decision: i === 0 ? 'reject' : 'approve' } } });
      expect(r.status, r.text).toBe(201);
    }
    expect(await ballots(id)).toEqual([]);
    // the first two were re-sealed together after their answers; the third waits alone
    let rows = await sealed(id);
    for (let tries = 0; tries < 50 && rows.filter((r) => r.mixed === 1).length < 2; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      rows = await sealed(id);
    }
    expect(rows.map((r) => r.mixed).sort()).toEqual([0, 1, 1]);
    for (const r of rows) expect(r.sealed).not.toMatch(/approve|reject|decision/);

    const preview = await c.call('GET', `/api/v1/campaigns/${id}/results`, { cookie: staff });
    expect(preview.json.villages[0].questions.decision.counts).toMatchObject({ approve: 2, reject: 1 });
    expect((await c.call('POST', `/api/v1/campaigns/${id}/close`, { cookie: staff })).status).toBe(200);
    expect(await sealed(id)).toEqual([]);
    const moved = await ballots(id);
    expect(moved.map((b) => JSON.parse(b.answers).decision).sort()).toEqual(['approve', 'approve', 'reject']);
    for (const b of moved) expect(b).toMatchObject({ serial_hash: null, submitted_at: null });
  });
});
