// A real Dân Bàn server process for fault and load tests (loopback only).
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  base: string;
  start(): Promise<void>;
  /** SIGKILL, as a crash would; resolves once the process is gone. */
  kill(): Promise<void>;
  running(): boolean;
}

export function serverProcess(env: Record<string, string>, port: number): ServerProcess {
  const base = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const running = () => !!child && child.exitCode === null && child.signalCode === null;
  return {
    base,
    running,
    async start() {
      child = spawn(process.execPath, ['--import', 'tsx', 'server/entry-node.ts'], {
        env: { ...process.env, DANBAN_DEMO: '0', PORT: String(port), ...env },
        stdio: 'ignore',
      });
      const until = Date.now() + 30_000;
      while (Date.now() < until) {
        try {
          if ((await fetch(`${base}/healthz`)).ok) return;
        } catch { /* not up yet */ }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('server did not start');
    },
    kill() {
      const c = child;
      if (!c || !running()) return Promise.resolve();
      return new Promise((resolve) => {
        c.once('exit', () => resolve());
        c.kill('SIGKILL');
      });
    },
  };
}

/** Posts one ballot with an Idempotency-Key; undefined when the connection was cut. */
export async function postBallot(base: string, serial: string, decision: string): Promise<{ status: number; body: any } | undefined> {
  try {
    const res = await fetch(`${base}/api/v1/ballots/${serial}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `load-${serial}` },
      body: JSON.stringify({ answers: { decision } }),
    });
    return { status: res.status, body: await res.json() };
  } catch {
    return undefined;
  }
}
