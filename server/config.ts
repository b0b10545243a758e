import { z } from 'zod';

// Settings are read once here and passed in; nothing else reads the environment.
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DANBAN_DB: z.string().min(1).default('./data/danban.sqlite'),
  DANBAN_BLOBS: z.string().min(1).optional(),
  DANBAN_COMMUNE: z.string().min(1).optional(),
  DANBAN_ADMIN_PASSWORD: z.string().min(8, 'DANBAN_ADMIN_PASSWORD must have at least 8 characters').optional(),
  DANBAN_DEMO: z.enum(['0', '1']).default('0'),
  DANBAN_SECRET: z.string().min(32, 'DANBAN_SECRET must have at least 32 characters').optional(),
  DANBAN_KEY_FILE: z.string().min(1).optional(),
  DANBAN_MIX_BATCH: z.coerce.number().int().min(2, 'DANBAN_MIX_BATCH must be at least 2').max(100_000).default(20),
  DANBAN_PUBLIC_URL: z.string().url().optional(),
  DANBAN_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  DANBAN_FIXTURES: z.string().optional(),
  DANBAN_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  DANBAN_WRITER_THREAD: z.enum(['0', '1']).default('1'),
});

export interface Config {
  port: number;
  dbPath: string;
  blobDir: string;
  communeName: string;
  adminPassword?: string;
  demo: boolean;
  /** DANBAN_SECRET; without it Node keeps the secret in `keyFile` (Workers require it) */
  secret?: string;
  /** the server secret's file beside the database (Node), never inside it; '' for an in-memory database */
  keyFile: string;
  /** K: secret ballots are re-sealed together once K are waiting (docs/threat-model.md) */
  mixBatch: number;
  /** Used in printed QR codes; requests fall back to their own origin. */
  publicUrl?: string;
  synchronous: 'FULL' | 'NORMAL';
  fixturesDir: string;
  /** SQLite writes on a thread of their own (Node, file database) */
  writerThread: boolean;
  /** behind a reverse proxy that sets X-Forwarded-For (nginx, Caddy): rate limits count its client */
  trustProxy: boolean;
  /** Session cookies get Secure when the public URL is https. */
  secureCookies: boolean;
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const demo = e.DANBAN_DEMO === '1';
  return {
    port: e.PORT,
    dbPath: e.DANBAN_DB,
    blobDir: e.DANBAN_BLOBS ?? (e.DANBAN_DB === ':memory:' ? '' : e.DANBAN_DB.replace(/[^/\\]*$/, '') + 'blobs'),
    communeName: e.DANBAN_COMMUNE ?? (demo ? 'Xã Việt Khê (demo)' : 'Xã Việt Khê'),
    adminPassword: e.DANBAN_ADMIN_PASSWORD,
    demo,
    secret: e.DANBAN_SECRET,
    keyFile: e.DANBAN_KEY_FILE ?? (e.DANBAN_DB === ':memory:' ? '' : e.DANBAN_DB.replace(/[^/\\]*$/, '') + 'danban.key'),
    mixBatch: e.DANBAN_MIX_BATCH,
    publicUrl: e.DANBAN_PUBLIC_URL?.replace(/\/$/, ''),
    synchronous: e.DANBAN_SYNCHRONOUS,
    fixturesDir: e.DANBAN_FIXTURES ?? './test/fixtures',
    secureCookies: (e.DANBAN_PUBLIC_URL ?? '').startsWith('https:'),
    trustProxy: e.DANBAN_TRUST_PROXY === '1',
    writerThread: e.DANBAN_WRITER_THREAD === '1',
  };
}
