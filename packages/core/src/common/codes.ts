import type { EntityManager } from 'typeorm';

/**
 * The next number of a per-organisation, per-year sequence (subject pseudonyms, referral codes). One
 * upsert: concurrent callers queue on the counter row and never receive the same number.
 */
export async function nextSequenceNumber(
  manager: EntityManager,
  organisationId: string,
  kind: string,
  year: number,
): Promise<number> {
  const rows: { last_value: number }[] = await manager.query(
    `INSERT INTO code_counter (organisation_id, kind, year, last_value) VALUES ($1, $2, $3, 1)
     ON CONFLICT (organisation_id, kind, year) DO UPDATE SET last_value = code_counter.last_value + 1
     RETURNING last_value`,
    [organisationId, kind, year],
  );
  return (rows[0] as { last_value: number }).last_value;
}

export const padSequence = (value: number): string => String(value).padStart(4, '0');
