import { describe, expect, it } from 'vitest';
import {
  CATEGORIES, ballotBinds, boardOf, campaignChannels, channelPolicy, channelRoles, communeScopeAllowed, onlineAdvisoryApart, onlineBallotBinds,
  type CampaignKind, type Category, type Channel,
} from '../../server/domain/legal-rules';

// Which channels a campaign may use and whether a ballot of a channel counts
// in its result, from Đ17 k1–k2 Luật 10/2022/QH15 and Đ5 NĐ 59/2023: online
// voting decides only k6; k3–k5 and elections are decided at a meeting with
// the household ballot as fallback; consultations and surveys decide nothing,
// so everything they collect is their (advisory) result.
const cases: [CampaignKind, Category | null, Channel[], Record<Channel, boolean>][] = [
  ['decision', 'k1', ['meeting', 'paper'], { meeting: true, paper: true, online: false }],
  ['decision', 'k2', ['meeting', 'paper'], { meeting: true, paper: true, online: false }],
  ['decision', 'k3', ['meeting', 'paper'], { meeting: true, paper: true, online: false }],
  ['decision', 'k4', ['meeting', 'paper'], { meeting: true, paper: true, online: false }],
  ['decision', 'k5', ['meeting', 'paper'], { meeting: true, paper: true, online: false }],
  ['decision', 'k6', ['meeting', 'paper', 'online'], { meeting: true, paper: true, online: true }],
  ['election', 'k5', ['meeting', 'paper'], { meeting: true, paper: true, online: false }],
  ['consultation', null, ['online', 'paper', 'meeting'], { meeting: true, paper: true, online: true }],
  ['satisfaction', null, ['online', 'paper'], { meeting: false, paper: true, online: true }],
];

describe('channel rules (Đ17 Luật 10/2022/QH15, Đ5 NĐ 59/2023)', () => {
  it.each(cases)('%s %s takes %j', (kind, category, channels, binds) => {
    expect(new Set(campaignChannels(kind, category))).toEqual(new Set(channels));
    for (const ch of ['online', 'paper', 'meeting'] as const) expect(ballotBinds(kind, category, ch)).toBe(binds[ch]);
  });

  it('sets online answers apart as advice only for k1–k5 decisions', () => {
    for (const c of CATEGORIES) expect(onlineAdvisoryApart('decision', c)).toBe(c !== 'k6');
    for (const kind of ['election', 'consultation', 'satisfaction'] as const) expect(onlineAdvisoryApart(kind, null)).toBe(false);
    expect(onlineAdvisoryApart('decision', null)).toBe(false);
  });

  it('says why a refused channel is refused wherever one can be', () => {
    for (const [kind, category, channels] of cases) {
      const refusal = channelPolicy(kind, category).value.refusal;
      if (channels.length < 3) expect(refusal?.vi.length).toBeGreaterThan(0);
    }
  });

  it('refuses to guess the channels of a decision without its category', () => {
    expect(() => campaignChannels('decision', null)).toThrow(RangeError);
  });
});

describe('what each channel may do in one village (Đ17 k1–k2, Đ19 k1 Luật 10/2022/QH15; Đ5 NĐ 59/2023)', () => {
  const roles = (kind: CampaignKind, category: Category | null, onlineAgreement = false, scope: 'village' | 'commune' = 'village') =>
    channelRoles(kind, category, { scope, onlineAgreement });
  it.each([
    ['decision', 'k1', false, { meeting: 'binding', paper: 'binding', online: 'advisory' }],
    ['decision', 'k3', false, { meeting: 'binding', paper: 'after_failed_meeting', online: 'advisory' }],
    ['decision', 'k4', false, { meeting: 'binding', paper: 'after_failed_meeting', online: 'advisory' }],
    ['decision', 'k5', false, { meeting: 'binding', paper: 'after_failed_meeting', online: 'advisory' }],
    ['decision', 'k6', false, { meeting: 'binding', paper: 'binding', online: 'advisory' }],
    ['decision', 'k6', true, { meeting: 'binding', paper: 'binding', online: 'binding' }],
    ['election', 'k5', true, { meeting: 'binding', paper: 'after_failed_meeting', online: 'none' }],
  ] as [CampaignKind, Category, boolean, Record<Channel, string>][])('%s %s, agreement %s → %j', (kind, category, agreed, expected) => {
    expect(roles(kind, category, agreed)).toEqual(expected);
  });

  it('an online ballot binds only for k6 where the village agreed; a consultation’s answers count in its own result', () => {
    expect(onlineBallotBinds('decision', 'k6', true)).toBe(true);
    expect(onlineBallotBinds('decision', 'k6', false)).toBe(false);
    for (const c of ['k1', 'k2', 'k3', 'k4', 'k5'] as Category[]) expect(onlineBallotBinds('decision', c, true)).toBe(false);
    expect(onlineBallotBinds('consultation', null, false)).toBe(true);
  });

  it('commune scope only for k1, k2, consultations and surveys (Đ19 k1 a, Đ21 k1)', () => {
    expect(CATEGORIES.filter((c) => communeScopeAllowed('decision', c))).toEqual(['k1', 'k2']);
    expect(communeScopeAllowed('election', 'k5')).toBe(false);
    expect(communeScopeAllowed('consultation', null)).toBe(true);
    expect(communeScopeAllowed('satisfaction', null)).toBe(true);
  });

  it('an election fills its board: k4 the village head, k5 the inspection board unless named', () => {
    expect(boardOf('k4', undefined)).toBe('village_head');
    expect(boardOf('k5', undefined)).toBe('inspection');
    expect(boardOf('k5', 'investment_supervision')).toBe('investment_supervision');
  });
});
