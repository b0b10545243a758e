import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError, type ErrorDetail } from '../domain/errors';
import { RETENTION_DAYS, type FeedbackSettings } from '../domain/feedback';
import { cleanText, fold } from '../domain/text';
import { getFeedbackSettings, saveFeedbackSettings } from '../../db/repositories/feedback';
import { atomicWithAudit } from './audit';
import { communeOfActor } from './guards';

export async function feedbackSettings(deps: AppDeps, actor: Actor): Promise<FeedbackSettings> {
  return getFeedbackSettings(deps.db, communeOfActor(actor));
}

function list(field: string, items: readonly string[], min: number, problems: ErrorDetail[]): string[] {
  const clean = items.map((t) => cleanText(t)).filter(Boolean);
  const seen = new Set<string>();
  for (const t of clean) {
    if (t.length > 100) problems.push({ path: field, message: { vi: `"${t.slice(0, 30)}…" dài quá 100 ký tự.`, en: `"${t.slice(0, 30)}…" is longer than 100 characters.` } });
    if (seen.has(fold(t))) problems.push({ path: field, message: { vi: `"${t}" có hai lần.`, en: `"${t}" appears twice.` } });
    seen.add(fold(t));
  }
  if (clean.length < min) problems.push({ path: field, message: { vi: 'Danh sách cần ít nhất một dòng.', en: 'The list needs at least one line.' } });
  if (clean.length > 50) problems.push({ path: field, message: { vi: 'Danh sách có quá 50 dòng.', en: 'The list has more than 50 lines.' } });
  return clean;
}

/**
 * The commune's lists (topics people choose from, departments staff assign
 * to) and how many days after the answer a sender's contact is kept. Admin only.
 */
export async function updateFeedbackSettings(
  deps: AppDeps, actor: Actor, input: { topics: string[]; departments: string[]; retentionDays: number },
): Promise<FeedbackSettings> {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN');
  const communeId = communeOfActor(actor);
  const problems: ErrorDetail[] = [];
  const topics = list('topics', input.topics, 1, problems);
  const departments = list('departments', input.departments, 0, problems);
  if (!Number.isInteger(input.retentionDays) || input.retentionDays < RETENTION_DAYS.min || input.retentionDays > RETENTION_DAYS.max) {
    problems.push({
      path: 'retentionDays',
      message: {
        vi: `Thời hạn lưu phải là số ngày nguyên từ ${RETENTION_DAYS.min} đến ${RETENTION_DAYS.max}.`,
        en: `The retention period must be a whole number of days from ${RETENTION_DAYS.min} to ${RETENTION_DAYS.max}.`,
      },
    });
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', undefined, problems);
  const at = deps.clock().toISOString();
  await atomicWithAudit(
    deps,
    [saveFeedbackSettings(deps.db, communeId, { topics, departments, retentionDays: input.retentionDays }, actor.id, at)],
    [{ communeId, actor: actor.id, action: 'feedback.settings', entity: 'commune', entityId: communeId, data: { topics, departments, retentionDays: input.retentionDays } }],
  );
  return getFeedbackSettings(deps.db, communeId);
}
