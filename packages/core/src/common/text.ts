import { BadUserInputError } from './errors';

export const MAX_REASON = 2000;

/** A free-text reason or note: trimmed, at most 2000 characters; when required, not blank. */
export function reasonText(reason: string | null | undefined, path: string, required: true): string;
export function reasonText(reason: string | null | undefined, path: string, required: false): string | null;
export function reasonText(reason: string | null | undefined, path: string, required: boolean): string | null {
  const text = reason?.trim() ?? '';
  if (required && !text) throw new BadUserInputError('Give a reason.', [path]);
  if (text.length > MAX_REASON)
    throw new BadUserInputError(`The text is longer than ${MAX_REASON} characters.`, [path]);
  return text || null;
}

/** A calendar day as stored in `date` columns: YYYY-MM-DD, in UTC. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
