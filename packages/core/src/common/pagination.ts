import { Field } from 'type-graphql';
import { ApiObjectType } from './api-object-type';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { plainColumns, plainEntity } from '../database/plain-rows';
import type { RequestContext } from '../context/request-context';
import { BadUserInputError } from './errors';

@ApiObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** A position in a newest-first list: stable under inserts, unlike an offset. */
export interface Keyset {
  createdAt: Date;
  id: string;
}

export const MAX_PAGE_SIZE = 100;

/** The sizes a page is read in: each is a prepared statement of its own on every connection. */
const PAGE_READ_SIZES = [10, 25, 50, MAX_PAGE_SIZE];

export function encodeCursor(position: Keyset): string {
  return Buffer.from(`${position.createdAt.toISOString()}|${position.id}`).toString('base64url');
}

export function decodeCursor(cursor: string, path = 'after'): Keyset {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new BadUserInputError('The cursor is not one this list gave out.', [path]);
  }
  return { createdAt, id };
}

/** Pages hold 1 to `max` (100 unless said) items; a larger request is capped, a smaller one refused. */
export function pageSize(first: number | undefined | null, fallback: number, max = MAX_PAGE_SIZE): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1) throw new BadUserInputError('first must be a positive number.', ['first']);
  return Math.min(size, max);
}

export interface KeysetPage<Row, Node> {
  /** The page's rows, for priming the request's loaders. */
  rows: Row[];
  edges: { cursor: string; node: Node }[];
  totalCount: number;
  pageInfo: PageInfo;
}

/** How a list reads its page's rows: plain rows of the listed entity unless it brings more along. */
export interface PageRead<Row extends ObjectLiteral> {
  /** Names what `select` puts on the query: reads of one name write the same SQL. */
  shape: string;
  /** Puts the page's columns (and whatever joins they need) on the ordered, limited query. */
  select(ordered: SelectQueryBuilder<Row>): SelectQueryBuilder<Row>;
  /** One raw row of that query as the list's row. */
  toRow(raw: Record<string, unknown>): Row;
}

function plainPageRead<Row extends ObjectLiteral>(qb: SelectQueryBuilder<Row>, alias: string): PageRead<Row> {
  const { metadata } = qb.expressionMap.mainAlias!;
  return {
    shape: 'plain',
    select: (ordered) => ordered.select(plainColumns(metadata, alias)),
    toRow: (raw) => plainEntity<Row>(metadata, alias, raw),
  };
}

/** A page statement's text per shape: TypeORM took longer to write it than PostgreSQL to run it. */
const pageTexts = new Map<string, string>();

/**
 * What a page's SQL text depends on: the listed entity, its conditions (texts with named parameters), what
 * the read selects and how many rows it reads. Null when a condition is not a text (brackets), so never cached.
 */
function pageShape<Row extends ObjectLiteral>(
  qb: SelectQueryBuilder<Row>,
  read: PageRead<Row>,
  fetched: number,
): string | null {
  const conditions: string[] = [];
  for (const { type, condition } of qb.expressionMap.wheres) {
    if (typeof condition !== 'string') return null;
    conditions.push(`${type} ${condition}`);
  }
  const listed = qb.expressionMap.mainAlias;
  return JSON.stringify([listed?.metadata.name, listed?.name, read.shape, fetched, conditions]);
}

/**
 * One newest-first page of `qb` (already filtered, listing each row once, on `alias` with created_at and id
 * columns): up to `first` rows after the cursor, whether more follow, and the total of the filtered list,
 * counted by a subquery of the page's own statement (one round trip; an empty page counts on its own). Read
 * as a prepared statement: the filter's values and the cursor are its parameters.
 */
export async function keysetPage<Row extends ObjectLiteral & Keyset, Node>(
  ctx: RequestContext,
  qb: SelectQueryBuilder<Row>,
  alias: string,
  page: { first: number | undefined; after: string | undefined; fallbackSize: number },
  toNode: (row: Row) => Node,
  read: PageRead<Row> = plainPageRead(qb, alias),
): Promise<KeysetPage<Row, Node>> {
  const size = pageSize(page.first, page.fallbackSize);
  const listed = qb.clone().select(`${alias}.id`, 'id');
  if (page.after) {
    const position = decodeCursor(page.after);
    qb.andWhere(`(${alias}.created_at, ${alias}.id) < (:at, :id)`, { at: position.createdAt, id: position.id });
  }
  // The page is read in one of a few sizes (a literal limit, sliced to the size asked): one statement text
  // per size, and PostgreSQL settles on one plan for it where a limit parameter kept it planning every call.
  const fetched = PAGE_READ_SIZES.find((readSize) => readSize >= size) ?? size;
  const shape = pageShape(qb, read, fetched);
  let text = shape === null ? undefined : pageTexts.get(shape);
  if (text === undefined) {
    text = read
      .select(
        qb
          .orderBy(`${alias}.created_at`, 'DESC')
          .addOrderBy(`${alias}.id`, 'DESC')
          .limit(fetched + 1),
      )
      .addSelect(`(SELECT count(*)::int FROM (${listed.getQuery()}) listed)`, 'total_count')
      .getQuery();
    if (shape !== null) pageTexts.set(shape, text);
  }
  const [sql, parameters] = qb.connection.driver.escapeQueryWithParameters(text, qb.getParameters());
  const raw = await ctx.unitOfWork.prepared<Record<string, unknown>>(sql, parameters);
  const totalCount = raw[0] ? Number(raw[0]['total_count']) : await listed.getCount();
  const found = raw.slice(0, size + 1).map((row) => read.toRow(row));
  const rows = found.slice(0, size);
  const edges = rows.map((row) => ({ cursor: encodeCursor(row), node: toNode(row) }));
  return {
    rows,
    edges,
    totalCount,
    pageInfo: { hasNextPage: found.length > size, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
