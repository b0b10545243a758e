import type { Compilable } from 'kysely';
import type { AppDeps } from './deps';
import { communeOfActor } from './guards';
import { AppError } from '../domain/errors';
import type { Actor } from '../domain/actor';
import {
  REGISTER_HEADERS, RegisterParser, householdSearchText, mergeHousehold, sameHousehold,
  type HouseholdData, type ParsedHousehold, type RegisterSummary, type RowError, type SheetRows,
} from '../domain/register-row';
import { listVillages } from '../../db/repositories/villages';
import {
  findHouseholdsByCodes, insertHouseholdVersions, insertHouseholds, updateHousehold, type Household,
} from '../../db/repositories/households';
import { ConstraintViolation } from '../runtime/types';
import { atomicWithAudit } from './audit';
import { openRegisterUpload, type RegisterFileKind, type RowSlice } from './register/read-upload';

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first MAX_REPORTED_ERRORS errors, in file order. */
  errors: RowError[];
  /** Errors found beyond those listed. */
  omittedErrors: number;
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
/** Households looked up in the register at a time (existing ones become updates). */
const LOOKUP_BATCH = 200;
/**
 * The errors a report lists: enough to correct a file, and a bounded answer
 * however many rows a file gets wrong (a probe had 2.9 KB answered with 80 MB).
 */
export const MAX_REPORTED_ERRORS = 200;

export const IMPORT_REASON = 'Nhập từ tệp sổ hộ';

export function snapshot(h: HouseholdData, status: Household['status']) {
  return { ...h, status };
}

/**
 * Imports an uploaded CSV or XLSX register into the actor's commune. The file
 * is read to its end once before anything is written, so a damaged or
 * oversized file changes nothing; then read again, row slice by row slice,
 * and written as it goes.
 */
export async function importHouseholds(
  deps: AppDeps,
  actor: Actor,
  upload: { bytes: Uint8Array; kind: RegisterFileKind },
): Promise<ImportReport> {
  const communeId = communeOfActor(actor);
  const file = openRegisterUpload(upload.bytes, upload.kind);
  await file.check();
  return importRegister(deps, { communeId, userId: actor.id, name: actor.username }, file.read(), upload.kind);
}

async function* wholeSheets(sheets: SheetRows[]): AsyncGenerator<RowSlice> {
  for (const s of sheets) yield { start: true, ...(s.sheet !== undefined ? { sheet: s.sheet } : {}), rows: s.rows };
}

type NewHousehold = Parameters<typeof insertHouseholds>[1][number];
type NewVersion = Parameters<typeof insertHouseholdVersions>[1][number];
/** A household to write: a new row, or an update of the stored one; either way its version row. */
type Change = { created: NewHousehold; version: NewVersion } | { update: Compilable; version: NewVersion };

/**
 * Writes an import's changes in all-or-nothing parts of HOUSEHOLDS_PER_WRITE,
 * each with one audit entry counting what it wrote (never one per household);
 * the last part also says how many parts there were and what was left
 * unchanged or refused. While one part is being written (on the writer
 * thread), the next rows are read, checked and looked up: at most one part
 * is in flight, so a part's audit entry always follows the one before.
 */
class ImportWriter {
  private waiting: ParsedHousehold[] = [];
  private changes: Change[] = [];
  private inFlight: Promise<unknown> | null = null;
  private part = 0;
  private written = 0;
  created = 0;
  updated = 0;
  unchanged = 0;
  private readonly importId: string;
  private readonly now: string;

  constructor(private readonly deps: AppDeps, private readonly by: Importer, private readonly source: string) {
    this.importId = deps.newId();
    this.now = deps.clock().toISOString();
  }

  async add(households: ParsedHousehold[]): Promise<void> {
    for (const h of households) this.waiting.push(h);
    if (this.waiting.length >= LOOKUP_BATCH) await this.lookUp();
    while (this.changes.length > HOUSEHOLDS_PER_WRITE) await this.write(this.changes.splice(0, HOUSEHOLDS_PER_WRITE), null);
  }

  async finish(summary: RegisterSummary): Promise<void> {
    await this.lookUp();
    while (this.changes.length > HOUSEHOLDS_PER_WRITE) await this.write(this.changes.splice(0, HOUSEHOLDS_PER_WRITE), null);
    if (this.changes.length) await this.write(this.changes.splice(0), summary);
    await this.settle();
  }

