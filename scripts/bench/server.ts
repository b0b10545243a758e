// A server for benchmarks, started as its own process: `app` is Dân Bàn
// itself; `floor` is a bare Hono route inserting one row into the same kind
// of SQLite file with the same durability settings (the machine's floor).
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadConfig } from '../../server/config';
import { createNodeRuntime } from '../../server/runtime/node';
import { bootstrap } from '../../server/services/bootstrap';
import { createApp } from '../../server/app';
import { openNodeDatabase } from '../../server/runtime/sqlite-node';
import { sql } from 'kysely';

const mode = process.argv[2] ?? 'app';
const port = Number(process.env.PORT ?? 3900);

if (mode === 'floor') {
  const { db, atomic, raw } = openNodeDatabase(process.env.DANBAN_DB!, { synchronous: (process.env.DANBAN_SYNCHRONOUS as 'FULL') ?? 'FULL' });
  raw.exec('create table if not exists floor (id integer primary key, serial text not null, body text not null)');
  const app = new Hono().post('/api/v1/ballots/:serial', async (c) => {
    const body = await c.req.text();
    await atomic([{ compile: () => sql`insert into floor (serial, body) values (${c.req.param('serial')}, ${body})`.compile(db) }]);
    return c.json({ receipt: 'x' }, 201);
  });
  serve({ fetch: app.fetch, port }, () => console.log('ready'));
} else {
  const config = loadConfig({ ...process.env, DANBAN_DEMO: '0' });
  const runtime = createNodeRuntime({ dbPath: config.dbPath, synchronous: config.synchronous, writerThread: config.writerThread, keyFile: config.keyFile });
  if (process.env.NOCKPT) runtime.database.raw.pragma('wal_autocheckpoint = 0');
  const { deps } = await bootstrap(runtime, config);
  serve({ fetch: createApp(deps).fetch, port }, () => console.log('ready'));
}

// an orderly exit on SIGINT lets --cpu-prof write its profile
import { monitorEventLoopDelay } from 'node:perf_hooks';
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
process.on('SIGINT', () => {
  if (process.env.TRACE_LOOP) console.error(`event loop delay ms: p50 ${(loop.percentile(50) / 1e6).toFixed(1)} p99 ${(loop.percentile(99) / 1e6).toFixed(1)} max ${(loop.max / 1e6).toFixed(1)}`);
  process.exit(0);
});
