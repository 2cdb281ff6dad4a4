import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERRORS, type ErrorCode } from '../../src/core/errors';

/** Fastify's own error codes for input it could not take, mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_json',
};

/** A write that broke a unique constraint lost a race the caller can retry or report. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

function validationDetails(error: FastifyError) {
  const issues = (error.validation ?? []).map((issue) => {
    const params = issue.params as Record<string, unknown>;
    const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const field = [path, (params.missingProperty ?? params.additionalProperty) as string | undefined]
      .filter(Boolean)
      .join('.');
    return { field: field || error.validationContext || 'body', rule: issue.keyword, message: issue.message ?? '' };
  });
  return { in: error.validationContext, field: issues[0]?.field, issues };
}

function send(reply: FastifyReply, error: AppError) {
  return reply.status(error.status).type('application/json; charset=utf-8').send(error.toBody());
}

/** One error shape for every failure: `{ code, message, details }`, never a stack or SQL. */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      if (error instanceof AppError) return send(reply, error);
      if (error.validation) {
        const details = validationDetails(error);
        return send(reply, new AppError('validation_failed', details, `${ERRORS.validation_failed.message}（${details.field}）`));
      }
      const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
      if (mapped) return send(reply, new AppError(mapped));
      if (error.statusCode === 429) return send(reply, new AppError('rate_limited'));
      if (isUniqueViolation(error)) return send(reply, new AppError('conflict'));
      if (isForeignKeyViolation(error)) return send(reply, new AppError('validation_failed', { reason: 'reference' }));
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        const code: ErrorCode = error.statusCode === 404 ? 'not_found' : error.statusCode === 405 ? 'method_not_allowed' : 'validation_failed';
        return send(reply, new AppError(code));
      }
      request.log.error({ err: error }, 'unhandled error');
      return send(reply, new AppError('internal_error'));
    });
  },
  { name: 'errors' },
);
