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

/** What ballots cast under kills came to: each acknowledged serial's decision and receipt. */
export interface CastUnderKills {
  acknowledged: Map<string, { decision: string; receipt: string }>;
  /** requests cut by a kill (outcome unknown, retried with the same Idempotency-Key) */
  cut: number;
  /** retries answered from the stored ballot */
  replays: number;
  kills: number;
}

/**
 * Casts one ballot per serial (every third 'reject', the rest 'approve') from
 * `concurrency` clients at full speed while the server is killed with SIGKILL
 * and restarted `kills` times, a pause of `pauseMs` (plus up to as much again
 * at random) apart; a request cut by a kill is retried with the same key until
 * it is answered. Leaves the server killed.
 */
export async function castUnderKills(
  server: ServerProcess, serials: readonly string[], opts: { concurrency: number; kills: number; pauseMs: number },
): Promise<CastUnderKills> {
  const out: CastUnderKills = { acknowledged: new Map(), cut: 0, replays: 0, kills: 0 };
  let next = 0;
  let loadDone = false;
  async function submit(serial: string, decision: string): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const r = await postBallot(server.base, serial, decision);
      if (r?.status === 201) {
        if (r.body.replay) out.replays++;
        out.acknowledged.set(serial, { decision, receipt: r.body.receipt });
        return;
      }
      if (r) throw new Error(`unexpected ${r.status} ${JSON.stringify(r.body)}`);
      out.cut++; // killed mid-request: the outcome is unknown, so retry with the same key
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error(`gave up on ${serial}`);
  }
  const clients = Array.from({ length: opts.concurrency }, async () => {
    while (next < serials.length) {
      const i = next++;
      await submit(serials[i]!, i % 3 === 0 ? 'reject' : 'approve');
    }
  });
  const killer = (async () => {
    while (out.kills < opts.kills && !loadDone) {
      await new Promise((r) => setTimeout(r, opts.pauseMs + Math.random() * opts.pauseMs));
      if (loadDone) break;
      await server.kill();
      out.kills++;
      await server.start();
    }
  })();
  await Promise.all(clients);
  loadDone = true;
  await killer;
  await server.kill();
  return out;
}
