import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../http/context';
import { currentActor } from '../http/context';
import { AppError } from '../domain/errors';
import type { Lang } from '../domain/i18n';
import { parseInput } from '../http/validation';
import { readBytes, readJson } from '../http/body';
import { requireRole } from '../http/middleware';
import type { RowError } from '../domain/register-row';
import { createVillage } from '../services/create-village';
import { listVillageSummaries } from '../services/list-villages';
import { importHouseholds, type ImportReport } from '../services/import-households';
import { getHousehold, householdHistory, listHouseholds, type Household } from '../services/list-households';
import { updateHouseholdRecord } from '../services/update-household';
import { exportRegister, type RegisterFile } from '../services/export-register';
import type { RegisterFileKind } from '../services/register/read-upload';
import { XLSX_TYPE } from '../services/spreadsheet/xlsx-write';

/** A commune's register is a few hundred KB; 100,000 households (issue 17) are about 15 MB as CSV. */
export const IMPORT_LIMIT = 25 * 1024 * 1024;

const READERS = ['admin', 'staff', 'inspector', 'village_head'] as const;

const text = (max: number) => z.string().max(max);
export const villageSchema = z.object({
  code: z.string().trim().min(1).max(20).regex(/^[\p{L}\p{N}_.-]+$/u, 'Mã thôn chỉ gồm chữ, số và dấu . _ - (không có khoảng trắng).|The village code may hold letters, digits and . _ - only (no spaces).'),
  name: z.string().trim().min(1).max(120),
});
export const listQuery = z.object({
  villageId: z.string().max(100).optional(),
  q: z.string().max(200).optional(),
  status: z.enum(['active', 'left', 'all']).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
export const editSchema = z.strictObject({
  head: text(500).optional(),
  representative: text(500).optional(),
  address: text(500).optional(),
  members: z.number().int().min(0).max(200).optional(),
  phone: text(30).optional(),
  note: text(500).optional(),
  villageId: z.string().min(1).max(100).optional(),
  status: z.enum(['active', 'left']).optional(),
  reason: z.string().trim().min(1, 'Cần ghi lý do thay đổi.|Give the reason for the change.').max(500),
});

const CSV_TYPES = ['text/csv', 'application/csv', 'text/comma-separated-values', 'text/x-csv', 'application/vnd.ms-excel'];
const UNSUPPORTED = {
  vi: 'Hãy gửi tệp sổ hộ dạng CSV (Content-Type: text/csv) hoặc Excel .xlsx, hoặc biểu mẫu multipart có trường "file".',
  en: 'Send the register as CSV (Content-Type: text/csv) or Excel .xlsx, or as a multipart form with a "file" field.',
};
const NO_FILE = { vi: 'Chưa chọn tệp sổ hộ (trường "file").', en: 'No register file was chosen (field "file").' };

function kindOf(type: string, filename = ''): RegisterFileKind | null {
  const t = type.split(';')[0]!.trim().toLowerCase();
  if (t === XLSX_TYPE || /\.xlsx$/i.test(filename)) return 'xlsx';
  if (CSV_TYPES.includes(t) || /\.csv$/i.test(filename)) return 'csv';
  if (t === 'application/octet-stream' || t === '') return 'csv'; // the bytes decide: a zip is read as .xlsx
  return null;
}

/**
 * The uploaded register: the raw body (CSV or XLSX type) or the multipart
 * field `file`, at most IMPORT_LIMIT bytes. A browser form may already have
 * been read by the CSRF check; its cached copy is used then.
 */
export async function readRegisterBody(c: AppContext): Promise<{ bytes: Uint8Array; kind: RegisterFileKind }> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      if (c.req.raw.bodyUsed) {
        const body = await c.req.parseBody();
        form = new FormData();
        for (const [k, v] of Object.entries(body)) if (typeof v === 'string' || v instanceof File) form.append(k, v);
      } else {
        const bytes = await readBytes(c, IMPORT_LIMIT + 64 * 1024);
        form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': c.req.header('content-type')! } }).formData();
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('BAD_REQUEST', { vi: 'Biểu mẫu gửi lên không đọc được.', en: 'The form data cannot be read.' });
    }
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) throw new AppError('VALIDATION_FAILED', NO_FILE, [{ path: 'file', message: NO_FILE }]);
    if (file.size > IMPORT_LIMIT) throw new AppError('PAYLOAD_TOO_LARGE');
    const kind = kindOf(file.type, file.name) ?? 'csv';
    return { bytes: new Uint8Array(await file.arrayBuffer()), kind };
  }
  const kind = kindOf(type);
  if (!kind) throw new AppError('UNSUPPORTED_MEDIA_TYPE', UNSUPPORTED);
  return { bytes: await readBytes(c, IMPORT_LIMIT), kind };
}

