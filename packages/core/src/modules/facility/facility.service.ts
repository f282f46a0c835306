import { BadUserInputError, ConflictError, NoCapacityError, NotFoundError } from '../../common/errors';
import { requireUuid } from '../../common/ids';
import { pageSize } from '../../common/pagination';
import type { RequestContext } from '../../context/request-context';
import { Topic, type BedUnitChanged, type FacilityChanged } from '../../context/topics';
import { plainColumns, plainEntity, plainEntityFromJsonColumns, plainJsonColumns } from '../../database/plain-rows';
import { ReferralStatus } from '../referral/referral.enums';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { organisationById } from '../organisation/organisation.loaders';
import { ReferralEntity } from '../referral/referral.entity';
import {
  BedChangeReason,
  BedUnitEntity,
  BedUnitHistoryEntity,
  FacilityEntity,
  type BedCounts,
} from './facility.entity';
import { FACILITY_VISIBLE, facilityById, historyOfUnit, unitById, unitsByFacility } from './facility.loaders';
import {
  BedUnit,
  BedUnitChange,
  Facility,
  type BedSearch,
  type CreateBedUnitInput,
  type CreateFacilityInput,
  type UpdateBedUnitInput,
  type UpdateFacilityInput,
} from './facility.types';

export function toFacility(ctx: RequestContext, entity: FacilityEntity): Facility {
  const own = ctx.actor?.organisationId === entity.organisationId;
  return Object.assign(new Facility(), {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    district: entity.district,
    state: entity.state,
    country: entity.country,
    address: own ? entity.address : null,
    services: entity.services,
    active: entity.active,
    organisationId: entity.organisationId,
  });
}

export function toBedUnit(entity: BedUnitEntity): BedUnit {
  return Object.assign(new BedUnit(), {
    id: entity.id,
    name: entity.name,
    sex: entity.sex,
    minAge: entity.minAge,
    maxAge: entity.maxAge,
    capacity: entity.capacity,
    occupied: entity.occupied,
    held: entity.held,
    available: Math.max(0, entity.capacity - entity.occupied - entity.held),
    version: entity.version,
    updatedAt: entity.updatedAt,
    facilityId: entity.facilityId,
    organisationId: entity.organisationId,
  });
}

/**
 * A bed search's conditions on units (alias `u`) and on facilities (alias `f`), shared by the facility search
 * and the bed board; their named parameters are the filter's own fields.
 */
function bedSearchConditions(filter: BedSearch): { units: string[]; facilities: string[] } {
  const units: string[] = [];
  if (filter.sex) units.push('u.sex = :sex');
  if (filter.age !== undefined && filter.age !== null) units.push('u.min_age <= :age AND u.max_age >= :age');
  if (filter.availableOnly) units.push('u.capacity - u.occupied - u.held > 0');
  const facilities: string[] = [];
  if (filter.district) facilities.push('f.lower_district = lower(:district)');
  if (filter.state) facilities.push('lower(f.state) = lower(:state)');
  if (filter.country) facilities.push('f.country = upper(:country)');
  if (filter.service) facilities.push(':service = ANY(f.services)');
  return { units, facilities };
}

const searchParameters = (filter: BedSearch): Record<string, unknown> =>
  Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== null));

/**
 * Every partner sees every active facility of an active organisation; its own inactive facilities too,
 * so that its admins can find and reopen them.
 */
export async function listFacilities(ctx: RequestContext, filter: BedSearch = {}): Promise<Facility[]> {
  const actor = ctx.requireActor();
  const qb = (await ctx.repo(FacilityEntity))
    .createQueryBuilder('f')
    .innerJoin('organisation', 'o', 'o.id = f.organisation_id')
    .where(FACILITY_VISIBLE, { own: actor.organisationId })
    .orderBy('f.country')
    .addOrderBy('f.state')
    .addOrderBy('f.district')
    .addOrderBy('f.name');
  const conditions = bedSearchConditions(filter);
  for (const condition of conditions.facilities) qb.andWhere(condition);
  if (conditions.units.length) {
    const units = qb.subQuery().select('1').from(BedUnitEntity, 'u').where('u.facility_id = f.id');
    for (const condition of conditions.units) units.andWhere(condition);
    qb.andWhere(`EXISTS ${units.getQuery()}`);
  }
  qb.setParameters(searchParameters(filter));
  return (await qb.getMany()).map((row) => toFacility(ctx, row));
}

export async function getFacility(ctx: RequestContext, id: string): Promise<Facility> {
  const row = await ctx.loaders.get(facilityById).load(requireUuid(id, 'id'));
  if (!row) throw new NotFoundError('Facility');
  return toFacility(ctx, row);
}

