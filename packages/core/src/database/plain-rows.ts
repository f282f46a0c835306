import type { EntityMetadata, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../context/request-context';

/**
 * Hot reads take plain rows instead of hydrated entities: on a bed board of a hundred units, TypeORM's
 * hydration and the garbage it leaves cost more than the query. The rows come back in the entity's shape
 * (property names, `date` columns as `YYYY-MM-DD` like TypeORM gives them), so each module's `toX`
 * mapping reads them as it reads entities.
 */

type Column = readonly [property: string, key: string];

const columnsByEntity = new WeakMap<EntityMetadata, Map<string, Column[]>>();

/** Property and raw-row key of each column, worked out once per entity and alias. */
function columnsOf(metadata: EntityMetadata, alias: string): Column[] {
  let byAlias = columnsByEntity.get(metadata);
  if (!byAlias) columnsByEntity.set(metadata, (byAlias = new Map()));
  let columns = byAlias.get(alias);
  if (!columns) {
    columns = metadata.columns.map((column) => [column.propertyName, `${alias}_${column.databaseName}`] as const);
    byAlias.set(alias, columns);
  }
  return columns;
}

/** Every column of the entity under `alias`, named `<alias>_<column>` in the raw row. */
export function plainColumns(metadata: EntityMetadata, alias: string): string[] {
  return metadata.columns.map(
    (column) =>
      `${alias}.${column.databaseName}${column.type === 'date' ? '::text' : ''} AS "${alias}_${column.databaseName}"`,
  );
}

/** The entity under `alias` out of a raw row selected with `plainColumns`. */
export function plainEntity<E>(metadata: EntityMetadata, alias: string, row: Record<string, unknown>): E {
  const entity: Record<string, unknown> = {};
  for (const [property, key] of columnsOf(metadata, alias)) entity[property] = row[key];
  return entity as E;
}

const TIMESTAMP_TYPES = new Set<unknown>(['timestamptz', 'timestamp', 'timestamp with time zone', Date]);
const TEXT_NUMBER_TYPES = new Set<unknown>(['bigint', 'int8', 'numeric', 'decimal']);

type ColumnReader = readonly [property: string, read: (value: unknown) => unknown];

const asDate = (value: unknown): unknown => new Date(value as string);
const asIs = (value: unknown): unknown => value;

const readersByEntity = new WeakMap<EntityMetadata, ColumnReader[]>();

/** Property and JSON conversion of each column, in the entity's column order, worked out once per entity. */
function readersOf(metadata: EntityMetadata): ColumnReader[] {
  let readers = readersByEntity.get(metadata);
  if (!readers) {
    readers = metadata.columns.map(
      (column) =>
        [
          column.propertyName,
          TIMESTAMP_TYPES.has(column.type) ? asDate : TEXT_NUMBER_TYPES.has(column.type) ? String : asIs,
        ] as const,
    );
    readersByEntity.set(metadata, readers);
  }
  return readers;
}

/**
 * Every column of the entity under `alias` as one JSON array in the entity's column order, for rows a statement
 * brings along nested (a facility's units, a referral's events): positions instead of keys, so PostgreSQL writes
 * and the gateway parses half the text that `to_json` would.
 */
export function plainJsonColumns(metadata: EntityMetadata, alias: string): string {
  return `json_build_array(${metadata.columns.map((column) => `${alias}.${column.databaseName}`).join(', ')})`;
}

/**
 * The entity out of an array written by `plainJsonColumns`, in the shape `plainEntity` gives: timestamps as
 * Dates, and 64-bit and decimal numbers as strings as the pg driver gives them, where JSON would give numbers.
 */
export function plainEntityFromJsonColumns<E>(metadata: EntityMetadata, values: unknown[]): E {
  const entity: Record<string, unknown> = {};
  const readers = readersOf(metadata);
  for (let index = 0; index < readers.length; index++) {
    const [property, read] = readers[index] as ColumnReader;
    const value = values[index];
    entity[property] = value === null || value === undefined ? null : read(value);
  }
  return entity as E;
}

/**
 * Rows of one entity, selected by `build`, as plain objects of the entity's shape: a prepared statement, so
 * `build` must put every value in a parameter (a loader's keys through `whereKeyIn`).
 */
export async function selectPlain<E extends ObjectLiteral>(
  ctx: RequestContext,
  entity: EntityTarget<E>,
  alias: string,
  build: (qb: SelectQueryBuilder<E>) => SelectQueryBuilder<E>,
): Promise<E[]> {
  const repository = await ctx.repo(entity);
  const [sql, parameters] = build(
    repository.createQueryBuilder(alias).select(plainColumns(repository.metadata, alias)),
  ).getQueryAndParameters();
  const rows = await ctx.unitOfWork.prepared<Record<string, unknown>>(sql, parameters);
  return rows.map((row) => plainEntity<E>(repository.metadata, alias, row));
}

/**
 * `column` is one of a loader's `keys`: `= ANY(:keys)` for a batch, one text for any length, and `= :key` for
 * a single key. PostgreSQL prices the generic plan of `= ANY($1)` as if the list held ten keys, so a read of
 * one key, which a custom plan prices at a tenth of that, was planned afresh on every call (a detail page, a
 * mutation's answer); with a text of its own it settles on one plan after a few calls.
 */
export function whereKeyIn<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  column: string,
  keys: readonly unknown[],
): SelectQueryBuilder<E> {
  return keys.length === 1
    ? qb.where(`${column} = :key`, { key: keys[0] })
    : qb.where(`${column} = ANY(:keys)`, { keys: [...keys] });
}
