import { serve } from '@hono/node-server';
import { loadConfig } from './config';
import { createNodeRuntime } from './runtime/node';
import { bootstrap } from './services/bootstrap';
import { createApp } from './app';
import { loadPrintFonts } from './runtime/fonts-node';
import { runFeedbackRetention } from './services/feedback-retention';

/** How often sealed secret ballots are swept (mixed once K wait, moved once final) and the WAL emptied. */
const SWEEP_MS = 60_000;
import { qrOriginWarning } from './domain/public-url';

const config = loadConfig(process.env);
const runtime = createNodeRuntime({
  dbPath: config.dbPath, blobDir: config.blobDir || undefined, synchronous: config.synchronous, writerThread: config.writerThread, keyFile: config.keyFile,
});
const { deps, notices } = await bootstrap(runtime, config);
// before serving: finish what a crash left (a closed campaign's ballots still sealed), empty the WAL
await deps.mixer.sweep();
const sweeper = setInterval(() => void deps.mixer.sweep(), SWEEP_MS);
sweeper.unref();
const app = createApp({ ...deps, fonts: loadPrintFonts });

const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Dân Bàn: http://localhost:${info.port}  (database ${config.dbPath})`);
  for (const line of notices) console.log(line);
  // Said last, where it is seen: printing before fixing it wastes a village's ballots.
  const qr = qrOriginWarning(config.publicUrl, `http://localhost:${info.port}`);
  if (qr) console.log(`\nCẢNH BÁO / WARNING: ${qr.message.vi}\n  ${qr.message.en}`);
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
  clearInterval(sweeper);
  await deps.mixer.idle();
  await runtime.database.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
