import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * CSP hashes of the inline scripts in the h5 build's index.html (Taro's rem sizing snippet), so
 * those run and nothing else inline does.
 */
function inlineScriptHashes(staticDir: string | undefined): string[] {
  if (!staticDir) return [];
  const index = path.resolve(staticDir, 'index.html');
  if (!fs.existsSync(index)) return [];
  const html = fs.readFileSync(index, 'utf8');
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${crypto.createHash('sha256').update(body).digest('base64')}'`,
  );
}

/**
 * Security headers, from helmet built once here (@fastify/helmet rebuilt helmet's middleware, and
 * parsed the CSP, on every request). The h5 pages get the policy that lets the app run; API answers
 * are JSON that no browser renders, so theirs forbids loading anything at all (OWASP's REST advice)
 * and is a fraction of the size on every response. Registered before auth, so a refusal (401, 429)
 * carries them too.
 */
export default fp(
  async (app) => {
    const pageHeaders = helmet({
      // The h5 app loads its own scripts and styles only; images may come from any https host.
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
          mediaSrc: ["'self'", 'https:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'", ...inlineScriptHashes(app.config.staticDir)],
          connectSrc: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    });
    const apiHeaders = helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      crossOriginEmbedderPolicy: false,
    });
    app.addHook('onRequest', (request, reply, done) => {
      const headers = request.url.startsWith('/api/') ? apiHeaders : pageHeaders;
      headers(request.raw, reply.raw, (error) => done(error as Error | undefined));
    });
  },
  { name: 'security-headers', dependencies: ['config'] },
);