/** At once when a list read brought the facility along (the bed board), else loaded. */
export function facilityOf(ctx: RequestContext, id: string): Facility | Promise<Facility> {
  return ctx.loaders.get(facilityById).mapped(id, (row) => {
    if (!row) throw new Error(`facility ${id} referenced but missing`);
    return toFacility(ctx, row);
  });
}

export async function unitsOf(ctx: RequestContext, facilityId: string): Promise<BedUnit[]> {
  return (await ctx.loaders.get(unitsByFacility).load(facilityId)).map(toBedUnit);
}

export async function bedsAvailableIn(ctx: RequestContext, facilityId: string): Promise<number> {
  return (await unitsOf(ctx, facilityId)).reduce((sum, unit) => sum + unit.available, 0);
}

/** One unit, for whoever may see it on the bed board (and its own organisation, active or not); else NOT_FOUND. */
export async function getBedUnit(ctx: RequestContext, id: string): Promise<BedUnit> {
  const actor = ctx.requireActor();
  const unit = await ctx.loaders.get(unitById).load(requireUuid(id, 'id'));
  if (!unit) throw new NotFoundError('Bed unit');
  if (unit.organisationId !== actor.organisationId) {
    const onBoard = await (
      await ctx.repo(FacilityEntity)
    )
      .createQueryBuilder('f')
      .innerJoin('organisation', 'o', 'o.id = f.organisation_id AND o.active')
      .where('f.id = :facility AND f.active', { facility: unit.facilityId })
      .getExists();
    if (!onBoard) throw new NotFoundError('Bed unit');
  }
  return toBedUnit(unit);
}

/** The bed board's SQL per set of conditions, written once: building it took longer than running it. */
const bedBoardQueries = new Map<string, string>();

/**
 * The network bed board: units of active facilities of active organisations. The hottest read of the
 * network, so it is one statement: a row per facility with its organisation and, as JSON, its matching
 * units (a district's facility and organisation columns are not repeated and parsed once per unit). The
 * units are read per facility (LATERAL), through its index: as a join, PostgreSQL's guess of how many units
 * have a free bed led it to scan every unit of the network. The facilities and organisations prime the
 * loaders, so `BedUnit.facility` and `Facility.organisation` answer at once.
 */
export async function bedAvailability(ctx: RequestContext, filter: BedSearch = {}): Promise<BedUnit[]> {
  const facilities = await ctx.repo(FacilityEntity);
  const { connection } = facilities.manager;
  const unitMetadata = connection.getMetadata(BedUnitEntity);
  const organisationMetadata = connection.getMetadata(OrganisationEntity);
  const conditions = bedSearchConditions(filter);
  const shape = [...conditions.facilities, ...conditions.units].join(' AND ');
  let query = bedBoardQueries.get(shape);
  if (query === undefined) {
    const and = (list: string[]): string => list.map((condition) => ` AND ${condition}`).join('');
    query = `SELECT ${[...plainColumns(facilities.metadata, 'f'), ...plainColumns(organisationMetadata, 'o')].join(', ')},
        units.list AS units
      FROM ${facilities.metadata.tableName} f
      JOIN ${organisationMetadata.tableName} o ON o.id = f.organisation_id AND o.active
      CROSS JOIN LATERAL (
        SELECT json_agg(${plainJsonColumns(unitMetadata, 'u')} ORDER BY u.name, u.id) AS list FROM ${unitMetadata.tableName} u
         WHERE u.facility_id = f.id${and(conditions.units)}
      ) units
      WHERE f.active AND units.list IS NOT NULL${and(conditions.facilities)}
      ORDER BY f.country, f.state, f.district, f.name, f.id`;
    bedBoardQueries.set(shape, query);
  }
  const [sql, parameters] = connection.driver.escapeQueryWithParameters(query, searchParameters(filter));
  const rows = await ctx.unitOfWork.prepared<Record<string, unknown> & { units: unknown[][] }>(sql, parameters);
  const facilityLoader = ctx.loaders.get(facilityById);
  const organisationLoader = ctx.loaders.get(organisationById);
  return rows.flatMap((row) => {
    const facility = plainEntity<FacilityEntity>(facilities.metadata, 'f', row);
    facilityLoader.prime(facility.id, facility);
    organisationLoader.prime(facility.organisationId, plainEntity(organisationMetadata, 'o', row));
    return row.units.map((unit) => toBedUnit(plainEntityFromJsonColumns<BedUnitEntity>(unitMetadata, unit)));
  });
}

