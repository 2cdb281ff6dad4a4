import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { AppError } from '../../src/core/errors';

/**
 * Serves the h5 build at `/`. The app uses browser-history routes, so any other GET that is not
 * an API call and accepts HTML gets index.html; unknown API paths get our 404 shape.
 */
export default fp(
  async (app) => {
    const root = app.config.staticDir ? path.resolve(app.config.staticDir) : null;
    const hasApp = root !== null && fs.existsSync(path.join(root, 'index.html'));
    if (hasApp) {
      // Wildcard serving reads the folder per request, so a rebuilt app is served without a restart.
      await app.register(fastifyStatic, { root, wildcard: true, index: ['index.html'] });
    }
    app.setNotFoundHandler(async (request, reply) => {
      const isPage = request.method === 'GET' && !request.url.startsWith('/api') && request.headers.accept?.includes('text/html');
      if (hasApp && isPage) return reply.type('text/html; charset=utf-8').sendFile('index.html');
      throw new AppError('not_found', { path: request.url.split('?')[0] });
    });
  },
  { name: 'static', dependencies: ['config'] },
);
