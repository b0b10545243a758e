import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError } from '../domain/errors';
import { dueForAnonymising, retentionEndsOn } from '../domain/feedback';
import { listCommunes } from '../../db/repositories/communes';
import { anonymiseFeedback, answeredWithPersonalData, getFeedbackSettings, insertFeedbackEvent, recordRetentionRun } from '../../db/repositories/feedback';
import { atomicWithAudit } from './audit';
import { vietnamToday } from './commune-calendar';

/** Items cleared per atomic write: well inside a D1 batch, and one audit entry each. */
const BATCH = 40;

/**
 * The retention job for one commune: every answered item whose answer is
 * older than the commune's retention period loses the sender's name, phone
 * and photo (NĐ 13/2023 Đ16; Luật 91/2025/QH15: kept no longer than the
 * purpose needs). The item, its text and its answer stay: they are the
 * commune's record and its statistics. Runs again safely: an item already
 * cleared is not touched, and the database refuses to put contact back.
 */
export async function applyFeedbackRetention(deps: AppDeps, communeId: string, actor = 'system'): Promise<{ communeId: string; anonymised: number }> {
  const settings = await getFeedbackSettings(deps.db, communeId);
  const today = vietnamToday(deps);
  const due = (await answeredWithPersonalData(deps.db, communeId)).filter((i) => dueForAnonymising(i, settings.retentionDays, today));
  let anonymised = 0;
  for (let i = 0; i < due.length; i += BATCH) {
    const batch = due.slice(i, i + BATCH);
    const at = deps.clock().toISOString();
    await atomicWithAudit(
      deps,
      batch.flatMap((item) => [
        anonymiseFeedback(deps.db, item.id, at),
        insertFeedbackEvent(deps.db, { id: deps.newId(), feedbackId: item.id, at, actor, action: 'anonymise', data: { retentionDays: settings.retentionDays, keptUntil: retentionEndsOn(item, settings.retentionDays) } }),
      ]),
      batch.map((item) => ({ communeId, actor, action: 'feedback.anonymise', entity: 'feedback', entityId: item.id, data: { retentionDays: settings.retentionDays } })),
    );
    for (const item of batch) if (item.photo) await deps.blobs.delete(item.photo.key);
    anonymised += batch.length;
  }
  await deps.atomic([recordRetentionRun(deps.db, communeId, deps.clock().toISOString(), anonymised)]);
  return { communeId, anonymised };
}

/** The job over every commune of the deployment (the Node timer, the Worker's cron, the CLI). */
export async function runFeedbackRetention(deps: AppDeps): Promise<{ communeId: string; anonymised: number }[]> {
  const out = [];
  for (const c of await listCommunes(deps.db)) out.push(await applyFeedbackRetention(deps, c.id));
  return out;
}

/** An admin runs the job for their commune now (it also runs by itself every day). */
export async function runRetentionNow(deps: AppDeps, actor: Actor) {
  if (actor.role !== 'admin' || !actor.communeId) throw new AppError('FORBIDDEN');
  return applyFeedbackRetention(deps, actor.communeId, actor.id);
}