const countsOf = (unit: BedCounts): BedCounts => ({
  capacity: unit.capacity,
  occupied: unit.occupied,
  held: unit.held,
});

/**
 * A coordinator's edit of their own unit. The version must match what they saw, so two coordinators
 * never silently overwrite each other; the counts must still fit the beds held for arriving referrals.
 */
export async function updateBedUnit(ctx: RequestContext, input: UpdateBedUnitInput): Promise<BedUnit> {
  const actor = ctx.requireActor();
  const units = await ctx.owned(BedUnitEntity);
  const unit = await units.findOneForUpdate(input.unitId.toLowerCase());
  if (!unit) throw new NotFoundError('Bed unit');
  if (unit.version !== input.expectedVersion) {
    throw new ConflictError('This unit was changed by someone else. Review the current numbers and try again.', {
      current: { ...countsOf(unit), version: unit.version },
    });
  }
  const next = {
    capacity: input.capacity ?? unit.capacity,
    occupied: input.occupied ?? unit.occupied,
    held: unit.held,
  };
  if (next.capacity < next.occupied + next.held) {
    const fields = [input.capacity !== undefined && input.capacity !== null ? 'input.capacity' : 'input.occupied'];
    throw new BadUserInputError(
      `Capacity must be at least occupied plus held beds (${next.occupied} + ${next.held}).`,
      fields,
    );
  }

  const before = countsOf(unit);
  await units.repository
    .createQueryBuilder()
    .update(BedUnitEntity)
    .set({ capacity: next.capacity, occupied: next.occupied })
    .where('id = :id AND organisation_id = :org AND version = :version', {
      id: unit.id,
      org: actor.organisationId,
      version: unit.version,
    })
    .execute();
  const updated = (await units.findOne(unit.id)) as BedUnitEntity;

  await recordBedChange(ctx, updated, BedChangeReason.EDITED, before, input.note ?? null);
  ctx.audit({
    action: 'BED_UNIT_UPDATED',
    entityType: 'BedUnit',
    entityId: unit.id,
    detail: { before, after: countsOf(updated) },
  });
  return toBedUnit(updated);
}

/** History row and live event for every change of a unit's counts. */
async function recordBedChange(
  ctx: RequestContext,
  unit: BedUnitEntity,
  reason: BedChangeReason,
  before: BedCounts | null,
  note: string | null,
): Promise<void> {
  await (
    await ctx.db()
  ).insert(BedUnitHistoryEntity, {
    organisationId: unit.organisationId,
    bedUnitId: unit.id,
    at: ctx.now(),
    actorUserId: ctx.actor?.userId ?? null,
    reason,
    before,
    after: countsOf(unit),
    note,
  });
  const facility = await ctx.loaders.get(facilityById).load(unit.facilityId);
  const event: BedUnitChanged = { unitId: unit.id, district: facility?.district ?? '' };
  ctx.afterCommit(() => ctx.platform.pubSub.publish(Topic.BED_UNIT_CHANGED, event));
}

/** Trimmed text that must not be blank. */
function requiredText(value: string, path: string): string {
  const text = value.trim();
  if (!text) throw new BadUserInputError(`${path} must not be blank.`, [path]);
  return text;
}

const serviceList = (services: readonly string[]): Facility['services'] =>
  [...new Set(services)] as Facility['services'];

/** A new facility of the caller's organisation; its address is seen by that organisation only. */
export async function createFacility(ctx: RequestContext, input: CreateFacilityInput): Promise<Facility> {
  const now = ctx.now();
  const facilities = await ctx.owned(FacilityEntity);
  const facility = await facilities.save(
    facilities.create({
      name: requiredText(input.name, 'input.name'),
      kind: input.kind,
      district: requiredText(input.district, 'input.district'),
      state: requiredText(input.state, 'input.state'),
      country: input.country.toUpperCase(),
      address: input.address?.trim() || null,
      services: serviceList(input.services),
      active: true,
      createdAt: now,
      updatedAt: now,
    }),
  );
  // Ids and field names only: the address is not for the network-wide audit trail.
  ctx.audit({
    action: 'FACILITY_CREATED',
    entityType: 'Facility',
    entityId: facility.id,
    detail: { kind: facility.kind, district: facility.district, country: facility.country },
  });
  publishFacilityChange(ctx, facility);
  ctx.loaders.get(facilityById).prime(facility.id, facility);
  return toFacility(ctx, facility);
}

/** After commit, like bed changes: whatever caches the bed board or the facility list must forget it. */
function publishFacilityChange(ctx: RequestContext, facility: FacilityEntity): void {
  const event: FacilityChanged = { facilityId: facility.id, organisationId: facility.organisationId };
  ctx.afterCommit(() => ctx.platform.pubSub.publish(Topic.FACILITY_CHANGED, event));
}

