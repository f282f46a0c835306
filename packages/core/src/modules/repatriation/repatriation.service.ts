import { nextSequenceNumber, padSequence } from '../../common/codes';
import { Role } from '../../common/enums';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
} from '../../common/errors';
import { requireUuid } from '../../common/ids';
import { isoDate, reasonText } from '../../common/text';
import type { Actor, RequestContext } from '../../context/request-context';
import { plainColumns, plainEntity } from '../../database/plain-rows';
import { Topic, type RepatriationChanged } from '../../context/topics';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { ConsentPurpose } from '../subject/subject.enums';
import { requireLiveConsent, visibleSubject } from '../subject/subject.service';
import {
  CaseEventKind,
  COUNTERPART_STEPS,
  DOCUMENT_PROGRESSION,
  type DocumentKind,
  DocumentStatus,
  MILESTONE_ORDER,
  MilestoneKind,
  MilestoneStatus,
  RepatriationStatus,
  RepatriationUpdateReason,
} from './repatriation.enums';
import {
  CaseDocumentEntity,
  CaseEventEntity,
  FollowUpVisitEntity,
  MilestoneEntity,
  RepatriationCaseEntity,
} from './repatriation.entity';
import {
  caseEventsByCase,
  documentsByCase,
  milestonesByCase,
  visibleCaseById,
  visitsByCase,
} from './repatriation.loaders';
import {
  CaseDocument,
  CaseEvent,
  FollowUpVisit,
  Milestone,
  RepatriationCase,
  type OpenRepatriationInput,
  type RecordDocumentInput,
  type UpdateMilestoneInput,
} from './repatriation.types';

const FOLLOW_UP_MONTHS = [1, 3, 6, 12];
const EXPIRY_WARNING_DAYS = 30;
/** Statuses nobody can move a case on from, except by resuming it (ON_HOLD). */
const HALTED = new Set([RepatriationStatus.ON_HOLD, RepatriationStatus.CANCELLED, RepatriationStatus.CLOSED]);
const SETTLED = new Set([MilestoneStatus.DONE, MilestoneStatus.NOT_APPLICABLE]);

const asDate = (day: string | null): Date | null => (day ? new Date(`${day}T00:00:00Z`) : null);
const days = new WeakMap<RequestContext, string>();

/** The request's calendar day, worked out once: a case list compares hundreds of due dates with it. */
function today(ctx: RequestContext): string {
  let day = days.get(ctx);
  if (day === undefined) days.set(ctx, (day = isoDate(ctx.now())));
  return day;
}

function addMonths(day: Date, months: number): string {
  const next = new Date(day);
  next.setUTCMonth(next.getUTCMonth() + months);
  return isoDate(next);
}

function addDays(day: string, days: number): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return isoDate(next);
}

export function toCase(entity: RepatriationCaseEntity): RepatriationCase {
  return Object.assign(new RepatriationCase(), {
    id: entity.id,
    code: entity.code,
    status: entity.status,
    statusReason: entity.statusReason,
    destinationCountry: entity.destinationCountry,
    destinationRegion: entity.destinationRegion,
    borderPoint: entity.borderPoint,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    subjectId: entity.subjectId,
    homeOrganisationId: entity.homeOrganisationId,
    counterpartOrganisationId: entity.counterpartOrganisationId,
  });
}

const isOverdue = (ctx: RequestContext, milestone: MilestoneEntity): boolean =>
  milestone.dueOn !== null && milestone.dueOn < today(ctx) && !SETTLED.has(milestone.status);

function toMilestone(ctx: RequestContext, entity: MilestoneEntity): Milestone {
  return Object.assign(new Milestone(), {
    id: entity.id,
    kind: entity.kind,
    status: entity.status,
    dueOn: asDate(entity.dueOn),
    completedAt: entity.completedAt,
    overdue: isOverdue(ctx, entity),
    note: entity.note,
    byCounterpart: COUNTERPART_STEPS.has(entity.kind),
  });
}

/** A document past its expiry date is EXPIRED the moment the date passes, with nobody touching it. */
function effectiveStatus(ctx: RequestContext, entity: CaseDocumentEntity): DocumentStatus {
  return entity.expiresOn !== null && entity.expiresOn < today(ctx) ? DocumentStatus.EXPIRED : entity.status;
}

