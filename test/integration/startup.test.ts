import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';

/** Starts the Node server and returns what it printed once it is listening (then stops it). */
async function startupOutput(env: Record<string, string>): Promise<string> {
  const port = 41000 + Math.floor(Math.random() * 2000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/entry-node.ts'], {
    env: { ...process.env, DANBAN_DB: ':memory:', DANBAN_DEMO: '0', DANBAN_WRITER_THREAD: '0', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString('utf8')));
  try {
    const until = Date.now() + 30_000;
    while (Date.now() < until && !out.includes('Dân Bàn: http://localhost')) await new Promise((r) => setTimeout(r, 50));
    // the lines after the listening line are written in the same tick
    await new Promise((r) => setTimeout(r, 300));
    return out;
  } finally {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

describe('the Node server’s start-up output', () => {
  it('warns, in Vietnamese and English, that QR codes would hold http://localhost when DANBAN_PUBLIC_URL is unset', async () => {
    const out = await startupOutput({});
    expect(out).toContain('Dân Bàn: http://localhost');
    expect(out).toMatch(/CẢNH BÁO \/ WARNING: Chưa đặt DANBAN_PUBLIC_URL: mã QR trên phiếu và áp phích sẽ in địa chỉ http:\/\/localhost:\d+/);
    expect(out).toContain('DANBAN_PUBLIC_URL is not set');
  });

  it('says nothing of it when DANBAN_PUBLIC_URL is the commune’s public address', async () => {
    const out = await startupOutput({ DANBAN_PUBLIC_URL: 'https://danban.vietkhe.gov.vn' });
    expect(out).toContain('Dân Bàn: http://localhost');
    expect(out).not.toContain('DANBAN_PUBLIC_URL');
  });
});
