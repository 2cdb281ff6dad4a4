import { AppError, ERRORS } from '../../../src/core/errors';

/**
 * Keyset cursors: the sort key of the last row a page showed, so the next page starts after it
 * whatever was inserted meanwhile, and costs the same at post 10 as at post 100,000.
 *
 * A cursor is base64url JSON `[kind, ...key]`. It carries only a position in an order anyone may
 * read, so it is not signed; it is validated strictly, and anything that is not a cursor this
 * server made for this list (garbled, hand-edited into another shape, from another list) is a 400.
 */

/** pinned DESC, publish_at DESC, id DESC — the resident feed. */
export interface FeedKey {
  pinned: 0 | 1;
  publishAt: string;
  id: number;
}

/** One instant and an id: study record (newest first), staff lists. */
export interface InstantKey {
  at: string;
  id: number;
}

export type InstantCursorKind = 'study' | 'mine' | 'queue' | 'published';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MAX_ID = 2147483647;

function encode(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

function invalidCursor(): AppError {
  return new AppError(
    'validation_failed',
    { in: 'querystring', field: 'cursor', issues: [{ field: 'cursor', rule: 'cursor', message: 'invalid cursor' }] },
    `${ERRORS.validation_failed.message}（cursor）`,
  );
}

function decode(cursor: string, kind: string, length: number): unknown[] {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
  const bytes = Buffer.from(cursor, 'base64url');
  // Only the exact encoding we produce: no padding tricks, no trailing bits.
  if (bytes.toString('base64url') !== cursor) throw invalidCursor();
  let parts: unknown;
  try {
    parts = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parts) || parts.length !== length || parts[0] !== kind) throw invalidCursor();
  return parts.slice(1);
}

function isInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_ID;
}

export function encodeFeedCursor(key: FeedKey): string {
  return encode(['feed', key.pinned, key.publishAt, key.id]);
}

export function decodeFeedCursor(cursor: string): FeedKey {
  const [pinned, publishAt, id] = decode(cursor, 'feed', 4);
  if ((pinned !== 0 && pinned !== 1) || !isInstant(publishAt) || !isId(id)) throw invalidCursor();
  return { pinned, publishAt, id };
}

export function encodeInstantCursor(kind: InstantCursorKind, key: InstantKey): string {
  return encode([kind, key.at, key.id]);
}

export function decodeInstantCursor(kind: InstantCursorKind, cursor: string): InstantKey {
  const [at, id] = decode(cursor, kind, 3);
  if (!isInstant(at) || !isId(id)) throw invalidCursor();
  return { at, id };
}

/**
 * A page from `limit + 1` rows read: the extra row only says there is a next page, whose cursor
 * is the key of the last row shown.
 */
export function pageOf<Row, Item>(
  rows: readonly Row[],
  limit: number,
  toItem: (row: Row) => Item,
  cursorOf: (row: Row) => string,
): { items: Item[]; nextCursor: string | null } {
  const shown = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  return { items: shown.map(toItem), nextCursor: hasMore && shown.length > 0 ? cursorOf(shown[shown.length - 1]) : null };
}
