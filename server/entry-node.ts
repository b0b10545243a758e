import { serve } from '@hono/node-server';
import { loadConfig } from './config';
import { createNodeRuntime } from './runtime/node';
import { bootstrap } from './services/bootstrap';
import { createApp } from './app';
import { loadPrintFonts } from './runtime/fonts-node';
import { runFeedbackRetention } from './services/feedback-retention';

const config = loadConfig(process.env);
const runtime = createNodeRuntime({ dbPath: config.dbPath, blobDir: config.blobDir || undefined, synchronous: config.synchronous, writerThread: config.writerThread });
const { deps, notices } = await bootstrap(runtime, config);
const app = createApp({ ...deps, fonts: loadPrintFonts });

const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Dân Bàn: http://localhost:${info.port}  (database ${config.dbPath})`);
  for (const line of notices) console.log(line);
});

// The feedback retention job (docs/personal-data.md): once at start, then every day.
const DAY_MS = 24 * 3600 * 1000;
const retention = () => runFeedbackRetention(deps).catch((err: unknown) => console.error('feedback retention:', err));
void retention();
const retentionTimer = setInterval(() => void retention(), DAY_MS);
retentionTimer.unref();

async function shutdown() {
  clearInterval(retentionTimer);
  server.close();
  await runtime.database.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
