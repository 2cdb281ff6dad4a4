import { errorMessage, isApiError } from '../../services/api-error';

function waitText(seconds: number): string {
  return seconds < 60 ? `${Math.max(1, Math.ceil(seconds))}秒` : `${Math.ceil(seconds / 60)}分钟`;
}

/** The server's message; for a locked account, also when to try again. */
export function passwordFailureMessage(error: unknown): string {
  if (isApiError(error, 'account_locked')) {
    const retryAfter = error.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number' && retryAfter > 0) {
      return `${error.message}，请${waitText(retryAfter)}后再试`;
    }
  }
  return errorMessage(error);
}
