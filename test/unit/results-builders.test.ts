import { describe, expect, it } from 'vitest';
import { CAMPAIGN_KINDS } from '../../server/domain/legal-rules';
import type { Campaign } from '../../server/domain/campaign';
import { KINDS } from '../../server/kinds';
import type { TallyInput } from '../../server/kinds/kind';
import { latestPerVillageAndChannel } from '../../server/kinds/tallied/build';
import { decision } from '../../server/kinds/decision';
import { assembleSnapshot } from '../../server/services/results/compute';
import { SNAPSHOT_FORMAT, type ResultsSnapshot } from '../../server/domain/results/snapshot';
import { consultation } from '../../server/kinds/consultation';
import { satisfaction } from '../../server/kinds/satisfaction';
import { ResultsContent } from '../../web/views/results/results-page';
import { loadTemplate } from '../../surveys';

// The decision/election builder is pure: it is given what the loader read
// (services/results/load.ts) and returns the snapshot's results. These cases
// are Đ21 k1 read for a k6 matter of one village of H = 10 households:
// passed with more than half of ALL households, ⌊10/2⌋ + 1 = 6 approvals.

const campaign: Campaign = {
  id: 'c1', communeId: 'x1', slug: 'c1', title: 'Giờ mở cửa nhà văn hóa', description: '', kind: 'decision', category: 'k6', scope: 'village',
  secret: false, status: 'closed', channels: ['online', 'paper'], advisoryOnline: false, seats: null, seatsByVillage: null, board: null,
  onlineApproval: { note: 'họp thôn 01/11' },
  survey: { elements: [{ type: 'radiogroup', name: 'decision', title: 'Đồng ý?', choices: ['approve', 'reject', 'other'] }] },
  opensAt: null, closesAt: null, openedAt: '2026-11-01T00:00:00.000Z', closedAt: '2026-11-20T00:00:00.000Z', publishedAt: null,
  createdBy: null, createdAt: '2026-10-01T00:00:00.000Z', updatedAt: '2026-10-01T00:00:00.000Z',
};

const input = (over: Partial<TallyInput> = {}): TallyInput => ({
  campaign, candidates: [],
  // the agreement to vote online noted as minutes, frozen at opening (NĐ 59 Đ5)
  villages: [{ villageId: 'v1', code: 'DS', name: 'Thôn Đông Sơn', households: 10, onlineAgreement: JSON.stringify({ source: 'minutes', note: 'họp thôn 01/11' }) }],
  sheets: [
    { id: 's1', villageId: 'v1', channel: 'paper', version: 1, data: { issued: 10, returned: 3, invalid: 0, counts: { decision: { approve: 1, reject: 2 } } } },
    { id: 's2', villageId: 'v1', channel: 'paper', version: 2, data: { issued: 10, returned: 4, invalid: 0, counts: { decision: { approve: 2, reject: 2 } } } },
  ],
  photos: [{ id: 'p1', tallyId: 's1', mime: 'image/jpeg', sha256: 'a' }, { id: 'p2', tallyId: 's2', mime: 'image/jpeg', sha256: 'b' }],
  online: [{ villageId: 'v1', binding: true, answers: { decision: 'approve' }, count: 4 }, { villageId: 'v1', binding: true, answers: { decision: 'reject' }, count: 1 }],
  paper: [],
  registeredPaper: { v1: 4 },
  ...over,
});

describe('the decision/election results builder (a pure seam: loader → builder)', () => {
  it('adds the latest paper sheet and the binding online ballots of k6 and applies Đ21 to all households', () => {
    const { results } = decision.build(input());
    const v = results.villages[0]!;
    expect(v).toMatchObject({ households: 10, participated: 9, basis: 'paper+online', registeredPaper: 4, passed: true });
    expect(v.questions.decision).toEqual({ counts: { approve: 6, reject: 3, other: 0 }, required: 6, passed: true });
    expect(results.commune).toMatchObject({ villagesPassed: 1, passed: true, households: 10, participated: 9, turnout: 0.9 });
    // only the photo of the sheet that counts is published
    expect(results.photos.map((p) => p.id)).toEqual(['p2']);
  });

  it('publishes exactly the snapshot’s written-out fields, nothing else the engine may carry', () => {
    const { results } = decision.build(input());
    expect(Object.keys(results.villages[0]!)).toEqual([
      'villageId', 'code', 'name', 'households', 'participated', 'questions', 'elected', 'ties', 'passed', 'basis', 'channels',
      'advisory', 'thresholdUnreachable', 'quorumMet', 'fallback', 'turnout', 'unfilledSeats', 'tiedSeats', 'warnings', 'registeredPaper',
      'seats', 'held', 'roles', 'sources', 'onlineAgreement',
    ]);
    expect(Object.keys(results.commune)).toEqual([
      'villagesPassed', 'passed', 'villages', 'rule', 'requiredVillages', 'questions', 'adopted', 'roster', 'warnings', 'households', 'participated', 'turnout',
    ]);
    const s = assembleSnapshot(campaign, 'Xã A', [], '2026-11-26T00:00:00.000Z', results);
    expect(s.format).toBe(SNAPSHOT_FORMAT);
    expect(Object.keys(s)).toEqual([
      'format', 'campaign', 'candidates', 'satisfaction', 'consultation', 'photos', 'computedAt', 'binding', 'questions', 'villages', 'commune', 'advisory', 'legalBasis',
    ]);
  });

  it('sets k1–k5 online answers apart as advice, never in the counts (Đ17 k2)', () => {
    const k1 = { ...campaign, category: 'k1' as const, channels: ['paper' as const], advisoryOnline: true };
    const { results } = decision.build(input({
      campaign: k1,
      online: [{ villageId: 'v1', binding: false, answers: { decision: 'approve' }, count: 5 }],
    }));
    expect(results.villages[0]!.questions.decision!.counts.approve).toBe(2);
    expect(results.advisory).toMatchObject({ ballots: 5, counts: { decision: { approve: 5 } } });
  });

  it('takes the highest confirmed version per village and channel', () => {
    const sheets = input().sheets;
    expect(latestPerVillageAndChannel(sheets).map((s) => s.id)).toEqual(['s2']);
    expect(latestPerVillageAndChannel([...sheets].reverse()).map((s) => s.id)).toEqual(['s2']);
  });
});

