import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectDatabase, type DatabaseHandle, type Engine } from '../../server/db/connect';

/** The engines this run covers: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Opens a second connection to the same database (e.g. a restarted server). */
  reopen(): Promise<DatabaseHandle>;
  /** Closes and deletes the database or schema. */
  drop(): Promise<void>;
}

/** A fresh, empty database for one suite: a temp SQLite file, or a new PostgreSQL schema. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  const suffix = crypto.randomBytes(6).toString('hex');
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ywk-test-'));
    const url = `sqlite:${path.join(dir, 'app.db')}`;
    const handles: DatabaseHandle[] = [];
    const open = async () => {
      const handle = await connectDatabase({ url });
      handles.push(handle);
      return handle;
    };
    return {
      handle: await open(),
      reopen: open,
      async drop() {
        await Promise.all(handles.map((handle) => handle.close()));
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_${suffix}`;
  const handles: DatabaseHandle[] = [];
  const open = async () => {
    const handle = await connectDatabase({ url, schema, poolSize: 20 });
    handles.push(handle);
    return handle;
  };
  return {
    handle: await open(),
    reopen: open,
    async drop() {
      await Promise.all(handles.map((handle) => handle.close()));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}
