import { createHash } from 'node:crypto';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { canonicalJson } from '../../common/canonical-json';
import { nextSequenceNumber, padSequence } from '../../common/codes';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
} from '../../common/errors';
import { requireUuid } from '../../common/ids';
import { reasonText } from '../../common/text';
import { keysetPage, type PageRead } from '../../common/pagination';
import { plainColumns, plainEntity, plainEntityFromJsonColumns, plainJsonColumns } from '../../database/plain-rows';
import type { Actor, RequestContext } from '../../context/request-context';
import { Topic, type ReferralChanged } from '../../context/topics';
import { FacilityEntity } from '../facility/facility.entity';
import { facilityById } from '../facility/facility.loaders';
import { holdBed, occupyHeldBed, ownUnit, releaseBed } from '../facility/facility.service';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { organisationById } from '../organisation/organisation.loaders';
import { ConsentPurpose } from '../subject/subject.enums';
import { SubjectEntity } from '../subject/subject.entity';
import { visibleSubjectById } from '../subject/subject.loaders';
import { requireLiveConsent, toSubject, visibleSubject } from '../subject/subject.service';
import { ReferralBox, ReferralStatus } from './referral.enums';
import { ReferralEntity, ReferralEventEntity } from './referral.entity';
import { eventsByReferral, visibleReferralById } from './referral.loaders';
import {
  Referral,
  ReferralConnection,
  ReferralEvent,
  ReferralStatusCount,
  type CreateReferralInput,
  type ReferralFilter,
} from './referral.types';

export function toReferral(entity: ReferralEntity): Referral {
  return Object.assign(new Referral(), {
    id: entity.id,
    code: entity.code,
    status: entity.status,
    urgency: entity.urgency,
    needs: entity.needs,
    summary: entity.summary,
    holdExpiresAt: entity.holdExpiresAt,
    declineReason: entity.declineReason,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    subjectId: entity.subjectId,
    fromOrganisationId: entity.fromOrganisationId,
    toOrganisationId: entity.toOrganisationId,
    toFacilityId: entity.toFacilityId,
    heldUnitId: entity.heldUnitId,
  });
}

function toReferralEvent(entity: ReferralEventEntity): ReferralEvent {
  return Object.assign(new ReferralEvent(), {
    id: entity.id,
    at: entity.at,
    status: entity.status,
    note: entity.note,
    actorUserId: entity.actorUserId,
    organisationId: entity.organisationId,
  });
}

type Side = 'SENDER' | 'RECEIVER' | 'EITHER';

interface Transition {
  from: ReferralStatus[];
  to: ReferralStatus;
  side: Side;
  verb: string;
}

/** DESIGN.md § Domain rules: SUBMITTED → ACCEPTED | DECLINED | WITHDRAWN; ACCEPTED → COMPLETED | CANCELLED | EXPIRED. */
const TRANSITIONS = {
  accept: { from: [ReferralStatus.SUBMITTED], to: ReferralStatus.ACCEPTED, side: 'RECEIVER', verb: 'accepted' },
  decline: { from: [ReferralStatus.SUBMITTED], to: ReferralStatus.DECLINED, side: 'RECEIVER', verb: 'declined' },
  withdraw: { from: [ReferralStatus.SUBMITTED], to: ReferralStatus.WITHDRAWN, side: 'SENDER', verb: 'withdrawn' },
  complete: { from: [ReferralStatus.ACCEPTED], to: ReferralStatus.COMPLETED, side: 'RECEIVER', verb: 'completed' },
  cancel: { from: [ReferralStatus.ACCEPTED], to: ReferralStatus.CANCELLED, side: 'EITHER', verb: 'cancelled' },
} satisfies Record<string, Transition>;

function sideAllows(actor: Actor, referral: ReferralEntity, side: Side): boolean {
  const sender = referral.fromOrganisationId === actor.organisationId;
  const receiver = referral.toOrganisationId === actor.organisationId;
  return side === 'EITHER' ? sender || receiver : side === 'SENDER' ? sender : receiver;
}

