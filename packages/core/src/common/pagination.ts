import { Field } from 'type-graphql';
import { ApiObjectType } from './api-object-type';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
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

/**
 * One newest-first page of `qb` (already filtered, selecting `alias` with created_at and id columns): the
 * total of the filtered list, then up to `first` rows after the cursor, and whether more follow.
 */
export async function keysetPage<Row extends ObjectLiteral & Keyset, Node>(
  qb: SelectQueryBuilder<Row>,
  alias: string,
  page: { first: number | undefined; after: string | undefined; fallbackSize: number },
  toNode: (row: Row) => Node,
  /** Reads the ordered, limited page: entities unless a list selects more (joined rows, plain rows). */
  read: (ordered: SelectQueryBuilder<Row>) => Promise<Row[]> = (ordered) => ordered.getMany(),
): Promise<KeysetPage<Row, Node>> {
  const size = pageSize(page.first, page.fallbackSize);
  const totalCount = await qb.clone().getCount();
  if (page.after) {
    const position = decodeCursor(page.after);
    qb.andWhere(`(${alias}.created_at, ${alias}.id) < (:at, :id)`, { at: position.createdAt, id: position.id });
  }
  const found = await read(
    qb
      .orderBy(`${alias}.created_at`, 'DESC')
      .addOrderBy(`${alias}.id`, 'DESC')
      .limit(size + 1),
  );
  const rows = found.slice(0, size);
  const edges = rows.map((row) => ({ cursor: encodeCursor(row), node: toNode(row) }));
  return {
    rows,
    edges,
    totalCount,
    pageInfo: { hasNextPage: found.length > size, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
