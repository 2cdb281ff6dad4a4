import { sql, type RawBuilder } from 'kysely';
import type { Engine } from '../../db/connect';

/**
 * Search is a substring match on `posts.search_text`: the title and the body's text, ASCII letters
 * lowered. Lowering here (not in SQL) makes the two engines agree: SQLite's LIKE folds ASCII case
 * only and PostgreSQL's LIKE folds none, so on pre-lowered text both compare exactly. Chinese has
 * no case; two characters find every post that contains them, in the title or the body.
 */

/** Lowers A–Z only; other letters keep their case on both engines. */
export function lowerAscii(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16), entity);
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10), entity);
    return ENTITIES[lower] ?? entity;
  });
}

function safeCodePoint(codePoint: number, fallback: string): string {
  return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : fallback;
}

/**
 * The text a reader sees in sanitised body HTML. Block ends become line breaks so a query does
 * not match across two paragraphs; markup (tag names, links) never matches a query.
 */
export function plainTextOf(html: string): string {
  const text = html
    .replace(/<\/(p|h[1-6]|li|blockquote|tr|td|th|ul|ol|table)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/** What `posts.search_text` holds for a post. */
export function searchTextOf(title: string, bodyHtml: string): string {
  return lowerAscii(`${title}\n${plainTextOf(bodyHtml)}`);
}

/** A query as typed, normalised like the stored text; null when nothing is left to search. */
export function normaliseQuery(query: string | undefined): string | null {
  if (query === undefined) return null;
  const normalised = lowerAscii(query.replace(/\s+/g, ' ').trim());
  return normalised.length > 0 ? normalised : null;
}

/** `%`, `_` and `\` in a query are characters to find, not wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * The distinct two-character pieces (bigrams) of a text as FTS5 tokens, for SQLite's search index
 * (migration 0005). Each bigram is spelled in hex, so no tokenizer splits or folds it: '议事' and
 * '，街' are one token each, whatever the characters are.
 */
export function bigramTokens(text: string): string {
  const characters = [...text];
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < characters.length; i += 1) bigrams.add(characters[i] + characters[i + 1]);
  return [...bigrams].map((bigram) => Buffer.from(bigram, 'utf8').toString('hex')).join(' ');
}

/** Posts holding every bigram of the query, through each engine's index of them (migration 0005). */
function holdsBigramsOf(query: string, engine: Engine): RawBuilder<boolean> {
  if (engine === 'postgres') return sql<boolean>`ywk_bigrams(${sql.ref('posts.search_text')}) @> ywk_bigrams(${query})`;
  return sql<boolean>`${sql.ref('posts.id')} in (select rowid from posts_search where posts_search match ${bigramTokens(query)})`;
}

/**
 * `search_text` contains the (normalised) query, with the same answer on SQLite and PostgreSQL.
 * Both first narrow to the posts holding every bigram of the query, from an index, then LIKE
 * checks their order. A two-character query is one bigram, and holding it is containing the
 * query, so the bigram test alone decides; on PostgreSQL that also lets the planner estimate it
 * from the index's statistics (it can only guess at LIKE), so a common word walks the feed and a
 * rare one uses the index. A single character has no bigram and is found by LIKE alone.
 */
export function searchTextContains(query: string, engine: Engine): RawBuilder<boolean> {
  const like = sql<boolean>`${sql.ref('posts.search_text')} like ${`%${escapeLike(query)}%`} escape '\\'`;
  const characters = [...query].length;
  if (characters < 2) return like;
  const bigrams = holdsBigramsOf(query, engine);
  return characters === 2 ? bigrams : sql<boolean>`${bigrams} and ${like}`;
}