async function appendEvent(
  ctx: RequestContext,
  referral: ReferralEntity,
  note: string | null,
  organisationId: string,
): Promise<void> {
  await (
    await ctx.db()
  ).insert(ReferralEventEntity, {
    referralId: referral.id,
    at: ctx.now(),
    status: referral.status,
    actorUserId: ctx.actor?.userId ?? null,
    organisationId,
    note,
  });
  ctx.audit({
    action: `REFERRAL_${referral.status}`,
    entityType: 'Referral',
    entityId: referral.id,
    detail: { status: referral.status },
  });
  const event: ReferralChanged = {
    referralId: referral.id,
    organisationIds: [referral.fromOrganisationId, referral.toOrganisationId],
  };
  ctx.afterCommit(() => ctx.platform.pubSub.publish(Topic.REFERRAL_UPDATED, event));
}

async function lockVisibleReferral(ctx: RequestContext, id: string): Promise<ReferralEntity> {
  const me = ctx.requireActor().organisationId;
  const referral = await (
    await ctx.repo(ReferralEntity)
  )
    .createQueryBuilder('r')
    .where('r.id = :id', { id: requireUuid(id, 'id') })
    .andWhere('(r.from_organisation_id = :me OR r.to_organisation_id = :me)', { me })
    .setLock('pessimistic_write')
    .getOne();
  if (!referral) throw new NotFoundError('Referral');
  return referral;
}

/**
 * One transition of the state machine, in order: the referral must be visible (NOT_FOUND), the caller on
 * the right side (FORBIDDEN), the state must allow it (INVALID_TRANSITION); then the effect, the new
 * state, the event, the audit entry and the notification, all in the request's transaction.
 */
async function transition(
  ctx: RequestContext,
  id: string,
  step: Transition,
  note: string | null,
  effect?: (referral: ReferralEntity) => Promise<void>,
): Promise<Referral> {
  const actor = ctx.requireActor();
  const referral = await lockVisibleReferral(ctx, id);
  if (!sideAllows(actor, referral, step.side)) {
    const who = step.side === 'SENDER' ? 'sending' : 'receiving';
    throw new ForbiddenError(`Only the ${who} organisation can do this.`);
  }
  if (!step.from.includes(referral.status)) {
    throw new InvalidTransitionError(
      `A ${referral.status.toLowerCase()} referral cannot be ${step.verb}.`,
      referral.status,
    );
  }
  await effect?.(referral);
  referral.status = step.to;
  referral.updatedAt = ctx.now();
  await (await ctx.db()).save(referral);
  await appendEvent(ctx, referral, note, actor.organisationId);
  ctx.loaders.get(visibleReferralById).clear(referral.id).prime(referral.id, referral);
  return toReferral(referral);
}

function endHold(referral: ReferralEntity): void {
  referral.heldUnitId = null;
  referral.holdExpiresAt = null;
}

export async function acceptReferral(
  ctx: RequestContext,
  id: string,
  unitId: string | null | undefined,
): Promise<Referral> {
  return transition(ctx, id, TRANSITIONS.accept, null, async (referral) => {
    if (!unitId) return;
    const unit = await ownUnit(ctx, unitId, 'unitId');
    const facility = await (await ctx.repo(FacilityEntity)).findOneByOrFail({ id: unit.facilityId });
    if (!facility.active)
      throw new BadUserInputError('This unit belongs to a facility that is not active.', ['unitId']);
    const subject = toSubject(ctx, await visibleSubject(ctx, referral.subjectId));
    if (unit.sex !== subject.sex) {
      throw new BadUserInputError(
        `The unit takes ${unit.sex.toLowerCase()} residents; the subject is ${subject.sex.toLowerCase()}.`,
        ['unitId'],
      );
    }
    if (subject.age === null) {
      throw new BadUserInputError("The subject's age is not known, so eligibility cannot be checked.", ['unitId']);
    }
    if (subject.age < unit.minAge || subject.age > unit.maxAge) {
      throw new BadUserInputError(`The unit takes ages ${unit.minAge}-${unit.maxAge}; the subject is ${subject.age}.`, [
        'unitId',
      ]);
    }
    await holdBed(ctx, unit.id, `hold for referral ${referral.code}`);
    referral.heldUnitId = unit.id;
    referral.holdExpiresAt = new Date(ctx.now().getTime() + ctx.platform.settings.referralHoldHours * 3_600_000);
  });
}

