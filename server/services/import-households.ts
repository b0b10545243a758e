import type { Compilable } from 'kysely';
import type { AppDeps } from './deps';
import { communeOfActor } from './guards';
import { AppError } from '../domain/errors';
import type { Actor } from '../domain/actor';
import {
  REGISTER_HEADERS, householdSearchText, mergeHousehold, parseRegister, sameHousehold,
  type HouseholdData, type RowError, type SheetRows,
} from '../domain/register-row';
import { listVillages } from '../../db/repositories/villages';
import {
  insertHousehold, insertHouseholdVersion, listAllHouseholds, updateHousehold, type Household,
} from '../../db/repositories/households';
import { ConstraintViolation } from '../runtime/types';
import { atomicWithAudit } from './audit';
import { readRegisterUpload, type RegisterFileKind } from './register/read-upload';

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: RowError[];
}

/** Who imports: a staff member, or the system when seeding the demo. */
export interface Importer {
  communeId: string;
  userId: string | null;
  name: string;
}

// D1 caps the statements of one batch; a few hundred per atomic write stays
// well inside it. Each household is two statements (its row and its version).
const HOUSEHOLDS_PER_WRITE = 200;

export const IMPORT_REASON = 'Nhập từ tệp sổ hộ';

export function snapshot(h: HouseholdData, status: Household['status']) {
  return { ...h, status };
}

/** Imports an uploaded CSV or XLSX register into the actor's commune. */
export async function importHouseholds(
  deps: AppDeps,
  actor: Actor,
  upload: { bytes: Uint8Array; kind: RegisterFileKind },
): Promise<ImportReport> {
  const communeId = communeOfActor(actor);
  const sheets = readRegisterUpload(upload.bytes, upload.kind);
  return importRegister(deps, { communeId, userId: actor.id, name: actor.username }, sheets, upload.kind);
}

/**
 * Validates the rows, compares them with the register and writes what is new
 * or changed. Every change appends a household_versions row, so an import
 * never erases history; a file imported twice changes nothing the second
 * time. Writes go in all-or-nothing chunks, each with one audit entry that
 * counts what it wrote (never one entry per household).
 */
export async function importRegister(deps: AppDeps, by: Importer, sheets: SheetRows[], source: string): Promise<ImportReport> {
  const villages = await listVillages(deps.db, by.communeId);
  if (villages.length === 0) {
    throw new AppError('VALIDATION_FAILED', {
      vi: 'Xã chưa có thôn nào. Hãy tạo các thôn trước khi nhập sổ hộ.',
      en: 'The commune has no villages yet. Create the villages before importing the register.',
    });
  }
  const parsed = parseRegister(sheets, villages);
  if (parsed.sheetsRead === 0) {
    const problem = parsed.headerProblems[0];
    const missing = problem?.missing ?? ['code', 'village', 'head'];
    throw new AppError(
      'VALIDATION_FAILED',
      {
        vi: `Không tìm thấy dòng tiêu đề của sổ hộ. Dòng tiêu đề cần có các cột: ${Object.values(REGISTER_HEADERS).join(', ')}.`,
        en: `The register's header row was not found. It needs the columns: ${Object.values(REGISTER_HEADERS).join(', ')}.`,
      },
      missing.map((f) => ({
        path: REGISTER_HEADERS[f],
        message: f === 'head'
          ? { vi: 'Thiếu cột "Họ và tên chủ hộ" hoặc "Người đại diện".', en: 'The "Họ và tên chủ hộ" (head) or "Người đại diện" (representative) column is missing.' }
          : { vi: `Thiếu cột "${REGISTER_HEADERS[f]}".`, en: `The "${REGISTER_HEADERS[f]}" column is missing.` },
      })),
    );
  }
  const errors: RowError[] = [
    ...parsed.headerProblems.map((p) => ({
      ...(p.sheet !== undefined ? { sheet: p.sheet } : {}),
      row: p.row,
      column: '',
      message: {
        vi: `Trang "${p.sheet ?? ''}" không có dòng tiêu đề của sổ hộ nên không được nhập.`,
        en: `Sheet "${p.sheet ?? ''}" has no register header row, so it was not imported.`,
      },
    })),
    ...parsed.errors,
  ];

  const existing = new Map((await listAllHouseholds(deps.db, by.communeId)).map((h) => [h.code, h]));
  const now = deps.clock().toISOString();
  type Change = { statements: Compilable[]; kind: 'created' | 'updated' };
  const changes: Change[] = [];
  let unchanged = 0;
  for (const row of parsed.households) {
    const current = existing.get(row.code) ?? null;
    const data = mergeHousehold(row, current);
    if (current && sameHousehold(data, current)) {
      unchanged++;
      continue;
    }
    const searchText = householdSearchText(data);
    if (!current) {
      const id = deps.newId();
      changes.push({
        kind: 'created',
        statements: [
          insertHousehold(deps.db, { ...data, id, communeId: by.communeId, status: 'active', version: 1, updatedAt: now, searchText }),
          insertHouseholdVersion(deps.db, { householdId: id, version: 1, data: snapshot(data, 'active'), reason: IMPORT_REASON, changedBy: by.userId, changedAt: now }),
        ],
      });
    } else {
      const version = current.version + 1;
      changes.push({
        kind: 'updated',
        statements: [
          updateHousehold(deps.db, { ...current, ...data, version, updatedAt: now, searchText }, current.version),
          insertHouseholdVersion(deps.db, { householdId: current.id, version, data: snapshot(data, current.status), reason: IMPORT_REASON, changedBy: by.userId, changedAt: now }),
        ],
      });
    }
  }

  const parts = Math.ceil(changes.length / HOUSEHOLDS_PER_WRITE);
  const importId = deps.newId();
  let written = 0;
  for (let part = 0; part < parts; part++) {
    const chunk = changes.slice(part * HOUSEHOLDS_PER_WRITE, (part + 1) * HOUSEHOLDS_PER_WRITE);
    const created = chunk.filter((c) => c.kind === 'created').length;
    try {
      await atomicWithAudit(deps, chunk.flatMap((c) => c.statements), [{
        communeId: by.communeId, actor: by.name, action: 'household.import', entity: 'household_import', entityId: importId,
        data: {
          source, part: part + 1, parts, created, updated: chunk.length - created,
          ...(part === parts - 1 ? { unchanged, rejected: parsed.rejected } : {}),
        },
      }]);
    } catch (err) {
      if (err instanceof ConstraintViolation) {
        // Someone changed the register while this file was being written.
        // Earlier chunks are in; importing the file again finishes the job.
        throw new AppError('CONFLICT', {
          vi: `Sổ hộ vừa được thay đổi bởi người khác trong lúc nhập (đã ghi ${written} hộ). Hãy nhập lại tệp: những hộ đã ghi sẽ không bị ghi lặp.`,
          en: `The register changed while this file was being imported (${written} households written). Import the file again: households already written are not written twice.`,
        });
      }
      throw err;
    }
    written += chunk.length;
  }

  const created = changes.filter((c) => c.kind === 'created').length;
  return { created, updated: changes.length - created, unchanged, rejected: parsed.rejected, errors };
}
