// Issue 12's property: random decision campaigns, ballots and tally sheets
// across every channel (online binding and advisory, paper ballots entered
// one by one or only registered, paper sheets, meeting sheets, each confirmed
// or not), all through the HTTP API; then the published snapshot must keep the
// invariants of every result (no village counts more participants than
// households, no option more than participants, a single-choice question's
// answers at most its participants) and give exactly what an independent
// recount, written here from the stored ballots and the confirmed sheets,
// gives.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote, lawfulMeeting } from '../support/campaigns';

const CHOICES = ['approve', 'reject', 'other'] as const;
type Choice = (typeof CHOICES)[number];
type Category = 'k1' | 'k2' | 'k3' | 'k4' | 'k5' | 'k6';

type Ballot = { kind: 'online' | 'entry'; household: number; answers: Choice[] } | { kind: 'register'; household: number };
type Sheet = { kind: 'meeting' | 'paper'; people: number; approve: number; reject: number; confirm: boolean };
type Step = Ballot | Sheet;
const isSheet = (s: Step): s is Sheet => s.kind === 'meeting' || s.kind === 'paper';

interface Plan {
  category: Category;
  questions: number;
  advisoryOnline: boolean;
  secret: boolean;
  villages: { households: number; agreed: boolean; steps: Step[] }[];
}

const answers = fc.array(fc.constantFrom(...CHOICES), { minLength: 2, maxLength: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom('online' as const, 'entry' as const), household: fc.nat(7), answers }),
  fc.record({ kind: fc.constant('register' as const), household: fc.nat(7) }),
  fc.record({ kind: fc.constantFrom('meeting' as const, 'paper' as const), people: fc.nat(7), approve: fc.nat(7), reject: fc.nat(7), confirm: fc.boolean() }),
);
const plan: fc.Arbitrary<Plan> = fc.record({
  category: fc.constantFrom<Category>('k1', 'k2', 'k3', 'k4', 'k5', 'k6'),
  questions: fc.integer({ min: 1, max: 2 }),
  advisoryOnline: fc.boolean(),
  secret: fc.boolean(),
  villages: fc.array(fc.record({ households: fc.integer({ min: 1, max: 6 }), agreed: fc.boolean(), steps: fc.array(step, { maxLength: 9 }) }), { minLength: 1, maxLength: 3 }),
});

const BOARD = { board: ['Nguyễn Văn Ba', 'Lê Thị Tư', 'Phạm Văn Năm'], witnesses: ['Hoàng Văn Sáu', 'Đỗ Thị Bảy'] };
const names = (n: number) => ['q1', 'q2'].slice(0, n);
const radio = (name: string) => ({ type: 'radiogroup', name, title: name, isRequired: true, choices: CHOICES.map((value) => ({ value, text: value })) });

type Counts = Record<string, Record<Choice, number>>;
const zero = (questions: string[]): Counts => Object.fromEntries(questions.map((q) => [q, { approve: 0, reject: 0, other: 0 }]));

let runs = 0;

