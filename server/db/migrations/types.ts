import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Engine } from '../connect';

/** Column choices that differ by engine, so one migration yields the same schema on both. */
export interface ColumnTypes {
  engine: Engine;
  /** Adds an auto-increment integer primary key named `id`. */
  id<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
  instant: 'text' | 'timestamptz';
}

export function columnTypes(engine: Engine): ColumnTypes {
  return {
    engine,
    id: (table) =>
      engine === 'postgres'
        ? table.addColumn('id', 'serial', (col) => col.primaryKey())
        : table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement()),
    instant: engine === 'postgres' ? 'timestamptz' : 'text',
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MigrationDb = Kysely<any>;

/** CHECK (column IN (...)) with literal values, as DDL cannot take parameters. */
export function sqlIn(column: string, values: readonly string[]) {
  return sql<boolean>`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

export function sqlBetween(column: string, low: number, high: number) {
  return sql<boolean>`${sql.ref(column)} between ${sql.lit(low)} and ${sql.lit(high)}`;
}
