import { Worker } from 'node:worker_threads';
import {
  CompiledQuery, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler,
  type DatabaseConnection, type DatabaseIntrospector, type Dialect, type DialectAdapter, type Driver,
  type Kysely, type QueryCompiler, type QueryResult,
} from 'kysely';

/**
 * Kysely over a SQLite file that lives on its own thread (sqliteWorker.mjs). Queries are the
 * same SQL the built-in SQLite dialect sends; what changes is that the server's thread never
 * waits for the disk. One connection, as SQLite has: a transaction holds it until it ends.
 */
export interface WorkerSqliteOptions {
  file: string;
  busyTimeoutMs: number;
  /** Called with each thread started (tests end one to check the store comes back). */
  onThread?: (worker: Worker) => void;
}

export function workerSqliteDialect(options: WorkerSqliteOptions): Dialect {
  return {
    createAdapter: (): DialectAdapter => new SqliteAdapter(),
    createDriver: (): Driver => new WorkerSqliteDriver(options),
    createIntrospector: (db: Kysely<unknown>): DatabaseIntrospector => new SqliteIntrospector(db),
    createQueryCompiler: (): QueryCompiler => new SqliteQueryCompiler(),
  };
}

interface Answer { id: number; rows?: unknown[]; changes?: number; lastInsertRowid?: number | bigint; error?: { message: string; code?: string }; closed?: boolean }

/** An error from the SQLite thread, with better-sqlite3's code (SQLITE_BUSY, SQLITE_CONSTRAINT_UNIQUE...). */
export class SqliteError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
    this.name = 'SqliteError';
  }
}

class WorkerSqliteDriver implements Driver {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private readonly pending = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private readonly connection = new WorkerConnection((sql, parameters) => this.ask({ sql, parameters }));
  private held: Promise<void> | undefined;
  private release: (() => void) | undefined;
  private closed = false;

  constructor(private readonly options: WorkerSqliteOptions) {}

  init(): Promise<void> {
    this.ready ??= new Promise<void>((resolve, reject) => {
      const { file, busyTimeoutMs } = this.options;
      const worker = new Worker(new URL('./sqliteWorker.mjs', import.meta.url), { workerData: { file, busyTimeoutMs } });
      this.worker = worker;
      this.options.onThread?.(worker);
      worker.once('message', (m: { ready: boolean; error?: { message: string; code?: string } }) => {
        if (!m.ready) {
          reject(new SqliteError(`The SQLite file ${this.options.file} could not be opened: ${m.error?.message ?? 'unknown error'}`, m.error?.code));
          return;
        }
        worker.on('message', (a: Answer) => {
          const waiting = this.pending.get(a.id);
          this.pending.delete(a.id);
          if (!waiting) return;
          if (a.error) waiting.reject(new SqliteError(a.error.message, a.error.code));
          else waiting.resolve(a);
        });
        resolve();
      });
      // The thread ending (a native fault, or close()) fails whatever still waits, never hangs it.
      // The thread ending (a native fault, or close()) fails whatever still waits, never hangs it;
      // unless the store is being closed, the next query starts a new thread on the same file
      // (every acknowledged write is committed in the file, so nothing is lost).
      worker.once('exit', (code) => {
        const gone = new SqliteError(`The SQLite thread ended (code ${code}).`, 'SQLITE_THREAD_ENDED');
        for (const waiting of this.pending.values()) waiting.reject(gone);
        this.pending.clear();
        if (this.worker === worker) {
          this.worker = undefined;
          this.ready = undefined;
        }
        reject(gone);
      });
      worker.once('error', (err) => reject(err));
    });
    return this.ready;
  }

  private async ask(message: { sql: string; parameters: readonly unknown[] } | { close: true }): Promise<Answer> {
    if (!this.worker && !('close' in message)) {
      if (this.closed) throw new SqliteError('The SQLite file is closed.', 'SQLITE_THREAD_ENDED');
      await this.init();
    }
    const worker = this.worker;
    if (!worker) throw new SqliteError('The SQLite file is not open.', 'SQLITE_THREAD_ENDED');
    const id = this.nextId++;
    return new Promise<Answer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    // One connection: whoever holds it (a transaction) keeps everyone else waiting in turn.
    while (this.held) await this.held;
    this.held = new Promise<void>((resolve) => { this.release = resolve; });
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.held = undefined;
    this.release = undefined;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    await this.ask({ close: true }).catch(() => undefined);
    await worker.terminate();
    this.worker = undefined;
  }
}

class WorkerConnection implements DatabaseConnection {
  constructor(private readonly run: (sql: string, parameters: readonly unknown[]) => Promise<Answer>) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const answer = await this.run(compiled.sql, compiled.parameters);
    if (answer.rows) return { rows: answer.rows as R[] };
    return {
      numAffectedRows: answer.changes !== undefined ? BigInt(answer.changes) : undefined,
      insertId: answer.lastInsertRowid !== undefined ? BigInt(answer.lastInsertRowid) : undefined,
      rows: [],
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not used with SQLite here.');
  }
}