export const rowErrorJson = (e: RowError, lang: Lang) => ({
  ...(e.sheet !== undefined ? { sheet: e.sheet } : {}),
  row: e.row, column: e.column, message: e.message[lang], messageEn: e.message.en,
});

export const reportJson = (r: ImportReport, lang: Lang) => ({
  created: r.created, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected,
  errors: r.errors.map((e) => rowErrorJson(e, lang)),
  // only when the list was cut: the errors found beyond those listed
  ...(r.omittedErrors > 0 ? { omittedErrors: r.omittedErrors } : {}),
});

export const householdJson = (h: Household) => ({
  code: h.code, villageId: h.villageId, head: h.head, representative: h.representative, address: h.address,
  members: h.members, phone: h.phone, note: h.note, status: h.status, version: h.version, updatedAt: h.updatedAt,
});

function sendFile(c: AppContext, f: RegisterFile) {
  c.header('Content-Type', f.contentType);
  c.header('Content-Disposition', `attachment; filename="${f.filename}"`);
  return typeof f.body === 'string' ? c.body(f.body) : c.body(f.body as Uint8Array<ArrayBuffer>);
}

export const registerRoutes = new Hono<AppEnv>()
  .post('/api/v1/villages', requireRole('admin', 'staff'), async (c) => {
    const input = parseInput(villageSchema, await readJson(c));
    const v = await createVillage(c.get('deps'), currentActor(c), input);
    return c.json({ id: v.id, code: v.code, name: v.name }, 201);
  })
  .get('/api/v1/villages', requireRole(...READERS), async (c) => {
    const list = await listVillageSummaries(c.get('deps'), currentActor(c));
    return c.json(list.map((v) => ({ id: v.id, code: v.code, name: v.name, households: v.households })));
  })
  .post('/api/v1/households/import', requireRole('admin', 'staff'), async (c) => {
    const report = await importHouseholds(c.get('deps'), currentActor(c), await readRegisterBody(c));
    return c.json(reportJson(report, c.get('lang')));
  })
  .get('/api/v1/households', requireRole(...READERS), async (c) => {
    const q = parseInput(listQuery, c.req.query());
    const { items, total } = await listHouseholds(c.get('deps'), currentActor(c), q);
    c.header('X-Total-Count', String(total));
    return c.json(items.map(householdJson));
  })
  // before /:code, which would otherwise take "export.csv" for a household code
  .get('/api/v1/households/export.csv', requireRole(...READERS), async (c) => {
    const { villageId } = parseInput(listQuery, c.req.query());
    return sendFile(c, await exportRegister(c.get('deps'), currentActor(c), { format: 'csv', villageId }));
  })
  .get('/api/v1/households/export.xlsx', requireRole(...READERS), async (c) => {
    const { villageId } = parseInput(listQuery, c.req.query());
    return sendFile(c, await exportRegister(c.get('deps'), currentActor(c), { format: 'xlsx', villageId }));
  })
  .get('/api/v1/households/:code', requireRole(...READERS), async (c) => {
    return c.json(householdJson(await getHousehold(c.get('deps'), currentActor(c), c.req.param('code'))));
  })
  .patch('/api/v1/households/:code', requireRole('admin', 'staff'), async (c) => {
    const edit = parseInput(editSchema, await readJson(c));
    const { household, changed } = await updateHouseholdRecord(c.get('deps'), currentActor(c), c.req.param('code'), edit);
    return c.json({ ...householdJson(household), changed });
  })
  .get('/api/v1/households/:code/history', requireRole(...READERS), async (c) => {
    const { household, versions } = await householdHistory(c.get('deps'), currentActor(c), c.req.param('code'));
    return c.json({
      household: householdJson(household),
      versions: versions.map((v) => ({ version: v.version, data: v.data, reason: v.reason, changedBy: v.changedByName, changedAt: v.changedAt })),
    });
  });