function toDocument(ctx: RequestContext, entity: CaseDocumentEntity): CaseDocument {
  const status = effectiveStatus(ctx, entity);
  return Object.assign(new CaseDocument(), {
    id: entity.id,
    kind: entity.kind,
    status,
    issuer: entity.issuer,
    reference: entity.reference,
    issuedOn: asDate(entity.issuedOn),
    expiresOn: asDate(entity.expiresOn),
    expiringSoon:
      status !== DocumentStatus.EXPIRED &&
      entity.expiresOn !== null &&
      entity.expiresOn <= addDays(today(ctx), EXPIRY_WARNING_DAYS),
  });
}

function toVisit(ctx: RequestContext, entity: FollowUpVisitEntity): FollowUpVisit {
  return Object.assign(new FollowUpVisit(), {
    id: entity.id,
    months: entity.months,
    dueOn: asDate(entity.dueOn) as Date,
    visitedAt: entity.visitedAt,
    note: entity.note,
    overdue: entity.visitedAt === null && entity.dueOn < today(ctx),
  });
}

/**
 * What an event records beyond its kind, kept in its `detail` (migration 1763940000000 filled these in for the
 * events written before they existed) so that readers need not parse `concerning`.
 */
interface CaseEventFacts {
  milestone?: MilestoneKind;
  milestoneStatus?: MilestoneStatus;
  document?: DocumentKind;
  documentStatus?: DocumentStatus;
  expiresOn?: string;
  fromStatus?: RepatriationStatus;
  toStatus?: RepatriationStatus;
  reason?: string;
  months?: number;
  counterpartOrganisationId?: string;
}

type CaseEventDetail = CaseEventFacts & { concerning?: string; note?: string };

function toCaseEvent(entity: CaseEventEntity): CaseEvent {
  const detail = entity.detail as CaseEventDetail;
  return Object.assign(new CaseEvent(), {
    id: entity.id,
    at: entity.at,
    kind: entity.kind,
    concerning: detail.concerning ?? null,
    note: detail.note ?? null,
    milestone: detail.milestone ?? null,
    milestoneStatus: detail.milestoneStatus ?? null,
    document: detail.document ?? null,
    documentStatus: detail.documentStatus ?? null,
    expiresOn: asDate(detail.expiresOn ?? null),
    fromStatus: detail.fromStatus ?? null,
    toStatus: detail.toStatus ?? null,
    reason: detail.reason ?? null,
    months: detail.months ?? null,
    organisationId: entity.organisationId,
    counterpartOrganisationId: detail.counterpartOrganisationId ?? null,
  });
}

type Side = 'HOME' | 'COUNTERPART';

function sideOf(actor: Actor, entity: RepatriationCaseEntity): Side {
  return entity.homeOrganisationId === actor.organisationId ? 'HOME' : 'COUNTERPART';
}

/** The home organisation runs the case; the counterpart only carries out its own steps. */
function requireHome(actor: Actor, entity: RepatriationCaseEntity): void {
  if (sideOf(actor, entity) !== 'HOME') throw new ForbiddenError('Only the home organisation can do this.');
}

/** On the counterpart's side only its liaison works on the case, as the home organisation asked it to. */
function requireCounterpartLiaison(actor: Actor, entity: RepatriationCaseEntity, work: string): void {
  if (sideOf(actor, entity) === 'COUNTERPART' && !actor.roles.has(Role.REPATRIATION_LIAISON)) {
    throw new ForbiddenError(`Only the counterpart's liaison ${work} for it.`);
  }
}

async function lockVisibleCase(ctx: RequestContext, id: string, path: string): Promise<RepatriationCaseEntity> {
  const me = ctx.requireActor().organisationId;
  const entity = await (
    await ctx.repo(RepatriationCaseEntity)
  )
    .createQueryBuilder('c')
    .where('c.id = :id', { id: requireUuid(id, path) })
    .andWhere('(c.home_organisation_id = :me OR c.counterpart_organisation_id = :me)', { me })
    .setLock('pessimistic_write')
    .getOne();
  if (!entity) throw new NotFoundError('Repatriation case');
  return entity;
}

