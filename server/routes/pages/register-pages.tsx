import { Hono } from 'hono';
import { z } from 'zod';
import { staffPage, pageUser, formFields, detailTexts } from '../../http/pages';
import type { AppContext, AppEnv } from '../../http/context';
import { currentActor } from '../../http/context';
import { AppError, type ErrorDetail } from '../../domain/errors';
import { statusOf } from '../../http/errors';
import { parseInput } from '../../http/validation';
import type { Role } from '../../domain/actor';
import { createVillage } from '../../services/create-village';
import { listVillageSummaries } from '../../services/list-villages';
import { importHouseholds } from '../../services/import-households';
import { householdHistory, listHouseholds } from '../../services/list-households';
import { updateHouseholdRecord } from '../../services/update-household';
import { editSchema, householdJson, readRegisterBody, reportJson, villageSchema } from '../register';
import { VillagesPage } from '../../../web/views/register/villages';
import { HouseholdsPage } from '../../../web/views/register/households';
import { HouseholdPage } from '../../../web/views/register/household';
import { ImportPage } from '../../../web/views/register/import';
import { RT } from '../../../web/views/register/texts';

const PAGE_SIZE = 100;
const READERS: Role[] = ['admin', 'staff', 'inspector', 'village_head'];
const EDITORS: Role[] = ['admin', 'staff'];

const texts = detailTexts;
const isFormError = (err: unknown): err is AppError => err instanceof AppError && (err.code === 'VALIDATION_FAILED' || err.code === 'CONFLICT');

const listPageQuery = z.object({
  q: z.string().max(200).optional().default(''),
  villageId: z.string().max(100).optional().default(''),
  status: z.enum(['active', 'left', 'all']).optional().default('active'),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
});

async function renderVillages(c: AppContext, extra: { notice?: string; values?: { code?: string; name?: string }; errors?: ErrorDetail[] } = {}, status: 200 | 409 | 422 = 200) {
  const actor = currentActor(c);
  const villages = await listVillageSummaries(c.get('deps'), actor);
  return c.html(
    <VillagesPage {...pageUser(c)} villages={villages} canEdit={EDITORS.includes(actor.role)} notice={extra.notice} values={extra.values}
      errors={extra.errors ? texts(c, extra.errors) : undefined} />,
    status,
  );
}

async function renderHousehold(c: AppContext, code: string, extra: { notice?: string; values?: Record<string, string>; errors?: ErrorDetail[] } = {}, status: 200 | 409 | 422 = 200) {
  const deps = c.get('deps');
  const actor = currentActor(c);
  const [{ household, versions }, villages] = await Promise.all([householdHistory(deps, actor, code), listVillageSummaries(deps, actor)]);
  return c.html(
    <HouseholdPage {...pageUser(c)} household={{ ...householdJson(household) }} villages={villages} versions={versions.map((v) => ({ ...v, changedBy: v.changedByName }))}
      canEdit={EDITORS.includes(actor.role)} notice={extra.notice} values={extra.values} errors={extra.errors ? texts(c, extra.errors) : undefined} />,
    status,
  );
}

export const registerPages = new Hono<AppEnv>()
  .get('/staff/villages', staffPage('admin', 'staff', 'inspector', 'village_head'), async (c) => {
    const created = c.req.query('created');
    return renderVillages(c, { notice: created ? `${RT.villageCreated[c.get('lang')]}: ${created}` : undefined });
  })
  .post('/staff/villages', staffPage(...EDITORS), async (c) => {
    const form = await formFields(c);
    const values = { code: form.code ?? '', name: form.name ?? '' };
    try {
      const v = await createVillage(c.get('deps'), currentActor(c), parseInput(villageSchema, values));
      return c.redirect(`/staff/villages?created=${encodeURIComponent(v.code)}`, 303);
    } catch (err) {
      if (isFormError(err)) return renderVillages(c, { values, errors: err.details.length ? err.details : [{ path: 'code', message: err.text }] }, statusOf(err) as 409 | 422);
      throw err;
    }
  })
  .get('/staff/households', staffPage(...READERS), async (c) => {
    const deps = c.get('deps');
    const actor = currentActor(c);
    const f = parseInput(listPageQuery, c.req.query());
    const [{ items, total }, villages] = await Promise.all([
      listHouseholds(deps, actor, { q: f.q, villageId: f.villageId || undefined, status: f.status, limit: PAGE_SIZE, offset: (f.page - 1) * PAGE_SIZE }),
      listVillageSummaries(deps, actor),
    ]);
    return c.html(
      <HouseholdsPage {...pageUser(c)} villages={villages} filter={{ q: f.q, villageId: f.villageId, status: f.status }} rows={items.map(householdJson)}
        total={total} page={f.page} pages={Math.max(1, Math.ceil(total / PAGE_SIZE))} canImport={EDITORS.includes(actor.role)} />,
    );
  })
  .get('/staff/households/:code', staffPage(...READERS), async (c) => {
    return renderHousehold(c, c.req.param('code'), { notice: c.req.query('saved') ? RT.saved[c.get('lang')] : c.req.query('same') ? RT.noChange[c.get('lang')] : undefined });
  })
  .post('/staff/households/:code', staffPage(...EDITORS), async (c) => {
    const code = c.req.param('code');
    const form = await formFields(c);
    const { _csrf: _token, ...values } = form;
    try {
      const edit = parseInput(editSchema, {
        head: form.head, representative: form.representative, address: form.address, phone: form.phone, note: form.note,
        villageId: form.villageId || undefined, status: form.status || undefined, reason: form.reason ?? '',
        members: form.members === undefined || form.members.trim() === '' ? undefined : /^\d+$/.test(form.members.trim()) ? Number(form.members) : -1,
      });
      const { household, changed } = await updateHouseholdRecord(c.get('deps'), currentActor(c), code, edit);
      return c.redirect(`/staff/households/${encodeURIComponent(household.code)}?${changed ? 'saved=1' : 'same=1'}`, 303);
    } catch (err) {
      if (isFormError(err)) return renderHousehold(c, code, { values, errors: err.details }, statusOf(err) as 409 | 422);
      throw err;
    }
  })
  .get('/staff/import', staffPage(...EDITORS), (c) => c.html(<ImportPage {...pageUser(c)} />))
  .post('/staff/import', staffPage(...EDITORS), async (c) => {
    const lang = c.get('lang');
    try {
      const report = await importHouseholds(c.get('deps'), currentActor(c), await readRegisterBody(c));
      return c.html(<ImportPage {...pageUser(c)} report={reportJson(report, lang)} />);
    } catch (err) {
      // every refusal of a file (bad type, broken, too large, no header) is shown on the form, in the page's language
      if (err instanceof AppError && statusOf(err) < 500) {
        return c.html(
          <ImportPage {...pageUser(c)} failure={{ message: err.text[lang], details: err.details.map((d) => `${d.path}: ${d.message[lang]}`) }} />,
          statusOf(err) as 400,
        );
      }
      throw err;
    }
  });
