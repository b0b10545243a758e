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