function requireMoving(entity: RepatriationCaseEntity): void {
  if (HALTED.has(entity.status)) {
    throw new InvalidTransitionError(`The case is ${entity.status.toLowerCase().replace('_', ' ')}.`, entity.status);
  }
}

interface CaseChange {
  kind: CaseEventKind;
  concerning?: string | null;
  note?: string | null;
  facts: CaseEventFacts;
  notify?: { reason: RepatriationUpdateReason; milestone?: MilestoneKind; document?: string };
}

/** Event on the case, audit entry, and (for what the other side should hear of) a notification after commit. */
async function recordChange(ctx: RequestContext, entity: RepatriationCaseEntity, change: CaseChange): Promise<void> {
  const manager = await ctx.db();
  entity.updatedAt = ctx.now();
  await manager.update(
    RepatriationCaseEntity,
    { id: entity.id },
    { updatedAt: entity.updatedAt, status: entity.status },
  );
  await manager.insert(CaseEventEntity, {
    caseId: entity.id,
    at: ctx.now(),
    actorUserId: ctx.actor?.userId ?? null,
    organisationId: ctx.actor?.organisationId ?? null,
    kind: change.kind,
    detail: { concerning: change.concerning ?? undefined, note: change.note ?? undefined, ...change.facts },
  });
  ctx.audit({
    action: `REPATRIATION_${change.kind}`,
    entityType: 'RepatriationCase',
    entityId: entity.id,
    detail: { concerning: change.concerning ?? null, status: entity.status },
  });
  if (change.notify) {
    const event: RepatriationChanged = {
      caseId: entity.id,
      organisationIds: [entity.homeOrganisationId, entity.counterpartOrganisationId].filter((id): id is string => !!id),
      actorOrganisationId: ctx.actor?.organisationId ?? null,
      reason: change.notify.reason,
      milestone: change.notify.milestone ?? null,
      document: change.notify.document ?? null,
    };
    ctx.afterCommit(() => ctx.platform.pubSub.publish(Topic.REPATRIATION_UPDATED, event));
  }
  ctx.loaders.get(caseEventsByCase).clear(entity.id);
}

async function counterpartFor(ctx: RequestContext, organisationId: string, path: string): Promise<OrganisationEntity> {
  const organisation = await (await ctx.repo(OrganisationEntity)).findOneBy({ id: requireUuid(organisationId, path) });
  if (!organisation || !organisation.active || organisation.id === ctx.requireActor().organisationId) {
    throw new BadUserInputError('The counterpart must be another active organisation of the network.', [path]);
  }
  return organisation;
}

