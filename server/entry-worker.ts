// Cloudflare Workers entry: D1 for the database, R2 for tally-sheet photos,
// fonts bundled as data. Everything else is the same app as on Node.
import regularFont from '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf';
import boldFont from '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf';
import { loadConfig } from './config';
import { createD1Runtime, type WorkerBindings } from './runtime/d1';
import { bootstrap } from './services/bootstrap';
import { createApp, type App } from './app';
import type { PrintFonts } from './print/pdf-output';
import type { AppDeps } from './services/deps';
import { runFeedbackRetention } from './services/feedback-retention';

export interface WorkerEnv extends WorkerBindings {
  /**
   * Worker secret (`wrangler secret put DANBAN_SECRET`), required: the key that
   * seals secret ballots must not live in D1 (docs/threat-model.md).
   */
  DANBAN_SECRET?: string;
  [setting: string]: unknown;
}

const fonts: PrintFonts = { regular: new Uint8Array(regularFont), bold: new Uint8Array(boldFont) };

/** Settings come from [vars] and secrets, read once per isolate through the same loadConfig as Node. */
function settingsOf(env: WorkerEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (typeof v === 'string') out[k] = v;
  // D1 is the database; the Node-only file settings do not apply.
  out.DANBAN_DB = ':memory:';
  return out;
}

/** What runs after a response: the background work the request started (the ballot mixer's). */
interface ExecutionContext {
  waitUntil(work: Promise<unknown>): void;
}

let ready: Promise<{ app: App; deps: AppDeps }> | null = null;

/**
 * Builds the app once per isolate, on its first request (bindings exist only
 * then). Bootstrap is safe to run in many isolates at once: the first
 * commune is inserted under a unique constraint, and a bootstrap that lost
 * such a race is simply run again. The secret comes from DANBAN_SECRET only.
 */
function appFor(env: WorkerEnv): Promise<{ app: App; deps: AppDeps }> {
  ready ??= (async () => {
    const config = loadConfig(settingsOf(env));
    const runtime = createD1Runtime(env);
    let result;
    try {
      result = await bootstrap(runtime, config);
    } catch {
      result = await bootstrap(runtime, config);
    }
    const deps = { ...result.deps, fonts: () => fonts };
    return { app: createApp(deps), deps };
  })().catch((err: unknown) => {
    ready = null;
    throw err;
  });
  return ready;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx?: ExecutionContext): Promise<Response> {
    const { app, deps } = await appFor(env);
    const response = await app.fetch(request);
    // mixing sealed ballots runs after the answer; the isolate stays until it is done
    const work = deps.mixer.takeWork();
    if (work && ctx) ctx.waitUntil(work);
    return response;
  },
  /**
   * The daily cron of wrangler.toml: the feedback retention job
   * (docs/personal-data.md), and a sweep of the ballot mixer that finishes any
   * move a request's waitUntil did not (docs/threat-model.md).
   */
  async scheduled(_controller: unknown, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    const { deps } = await appFor(env);
    ctx.waitUntil(Promise.all([runFeedbackRetention(deps), deps.mixer.sweep()]));
  },
};
