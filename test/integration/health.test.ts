import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestEnv } from '../support/app';

let t: TestEnv;
afterEach(() => t?.close());

describe('health and errors', () => {
  it('answers GET /healthz with ok once migrated', async () => {
    t = await makeTestApp();
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('answers an unknown API route with the JSON error shape in Vietnamese', async () => {
    t = await makeTestApp();
    const res = await t.app.request('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message).toBe('Không tìm thấy.');
    expect(body.error.requestId).toMatch(/^[0-9A-Z]{12}$/);
  });

  it('sends a strict Content-Security-Policy and no referrer on every response', async () => {
    t = await makeTestApp();
    const res = await t.app.request('/healthz');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('request body limits', () => {
  it('refuses a form body declared larger than 26 MiB with 413, before reading it', async () => {
    t = await makeTestApp();
    const res = await t.app.request('/b', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(50 * 1024 * 1024) }, body: 'serial=x',
    });
    expect(res.status).toBe(413);
  });

  it('refuses a streamed body without a length once it passes the limit', async () => {
    t = await makeTestApp();
    const chunk = new Uint8Array(1024 * 1024).fill(97);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await t.app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
