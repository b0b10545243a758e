// The two workerd modules the worker tests use, typed to what they use here
// (the full @cloudflare/workers-types would replace the DOM typings project-wide).
declare module 'cloudflare:test' {
  export interface D1Migration {
    name: string;
    queries: string[];
  }
  export function applyD1Migrations(db: unknown, migrations: D1Migration[], migrationsTableName?: string): Promise<void>;
}

declare module 'cloudflare:workers' {
  export const env: Record<string, unknown> & { DB: unknown; TEST_MIGRATIONS: import('cloudflare:test').D1Migration[] };
  export const exports: { default: { fetch(input: string | Request, init?: RequestInit): Promise<Response> } };
}
