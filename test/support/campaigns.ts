import { api, type TestEnv } from './app';

export const DECISION_ANSWERS = { decision: 'approve' };

/** Creates a campaign through the API and returns its id; fails the test on anything but 201. */
export async function createCampaign(t: TestEnv, cookie: string, body: Record<string, unknown>): Promise<{ id: string; slug: string }> {
  const r = await api(t, 'POST', '/api/v1/campaigns', { cookie, body });
  if (r.status !== 201) throw new Error(`create campaign: ${r.status} ${r.text}`);
  return r.json;
}

export async function openCampaign(t: TestEnv, cookie: string, id: string) {
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
