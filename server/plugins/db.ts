import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { connectDatabase, type DatabaseHandle } from '../db/connect';
import { migrateToLatest } from '../db/migrations';
import { ensureStreet } from '../services/units';

export interface DbPluginOptions {
  /** An open database; when absent, one is opened from config and closed with the app. */
  handle?: DatabaseHandle;
}

/** Opens the database, brings its schema up to date, and closes it when the app closes. */
export default fp<DbPluginOptions>(
  async (app, options) => {
    const owned = !options.handle;
    const handle =
      options.handle ?? (await connectDatabase({ url: app.config.databaseUrl, schema: app.config.databaseSchema }));
    const migration = await migrateToLatest(handle.db as Kysely<unknown>, handle.engine);
    app.log.info({ engine: handle.engine, migration }, 'database ready');
    app.decorate('db', handle.db);
    app.decorate('dbEngine', handle.engine);

    let streetId: number | null = null;
    app.decorate('streetId', async () => {
      streetId ??= await ensureStreet(handle.db, app.config.streetName, app.now());
      return streetId;
    });

    if (owned) app.addHook('onClose', async () => handle.close());
  },
  { name: 'db', dependencies: ['config'] },
);