/** Runs a plan through the API and returns the published snapshot and what the database holds. */
async function run(p: Plan) {
  const t: TestEnv = await makeTestApp();
  // each run's campaign gets the same sequential id: a different time keeps the process-wide
  // form-validator cache (keyed by campaign id and update time) from serving another run's form
  t.clock.advance(++runs * 60_000);
  try {
    await addUser(t, { username: 'canbo', role: 'staff' });
    await addUser(t, { username: 'thanhtra', role: 'inspector' });
    const staff = await login(t, 'canbo');
    const inspector = await login(t, 'thanhtra');
    const vs = await seedVillages(t, p.villages.map((v, i) => ({ code: `V${i}`, name: `Thôn ${i}`, households: v.households })));
    const k6 = p.category === 'k6';
    const questions = names(p.questions);
    const { id } = await createCampaign(t, staff, {
      title: 'Việc của thôn', kind: 'decision', category: p.category, villageIds: vs.map((v) => v.id), secret: p.secret,
      channels: k6 ? ['online', 'paper', 'meeting'] : ['paper', 'meeting'], advisoryOnline: !k6 && p.advisoryOnline,
      survey: { elements: questions.map(radio) },
      // k6: each village's agreement to vote online, all of its households or none of them (NĐ 59 Đ5)
      ...(k6 ? { onlineApproval: { villages: vs.map((v, i) => ({ villageId: v.id, households: p.villages[i]!.agreed ? p.villages[i]!.households : 0, date: '2026-11-02', method: 'meeting' })) } } : {}),
    });
    const serials = await issueSerials(t, staff, id);
    await openCampaign(t, staff, id);
    for (const [i, v] of p.villages.entries()) {
      const mine = serials.filter((s) => s.villageId === vs[i]!.id);
      for (const s of v.steps) {
        if (isSheet(s)) {
          const people = Math.min(s.people, v.households);
          const approve = Math.min(s.approve, people);
          const reject = Math.min(s.reject, people - approve);
          const counts = Object.fromEntries(questions.map((q) => [q, { approve, reject, other: 0 }]));
          const body = { ...BOARD, villageId: vs[i]!.id, channel: s.kind, counts, ...(s.kind === 'meeting' ? { present: people } : { returned: people, invalid: 0 }) };
          const r = await api(t, 'POST', `/api/v1/campaigns/${id}/tallies`, { cookie: staff, body: lawfulMeeting(body) });
          expect([201, 409, 422]).toContain(r.status);
          if (r.status === 201 && s.confirm) expect([200, 422]).toContain((await api(t, 'POST', `/api/v1/tallies/${r.json.id}/confirm`, { cookie: inspector })).status);
        } else {
          const serial = mine[s.household % mine.length]!.serial;
          const given = 'answers' in s ? Object.fromEntries(questions.map((q, k) => [q, s.answers[k]])) : undefined;
          const r = s.kind === 'online'
            ? await vote(t, serial, given)
            : await api(t, 'POST', `/api/v1/campaigns/${id}/paper-ballots/${serial}`, { cookie: staff, body: given ? { answers: given } : {} });
          expect([200, 201, 403, 409]).toContain(r.status);
        }
      }
    }
    expect((await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff })).status).toBe(200);
    expect((await api(t, 'POST', `/api/v1/campaigns/${id}/publish`, { cookie: staff })).status).toBe(200);
    const published = (await api(t, 'GET', `/api/v1/campaigns/${id}/results`)).json;
    const db = t.deps.db;
    return {
      published, questions,
      villages: await db.selectFrom('campaign_villages').select(['village_id as villageId', 'households']).where('campaign_id', '=', id).execute(),
      ballots: await db.selectFrom('ballots').select(['village_id as villageId', 'channel', 'binding', 'answers']).where('campaign_id', '=', id).execute(),
      sheets: await db.selectFrom('tally_sheets').select(['village_id as villageId', 'channel', 'version', 'data']).where('campaign_id', '=', id).where('status', '=', 'confirmed').execute(),
      registered: await db.selectFrom('serial_uses').select(['village_id as villageId']).where('campaign_id', '=', id).where('channel', '=', 'paper').execute(),
    };
  } finally {
    await t.close();
  }
}

