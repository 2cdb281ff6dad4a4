import fp from 'fastify-plugin';
import type { AppConfig } from '../config';

export interface ConfigPluginOptions {
  config: AppConfig;
  /** The clock; tests pass a controllable one. */
  now?: () => Date;
}

export default fp<ConfigPluginOptions>(
  async (app, options) => {
    app.decorate('config', options.config);
    app.decorate('now', options.now ?? (() => new Date()));
  },
  { name: 'config' },
);
