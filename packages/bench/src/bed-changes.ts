import { withConnection } from '@sahayog/testing';

interface Unit {
  id: string;
  version: number;
  occupied: number;
  capacity: number;
}

const UPDATE_BED_UNIT = `mutation UpdateBedUnit($input: UpdateBedUnitInput!) {
  updateBedUnit(input: $input) { id occupied version }
}`;

/** An organisation's bed units as they are now, for a coordinator to change them through a server. */
export async function unitsOf(url: string, organisationId: string): Promise<Unit[]> {
  const { rows } = await withConnection(url, (client) =>
    client.query<Unit>(
      `SELECT id, version, occupied, capacity FROM bed_unit WHERE organisation_id = $1 AND capacity > 0 ORDER BY id`,
      [organisationId],
    ),
  );
  if (!rows.length) throw new Error(`organisation ${organisationId} has no bed units to change`);
  return rows;
}

export interface BedChanges {
  /** Changes the server confirmed. */
  made: number;
  /** Changes it refused or failed. */
  failed: number;
}

/**
 * Runs `work` while a coordinator changes beds through the server at a steady `perSecond`: each change moves
 * one of `units`' occupancy by one, up and back down, round the units in turn, as `updateBedUnit` does in a
 * partner's day, so every change commits and publishes its event.
 */
export async function changingBeds<T>(
  change: { url: string; token: string; units: Unit[]; perSecond: number },
  work: () => Promise<T>,
): Promise<{ result: T; changes: BedChanges }> {
  const changes: BedChanges = { made: 0, failed: 0 };
  const units = change.units.map((unit) => ({ ...unit, start: unit.occupied }));
  let running = true;
  const changeOne = async (n: number): Promise<void> => {
    const unit = units[n % units.length] as (typeof units)[number];
    const up = unit.start < unit.capacity ? unit.start + 1 : unit.start - 1;
    const occupied = unit.occupied === unit.start ? up : unit.start;
    try {
      const response = await fetch(change.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${change.token}` },
        body: JSON.stringify({
          operationName: 'UpdateBedUnit',
          query: UPDATE_BED_UNIT,
          variables: { input: { unitId: unit.id, expectedVersion: unit.version, occupied } },
        }),
      });
      const answer = (await response.json()) as { data?: { updateBedUnit?: { occupied: number; version: number } } };
      const changed = answer.data?.updateBedUnit;
      if (!changed) throw new Error('refused');
      Object.assign(unit, { occupied: changed.occupied, version: changed.version });
      changes.made++;
    } catch {
      changes.failed++;
    }
  };
  const writer = (async () => {
    const started = Date.now();
    for (let n = 0; running; n++) {
      const due = started + (n * 1000) / change.perSecond;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
      if (running) await changeOne(n);
    }
  })();
  try {
    return { result: await work(), changes };
  } finally {
    running = false;
    await writer;
  }
}