/** The accepted referrals whose bed holds sit in this facility's units, by code. */
async function referralsHoldingBedsIn(ctx: RequestContext, facility: FacilityEntity): Promise<string[]> {
  const rows = await (
    await ctx.repo(ReferralEntity)
  )
    .createQueryBuilder('r')
    .innerJoin(BedUnitEntity, 'u', 'u.id = r.held_unit_id')
    .where('u.facility_id = :facility', { facility: facility.id })
    .andWhere('r.to_organisation_id = :own', { own: facility.organisationId })
    .andWhere('r.status = :accepted', { accepted: ReferralStatus.ACCEPTED })
    .orderBy('r.code')
    .getMany();
  return rows.map((row) => row.code);
}

/**
 * Edits a facility of the caller's organisation. Deactivating takes it off the bed board and out of
 * new referrals, so it is refused while beds there are held for people on their way: those referrals
 * must be completed or cancelled first.
 */
export async function updateFacility(ctx: RequestContext, input: UpdateFacilityInput): Promise<Facility> {
  const facilities = await ctx.owned(FacilityEntity);
  const facility = await facilities.findOneForUpdate(input.facilityId.toLowerCase());
  if (!facility) throw new NotFoundError('Facility');

  const changed: string[] = [];
  const change = <K extends 'name' | 'district' | 'address' | 'services' | 'active'>(
    field: K,
    value: FacilityEntity[K],
    same: (a: FacilityEntity[K], b: FacilityEntity[K]) => boolean = (a, b) => a === b,
  ): void => {
    if (same(facility[field], value)) return;
    facility[field] = value;
    changed.push(field);
  };
  if (input.name !== undefined && input.name !== null) change('name', requiredText(input.name, 'input.name'));
  if (input.district !== undefined && input.district !== null) {
    change('district', requiredText(input.district, 'input.district'));
  }
  if (input.address !== undefined) change('address', input.address?.trim() || null);
  if (input.services !== undefined && input.services !== null) {
    change('services', serviceList(input.services), (a, b) => a.length === b.length && a.every((s) => b.includes(s)));
  }
  if (input.active === false && facility.active) {
    const holding = await referralsHoldingBedsIn(ctx, facility);
    if (holding.length > 0) {
      throw new BadUserInputError(
        `Beds in this facility are held for accepted referrals ${holding.join(', ')}: complete or cancel them before deactivating it.`,
        ['input.active'],
        { reason: 'BEDS_HELD', referrals: holding },
      );
    }
  }
  if (input.active !== undefined && input.active !== null) change('active', input.active);

  if (changed.length > 0) {
    facility.updatedAt = ctx.now();
    await facilities.save(facility);
    ctx.audit({
      action: 'FACILITY_UPDATED',
      entityType: 'Facility',
      entityId: facility.id,
      detail: { fields: changed, active: facility.active },
    });
    publishFacilityChange(ctx, facility);
  }
  ctx.loaders.get(facilityById).clear(facility.id).prime(facility.id, facility);
  return toFacility(ctx, facility);
}

/** A new unit in a facility of the caller's organisation, with its first history row (CREATED). */
export async function createBedUnit(ctx: RequestContext, input: CreateBedUnitInput): Promise<BedUnit> {
  const problems: { message: string; fields: string[] }[] = [];
  if (input.minAge > input.maxAge) {
    problems.push({ message: 'The minimum age is above the maximum age.', fields: ['input.minAge', 'input.maxAge'] });
  }
  if (input.occupied > input.capacity) {
    problems.push({
      message: 'More beds are occupied than the unit has.',
      fields: ['input.capacity', 'input.occupied'],
    });
  }
  if (problems.length > 0) {
    throw new BadUserInputError(
      problems.map((problem) => problem.message).join(' '),
      problems.flatMap((problem) => problem.fields),
    );
  }
  const name = requiredText(input.name, 'input.name');
  const facility = await (await ctx.owned(FacilityEntity)).findOne(requireUuid(input.facilityId, 'input.facilityId'));
  if (!facility) throw new NotFoundError('Facility');

  const units = await ctx.owned(BedUnitEntity);
  const unit = await units.save(
    units.create({
      facilityId: facility.id,
      name,
      sex: input.sex,
      minAge: input.minAge,
      maxAge: input.maxAge,
      capacity: input.capacity,
      occupied: input.occupied,
      held: 0,
      version: 1,
      updatedAt: ctx.now(),
    }),
  );
  await recordBedChange(ctx, unit, BedChangeReason.CREATED, null, null);
  ctx.audit({
    action: 'BED_UNIT_CREATED',
    entityType: 'BedUnit',
    entityId: unit.id,
    detail: { facilityId: facility.id, after: countsOf(unit) },
  });
  ctx.loaders.get(unitsByFacility).clear(facility.id);
  return toBedUnit(unit);
}

