import { sql } from 'kysely';
import type { ColumnTypes, MigrationDb } from './types';

/**
 * 微课堂 search on PostgreSQL: an inverted index of the two-character pieces (bigrams) of each
 * post's search text, so a query reads the posts that hold all of its bigrams instead of every
 * post. Chinese words are mostly two characters, and a trigram index (pg_trgm) cannot look those
 * up at all. SQLite keeps its scan: a street's posts number in the thousands on one machine.
 */
export async function up(db: MigrationDb, t: ColumnTypes): Promise<void> {
  if (t.engine !== 'postgres') return;
  // Immutable, so it may define an index; substr counts characters, not bytes.
  await sql`
    create function ywk_bigrams(t text) returns text[]
    language sql immutable strict parallel safe
    as $$ select coalesce(array_agg(distinct substr(t, i, 2)), '{}') from generate_series(1, length(t) - 1) as i $$
  `.execute(db);
  await sql`create index posts_search_bigrams_idx on posts using gin (ywk_bigrams(search_text))`.execute(db);
}
