import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';

// The few parts of the D1 binding this code uses, typed here so the rest of
// the project keeps its DOM/Node typings (workers-types redefines fetch & co).
export interface D1Result<T = Record<string, unknown>> {
  results: T[];
  success: boolean;
  meta: { changes?: number; last_row_id?: number; duration?: number };
}
export interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  all<T = Record<string, unknown>>(): Promise<D1Result<T>>;
  run<T = Record<string, unknown>>(): Promise<D1Result<T>>;
}
export interface D1Database {
  prepare(query: string): D1PreparedStatement;
  batch<T = Record<string, unknown>>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]>;
  exec(query: string): Promise<unknown>;
}

/** D1 binds numbers, strings, null and bytes; the app's booleans and dates are stored as SQLite would on Node. */
export function d1Bindable(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString();
  if (v === undefined) return null;
  return v;
}

export function prepareOn(d1: D1Database, q: { sql: string; parameters: readonly unknown[] }): D1PreparedStatement {
  const stmt = d1.prepare(q.sql);
  return q.parameters.length ? stmt.bind(...q.parameters.map(d1Bindable)) : stmt;
}

class D1Connection implements DatabaseConnection {
  constructor(private readonly d1: D1Database) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const res = await prepareOn(this.d1, compiled).all<R>();
    const changes = res.meta.changes;
    return {
      rows: res.results ?? [],
      numAffectedRows: changes !== undefined && changes > 0 ? BigInt(changes) : undefined,
      insertId: res.meta.last_row_id !== undefined && res.meta.last_row_id > 0 ? BigInt(res.meta.last_row_id) : undefined,
    };
  }

  // eslint-disable-next-line require-yield -- the driver interface asks for a generator; D1 has nothing to stream
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('D1 does not stream query results');
  }
}

/**
 * Kysely over the D1 binding. D1 has no interactive transactions, so
 * beginTransaction refuses: every multi-statement write goes through the
 * runtime's atomic() (one D1 batch), never db.transaction().
 */
class D1Driver implements Driver {
  private readonly connection: D1Connection;
  constructor(d1: D1Database) {
    this.connection = new D1Connection(d1);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('D1 has no interactive transactions: use atomic([...]) (a D1 batch)');
  }
  async commitTransaction(): Promise<void> {
    throw new Error('D1 has no interactive transactions');
  }
  async rollbackTransaction(): Promise<void> {
    throw new Error('D1 has no interactive transactions');
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

export class D1Dialect implements Dialect {
  constructor(private readonly d1: D1Database) {}
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return new D1Driver(this.d1);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