export async function openCase(ctx: RequestContext, input: OpenRepatriationInput): Promise<RepatriationCase> {
  const actor = ctx.requireActor();
  const subject = await visibleSubject(ctx, input.subjectId, 'input.subjectId');
  if (subject.organisationId !== actor.organisationId) {
    throw new ForbiddenError('Only the organisation that registered the subject can open a repatriation case.');
  }
  const counterpart = input.counterpartOrganisationId
    ? await counterpartFor(ctx, input.counterpartOrganisationId, 'input.counterpartOrganisationId')
    : null;
  if (input.consentId && !counterpart) {
    throw new BadUserInputError('A consent shares the identity with the counterpart: name the counterpart too.', [
      'input.consentId',
    ]);
  }
  const consent =
    input.consentId && counterpart
      ? await requireLiveConsent(
          ctx,
          input.consentId,
          subject.id,
          counterpart.id,
          ConsentPurpose.REPATRIATION,
          'input.consentId',
        )
      : null;

  const manager = await ctx.db();
  // Serialises two liaisons opening a case for one subject at the same moment.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`repatriation:${subject.id}`]);
  const open = await manager
    .createQueryBuilder(RepatriationCaseEntity, 'c')
    .where('c.subject_id = :subject', { subject: subject.id })
    .andWhere('c.status NOT IN (:...ended)', { ended: [RepatriationStatus.CLOSED, RepatriationStatus.CANCELLED] })
    .getOne();
  if (open)
    throw new ConflictError(`This subject already has a repatriation case under way (${open.code}).`, {
      caseId: open.id,
    });

  const organisation = await manager.findOneByOrFail(OrganisationEntity, { id: actor.organisationId });
  const now = ctx.now();
  const year = now.getUTCFullYear();
  const sequence = await nextSequenceNumber(manager, actor.organisationId, 'REPATRIATION', year);
  const entity = manager.create(RepatriationCaseEntity, {
    code: `${organisation.shortName}-RP-${year}-${padSequence(sequence)}`,
    homeOrganisationId: actor.organisationId,
    counterpartOrganisationId: counterpart?.id ?? null,
    subjectId: subject.id,
    consentId: consent?.id ?? null,
    status: RepatriationStatus.OPEN,
    statusReason: null,
    destinationCountry: input.destinationCountry.toUpperCase(),
    destinationRegion: input.destinationRegion?.trim() || null,
    borderPoint: input.borderPoint?.trim() || null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await manager.save(entity);
  await manager.insert(
    MilestoneEntity,
    MILESTONE_ORDER.map((kind, position) => ({
      caseId: entity.id,
      kind,
      position,
      status: kind === MilestoneKind.IDENTIFIED ? MilestoneStatus.DONE : MilestoneStatus.PENDING,
      completedAt: kind === MilestoneKind.IDENTIFIED ? now : null,
      dueOn: null,
      note: null,
      updatedBy: actor.userId,
      updatedAt: now,
    })),
  );
  await recordChange(ctx, entity, {
    kind: CaseEventKind.OPENED,
    concerning: entity.destinationCountry,
    facts: { toStatus: entity.status },
  });
  return toCase(entity);
}

/** What the milestones say the case's status is, while nobody has put it on hold, cancelled or closed it. */
function statusFromMilestones(milestones: MilestoneEntity[], visits: FollowUpVisitEntity[]): RepatriationStatus {
  const done = (kind: MilestoneKind): boolean =>
    milestones.some((m) => m.kind === kind && m.status === MilestoneStatus.DONE);
  if (done(MilestoneKind.FOLLOW_UP)) return RepatriationStatus.CLOSED;
  if (done(MilestoneKind.REUNIFIED) || visits.some((v) => v.visitedAt)) return RepatriationStatus.FOLLOW_UP;
  if (done(MilestoneKind.HANDED_OVER)) return RepatriationStatus.HANDED_OVER;
  const progressed = milestones.some(
    (m) => m.kind !== MilestoneKind.IDENTIFIED && m.status !== MilestoneStatus.PENDING,
  );
  return progressed ? RepatriationStatus.IN_PROGRESS : RepatriationStatus.OPEN;
}

async function loadSteps(
  ctx: RequestContext,
  caseId: string,
): Promise<{ milestones: MilestoneEntity[]; visits: FollowUpVisitEntity[] }> {
  const manager = await ctx.db();
  const [milestones, visits] = await Promise.all([
    manager.find(MilestoneEntity, { where: { caseId }, order: { position: 'ASC' } }),
    manager.find(FollowUpVisitEntity, { where: { caseId }, order: { months: 'ASC' } }),
  ]);
  return { milestones, visits };
}

/** Follows the milestones into a new case status, telling both sides when it changes. */
async function settleStatus(ctx: RequestContext, entity: RepatriationCaseEntity): Promise<void> {
  const { milestones, visits } = await loadSteps(ctx, entity.id);
  const next = statusFromMilestones(milestones, visits);
  if (next === entity.status) return;
  const previous = entity.status;
  entity.status = next;
  entity.statusReason = null;
  await (await ctx.db()).update(RepatriationCaseEntity, { id: entity.id }, { statusReason: null });
  await recordChange(ctx, entity, {
    kind: CaseEventKind.STATUS_CHANGED,
    concerning: `${previous} → ${next}`,
    facts: { fromStatus: previous, toStatus: next },
    notify: { reason: RepatriationUpdateReason.STATUS_CHANGED },
  });
}

/** Handing over starts the reintegration visits at 1, 3, 6 and 12 months; each is kept as a record. */
async function scheduleFollowUps(
  ctx: RequestContext,
  entity: RepatriationCaseEntity,
  handedOverAt: Date,
): Promise<void> {
  const manager = await ctx.db();
  await manager
    .createQueryBuilder()
    .insert()
    .into(FollowUpVisitEntity)
    .values(FOLLOW_UP_MONTHS.map((months) => ({ caseId: entity.id, months, dueOn: addMonths(handedOverAt, months) })))
    .orIgnore()
    .execute();
  await manager.update(
    MilestoneEntity,
    { caseId: entity.id, kind: MilestoneKind.FOLLOW_UP },
    { dueOn: addMonths(handedOverAt, FOLLOW_UP_MONTHS.at(-1) as number) },
  );
}

function blockingStep(
  milestones: MilestoneEntity[],
  target: MilestoneEntity,
  status: MilestoneStatus,
): MilestoneEntity | undefined {
  if (status === MilestoneStatus.DONE) {
    return milestones.find((m) => m.position < target.position && !SETTLED.has(m.status));
  }
  // Undoing a step would leave a later, completed one out of order.
  if (target.status === MilestoneStatus.DONE) {
    return milestones.find((m) => m.position > target.position && m.status === MilestoneStatus.DONE);
  }
  return undefined;
}

export async function updateMilestone(ctx: RequestContext, input: UpdateMilestoneInput): Promise<RepatriationCase> {
  const actor = ctx.requireActor();
  const entity = await lockVisibleCase(ctx, input.caseId, 'input.caseId');
  if (sideOf(actor, entity) === 'COUNTERPART') {
    if (!actor.roles.has(Role.REPATRIATION_LIAISON) || !COUNTERPART_STEPS.has(input.kind)) {
      throw new ForbiddenError("The counterpart's liaison updates only the steps the counterpart carries out.");
    }
  }
  requireMoving(entity);
  const { milestones } = await loadSteps(ctx, entity.id);
  const target = milestones.find((m) => m.kind === input.kind) as MilestoneEntity;
  const blocker = blockingStep(milestones, target, input.status);
  if (blocker) {
    throw new InvalidTransitionError(
      input.status === MilestoneStatus.DONE
        ? `${input.kind} cannot be done before ${blocker.kind} is done or marked not applicable.`
        : `${input.kind} cannot be reopened while the later step ${blocker.kind} is done.`,
      target.status,
      { blockingStep: blocker.kind },
    );
  }

  const now = ctx.now();
  const completing = input.status === MilestoneStatus.DONE && target.status !== MilestoneStatus.DONE;
  await (
    await ctx.db()
  ).update(
    MilestoneEntity,
    { id: target.id },
    {
      status: input.status,
      completedAt: input.status === MilestoneStatus.DONE ? (target.completedAt ?? now) : null,
      dueOn: input.dueOn === undefined ? target.dueOn : input.dueOn === null ? null : isoDate(input.dueOn),
      note: input.note === undefined ? target.note : input.note?.trim() || null,
      updatedBy: actor.userId,
      updatedAt: now,
    },
  );
  ctx.loaders.get(milestonesByCase).clear(entity.id);
  if (completing && input.kind === MilestoneKind.HANDED_OVER) await scheduleFollowUps(ctx, entity, now);
  ctx.loaders.get(visitsByCase).clear(entity.id);
  await recordChange(ctx, entity, {
    kind: CaseEventKind.MILESTONE_UPDATED,
    concerning: `${input.kind}: ${input.status}`,
    note: input.note ?? null,
    facts: { milestone: input.kind, milestoneStatus: input.status },
    ...(completing ? { notify: { reason: RepatriationUpdateReason.STEP_COMPLETED, milestone: input.kind } } : {}),
  });
  await settleStatus(ctx, entity);
  return toCase(entity);
}

/** Visits are made by whoever is nearest the family: either side's liaison records them. */
export async function recordFollowUpVisit(
  ctx: RequestContext,
  caseId: string,
  months: number,
  note: string | null | undefined,
): Promise<RepatriationCase> {
  const actor = ctx.requireActor();
  const entity = await lockVisibleCase(ctx, caseId, 'caseId');
  requireCounterpartLiaison(actor, entity, 'makes the follow-up visits');
  requireMoving(entity);
  const manager = await ctx.db();
  const visit = await manager.findOneBy(FollowUpVisitEntity, { caseId: entity.id, months });
  if (!visit)
    throw new BadUserInputError('There is no follow-up visit due at that month: is the case handed over?', ['months']);
  if (visit.visitedAt) throw new InvalidTransitionError('This visit is already recorded.', entity.status);
  const text = reasonText(note, 'note', false);
  await manager.update(FollowUpVisitEntity, { id: visit.id }, { visitedAt: ctx.now(), note: text });
  ctx.loaders.get(visitsByCase).clear(entity.id);
  await recordChange(ctx, entity, {
    kind: CaseEventKind.FOLLOW_UP_VISITED,
    concerning: `${months} months`,
    note: text,
    facts: { months },
  });

  const allVisited = (await manager.find(FollowUpVisitEntity, { where: { caseId: entity.id } })).every(
    (v) => v.visitedAt,
  );
  if (allVisited) {
    // The last visit completes the follow-up step, and with it the case.
    await manager.update(
      MilestoneEntity,
      { caseId: entity.id, kind: MilestoneKind.FOLLOW_UP },
      {
        status: MilestoneStatus.DONE,
        completedAt: ctx.now(),
        updatedBy: ctx.actor?.userId ?? null,
        updatedAt: ctx.now(),
      },
    );
    ctx.loaders.get(milestonesByCase).clear(entity.id);
  }
  await settleStatus(ctx, entity);
  return toCase(entity);
}

export async function recordDocument(ctx: RequestContext, input: RecordDocumentInput): Promise<RepatriationCase> {
  const actor = ctx.requireActor();
  const entity = await lockVisibleCase(ctx, input.caseId, 'input.caseId');
  requireCounterpartLiaison(actor, entity, 'records documents');
  if (entity.status === RepatriationStatus.CANCELLED)
    throw new InvalidTransitionError('The case is cancelled.', entity.status);
  const issuedOn = input.issuedOn ? isoDate(input.issuedOn) : null;
  const expiresOn = input.expiresOn ? isoDate(input.expiresOn) : null;
  if (issuedOn && expiresOn && expiresOn < issuedOn) {
    throw new BadUserInputError('A document cannot expire before it was issued.', ['input.expiresOn']);
  }
  const manager = await ctx.db();
  const now = ctx.now();
  const values = {
    kind: input.kind,
    status: input.status,
    issuer: input.issuer?.trim() || null,
    reference: input.reference?.trim() || null,
    issuedOn,
    expiresOn,
    recordedBy: actor.userId,
    updatedAt: now,
  };
  if (input.documentId) {
    const document = await manager.findOneBy(CaseDocumentEntity, {
      id: requireUuid(input.documentId, 'input.documentId'),
      caseId: entity.id,
    });
    if (!document) throw new NotFoundError('Document');
    const from = DOCUMENT_PROGRESSION.indexOf(effectiveStatus(ctx, document));
    if (DOCUMENT_PROGRESSION.indexOf(input.status) < from) {
      throw new InvalidTransitionError(
        `A ${document.status.toLowerCase()} document cannot go back to ${input.status.toLowerCase()}.`,
        document.status,
      );
    }
    // A new expiry date is a new reason to warn before it.
    const expiryNotifiedAt = document.expiresOn === expiresOn ? document.expiryNotifiedAt : null;
    await manager.update(CaseDocumentEntity, { id: document.id }, { ...values, expiryNotifiedAt });
  } else {
    await manager.insert(CaseDocumentEntity, { ...values, caseId: entity.id, expiryNotifiedAt: null, createdAt: now });
  }
  ctx.loaders.get(documentsByCase).clear(entity.id);
  await recordChange(ctx, entity, {
    kind: CaseEventKind.DOCUMENT_RECORDED,
    concerning: `${input.kind}: ${input.status}`,
    facts: { document: input.kind, documentStatus: input.status },
  });
  return toCase(entity);
}

export async function setCounterpart(
  ctx: RequestContext,
  caseId: string,
  organisationId: string,
  consentId: string | null | undefined,
): Promise<RepatriationCase> {
  const actor = ctx.requireActor();
  const entity = await lockVisibleCase(ctx, caseId, 'caseId');
  requireHome(actor, entity);
  requireMoving(entity);
  const counterpart = await counterpartFor(ctx, organisationId, 'counterpartOrganisationId');
  const consent = consentId
    ? await requireLiveConsent(
        ctx,
        consentId,
        entity.subjectId,
        counterpart.id,
        ConsentPurpose.REPATRIATION,
        'consentId',
      )
    : null;
  entity.counterpartOrganisationId = counterpart.id;
  entity.consentId = consent?.id ?? entity.consentId;
  await (
    await ctx.db()
  ).update(
    RepatriationCaseEntity,
    { id: entity.id },
    {
      counterpartOrganisationId: counterpart.id,
      consentId: entity.consentId,
    },
  );
  await recordChange(ctx, entity, {
    kind: CaseEventKind.COUNTERPART_SET,
    concerning: counterpart.shortName,
    facts: { counterpartOrganisationId: counterpart.id },
    notify: { reason: RepatriationUpdateReason.COUNTERPART_NAMED },
  });
  return toCase(entity);
}

/** ON_HOLD, CANCELLED or CLOSED by hand, always with a reason (not voluntary, not safe, ...). */
export async function haltCase(
  ctx: RequestContext,
  caseId: string,
  status: RepatriationStatus.ON_HOLD | RepatriationStatus.CANCELLED | RepatriationStatus.CLOSED,
  reason: string,
): Promise<RepatriationCase> {
  const actor = ctx.requireActor();
  const text = reasonText(reason, 'reason', true);
  const entity = await lockVisibleCase(ctx, caseId, 'caseId');
  requireHome(actor, entity);
  const allowed =
    entity.status === RepatriationStatus.ON_HOLD ? status !== RepatriationStatus.ON_HOLD : !HALTED.has(entity.status);
  if (!allowed)
    throw new InvalidTransitionError(
      `A ${entity.status.toLowerCase()} case cannot be ${status.toLowerCase()}.`,
      entity.status,
    );
  const previous = entity.status;
  entity.status = status;
  entity.statusReason = text;
  await (await ctx.db()).update(RepatriationCaseEntity, { id: entity.id }, { statusReason: text });
  await recordChange(ctx, entity, {
    kind: CaseEventKind.STATUS_CHANGED,
    concerning: `${previous} → ${status}`,
    note: text,
    facts: { fromStatus: previous, toStatus: status, reason: text },
    notify: { reason: RepatriationUpdateReason.STATUS_CHANGED },
  });
  return toCase(entity);
}

export async function resumeCase(ctx: RequestContext, caseId: string): Promise<RepatriationCase> {
  const actor = ctx.requireActor();
  const entity = await lockVisibleCase(ctx, caseId, 'caseId');
  requireHome(actor, entity);
  if (entity.status !== RepatriationStatus.ON_HOLD) {
    throw new InvalidTransitionError('Only a case on hold can be resumed.', entity.status);
  }
  const { milestones, visits } = await loadSteps(ctx, entity.id);
  entity.status = statusFromMilestones(milestones, visits);
  entity.statusReason = null;
  await (await ctx.db()).update(RepatriationCaseEntity, { id: entity.id }, { statusReason: null });
  await recordChange(ctx, entity, {
    kind: CaseEventKind.STATUS_CHANGED,
    concerning: `ON_HOLD → ${entity.status}`,
    facts: { fromStatus: RepatriationStatus.ON_HOLD, toStatus: entity.status },
    notify: { reason: RepatriationUpdateReason.STATUS_CHANGED },
  });
  return toCase(entity);
}

export async function getCase(ctx: RequestContext, id: string): Promise<RepatriationCase> {
  const entity = await ctx.loaders.get(visibleCaseById).load(requireUuid(id, 'id'));
  if (!entity) throw new NotFoundError('Repatriation case');
  return toCase(entity);
}

const OVERDUE_SQL = `(
  EXISTS (SELECT 1 FROM milestone m WHERE m.case_id = c.id AND m.due_on < :today
            AND m.status NOT IN ('DONE', 'NOT_APPLICABLE'))
  OR EXISTS (SELECT 1 FROM follow_up_visit v WHERE v.case_id = c.id AND v.due_on < :today AND v.visited_at IS NULL))`;

/** Cases the caller's organisation runs or is the counterpart of, newest first. */
export async function listCases(
  ctx: RequestContext,
  statuses: RepatriationStatus[] | undefined,
  overdueOnly: boolean,
): Promise<RepatriationCase[]> {
  const me = ctx.requireActor().organisationId;
  const cases = await ctx.repo(RepatriationCaseEntity);
  const qb = cases
    .createQueryBuilder('c')
    .select(plainColumns(cases.metadata, 'c'))
    .where('(c.home_organisation_id = :me OR c.counterpart_organisation_id = :me)', { me })
    .orderBy('c.created_at', 'DESC')
    .addOrderBy('c.id', 'DESC');
  if (statuses?.length) qb.andWhere('c.status IN (:...statuses)', { statuses });
  if (overdueOnly) qb.andWhere(OVERDUE_SQL, { today: today(ctx) });
  const rows = (await qb.getRawMany<Record<string, unknown>>()).map((row) =>
    plainEntity<RepatriationCaseEntity>(cases.metadata, 'c', row),
  );
  const loader = ctx.loaders.get(visibleCaseById);
  for (const row of rows) loader.prime(row.id, row);
  return rows.map(toCase);
}

export async function milestonesOf(ctx: RequestContext, caseId: string): Promise<Milestone[]> {
  return (await ctx.loaders.get(milestonesByCase).load(caseId)).map((m) => toMilestone(ctx, m));
}

export async function documentsOf(ctx: RequestContext, caseId: string): Promise<CaseDocument[]> {
  return (await ctx.loaders.get(documentsByCase).load(caseId)).map((d) => toDocument(ctx, d));
}

export async function visitsOf(ctx: RequestContext, caseId: string): Promise<FollowUpVisit[]> {
  return (await ctx.loaders.get(visitsByCase).load(caseId)).map((v) => toVisit(ctx, v));
}

export async function caseEventsOf(ctx: RequestContext, caseId: string): Promise<CaseEvent[]> {
  return (await ctx.loaders.get(caseEventsByCase).load(caseId)).map(toCaseEvent);
}

export async function hasOverdue(ctx: RequestContext, caseId: string): Promise<boolean> {
  const [milestones, visits] = await Promise.all([milestonesOf(ctx, caseId), visitsOf(ctx, caseId)]);
  return milestones.some((m) => m.overdue) || visits.some((v) => v.overdue);
}

/** Home organisations of cases with a document about to expire that nobody was warned of yet. */
export async function organisationsWithExpiringDocuments(ctx: RequestContext): Promise<string[]> {
  const rows: { id: string }[] = await (
    await ctx.db()
  ).query(`SELECT app_due_document_organisations($1) AS id`, [addDays(today(ctx), EXPIRY_WARNING_DAYS)]);
  return rows.map((row) => row.id);
}

/**
 * Warns both sides, once per expiry date, of documents expiring within 30 days. Claimed with SKIP LOCKED,
 * so every gateway replica may run it.
 */
export async function noticeExpiringDocuments(ctx: RequestContext, batchSize = 100): Promise<number> {
  const manager = await ctx.db();
  const due = await (
    await ctx.repo(CaseDocumentEntity)
  )
    .createQueryBuilder('d')
    .where('d.expiry_notified_at IS NULL')
    .andWhere('d.expires_on <= :horizon', { horizon: addDays(today(ctx), EXPIRY_WARNING_DAYS) })
    .andWhere("d.status <> 'EXPIRED'")
    .orderBy('d.expires_on')
    .limit(batchSize)
    .setLock('pessimistic_write')
    .setOnLocked('skip_locked')
    .getMany();
  for (const document of due) {
    await manager.update(CaseDocumentEntity, { id: document.id }, { expiryNotifiedAt: ctx.now() });
    const entity = await manager.findOneByOrFail(RepatriationCaseEntity, { id: document.caseId });
    await recordChange(ctx, entity, {
      kind: CaseEventKind.DOCUMENT_EXPIRING,
      concerning: `${document.kind}: ${document.expiresOn}`,
      facts: { document: document.kind, expiresOn: document.expiresOn ?? undefined },
      notify: { reason: RepatriationUpdateReason.DOCUMENT_EXPIRING, document: document.kind },
    });
  }
  return due.length;
}

/** A subscriber's view of a changed case, re-read in the subscriber's own unit of work. */
export function changedCase(ctx: RequestContext, event: RepatriationChanged): Promise<RepatriationCase> {
  return getCase(ctx, event.caseId);
}