/** The recount, from the law and the stored rows only (docs/design.md "One household, one binding vote"). */
function recount(p: Plan, stored: Awaited<ReturnType<typeof run>>) {
  const { questions } = stored;
  return stored.villages.map((row, i) => {
    const H = row.households!;
    const { agreed } = p.villages[i]!;
    const twoThirds = p.category === 'k1' || p.category === 'k2';
    const required = Math.max(1, twoThirds ? Math.ceil((2 * H) / 3) : Math.floor(H / 2) + 1);
    const sheetOf = (channel: string) => {
      const mine = stored.sheets.filter((s) => s.villageId === row.villageId && s.channel === channel).sort((a, b) => b.version - a.version)[0];
      return mine ? (JSON.parse(mine.data).sheet as { present?: number; returned?: number; counts: Counts }) : undefined;
    };
    const meeting = sheetOf('meeting');
    const paper = sheetOf('paper');
    const onlineBinds = p.category === 'k6' && agreed;
    const mine = stored.ballots.filter((b) => b.villageId === row.villageId);
    const online = mine.filter((b) => b.channel === 'online' && b.binding === 1 && onlineBinds).map((b) => JSON.parse(b.answers));
    const advisory = mine.filter((b) => b.channel === 'online').length - online.length;
    const entries = mine.filter((b) => b.channel === 'paper').map((b) => JSON.parse(b.answers));
    const registered = stored.registered.filter((r) => r.villageId === row.villageId).length;
    const tally = (list: Record<string, Choice>[]) => {
      const c = zero(questions);
      for (const a of list) for (const q of questions) c[q]![a[q]!] += 1;
      return c;
    };
    const meetingFailed = !!meeting && (meeting.present! < required || (p.category === 'k3' && meeting.present! < Math.floor(H / 2) + 1));
    const paperBinds = ['k1', 'k2', 'k6'].includes(p.category) || meetingFailed;
    let counts = zero(questions);
    let participated = 0;
    let decisive = false;
    let held = false;
    if (meeting && !meetingFailed) {
      counts = { ...zero(questions), ...meeting.counts };
      participated = meeting.present!;
      decisive = true;
    } else if ((paperBinds && (paper || entries.length > 0)) || online.length > 0) {
      const fromOnline = tally(online);
      if (paperBinds && paper) {
        const fromEntries = tally(entries);
        const short = questions.some((q) => CHOICES.some((c) => (paper.counts[q]?.[c] ?? 0) < fromEntries[q]![c]));
        const exact = entries.length > 0 && entries.length === registered && paper.returned === entries.length;
        const differs = questions.some((q) => CHOICES.some((c) => (paper.counts[q]?.[c] ?? 0) !== fromEntries[q]![c]));
        held = paper.returned! + online.length > H || paper.returned! < registered || short || (exact && differs);
        participated = paper.returned! + online.length;
        for (const q of questions) for (const c of CHOICES) counts[q]![c] = (paper.counts[q]?.[c] ?? 0) + fromOnline[q]![c];
      } else {
        const used = paperBinds ? entries : [];
        held = used.length + online.length > H;
        participated = used.length + online.length;
        counts = tally([...used, ...online]);
      }
      decisive = !held;
    } else if (meeting) {
      counts = { ...zero(questions), ...meeting.counts };
      participated = meeting.present!;
    }
    if (held) {
      counts = zero(questions);
      participated = 0;
    }
    return {
      participated, held, advisory,
      questions: Object.fromEntries(questions.map((q) => [q, { counts: counts[q], required, passed: decisive && counts[q]!.approve >= required }])),
    };
  });
}

describe('every published result, whatever the channels said', () => {
  it('keeps one binding vote per household and gives what an independent recount of the stored ballots and confirmed sheets gives', async () => {
    await fc.assert(fc.asyncProperty(plan, async (p) => {
      const stored = await run(p);
      const published = stored.published;
      expect(published.format).toBe(2);
      const expected = recount(p, stored);
      for (const [i, v] of (published.villages as any[]).entries()) {
        // the invariants of every result
        expect(v.participated).toBeLessThanOrEqual(v.households);
        for (const q of stored.questions) {
          const counts = v.questions[q].counts as Record<string, number>;
          for (const n of Object.values(counts)) expect(n).toBeLessThanOrEqual(v.participated);
          expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(v.participated);
        }
        // the recount
        const e = expected[i]!;
        expect({ participated: v.participated, held: v.held !== null, questions: v.questions, advisory: v.advisory?.ballots ?? 0 }).toEqual(e);
      }
      const adopted = stored.questions.filter((q) => published.commune.questions[q].passed);
      expect(published.commune.adopted).toEqual(adopted);
      expect(published.commune.passed).toBe(adopted.length === stored.questions.length);
    }), { numRuns: 100 });
  }, 240_000);
});
