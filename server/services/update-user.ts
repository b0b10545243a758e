import type { Compilable } from 'kysely';
import type { AppDeps } from './deps';
import { AppError, invalidField } from '../domain/errors';
import type { Actor } from '../domain/actor';
import { findUser, findUserInCommune, updateUser as updateUserRow, villageCommune } from '../../db/repositories/users';
import { type User } from '../domain/actor';
import { deleteSessionsOfUser } from '../../db/repositories/sessions';
import { cleanText } from '../domain/text';
import { atomicWithAudit } from './audit';

export interface UserChanges {
  displayName?: string;
  disabled?: boolean;
  /** a password reset */
  password?: string;
  villageId?: string | null;
}

/**
 * Changes an account of the caller's commune (any commune for a province
 * administrator). Another commune's user is answered as missing. A reset
 * password or a disabled account ends that user's open sessions in the same write.
 */
export async function updateUser(deps: AppDeps, actor: Actor, userId: string, changes: UserChanges): Promise<User> {
  const user =
    actor.role === 'province_admin' ? await findUser(deps.db, userId)
    : actor.role === 'admin' && actor.communeId ? await findUserInCommune(deps.db, userId, actor.communeId)
    : null;
  if (!user || !user.communeId) throw new AppError('NOT_FOUND', { vi: 'Không tìm thấy tài khoản.', en: 'No such account.' });
  const communeId = user.communeId;

  // An administrator who disables their own account locks the commune out of its accounts page.
  if (changes.disabled === true && user.id === actor.id)
    throw invalidField('disabled', { vi: 'Không thể tự khóa tài khoản của mình.', en: 'You cannot disable your own account.' });

  if (changes.villageId !== undefined) {
    if (user.role !== 'village_head') {
      if (changes.villageId !== null)
        throw invalidField('villageId', { vi: 'Chỉ trưởng thôn mới gắn với một thôn.', en: 'Only a village head is tied to a village.' });
    } else if (!changes.villageId || (await villageCommune(deps.db, changes.villageId)) !== communeId) {
      throw invalidField('villageId', { vi: 'Không có thôn này trong xã.', en: 'There is no such village in the commune.' });
    }
  }

  const displayName = changes.displayName !== undefined ? cleanText(changes.displayName) : undefined;
  const passwordHash = changes.password !== undefined ? await deps.passwords.hash(changes.password) : undefined;
  const statements: Compilable[] = [
    updateUserRow(deps.db, user.id, communeId, { displayName, disabled: changes.disabled, passwordHash, villageId: changes.villageId }),
  ];
  if (passwordHash !== undefined || changes.disabled === true) statements.push(deleteSessionsOfUser(deps.db, user.id));

  const changed = Object.keys(changes).filter((k) => changes[k as keyof UserChanges] !== undefined);
  await atomicWithAudit(deps, statements, [
    {
      communeId, actor: actor.username, action: 'user.update', entity: 'user', entityId: user.id,
      // The password itself never enters the log, only the fact of a reset.
      data: {
        username: user.username, changed,
        ...(displayName !== undefined ? { displayName } : {}),
        ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
        ...(changes.villageId !== undefined ? { villageId: changes.villageId } : {}),
      },
    },
  ]);
  return {
    ...user,
    ...(displayName !== undefined ? { displayName } : {}),
    ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
    ...(changes.villageId !== undefined ? { villageId: changes.villageId } : {}),
  };
}
