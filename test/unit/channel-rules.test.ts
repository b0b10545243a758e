import { describe, expect, it } from 'vitest';
import {
  CATEGORIES, ballotBinds, campaignChannels, channelPolicy, onlineAdvisoryApart, type CampaignKind, type Category, type Channel,
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
