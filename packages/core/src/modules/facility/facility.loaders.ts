import { byKey, defineLoader, groupByKey } from '../../context/loaders';
import { selectPlain, whereKeyIn } from '../../database/plain-rows';
import { BedUnitEntity, FacilityEntity, type BedChangeReason, type BedCounts } from './facility.entity';

export const facilityById = defineLoader<string, FacilityEntity | null>('facilityById', async (ctx, ids) => {
  const rows = await selectPlain(ctx, FacilityEntity, 'f', (qb) => whereKeyIn(qb, 'f.id', ids));
  return byKey(ids, rows, (row) => row.id, null);
});

export const unitsByFacility = defineLoader<string, BedUnitEntity[]>('unitsByFacility', async (ctx, facilityIds) => {
  const rows = await selectPlain(ctx, BedUnitEntity, 'u', (qb) =>
    whereKeyIn(qb, 'u.facility_id', facilityIds).orderBy('u.name'),
  );
  return groupByKey(facilityIds, rows, (row) => row.facilityId);
});

/**
 * Which facilities a caller sees (`f` joined with its organisation `o`, the caller's organisation as `:own`):
 * another organisation's only while it and they are active; its own always, so its admins can reopen them.
 */
export const FACILITY_VISIBLE = '((f.active AND o.active) OR f.organisation_id = :own)';

/** The same facilities as the `facilities` list, per organisation. */
export const facilitiesByOrganisation = defineLoader<string, FacilityEntity[]>(
  'facilitiesByOrganisation',
  async (ctx, organisationIds) => {
    const rows = await selectPlain(ctx, FacilityEntity, 'f', (qb) =>
      whereKeyIn(qb.innerJoin('organisation', 'o', 'o.id = f.organisation_id'), 'f.organisation_id', organisationIds)
        .andWhere(FACILITY_VISIBLE, { own: ctx.requireActor().organisationId })
        .orderBy('f.name'),
    );
    return groupByKey(organisationIds, rows, (row) => row.organisationId);
  },
);

export const unitById = defineLoader<string, BedUnitEntity | null>('unitById', async (ctx, ids) => {
  const rows = await selectPlain(ctx, BedUnitEntity, 'u', (qb) => whereKeyIn(qb, 'u.id', ids));
  return byKey(ids, rows, (row) => row.id, null);
});

/** Which changes of which unit: the latest `first` since `since` (every one when null). */
export interface HistoryWindow {
  organisationId: string;
  unitId: string;
  since: Date | null;
  first: number;
}

export interface UnitChangeRow {
  unitId: string;
  at: Date;
  reason: BedChangeReason;
  after: BedCounts;
}

const windowKey = (window: HistoryWindow): string => `${window.since?.toISOString() ?? ''}|${window.first}`;

/**
 * One query per distinct window (a page asks every unit for the same one), ranking each unit's changes newest
 * first so that `first` applies per unit; the index on (organisation_id, bed_unit_id, at) serves it.
 * Answers oldest first, for drawing.
 */
export const historyOfUnit = defineLoader<HistoryWindow, UnitChangeRow[]>('historyOfUnit', async (ctx, windows) => {
  const groups = new Map<string, HistoryWindow[]>();
  for (const window of windows) groups.set(windowKey(window), [...(groups.get(windowKey(window)) ?? []), window]);
  const manager = await ctx.db();
  const rowsByUnitAndWindow = new Map<string, UnitChangeRow[]>();
  for (const [key, group] of groups) {
    const { since, first } = group[0] as HistoryWindow;
    const rows: UnitChangeRow[] = await manager.query(
      `SELECT unit_id AS "unitId", at, reason, after FROM (
         SELECT h.bed_unit_id AS unit_id, h.id, h.at, h.reason, h.after,
                row_number() OVER (PARTITION BY h.bed_unit_id ORDER BY h.at DESC, h.id DESC) AS rank
           FROM bed_unit_history h
          WHERE h.organisation_id = ANY($1::uuid[]) AND h.bed_unit_id = ANY($2::uuid[])
            AND ($3::timestamptz IS NULL OR h.at >= $3::timestamptz)) ranked
        WHERE rank <= $4
        ORDER BY at, id`,
      [[...new Set(group.map((window) => window.organisationId))], group.map((window) => window.unitId), since, first],
    );
    for (const row of rows) {
      const unitKey = `${key}|${row.unitId}`;
      rowsByUnitAndWindow.set(unitKey, [...(rowsByUnitAndWindow.get(unitKey) ?? []), row]);
    }
  }
  return windows.map((window) => rowsByUnitAndWindow.get(`${windowKey(window)}|${window.unitId}`) ?? []);
});