export function declineReferral(ctx: RequestContext, id: string, reason: string): Promise<Referral> {
  const note = reasonText(reason, 'reason', true);
  return transition(ctx, id, TRANSITIONS.decline, note, async (referral) => {
    referral.declineReason = note;
  });
}

export function withdrawReferral(
  ctx: RequestContext,
  id: string,
  reason: string | null | undefined,
): Promise<Referral> {
  return transition(ctx, id, TRANSITIONS.withdraw, reasonText(reason, 'reason', false));
}

export function completeReferral(ctx: RequestContext, id: string): Promise<Referral> {
  return transition(ctx, id, TRANSITIONS.complete, null, async (referral) => {
    if (referral.heldUnitId) await occupyHeldBed(ctx, referral.heldUnitId, `arrival for referral ${referral.code}`);
    endHold(referral);
  });
}

export function cancelReferral(ctx: RequestContext, id: string, reason: string): Promise<Referral> {
  return transition(ctx, id, TRANSITIONS.cancel, reasonText(reason, 'reason', true), async (referral) => {
    if (referral.heldUnitId) await releaseBed(ctx, referral.heldUnitId, `cancelled referral ${referral.code}`);
    endHold(referral);
  });
}

/** What an idempotent retry must repeat exactly to be answered with the referral it created. */
function inputDigest(input: CreateReferralInput): string {
  const { idempotencyKey: _key, ...rest } = input;
  return createHash('sha256')
    .update(canonicalJson({ ...rest, needs: [...new Set(input.needs)].sort() }))
    .digest('hex');
}

async function previousAttempt(ctx: RequestContext, key: string, digest: string): Promise<Referral | null> {
  const actor = ctx.requireActor();
  const manager = await ctx.db();
  // Serialises concurrent retries with one key: the second waits, then finds the first one's referral.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`referral:${actor.organisationId}:${key}`]);
  const existing = await manager.findOneBy(ReferralEntity, {
    fromOrganisationId: actor.organisationId,
    idempotencyKey: key,
  });
  if (!existing) return null;
  if (existing.idempotencyDigest !== digest) {
    throw new ConflictError('This idempotency key was already used for a different referral.');
  }
  return toReferral(existing);
}

