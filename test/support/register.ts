import type { TestEnv } from './app';
import { fold } from '../../server/domain/text';

export interface SeededVillage {
  id: string;
  code: string;
  name: string;
  households: string[];
}

/** Puts villages with `n` active households each straight into the register (for tests of other features). */
export async function seedVillages(t: TestEnv, villages: { code: string; name: string; households: number }[], communeId = t.communeId): Promise<SeededVillage[]> {
  const out: SeededVillage[] = [];
  const now = t.clock.now.toISOString();
  for (const v of villages) {
    const id = `v-${communeId}-${v.code}`.toLowerCase();
    const statements: any[] = [t.deps.db.insertInto('villages').values({ id, commune_id: communeId, code: v.code, name: v.name, created_at: now })];
    const households: string[] = [];
    for (let i = 1; i <= v.households; i++) {
      const code = `${v.code}-${String(i).padStart(4, '0')}`;
      const hid = `h-${communeId}-${code}`.toLowerCase();
      households.push(hid);
      const head = `Nguyễn Văn ${v.code} ${i}`;
      statements.push(
        t.deps.db.insertInto('households').values({
          id: hid, commune_id: communeId, village_id: id, code, head, representative: head, address: `Xóm 1, ${v.name}`,
          members: 3, phone: '', note: '', search_text: fold(`${code} ${head}`), status: 'active', version: 1, updated_at: now,
        }),
      );
    }
    for (let i = 0; i < statements.length; i += 300) await t.deps.atomic(statements.slice(i, i + 300));
    out.push({ id, code: v.code, name: v.name, households });
  }
  return out;
}
