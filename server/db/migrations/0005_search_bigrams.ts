import { sql } from 'kysely';
import type { ColumnTypes, MigrationDb } from './types';

/**
 * 微课堂 search: an inverted index of the two-character pieces (bigrams) of each post's search
 * text, so a query reads the posts that hold all of its bigrams instead of every post's text.
 * Chinese words are mostly two characters, which trigram indexes (pg_trgm, FTS5's trigram
 * tokenizer) cannot look up at all. One idea, each engine's own index:
 * - PostgreSQL: a GIN index over an immutable function giving a text's bigrams.
 * - SQLite: a contentless FTS5 table of bigram tokens, kept by triggers that call
 *   ywk_bigram_tokens, a function every connection registers (server/db/connect.ts).
 */
export async function up(db: MigrationDb, t: ColumnTypes): Promise<void> {
  if (t.engine === 'postgres') {
    // substr counts characters, not bytes.
    await sql`
      create function ywk_bigrams(t text) returns text[]
      language sql immutable strict parallel safe
      as $$ select coalesce(array_agg(distinct substr(t, i, 2)), '{}') from generate_series(1, length(t) - 1) as i $$
    `.execute(db);
    await sql`create index posts_search_bigrams_idx on posts using gin (ywk_bigrams(search_text))`.execute(db);
    return;
  }
  // Contentless: the text lives in posts; detail=none, since only "which posts" is ever asked.
  await sql`create virtual table posts_search using fts5(grams, content='', contentless_delete=1, detail=none)`.execute(db);
  await sql`
    create trigger posts_search_insert after insert on posts begin
      insert into posts_search(rowid, grams) values (new.id, ywk_bigram_tokens(new.search_text));
    end
  `.execute(db);
  await sql`
    create trigger posts_search_update after update of search_text on posts begin
      delete from posts_search where rowid = old.id;
      insert into posts_search(rowid, grams) values (new.id, ywk_bigram_tokens(new.search_text));
    end
  `.execute(db);
  await sql`
    create trigger posts_search_delete after delete on posts begin
      delete from posts_search where rowid = old.id;
    end
  `.execute(db);
  await sql`insert into posts_search(rowid, grams) select id, ywk_bigram_tokens(search_text) from posts`.execute(db);
}
