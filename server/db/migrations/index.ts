import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Engine } from '../connect';
import { columnTypes } from './types';
import * as initial from './0001_initial';
import * as postsReading from './0002_posts_reading';
import * as booking from './0003_booking';
import * as checkin from './0004_checkin';
import * as searchBigrams from './0005_search_bigrams';

interface MigrationModule {
  up(db: Parameters<typeof initial.up>[0], types: ReturnType<typeof columnTypes>): Promise<void>;
}

/**
 * Versioned migrations, in order. Imported statically (not read from disk) so they run the same
 * under tsx, jest and a bundled build.
 */
const MIGRATIONS: Record<string, MigrationModule> = {
  '0001_initial': initial,
  '0002_posts_reading': postsReading,
  '0003_booking': booking,
  '0004_checkin': checkin,
  '0005_search_bigrams': searchBigrams,
};

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1)!;

function providerFor(engine: Engine): MigrationProvider {
  const types = columnTypes(engine);
  return {
    async getMigrations() {
      const migrations: Record<string, Migration> = {};
      for (const [name, module] of Object.entries(MIGRATIONS)) {
        migrations[name] = { up: (db) => module.up(db, types) };
      }
      return migrations;
    },
  };
}

/**
 * Kysely looks for its bookkeeping tables in every schema unless told which one: with another
 * schema in the same PostgreSQL database holding them (parallel test runs, a second app), it
 * would skip creating its own and fail. Name the connection's schema explicitly.
 */
async function migratorFor(db: Kysely<unknown>, engine: Engine): Promise<Migrator> {
  const migrationTableSchema =
    engine === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  return new Migrator({ db, provider: providerFor(engine), migrationTableSchema });
}

/** Brings the schema up to date; running it again is a no-op. */
export async function migrateToLatest(db: Kysely<unknown>, engine: Engine): Promise<string> {
  const migrator = await migratorFor(db, engine);
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
  return currentMigration(db, engine);
}

/** The newest applied migration's name, or 'none'. */
export async function currentMigration(db: Kysely<unknown>, engine: Engine): Promise<string> {
  const migrator = await migratorFor(db, engine);
  const applied = (await migrator.getMigrations()).filter((migration) => migration.executedAt);
  return applied.at(-1)?.name ?? 'none';
}
