import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from './schema';

/** Stands in for a value while the query is built; the compiled parameters are matched by identity. */
class Slot {
  constructor(readonly name: string) {}
}

interface Template {
  compiled: CompiledQuery;
  /** For each compiled parameter: the slot it takes its value from, or the value built in. */
  parameters: ReadonlyArray<Slot | { value: unknown }>;
}

export type PrecompiledQuery<P, O> = (db: Kysely<Database>, values: P) => Promise<QueryResult<O>>;

/**
 * A query built and compiled once per database, then run with fresh values. Kysely builds the
 * operation tree and compiles it to SQL on every call, which on the check-in path cost more than
 * running the statement; a hot query written this way is still one builder expression for both
 * engines, and its SQL text stays identical, so the statement caches in connect.ts hit at once.
 * `slot(name)` marks where a value goes; every slot must end up as a bound parameter (a value
 * Kysely would inline into the SQL cannot be a slot), which is checked when the query is compiled.
 */
export function precompiled<P extends Record<string, unknown>, O>(
  build: (db: Kysely<Database>, slot: <K extends keyof P & string>(name: K) => P[K]) => Compilable<O>,
): PrecompiledQuery<P, O> {
  const templates = new WeakMap<Kysely<Database>, Template>();

  const templateFor = (db: Kysely<Database>): Template => {
    const known = templates.get(db);
    if (known) return known;
    const slots = new Map<string, Slot>();
    const slot = (name: string) => {
      const made = slots.get(name) ?? new Slot(name);
      slots.set(name, made);
      return made as never;
    };
    const compiled = build(db, slot).compile();
    const parameters = compiled.parameters.map((value) => (value instanceof Slot ? value : { value }));
    for (const name of slots.keys()) {
      if (!parameters.some((parameter) => parameter instanceof Slot && parameter.name === name)) {
        throw new Error(`precompiled query: slot "${name}" is not a bound parameter in: ${compiled.sql}`);
      }
    }
    const template = { compiled, parameters };
    templates.set(db, template);
    return template;
  };

  // Async, so a query that fails to compile rejects like one that fails to run.
  return async (db, values) => {
    const { compiled, parameters } = templateFor(db);
    const bound = parameters.map((parameter) => (parameter instanceof Slot ? values[parameter.name] : parameter.value));
    return db.executeQuery<O>({ ...compiled, parameters: bound });
  };
}