  /** Compares the waiting rows with the register: new households, changed ones, unchanged ones. */
  private async lookUp(): Promise<void> {
    const rows = this.waiting;
    this.waiting = [];
    if (rows.length === 0) return;
    const { deps, by, now } = this;
    const existing = new Map((await findHouseholdsByCodes(deps.db, by.communeId, rows.map((r) => r.code))).map((h) => [h.code, h]));
    for (const row of rows) {
      const current = existing.get(row.code) ?? null;
      const data = mergeHousehold(row, current);
      if (current && sameHousehold(data, current)) {
        this.unchanged++;
        continue;
      }
      const searchText = householdSearchText(data);
      if (!current) {
        const id = deps.newId();
        this.changes.push({
          created: {
            id, communeId: by.communeId, villageId: data.villageId, code: data.code, head: data.head, representative: data.representative,
            address: data.address, members: data.members, phone: data.phone, note: data.note, status: 'active', version: 1, updatedAt: now, searchText,
          },
          version: { householdId: id, version: 1, data: snapshot(data, 'active'), reason: IMPORT_REASON, changedBy: by.userId, changedAt: now },
        });
      } else {
        const version = current.version + 1;
        this.changes.push({
          update: updateHousehold(deps.db, { ...current, ...data, version, updatedAt: now, searchText }, current.version),
          version: { householdId: current.id, version, data: snapshot(data, current.status), reason: IMPORT_REASON, changedBy: by.userId, changedAt: now },
        });
      }
    }
  }

  /** Starts writing a part once the one before is on disk. */
  private async write(chunk: Change[], last: RegisterSummary | null): Promise<void> {
    // new households in multi-row inserts (a few dozen statements for a part, not hundreds), then updates, then every version row
    const created: NewHousehold[] = [];
    const statements: Compilable[] = [];
    for (const c of chunk) {
      if ('created' in c) created.push(c.created);
      else statements.push(c.update);
    }
    statements.unshift(...insertHouseholds(this.deps.db, created));
    statements.push(...insertHouseholdVersions(this.deps.db, chunk.map((c) => c.version)));
    await this.settle();
    const part = ++this.part;
    const { deps, by } = this;
    const data = {
      source: this.source, part, created: created.length, updated: chunk.length - created.length,
      ...(last ? { parts: part, unchanged: this.unchanged, rejected: last.rejected } : {}),
    };
    // Settled, never rejected: an error waits for settle() instead of going unhandled meanwhile.
    this.inFlight = atomicWithAudit(deps, statements, [{
      communeId: by.communeId, actor: by.name, action: 'household.import', entity: 'household_import', entityId: this.importId, data,
    }]).then(
      () => {
        this.written += chunk.length;
        this.created += created.length;
        this.updated += chunk.length - created.length;
        return null;
      },
      (err: unknown) => ({ err }),
    );
  }

  private async settle(): Promise<void> {
    if (!this.inFlight) return;
    const failed = (await this.inFlight) as { err: unknown } | null;
    this.inFlight = null;
    if (!failed) return;
    if (failed.err instanceof ConstraintViolation) {
      // Someone changed the register while this file was being written.
      // Earlier parts are in; importing the file again finishes the job.
      throw new AppError('CONFLICT', {
        vi: `Sổ hộ vừa được thay đổi bởi người khác trong lúc nhập (đã ghi ${this.written} hộ). Hãy nhập lại tệp: những hộ đã ghi sẽ không bị ghi lặp.`,
        en: `The register changed while this file was being imported (${this.written} households written). Import the file again: households already written are not written twice.`,
      });
    }
    throw failed.err;
  }
}

/**
 * Validates the rows as they come, compares them with the register and
 * writes what is new or changed. Every change appends a household_versions
 * row, so an import never erases history; a file imported twice changes
 * nothing the second time.
 */
export async function importRegister(
  deps: AppDeps,
  by: Importer,
  source: AsyncIterable<RowSlice> | SheetRows[],
  sourceName: string,
): Promise<ImportReport> {
  const villages = await listVillages(deps.db, by.communeId);
  if (villages.length === 0) {
    throw new AppError('VALIDATION_FAILED', {
      vi: 'Xã chưa có thôn nào. Hãy tạo các thôn trước khi nhập sổ hộ.',
      en: 'The commune has no villages yet. Create the villages before importing the register.',
    });
  }
  const parser = new RegisterParser(villages, MAX_REPORTED_ERRORS);
  const writer = new ImportWriter(deps, by, sourceName);
  for await (const slice of Array.isArray(source) ? wholeSheets(source) : source) {
    if (slice.start) parser.startSheet(slice.sheet);
    const good = parser.push(slice.rows);
    if (good.length) await writer.add(good);
  }
  const summary = parser.finish();
  if (summary.sheetsRead === 0) {
    // No header anywhere, so no row was taken and nothing written.
    const missing = summary.headerProblems[0]?.missing ?? ['code', 'village', 'head'];
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
  await writer.finish(summary);
  return {
    created: writer.created, updated: writer.updated, unchanged: writer.unchanged, rejected: summary.rejected,
    errors: summary.errors, omittedErrors: summary.errorCount - summary.errors.length,
  };
}
