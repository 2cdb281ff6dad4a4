import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import { ErrorResponse } from '../../src/core/api/common';

/** OpenAPI generated from the routes' TypeBox schemas, served at /api/docs/json. */
export default fp(
  async (app) => {
    app.addSchema(ErrorResponse);
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: { title: '云上微课堂 API', version: '1.0.0', description: '云上微课堂小程序与管理端接口' },
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
      },
    });
    app.get('/api/docs/json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'swagger', dependencies: ['auth'] },
);
