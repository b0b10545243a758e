import { api, type TestEnv } from './app';

export const DECISION_ANSWERS = { decision: 'approve' };

/** Creates a campaign through the API and returns its id; fails the test on anything but 201. */
export async function createCampaign(t: TestEnv, cookie: string, body: Record<string, unknown>): Promise<{ id: string; slug: string }> {
  const r = await api(t, 'POST', '/api/v1/campaigns', { cookie, body });
  if (r.status !== 201) throw new Error(`create campaign: ${r.status} ${r.text}`);
  return r.json;
}

/**
 * The Ban công tác Mặt trận attests every candidate of an election on every
 * condition of its board (Đ37, Đ42): what an election needs before it opens.
 * Nothing for a campaign that is not an election.
 */
export async function attestCandidates(t: TestEnv, cookie: string, id: string) {
  const prep = await api(t, 'GET', `/api/v1/campaigns/${id}/election`, { cookie });
  if (prep.status !== 200) return;
  const conditions = (prep.json.conditions as { code: string }[]).map((c) => c.code);
  for (const k of prep.json.candidates as { id: string; attested: boolean }[]) {
    if (k.attested) continue;
    const r = await api(t, 'POST', `/api/v1/campaigns/${id}/candidates/${encodeURIComponent(k.id)}/attestations`, {
      cookie, body: { conditions, attestedBy: 'Lê Thị Hoa, Trưởng ban công tác Mặt trận', attestedOn: '2026-11-20' },
    });
    if (r.status !== 201) throw new Error(`attest: ${r.status} ${r.text}`);
  }
}

/** Opens a campaign (an election's candidates attested first); fails the test on anything but 200. */
export async function openCampaign(t: TestEnv, cookie: string, id: string) {
  await attestCandidates(t, cookie, id);
  const r = await api(t, 'POST', `/api/v1/campaigns/${id}/open`, { cookie });
  if (r.status !== 200) throw new Error(`open: ${r.status} ${r.text}`);
}

/** Issues serials and returns them (householdCode → serial). */
export async function issueSerials(t: TestEnv, cookie: string, id: string, villageId?: string): Promise<{ householdCode: string; serial: string; villageId: string }[]> {
  const r = await api(t, 'POST', `/api/v1/campaigns/${id}/serials`, { cookie });
  if (r.status !== 200) throw new Error(`serials: ${r.status} ${r.text}`);
  const list = await api(t, 'GET', `/api/v1/campaigns/${id}/serials${villageId ? `?villageId=${villageId}` : ''}`, { cookie });
  return list.json;
}

export function vote(t: TestEnv, serial: string, answers: unknown, headers: Record<string, string> = {}) {
  return api(t, 'POST', `/api/v1/ballots/${serial}`, { body: { answers }, headers });
}

/**
 * A meeting record's procedural votes, each approved by everyone present
 * (Đ18 k4; NĐ 59 Đ3 k5): without them a meeting sheet is incomplete and its
 * vote decides nothing.
 */
export const proceduralVotes = (present: number) => ({
  secretary: { name: 'Trần Thị Thư', votesFor: present }, method: { votesFor: present }, board: { votesFor: present },
});

/** A sheet body with the meeting's procedural votes added when it is a meeting sheet that does not state them. */
export function lawfulMeeting(body: Record<string, unknown>): Record<string, unknown> {
  return body.channel === 'meeting' && typeof body.present === 'number' && !('procedural' in body) ? { ...body, procedural: proceduralVotes(body.present) } : body;
}
