import type { FastifyRequest } from 'fastify';

/** Query parameters that are credentials: a link with one in it must not land in the logs whole. */
const SECRET_PARAMS = ['ticket'];

/** The request as a log line shows it, with credentials in the query string blanked. */
export function requestLogFields(request: FastifyRequest) {
  return { method: request.method, url: withoutSecrets(request.url), host: request.host, remoteAddress: request.ip };
}

export function withoutSecrets(url: string): string {
  return SECRET_PARAMS.reduce((text, name) => text.replace(new RegExp(`([?&]${name}=)[^&#]*`, 'g'), '$1[redacted]'), url);
}
