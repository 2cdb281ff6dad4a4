import { ERRORS, type ErrorCode } from '../core/errors';

/** The request never got an answer. Only the client raises it, so it is not in the server's list. */
export const NETWORK_ERROR = 'network_error';
export const NETWORK_ERROR_MESSAGE = '网络不给力，请检查网络后重试';

/** What the client may see: a code from the server's one list, or a network failure. */
export type ApiErrorCode = ErrorCode | typeof NETWORK_ERROR;

/** A failed API call: the server's error body, or a network failure (status 0). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: Record<string, unknown>;

  constructor(code: string, message: string, status: number, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** The message a page shows for any failure; non-API errors are programming errors, kept vague. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : ERRORS.internal_error.message;
}