describe('the kind registry', () => {
  it('has one module per campaign kind, each naming its own kind', () => {
    expect(Object.keys(KINDS).sort()).toEqual([...CAMPAIGN_KINDS].sort());
    for (const k of CAMPAIGN_KINDS) expect(KINDS[k].kind).toBe(k);
  });

  it('computes each kind’s charts as a pure function of the snapshot, one per figure of its view', () => {
    const s = assembleSnapshot(campaign, 'Xã A', [], '2026-11-26T00:00:00.000Z', decision.build(input()).results);
    const once = decision.charts(s, 'vi');
    expect(decision.charts(s, 'vi')).toEqual(once);
    // one chart per question and village: took part, then each choice's votes
    expect(once.map((c) => c.id)).toEqual(['chart-q0-v0']);
    expect(once[0]!.labels).toEqual(['Số hộ tham gia', 'Đồng ý', 'Không đồng ý', 'Ý kiến khác']);
    expect(once[0]!.datasets.map((d) => d.data)).toEqual([[9, 6, 3, 0]]);
    // drawn against the village's 10 households, the 6 approvals needed as a line
    expect(once[0]!.max).toBe(10);
    expect(once[0]!.threshold?.value).toBe(6);
    expect(decision.charts(s, 'en')[0]!.labels[1]).toBe('Approve');
  });
});

describe('answered kinds: snapshots published before every question was summed up', () => {
  const answered = (kind: 'consultation' | 'satisfaction', template: string): Campaign => ({
    ...campaign, kind, category: null, survey: loadTemplate(template)!,
  });
  const build = (c: Campaign, answers: Record<string, unknown>[]) =>
    assembleSnapshot(c, 'Xã A', [], '2026-11-26T00:00:00.000Z', (c.kind === 'consultation' ? consultation : satisfaction).build({
      campaign: c, ballots: answers.map((a, i) => ({ id: `b${i}`, answers: a })), themes: [], assignments: [],
    }).results);
  const page = (s: ResultsSnapshot) =>
    ResultsContent({ lang: 'vi', snapshot: s, publication: null, versions: [], pageUrl: 'https://x/r/c1', postingUntil: null, postingDays: 30, preview: false }).toString();

  it('a consultation without `form` still shows and exports its choice questions from `consultation.questions`', () => {
    const now = build(answered('consultation', 'consultation'), [{ s1_opinion: 'agree' }, { s1_opinion: 'disagree', s1_comment: 'Chưa hợp lý' }]);
    expect(now.form?.questions.map((q) => q.name)).toContain('s1_comment');
    const { form: _dropped, ...before } = now;
    void _dropped;
    const html = page(before);
    expect(html).toContain('data-chart="chart-c0"');
    expect(html).toContain('Không đồng ý');
    expect(html).not.toContain('Chưa hợp lý');
    const csv = consultation.csv(before);
    expect(csv.find((r) => r[4] === 's1_opinion=disagree')).toEqual([null, 'Ý kiến của ông/bà về nội dung này', null, 'Không đồng ý', 's1_opinion=disagree', 2, 1, 50, null, null, null, null]);
  });

  it('a SIPAS snapshot without titles names criteria and elements by their codes', () => {
    const now = build(answered('satisfaction', 'sipas'), [{ a1: 5 }, { a1: 2 }]);
    const sipas = now.satisfaction!.sipas!;
    expect(sipas.criteria[0]!.title?.vi).toBe('Nơi ngồi chờ có đủ chỗ ngồi');
    expect(sipas.elements[0]!.title?.vi).toBe('Yếu tố 1. Tiếp cận dịch vụ');
    const before: ResultsSnapshot = {
      ...now,
      satisfaction: { ...now.satisfaction!, sipas: { ...sipas, criteria: sipas.criteria.map(({ title: _t, ...c }) => c), elements: sipas.elements.map(({ title: _t, ...e }) => e) } },
    };
    delete before.form;
    const html = page(before);
    expect(html).toContain('A · a1');
    expect(html).not.toContain('Kết quả từng câu hỏi');
    expect(satisfaction.csv(before)[1]!.slice(0, 5)).toEqual(['SIPAS', 'A', 'a1', 'Hài lòng (mức 4–5)', 'A.a1']);
  });
});
