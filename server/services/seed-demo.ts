import type { AppDeps } from './deps';
import type { Role } from '../domain/actor';
import { countVillages, insertVillage, type Village } from '../../db/repositories/villages';
import { findUserByUsername, insertUser } from '../../db/repositories/users';
import { base32 } from '../runtime/ids';
import { ConstraintViolation } from '../runtime/types';
import { atomicWithAudit } from './audit';
import { importRegister } from './import-households';
import { seedDemoCampaigns } from './seed-demo-campaigns';
import { seedDemoFeedback } from './seed-demo-feedback';
import { parseCsv } from './spreadsheet/csv';
import demoVillages from '../../db/seed/villages.json';
import { DEMO_REGISTER_CSV } from '../../db/seed/register';

const SYSTEM = 'system';

/** The demo villages' heads (invented names). */
const HEADS: Record<string, string> = {
  DS: 'Nguyễn Văn Đức', TH: 'Trần Văn Hải', BL: 'Lê Thị Bích', NK: 'Phạm Văn Nam', TK: 'Hoàng Văn Tuấn', PX: 'Vũ Thị Xuân',
};

/**
 * Seeds the demo commune: the six villages of xã Việt Khê, its register of
 * 1,599 households and one account per role, each with a random password
 * returned as lines to print once. Runs only while the commune has no
 * village, so restarting never seeds twice; the data comes from modules
 * (db/seed), so it also runs where there is no filesystem (Workers).
 */
export async function seedDemo(deps: AppDeps, communeId: string): Promise<string[]> {
  if ((await countVillages(deps.db, communeId)) > 0) return [];
  const now = deps.clock().toISOString();
  const villages: Village[] = demoVillages.map((v) => ({ id: deps.newId(), communeId, code: v.code, name: v.name, createdAt: now }));
  try {
    await atomicWithAudit(
      deps,
      villages.map((v) => insertVillage(deps.db, v)),
      villages.map((v) => ({ communeId, actor: SYSTEM, action: 'village.create', entity: 'village', entityId: v.id, data: { code: v.code, name: v.name, demo: true } })),
    );
  } catch (err) {
    // another process seeded the same commune a moment ago
    if (err instanceof ConstraintViolation && err.kind === 'unique') return [];
    throw err;
  }
  const report = await importRegister(deps, { communeId, userId: null, name: SYSTEM }, [{ rows: parseCsv(DEMO_REGISTER_CSV) }], 'demo');

  // Each account has a person's name: tally sheets and the audit log show names, not usernames.
  const accounts: { username: string; name: string; role: Role; villageId: string | null; label: string }[] = [
    { username: 'admin', name: 'Phạm Thị Hương', role: 'admin', villageId: null, label: 'quản trị / admin' },
    { username: 'canbo', name: 'Nguyễn Thị Lan', role: 'staff', villageId: null, label: 'cán bộ xã / commune staff' },
    { username: 'thanhtra', name: 'Lê Văn Sáu', role: 'inspector', villageId: null, label: 'Ban Thanh tra nhân dân / inspector' },
    ...villages.map((v) => ({
      username: `truongthon.${v.code.toLowerCase()}`, name: HEADS[v.code] ?? v.name, role: 'village_head' as const, villageId: v.id,
      label: `trưởng thôn / village head, ${v.name}`,
    })),
  ];
  const lines: string[] = [];
  for (const a of accounts) {
    // admin exists already when DANBAN_ADMIN_PASSWORD made it; usernames are unique across communes
    if (await findUserByUsername(deps.db, a.username)) continue;
    const password = base32(deps.random(10), 14).toLowerCase();
    const id = deps.newId();
    const results = await atomicWithAudit(
      deps,
      [insertUser(deps.db, {
        id, communeId, username: a.username, displayName: a.name, role: a.role, villageId: a.villageId, disabled: false,
        createdAt: now, passwordHash: await deps.passwords.hash(password),
      }).onConflict((oc) => oc.column('username').doNothing())],
      [{ communeId, actor: SYSTEM, action: 'user.create', entity: 'user', entityId: id, data: { username: a.username, role: a.role, villageId: a.villageId, demo: true } }],
    );
    if (results[0]?.changes) lines.push(`  ${a.username.padEnd(16)} ${password}   ${a.label}`);
  }
  const campaigns = await seedDemoCampaigns(deps, communeId);
  campaigns.push(...(await seedDemoFeedback(deps, communeId)));
  return [
    `Demo: ${villages.length} thôn, ${report.created} hộ gia đình / ${villages.length} villages, ${report.created} households.`,
    ...campaigns,
    ...(lines.length ? ['Tài khoản demo, mật khẩu chỉ in một lần / demo accounts, passwords printed once:', ...lines] : []),
  ];
}