export async function createReferral(ctx: RequestContext, input: CreateReferralInput): Promise<Referral> {
  const actor = ctx.requireActor();
  const digest = inputDigest(input);
  if (input.idempotencyKey) {
    const previous = await previousAttempt(ctx, input.idempotencyKey, digest);
    if (previous) return previous;
  }

  const subject = await visibleSubject(ctx, input.subjectId, 'input.subjectId');
  if (subject.organisationId !== actor.organisationId) {
    throw new ForbiddenError('Only the organisation that registered the subject can refer them.');
  }
  const toOrganisationId = input.toOrganisationId.toLowerCase();
  const receiver = await (await ctx.repo(OrganisationEntity)).findOneBy({ id: toOrganisationId });
  if (!receiver || !receiver.active || receiver.id === actor.organisationId) {
    throw new BadUserInputError('Refer to another active organisation of the network.', ['input.toOrganisationId']);
  }
  const toFacilityId = input.toFacilityId?.toLowerCase() ?? null;
  if (toFacilityId) {
    const facility = await (await ctx.repo(FacilityEntity)).findOneBy({ id: toFacilityId });
    if (!facility || facility.organisationId !== receiver.id || !facility.active) {
      throw new BadUserInputError('The facility must be an active facility of the receiving organisation.', [
        'input.toFacilityId',
      ]);
    }
  }
  const consent = input.consentId
    ? await requireLiveConsent(
        ctx,
        input.consentId,
        subject.id,
        receiver.id,
        ConsentPurpose.REFERRAL,
        'input.consentId',
      )
    : null;
  const summary = input.summary.trim();
  if (!summary) throw new BadUserInputError('Write a summary of the referral.', ['input.summary']);

  const manager = await ctx.db();
  const organisation = await manager.findOneByOrFail(OrganisationEntity, { id: actor.organisationId });
  const now = ctx.now();
  const year = now.getUTCFullYear();
  const sequence = await nextSequenceNumber(manager, actor.organisationId, 'REFERRAL', year);
  const referral = manager.create(ReferralEntity, {
    code: `${organisation.shortName}-R-${year}-${padSequence(sequence)}`,
    fromOrganisationId: actor.organisationId,
    toOrganisationId: receiver.id,
    toFacilityId,
    subjectId: subject.id,
    consentId: consent?.id ?? null,
    status: ReferralStatus.SUBMITTED,
    urgency: input.urgency,
    needs: [...new Set(input.needs)],
    summary,
    heldUnitId: null,
    holdExpiresAt: null,
    declineReason: null,
    idempotencyKey: input.idempotencyKey ?? null,
    idempotencyDigest: input.idempotencyKey ? digest : null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await manager.save(referral);
  await appendEvent(ctx, referral, null, actor.organisationId);
  return toReferral(referral);
}

export async function getReferral(ctx: RequestContext, id: string): Promise<Referral> {
  const referral = await ctx.loaders.get(visibleReferralById).load(requireUuid(id, 'id'));
  if (!referral) throw new NotFoundError('Referral');
  return toReferral(referral);
}

/** Referrals received (INBOX), sent (OUTBOX) or either way by the caller's organisation. */
function boxOf(
  referrals: Repository<ReferralEntity>,
  me: string,
  box: ReferralBox | null | undefined,
): SelectQueryBuilder<ReferralEntity> {
  const qb = referrals.createQueryBuilder('r');
  if (box === ReferralBox.INBOX) return qb.where('r.to_organisation_id = :me', { me });
  if (box === ReferralBox.OUTBOX) return qb.where('r.from_organisation_id = :me', { me });
  return qb.where('(r.from_organisation_id = :me OR r.to_organisation_id = :me)', { me });
}

export async function listReferrals(
  ctx: RequestContext,
  filter: ReferralFilter | undefined,
  first: number | undefined,
  after: string | undefined,
  /** What the operation asks of each referral that the page's statement can bring along. */
  bringAlong: { events: boolean } = { events: false },
): Promise<ReferralConnection> {
  const me = ctx.requireActor().organisationId;
  const referrals = await ctx.repo(ReferralEntity);
  const qb = boxOf(referrals, me, filter?.box);
  if (filter?.status?.length) qb.andWhere('r.status = ANY(:statuses)', { statuses: filter.status });
  // Each referral comes with both organisations, its facility and its subject, which the inbox shows beside
  // it; they prime the loaders its fields read from.
  const { metadata } = referrals;
  const metadataOf = referrals.manager.connection.getMetadata.bind(referrals.manager.connection);
  const organisationMetadata = metadataOf(OrganisationEntity);
  const facilityMetadata = metadataOf(FacilityEntity);
  const subjectMetadata = metadataOf(SubjectEntity);
  const referralLoader = ctx.loaders.get(visibleReferralById);
  const organisations = ctx.loaders.get(organisationById);
  const facilities = ctx.loaders.get(facilityById);
  const subjects = ctx.loaders.get(visibleSubjectById);
  const eventMetadata = metadataOf(ReferralEventEntity);
  const events = ctx.loaders.get(eventsByReferral);
  const withParties: PageRead<ReferralEntity> = {
    shape: bringAlong.events ? 'parties and events' : 'parties',
    select: (ordered) => {
      const withColumns = ordered
        .select(plainColumns(metadata, 'r'))
        .addSelect(plainColumns(organisationMetadata, 'sender'))
        .addSelect(plainColumns(organisationMetadata, 'receiver'))
        .addSelect(plainColumns(facilityMetadata, 'f'))
        .addSelect(plainColumns(subjectMetadata, 's'))
        .innerJoin(OrganisationEntity, 'sender', 'sender.id = r.from_organisation_id')
        .innerJoin(OrganisationEntity, 'receiver', 'receiver.id = r.to_organisation_id')
        .leftJoin(FacilityEntity, 'f', 'f.id = r.to_facility_id')
        .leftJoin(SubjectEntity, 's', 's.id = r.subject_id');
      if (bringAlong.events) {
        withColumns.addSelect(
          `(SELECT json_agg(${plainJsonColumns(eventMetadata, 'e')} ORDER BY e.id) FROM referral_event e WHERE e.referral_id = r.id)`,
          'events',
        );
      }
      return withColumns;
    },
    toRow: (row) => {
      const referral = plainEntity<ReferralEntity>(metadata, 'r', row);
      referralLoader.prime(referral.id, referral);
      organisations.prime(referral.fromOrganisationId, plainEntity(organisationMetadata, 'sender', row));
      organisations.prime(referral.toOrganisationId, plainEntity(organisationMetadata, 'receiver', row));
      if (referral.toFacilityId) facilities.prime(referral.toFacilityId, plainEntity(facilityMetadata, 'f', row));
      if (bringAlong.events) {
        const eventRows = (row['events'] ?? []) as unknown[][];
        events.prime(
          referral.id,
          eventRows.map((event) => plainEntityFromJsonColumns<ReferralEventEntity>(eventMetadata, event)),
        );
      }
      const subject = plainEntity<SubjectEntity>(subjectMetadata, 's', row);
      // Primed only where the subject loader's own rule shows it: referred to the caller, or the caller's own.
      if (subject.id && (referral.toOrganisationId === me || subject.organisationId === me)) {
        subjects.prime(subject.id, subject);
      }
      return referral;
    },
  };
  const { rows: _rows, ...connection } = await keysetPage(
    ctx,
    qb,
    'r',
    { first, after, fallbackSize: 50 },
    toReferral,
    withParties,
  );
  return Object.assign(new ReferralConnection(), connection);
}

/** How many referrals of the box (or both) are in each status, zeros included, for a list's tabs. */
export async function countReferralsByStatus(
  ctx: RequestContext,
  box: ReferralBox | undefined,
): Promise<ReferralStatusCount[]> {
  const me = ctx.requireActor().organisationId;
  const rows = await boxOf(await ctx.repo(ReferralEntity), me, box)
    .select('r.status', 'status')
    .addSelect('count(*)::int', 'count')
    .groupBy('r.status')
    .getRawMany<{ status: ReferralStatus; count: number }>();
  const counted = new Map(rows.map((row) => [row.status, row.count]));
  return Object.values(ReferralStatus).map((status) =>
    Object.assign(new ReferralStatusCount(), { status, count: counted.get(status) ?? 0 }),
  );
}

export async function eventsOf(ctx: RequestContext, referralId: string): Promise<ReferralEvent[]> {
  return (await ctx.loaders.get(eventsByReferral).load(referralId)).map(toReferralEvent);
}

/** A subscriber's view of a changed referral, re-read in the subscriber's own unit of work. */
export function changedReferral(ctx: RequestContext, event: ReferralChanged): Promise<Referral> {
  return getReferral(ctx, event.referralId);
}

/** Organisations holding beds for referrals whose hold has run out; each then expires its own. */
export async function organisationsWithExpiredHolds(ctx: RequestContext): Promise<string[]> {
  const rows: { id: string }[] = await (
    await ctx.db()
  ).query(`SELECT app_due_hold_organisations($1) AS id`, [ctx.now()]);
  return rows.map((row) => row.id);
}

/**
 * Ends holds whose time is up: the referral becomes EXPIRED and the bed is free again. Rows are claimed
 * with SKIP LOCKED, so any number of gateways may run this at once without touching a referral twice.
 */
export async function expireHolds(ctx: RequestContext, batchSize = 100): Promise<number> {
  const manager = await ctx.db();
  const due = await (
    await ctx.repo(ReferralEntity)
  )
    .createQueryBuilder('r')
    .where('r.status = :accepted', { accepted: ReferralStatus.ACCEPTED })
    .andWhere('r.hold_expires_at <= :now', { now: ctx.now() })
    .orderBy('r.hold_expires_at')
    .limit(batchSize)
    .setLock('pessimistic_write')
    .setOnLocked('skip_locked')
    .getMany();
  for (const referral of due) {
    if (referral.heldUnitId) await releaseBed(ctx, referral.heldUnitId, `hold expired for referral ${referral.code}`);
    endHold(referral);
    referral.status = ReferralStatus.EXPIRED;
    referral.updatedAt = ctx.now();
    await manager.save(referral);
    await appendEvent(ctx, referral, 'The bed hold expired before arrival.', referral.toOrganisationId);
  }
  return due.length;
}
