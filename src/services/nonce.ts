/**
 * A client-made id for one request that must count once however often it is retried (a reading
 * report, a queued check-in). It only has to be unique, not secret: the server ties it to the
 * signed-in user, so Math.random is enough, and it exists on every platform (weapp has no
 * synchronous crypto).
 */
export function newNonce(): string {
  const random = Array.from({ length: 3 }, () => Math.random().toString(36).slice(2, 10)).join('');
  return `${Date.now().toString(36)}-${random}`;
}