/** A unit of the caller's own organisation, for placing a referral into. */
export async function ownUnit(ctx: RequestContext, unitId: string, path: string): Promise<BedUnitEntity> {
  const unit = await (await ctx.owned(BedUnitEntity)).findOne(requireUuid(unitId, path));
  if (!unit) throw new NotFoundError('Bed unit');
  return unit;
}

interface BedMove {
  held: -1 | 0 | 1;
  occupied: 0 | 1;
  reason: BedChangeReason;
}

const HOLD: BedMove = { held: 1, occupied: 0, reason: BedChangeReason.HELD };
const RELEASE: BedMove = { held: -1, occupied: 0, reason: BedChangeReason.RELEASED };
const ARRIVE: BedMove = { held: -1, occupied: 1, reason: BedChangeReason.ARRIVED };

/**
 * Moves beds in one guarded statement. Taking a hold succeeds only while a bed is free: concurrent
 * accepts queue on the row and re-check the guard, so the last bed goes to exactly one of them; the
 * CHECK constraint stands behind every other move.
 */
async function moveBeds(ctx: RequestContext, unitId: string, move: BedMove, note: string): Promise<BedUnitEntity> {
  // Wrapped in a CTE so the driver answers with the moved rows, not the UPDATE's row count.
  const rows: { id: string }[] = await (
    await ctx.db()
  ).query(
    `WITH moved AS (
       UPDATE bed_unit SET held = held + $2, occupied = occupied + $3, version = version + 1, updated_at = now()
        WHERE id = $1 AND ($2 <= 0 OR capacity - occupied - held >= $2)
        RETURNING id)
     SELECT id FROM moved`,
    [unitId, move.held, move.occupied],
  );
  if (rows.length === 0) throw new NoCapacityError();
  const loader = ctx.loaders.get(unitById).clear(unitId);
  const unit = (await loader.load(unitId)) as BedUnitEntity;
  const before = { capacity: unit.capacity, occupied: unit.occupied - move.occupied, held: unit.held - move.held };
  await recordBedChange(ctx, unit, move.reason, before, note);
  return unit;
}

export const holdBed = (ctx: RequestContext, unitId: string, note: string): Promise<BedUnitEntity> =>
  moveBeds(ctx, unitId, HOLD, note);

export const releaseBed = (ctx: RequestContext, unitId: string, note: string): Promise<BedUnitEntity> =>
  moveBeds(ctx, unitId, RELEASE, note);

export const occupyHeldBed = (ctx: RequestContext, unitId: string, note: string): Promise<BedUnitEntity> =>
  moveBeds(ctx, unitId, ARRIVE, note);

export async function unitOf(ctx: RequestContext, unitId: string): Promise<BedUnit> {
  const unit = await ctx.loaders.get(unitById).load(unitId);
  if (!unit) throw new Error(`bed unit ${unitId} referenced but missing`);
  return toBedUnit(unit);
}

/** What a subscriber receives: the unit as it is now, read in the subscriber's own unit of work. */
export async function changedBedUnit(ctx: RequestContext, event: BedUnitChanged): Promise<BedUnit> {
  ctx.requireActor();
  const unit = await (await ctx.repo(BedUnitEntity)).findOneBy({ id: event.unitId });
  if (!unit) throw new NotFoundError('Bed unit');
  return toBedUnit(unit);
}

/** A chart of a busy unit over months needs more points than a list page holds. */
export const MAX_HISTORY = 1000;
export const DEFAULT_HISTORY = 200;

/** The unit's latest changes since `since`, oldest first: visible to whoever can see the unit. */
export async function historyOf(
  ctx: RequestContext,
  unit: BedUnit,
  since: Date | null | undefined,
  first: number | null | undefined,
): Promise<BedUnitChange[]> {
  const rows = await ctx.loaders.get(historyOfUnit).load({
    organisationId: unit.organisationId,
    unitId: unit.id,
    since: since ?? null,
    first: pageSize(first, DEFAULT_HISTORY, MAX_HISTORY),
  });
  return rows.map((row) =>
    Object.assign(new BedUnitChange(), {
      at: row.at,
      reason: row.reason,
      ...countsOf(row.after),
      available: Math.max(0, row.after.capacity - row.after.occupied - row.after.held),
    }),
  );
}
