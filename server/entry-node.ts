import { serve } from '@hono/node-server';
import { loadConfig } from './config';
import { createNodeRuntime } from './runtime/node';
import { bootstrap } from './services/bootstrap';
import { createApp } from './app';
import { loadPrintFonts } from './runtime/fonts-node';

const config = loadConfig(process.env);
const runtime = createNodeRuntime({
  dbPath: config.dbPath, blobDir: config.blobDir || undefined, synchronous: config.synchronous, writerThread: config.writerThread, keyFile: config.keyFile,
});
const { deps, notices } = await bootstrap(runtime, config);
const app = createApp({ ...deps, fonts: loadPrintFonts });

const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Dân Bàn: http://localhost:${info.port}  (database ${config.dbPath})`);
  for (const line of notices) console.log(line);
});

async function shutdown() {
  server.close();
  await runtime.database.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
