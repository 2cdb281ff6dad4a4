import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import crypto from 'node:crypto';
import { Kysely, PostgresDialect, SqliteDialect, type PostgresPool, type PostgresPoolClient, type SqliteDatabase } from 'kysely';
import { LruMap } from 'toad-cache';
import { bigramTokens } from '../services/posts/search';
import type { Database } from './schema';

export type Engine = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** Closes the pool or the file; idempotent. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** `sqlite:<file>`, `sqlite::memory:`, or a `postgres://` URL. */
  url: string;
  /** PostgreSQL schema to use (created when missing); tests give each suite its own. */
  schema?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export function engineOfUrl(url: string): Engine {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

export async function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  return engineOfUrl(options.url) === 'postgres' ? connectPostgres(options) : connectSqlite(options.url);
}

function connectSqlite(url: string): DatabaseHandle {
  const file = url.replace(/^sqlite:/, '');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Writers queue instead of failing with SQLITE_BUSY when a check-in burst arrives.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // The search index's triggers (migration 0005) call it on every write of a post's text, so every
  // connection that writes posts must have it; a tool opening the file without it cannot.
  sqlite.function('ywk_bigram_tokens', { deterministic: true }, (text: unknown) => bigramTokens(String(text ?? '')));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  let closed = false;
  return {
    db,
    engine: 'sqlite',
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/** Distinct queries the app sends are far fewer; a bound keeps ad-hoc SQL from growing it. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as Kysely sees it, keeping prepared statements by their SQL: Kysely prepares
 * every query anew, which on a check-in costs about as much as running it. Reuse is safe because
 * Kysely runs one query at a time on this connection, and SQLite re-prepares a statement by
 * itself when a migration changes the schema under it.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new LruMap<SQLite.Statement>(STATEMENT_CACHE_SIZE);
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Type parsers local to our pool (not pg's global registry): instants come back as the same
 * ISO strings SQLite stores, and counts/sums as numbers.
 */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMPTZ_OID) return (value: string) => new Date(value).toISOString();
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** The app's distinct queries number in the hundreds; past this, new ones go unnamed. */
const NAMED_STATEMENT_LIMIT = 2000;
const namedStatements = new Set<string>();

/** A statement's name: its text's digest, so one text always has one name and no two texts share it. */
function statementName(text: string): string | undefined {
  const name = `ywk_${crypto.createHash('sha1').update(text).digest('base64url')}`;
  if (namedStatements.has(name)) return name;
  if (namedStatements.size >= NAMED_STATEMENT_LIMIT) return undefined;
  namedStatements.add(name);
  return name;
}

/**
 * The pool as Kysely sees it, sending each parameterised query as a named prepared statement:
 * PostgreSQL then parses and plans it once per connection instead of on every call, which on a
 * check-in (a read of the talk with its nonce look-ups, then an insert) is a good part of the work.
 * Statements without parameters (migrations' DDL, which may hold several commands) stay unnamed.
 */
function withNamedStatements(pool: pg.Pool): PostgresPool {
  return {
    end: () => pool.end(),
    async connect() {
      const client = await pool.connect();
      const query = (text: unknown, parameters?: readonly unknown[]) => {
        // Kysely passes a cursor object only to stream, which the app does not do; pass it on as is.
        if (typeof text !== 'string') return client.query(text as never);
        const values = [...(parameters ?? [])];
        return client.query({ name: values.length > 0 ? statementName(text) : undefined, text, values });
      };
      return { query: query as unknown as PostgresPoolClient['query'], release: () => client.release() };
    },
  };
}

async function connectPostgres(options: ConnectOptions): Promise<DatabaseHandle> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`invalid schema name: ${schema}`);
  }
  if (schema) {
    const admin = new pg.Client({ connectionString: options.url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    options: schema ? `-c search_path=${schema}` : undefined,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }) });
  let closed = false;
  return {
    db,
    engine: 'postgres',
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
