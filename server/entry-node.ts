import { serve } from '@hono/node-server';
import { loadConfig } from './config';
import { createNodeRuntime } from './runtime/node';
import { bootstrap } from './services/bootstrap';
import { createApp } from './app';
import { loadPrintFonts } from './runtime/fonts-node';
import { qrOriginWarning } from './domain/public-url';

const config = loadConfig(process.env);
const runtime = createNodeRuntime({ dbPath: config.dbPath, blobDir: config.blobDir || undefined, synchronous: config.synchronous, writerThread: config.writerThread });
const { deps, notices } = await bootstrap(runtime, config);
const app = createApp({ ...deps, fonts: loadPrintFonts });

const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Dân Bàn: http://localhost:${info.port}  (database ${config.dbPath})`);
  for (const line of notices) console.log(line);
  // Said last, where it is seen: printing before fixing it wastes a village's ballots.
  const qr = qrOriginWarning(config.publicUrl, `http://localhost:${info.port}`);
  if (qr) console.log(`\nCẢNH BÁO / WARNING: ${qr.message.vi}\n  ${qr.message.en}`);
});

async function shutdown() {
  server.close();
  await runtime.database.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
