import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { currentMigration } from '../../db/migrations';

const Health = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  migration: Type.String(),
  time: Type.String(),
});

const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/health',
    { config: { auth: 'public' }, schema: { tags: ['system'], summary: '服务状态', response: { 200: Health } } },
    async () => ({
      status: 'ok' as const,
      database: app.dbEngine,
      migration: await currentMigration(app.db as Kysely<unknown>, app.dbEngine),
      time: app.now().toISOString(),
    }),
  );
};

export default health;
