import type { Runtime } from '../runtime/types';
import type { Config } from '../config';
import type { AppDeps } from './deps';
import { getSetting, insertSetting, insertCommune, listCommunes } from '../../db/repositories/communes';
import { findUserByUsername, insertUser, updatePassword } from '../../db/repositories/users';
import { base32 } from '../runtime/ids';
import { slugify } from '../domain/text';
import { atomicWithAudit } from './audit';
import { seedDemo } from './seed-demo';

/**
 * Makes a migrated database ready to serve: the server secret, the first
 * commune, the admin account from DANBAN_ADMIN_PASSWORD, and the demo commune.
 * Returns lines to print once (generated demo passwords).
 */
export async function bootstrap(runtime: Runtime, config: Config): Promise<{ deps: AppDeps; notices: string[] }> {
  const notices: string[] = [];
  let secret = config.secret ?? (await getSetting(runtime.db, 'secret'));
  if (!secret) {
    await runtime.atomic([insertSetting(runtime.db, 'secret', base32(runtime.random(40), 64))]);
    secret = (await getSetting(runtime.db, 'secret'))!;
  }
  const deps: AppDeps = { ...runtime, config, secret };

  let communes = await listCommunes(runtime.db);
  if (communes.length === 0) {
    const commune = { id: runtime.newId(), name: config.communeName, slug: slugify(config.communeName), createdAt: runtime.clock().toISOString() };
    await atomicWithAudit(deps, [insertCommune(runtime.db, commune)], [
      { communeId: commune.id, actor: 'system', action: 'commune.create', entity: 'commune', entityId: commune.id, data: { name: commune.name } },
    ]);
    communes = await listCommunes(runtime.db);
  }
  const first = communes[0]!;

  if (config.adminPassword) {
    const hash = await runtime.passwords.hash(config.adminPassword);
    const existing = await findUserByUsername(runtime.db, 'admin');
    // Every start (every cold Worker) sees the same setting: change and log
    // the password only when it really differs.
    if (existing && (await runtime.passwords.verify(config.adminPassword, existing.passwordHash))) {
      /* already this password */
    } else if (existing) {
      await atomicWithAudit(deps, [updatePassword(runtime.db, existing.id, hash)], [
        { communeId: existing.communeId ?? '', actor: 'system', action: 'user.password', entity: 'user', entityId: existing.id, data: { username: 'admin' } },
      ]);
    } else {
      const id = runtime.newId();
      await atomicWithAudit(
        deps,
        [insertUser(runtime.db, { id, communeId: first.id, username: 'admin', displayName: 'Quản trị', role: 'admin', villageId: null, disabled: false, createdAt: runtime.clock().toISOString(), passwordHash: hash })],
        [{ communeId: first.id, actor: 'system', action: 'user.create', entity: 'user', entityId: id, data: { username: 'admin', role: 'admin' } }],
      );
    }
  }

  if (config.demo) notices.push(...(await seedDemo(deps, first.id)));
  return { deps, notices };
}
