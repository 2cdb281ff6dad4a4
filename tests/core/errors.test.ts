import { AppError, ERRORS, isErrorCode } from '../../src/core/errors';

describe('error codes', () => {
  it('gives every code a snake_case name, an HTTP error status and a Chinese message', () => {
    for (const [code, { status, message }] of Object.entries(ERRORS)) {
      expect(code).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
      expect(message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('never reuses one message for two codes, so users can tell causes apart', () => {
    const messages = Object.values(ERRORS).map((entry) => entry.message);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('turns an AppError into the response body', () => {
    const error = new AppError('account_locked', { retryAfterSeconds: 60 });
    expect(error.status).toBe(423);
    expect(error.toBody()).toEqual({ code: 'account_locked', message: ERRORS.account_locked.message, details: { retryAfterSeconds: 60 } });
    expect(new AppError('forbidden').toBody()).toEqual({ code: 'forbidden', message: ERRORS.forbidden.message });
  });

  it('recognises known codes only', () => {
    expect(isErrorCode('not_found')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });
});
