import { Field, ObjectType } from 'type-graphql';
import { BadUserInputError } from './errors';

@ObjectType('PageInfo')
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
