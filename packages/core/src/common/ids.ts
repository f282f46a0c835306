import { BadUserInputError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** IDs are UUIDs; anything else is refused before it reaches SQL, naming the argument path. */
export function requireUuid(value: string, path: string): string {
  if (!UUID.test(value)) throw new BadUserInputError(`${path} is not a valid id.`, [path]);
  return value.toLowerCase();
}
