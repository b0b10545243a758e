import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, type TestEnv } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote } from '../support/campaigns';
import { onlineAnswerGroups, ballotAnswers } from '../../db/repositories/results';
import { aggregateOnlineAnswers } from '../../server/domain/tally';

// The one count of online answers: SQLite groups the ballots by their answers
// (db/repositories/results.ts), the domain counts the groups. Grouped or one
// by one, the counts are the same, and a yes/no answer keeps its JSON type.

let t: TestEnv;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

describe('online answers counted from the database', () => {
  it('gives the same counts grouped by SQLite as ballot by ballot, keying yes/no as true / false', async () => {
    const villages = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 6 }, { code: 'TH', name: 'Thôn Trung Hà', households: 4 }]);
    await addUser(t, { username: 'canbo', role: 'staff' });
    const staff = await login(t, 'canbo');
    const { id } = await createCampaign(t, staff, {
      title: 'Giờ mở cửa nhà văn hóa', kind: 'decision', category: 'k6', villageIds: villages.map((v) => v.id), channels: ['online'],
      survey: {
        elements: [
          { type: 'radiogroup', name: 'decision', title: 'Đồng ý?', choices: ['approve', 'reject', 'other'], isRequired: true },
          { type: 'boolean', name: 'agree', title: 'Tham gia dọn dẹp?' },
          { type: 'checkbox', name: 'days', title: 'Ngày', choices: ['sat', 'sun', 'mon'] },
        ],
      },
    });
    const serials = await issueSerials(t, staff, id);
    await openCampaign(t, staff, id);
    const answers = [
      { decision: 'approve', agree: true, days: ['sat', 'sun'] },
      { decision: 'approve', agree: true, days: ['sat', 'sun'] },
      { decision: 'reject', agree: false, days: ['mon'] },
      { decision: 'approve' },
      { decision: 'other', agree: true, days: ['sun', 'sat'] },
      { decision: 'approve', agree: false },
      { decision: 'reject', days: ['sat'] },
    ];
    for (const [i, a] of answers.entries()) expect((await vote(t, serials[i]!.serial, a)).status).toBe(201);

    const questions = ['decision', 'agree', 'days'].map((name) => ({ name, choices: [] }));
    const groups = await onlineAnswerGroups(t.deps.db, id, questions.map((q) => q.name));
    expect(groups.length).toBeLessThan(answers.length);
    const grouped = aggregateOnlineAnswers(groups.map((g) => ({ villageId: g.villageId!, binding: g.binding === 1, answers: JSON.parse(g.answers), count: g.n })), questions);
    const rows = await ballotAnswers(t.deps.db, id, ['online']);
    const oneByOne = aggregateOnlineAnswers(rows.map((r) => ({ villageId: r.villageId!, binding: r.binding === 1, answers: JSON.parse(r.answers) })), questions);
    const byVillage = (a: typeof grouped) => [...a].sort((x, y) => (x.villageId < y.villageId ? -1 : 1));
    expect(byVillage(grouped)).toEqual(byVillage(oneByOne));

    const total = (q: string) => {
      const out: Record<string, number> = {};
      for (const agg of grouped) for (const [k, n] of Object.entries(agg.counts[q]!)) out[k] = (out[k] ?? 0) + n;
      return out;
    };
    expect(grouped.reduce((s, a) => s + a.ballots, 0)).toBe(7);
    expect(total('decision')).toEqual({ approve: 4, reject: 2, other: 1 });
    expect(total('agree')).toEqual({ true: 3, false: 2 });
    expect(total('days')).toEqual({ sat: 4, sun: 3, mon: 1 });
  });
});
