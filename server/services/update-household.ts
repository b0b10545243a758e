import type { AppDeps } from './deps';
import { AppError, invalidField } from '../domain/errors';
import type { Actor } from '../domain/actor';
import { cleanText } from '../domain/text';
import { MAX_MEMBERS, householdSearchText, normalizePhone, sameHousehold, type HouseholdData } from '../domain/register-row';
import { findVillage } from '../../db/repositories/villages';
import { insertHouseholdVersion, updateHousehold, type Household } from '../../db/repositories/households';
import { ConstraintViolation } from '../runtime/types';
import { atomicWithAudit } from './audit';
import { getHousehold } from './list-households';
import { snapshot } from './import-households';

export interface HouseholdEdit {
  head?: string;
  representative?: string;
  address?: string;
  members?: number;
  phone?: string;
  note?: string;
  /** moves the household to another village of the commune */
  villageId?: string;
  /** 'left': moved away, died out, merged (it leaves the denominators); 'active': back in the register */
  status?: 'active' | 'left';
  /** why: kept with the version, required */
  reason: string;
}

/**
 * Edits a household, moves it or marks it as left / back. Every change is a
 * new household_versions row with the reason; nothing earlier is deleted.
 * The version check makes a concurrent edit a 409, never a silent overwrite.
 */
export async function updateHouseholdRecord(
  deps: AppDeps,
  actor: Actor,
  code: string,
  edit: HouseholdEdit,
): Promise<{ household: Household; changed: boolean }> {
  const current = await getHousehold(deps, actor, code);
  const reason = cleanText(edit.reason);
  if (!reason) throw invalidField('reason', { vi: 'Cần ghi lý do thay đổi.', en: 'Give the reason for the change.' });

  if (edit.villageId !== undefined && edit.villageId !== current.villageId && !(await findVillage(deps.db, current.communeId, edit.villageId))) {
    throw invalidField('villageId', { vi: 'Không có thôn này trong xã.', en: 'There is no such village in the commune.' });
  }
  let phone = current.phone;
  if (edit.phone !== undefined) {
    const p = normalizePhone(edit.phone);
    if (p === null) throw invalidField('phone', { vi: `Số điện thoại "${edit.phone}" không hợp lệ.`, en: `Phone number "${edit.phone}" is not valid.` });
    phone = p;
  }
  if (edit.members !== undefined && (!Number.isInteger(edit.members) || edit.members < 0 || edit.members > MAX_MEMBERS)) {
    throw invalidField('members', { vi: `Số nhân khẩu phải là số nguyên từ 0 đến ${MAX_MEMBERS}.`, en: `Members must be a whole number from 0 to ${MAX_MEMBERS}.` });
  }
  const text = (v: string | undefined, was: string) => (v === undefined ? was : cleanText(v));
  const head = text(edit.head, current.head);
  const representative = text(edit.representative, current.representative);
  if (!representative) {
    // the representative receives the household's ballot (Đ19)
    throw invalidField('representative', { vi: 'Hộ phải có người đại diện.', en: 'The household needs a representative.' });
  }
  const next: HouseholdData = {
    code: current.code, villageId: edit.villageId ?? current.villageId, head, representative,
    address: text(edit.address, current.address), members: edit.members ?? current.members, phone, note: text(edit.note, current.note),
  };
  const status = edit.status ?? current.status;
  if (sameHousehold(next, current) && status === current.status) return { household: current, changed: false };

  const now = deps.clock().toISOString();
  const version = current.version + 1;
  const updated: Household = { ...current, ...next, status, version, updatedAt: now };
  const action =
    status !== current.status ? (status === 'left' ? 'household.leave' : 'household.return')
    : next.villageId !== current.villageId ? 'household.move'
    : 'household.update';
  const fields = (Object.keys(next) as (keyof HouseholdData)[]).filter((k) => next[k] !== current[k]);
  try {
    await atomicWithAudit(
      deps,
      [
        updateHousehold(deps.db, { ...updated, searchText: householdSearchText(updated) }, current.version),
        insertHouseholdVersion(deps.db, { householdId: current.id, version, data: snapshot(next, status), reason, changedBy: actor.id, changedAt: now }),
      ],
      [{
        communeId: current.communeId, actor: actor.username, action, entity: 'household', entityId: current.id,
        data: { code: current.code, version, fields, ...(status !== current.status ? { status } : {}), ...(next.villageId !== current.villageId ? { from: current.villageId, to: next.villageId } : {}), reason },
      }],
    );
  } catch (err) {
    if (err instanceof ConstraintViolation && err.detail.includes('household_versions')) {
      throw new AppError('CONFLICT', {
        vi: 'Hộ này vừa được người khác sửa. Hãy tải lại trang để xem thông tin mới rồi sửa lại.',
        en: 'Someone else just changed this household. Reload to see the new details, then edit again.',
      });
    }
    throw err;
  }
  return { household: updated, changed: true };
}
