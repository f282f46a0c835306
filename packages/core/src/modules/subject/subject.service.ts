import { randomUUID } from 'node:crypto';
import { nextSequenceNumber, padSequence } from '../../common/codes';
import { Role } from '../../common/enums';
import { BadUserInputError, ForbiddenError, InvalidTransitionError, NotFoundError } from '../../common/errors';
import { requireUuid } from '../../common/ids';
import { keysetPage } from '../../common/pagination';
import { isoDate } from '../../common/text';
import type { RequestContext } from '../../context/request-context';
import { OrganisationEntity } from '../organisation/organisation.entity';
import type { IdentityFields } from './identity-cipher';
import { ConsentGivenBy, ConsentPurpose } from './subject.enums';
import { ConsentEntity, SubjectEntity } from './subject.entity';
import { identitySharedWithMe, visibleSubjectById } from './subject.loaders';
import {
  Consent,
  Subject,
  SubjectConnection,
  SubjectIdentity,
  type CreateSubjectInput,
  type RecordConsentInput,
} from './subject.types';

const ADULT_AGE = 18;

/** Whole years from `from` (YYYY-MM-DD) to `today`. */
export function wholeYearsBetween(from: string, today: Date): number {
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  const birthdayPassed =
    today.getUTCMonth() + 1 > month || (today.getUTCMonth() + 1 === month && today.getUTCDate() >= day);
  return today.getUTCFullYear() - year - (birthdayPassed ? 0 : 1);
}

function ageOf(ctx: RequestContext, entity: SubjectEntity): number | null {
  if (entity.ageEstimate !== null && entity.ageEstimatedOn !== null) {
    return entity.ageEstimate + wholeYearsBetween(entity.ageEstimatedOn, ctx.now());
  }
  // The date of birth is part of the sealed identity: opened here to derive the age, never returned.
  const { dateOfBirth } = ctx.platform.identityCipher.open(entity.id, sealedOf(entity));
  return dateOfBirth ? wholeYearsBetween(dateOfBirth, ctx.now()) : null;
}

const sealedOf = (entity: SubjectEntity) => ({ ciphertext: entity.identityCiphertext, keyId: entity.identityKeyId });

export function toSubject(ctx: RequestContext, entity: SubjectEntity): Subject {
  const age = ageOf(ctx, entity);
  return Object.assign(new Subject(), {
    id: entity.id,
    code: entity.code,
    sex: entity.sex,
    age,
    isMinor: age === null || age < ADULT_AGE,
    nationality: entity.nationality,
    organisationId: entity.organisationId,
    sealedIdentity: sealedOf(entity),
  });
}

export function toConsent(entity: ConsentEntity): Consent {
  return Object.assign(new Consent(), {
    id: entity.id,
    purpose: entity.purpose,
    givenBy: entity.givenBy,
    givenAt: entity.givenAt,
    expiresAt: entity.expiresAt,
    withdrawnAt: entity.withdrawnAt,
    subjectId: entity.subjectId,
    grantedToOrganisationId: entity.grantedToOrganisationId,
  });
}

export async function createSubject(ctx: RequestContext, input: CreateSubjectInput): Promise<Subject> {
  const actor = ctx.requireActor();
  const today = ctx.now();
  const dateOfBirth = input.dateOfBirth ? isoDate(input.dateOfBirth) : null;
  if (dateOfBirth && dateOfBirth > isoDate(today)) {
    throw new BadUserInputError('The date of birth is in the future.', ['input.dateOfBirth']);
  }
  if (
    dateOfBirth &&
    input.age !== undefined &&
    input.age !== null &&
    input.age !== wholeYearsBetween(dateOfBirth, today)
  ) {
    throw new BadUserInputError('The age does not match the date of birth.', ['input.age']);
  }

  const fullName = input.fullName.trim();
  if (!fullName)
    throw new BadUserInputError('Write the full name, even if it is only a first name.', ['input.fullName']);

  const manager = await ctx.db();
  const organisation = await manager.findOneByOrFail(OrganisationEntity, { id: actor.organisationId });
  const year = today.getUTCFullYear();
  const sequence = await nextSequenceNumber(manager, actor.organisationId, 'SUBJECT', year);
  const id = randomUUID();
  const identity: IdentityFields = {
    fullName,
    dateOfBirth,
    guardianContact: input.guardianContact?.trim() || null,
    homeAddress: input.homeAddress?.trim() || null,
  };
  const sealed = ctx.platform.identityCipher.seal(id, identity);
  const subjects = await ctx.owned(SubjectEntity);
  const entity = await subjects.save(
    subjects.create({
      id,
      code: `${organisation.shortName}-${year}-${padSequence(sequence)}`,
      sex: input.sex,
      ageEstimate: dateOfBirth ? null : (input.age ?? null),
      ageEstimatedOn: dateOfBirth || input.age === undefined || input.age === null ? null : isoDate(today),
      nationality: input.nationality.toUpperCase(),
      identityCiphertext: sealed.ciphertext,
      identityKeyId: sealed.keyId,
      createdBy: actor.userId,
      createdAt: today,
      updatedAt: today,
    }),
  );
  ctx.audit({ action: 'SUBJECT_CREATED', entityType: 'Subject', entityId: entity.id });
  return toSubject(ctx, entity);
}

/** A subject the caller may see, or NOT_FOUND: another organisation's subject looks like a missing one. */
export async function visibleSubject(ctx: RequestContext, id: string, path = 'id'): Promise<SubjectEntity> {
  const entity = await ctx.loaders.get(visibleSubjectById).load(requireUuid(id, path));
  if (!entity) throw new NotFoundError('Subject');
  return entity;
}

export async function getSubject(ctx: RequestContext, id: string): Promise<Subject> {
  return toSubject(ctx, await visibleSubject(ctx, id));
}

/**
 * The identity, for the owning organisation and for an organisation holding a live REFERRAL or
 * REPATRIATION consent; null for everyone else, and always for network administrators. Every opened
 * identity is audited in the request's own transaction, naming the fields, never their values.
 */
export async function identityOf(ctx: RequestContext, subject: Subject): Promise<SubjectIdentity | null> {
  const actor = ctx.requireActor();
  if (actor.roles.has(Role.NETWORK_ADMIN)) return null;
  const own = subject.organisationId === actor.organisationId;
  if (!own && !(await ctx.loaders.get(identitySharedWithMe).load(subject.id))) return null;
  const identity = ctx.platform.identityCipher.open(subject.id, subject.sealedIdentity);
  ctx.audit({
    action: 'READ_IDENTITY',
    entityType: 'Subject',
    entityId: subject.id,
    detail: {
      fields: Object.entries(identity)
        .filter(([, value]) => value !== null)
        .map(([field]) => field),
      basis: own ? 'OWNER' : 'CONSENT',
    },
  });
  return Object.assign(new SubjectIdentity(), {
    ...identity,
    dateOfBirth: identity.dateOfBirth ? new Date(`${identity.dateOfBirth}T00:00:00Z`) : null,
  });
}

const MAX_SEARCH = 50;

/** `search` as a LIKE pattern matching anywhere in the code, its wildcards taken literally. */
function codePattern(search: string | undefined): string | null {
  const text = search?.trim() ?? '';
  if (!text) return null;
  if (text.length > MAX_SEARCH) {
    throw new BadUserInputError(`Search with at most ${MAX_SEARCH} characters of the code.`, ['search']);
  }
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * A page of the caller's own organisation's subjects, newest first, for choosing whom to refer. Only
 * pseudonymous fields are listed here; an identity is opened (and audited) only if the caller asks for it.
 */
export async function listOwnSubjects(
  ctx: RequestContext,
  search: string | undefined,
  first: number | undefined,
  after: string | undefined,
): Promise<SubjectConnection> {
  const me = ctx.requireActor().organisationId;
  const pattern = codePattern(search);
  const qb = (await ctx.repo(SubjectEntity)).createQueryBuilder('s').where('s.organisation_id = :me', { me });
  if (pattern) qb.andWhere('s.code ILIKE :pattern', { pattern });
  const { rows, ...connection } = await keysetPage(ctx, qb, 's', { first, after, fallbackSize: 50 }, (row) =>
    toSubject(ctx, row),
  );
  const loader = ctx.loaders.get(visibleSubjectById);
  for (const row of rows) loader.prime(row.id, row);
  return Object.assign(new SubjectConnection(), connection);
}

/** Consent is recorded by the organisation that owns the subject. */
async function ownSubject(ctx: RequestContext, id: string, path: string): Promise<SubjectEntity> {
  const entity = await visibleSubject(ctx, id, path);
  if (entity.organisationId !== ctx.requireActor().organisationId) {
    throw new ForbiddenError('Only the organisation that registered this subject can record or withdraw consent.');
  }
  return entity;
}

/** A repatriation liaison gathers the consent to share with the partner across the border, and only that one. */
function requireConsentRole(ctx: RequestContext, purpose: ConsentPurpose): void {
  const { roles } = ctx.requireActor();
  if (roles.has(Role.CASEWORKER) || roles.has(Role.ORG_ADMIN)) return;
  if (roles.has(Role.REPATRIATION_LIAISON) && purpose === ConsentPurpose.REPATRIATION) return;
  throw new ForbiddenError('A repatriation liaison records consent for repatriation only.');
}

export async function recordConsent(ctx: RequestContext, input: RecordConsentInput): Promise<Consent> {
  const actor = ctx.requireActor();
  requireConsentRole(ctx, input.purpose);
  const subject = await ownSubject(ctx, input.subjectId, 'input.subjectId');
  const grantee = await (
    await ctx.repo(OrganisationEntity)
  ).findOneBy({ id: input.grantedToOrganisationId.toLowerCase() });
  if (!grantee || !grantee.active) {
    throw new BadUserInputError('No active organisation has this id.', ['input.grantedToOrganisationId']);
  }
  if (grantee.id === actor.organisationId) {
    throw new BadUserInputError('Your own organisation already sees this subject.', ['input.grantedToOrganisationId']);
  }
  if (input.givenBy === ConsentGivenBy.SUBJECT && toSubject(ctx, subject).isMinor) {
    throw new BadUserInputError(
      'A child cannot consent alone: consent must come from a guardian, the Child Welfare Committee or a court.',
      ['input.givenBy'],
    );
  }
  const now = ctx.now();
  if (input.expiresAt && input.expiresAt <= now) {
    throw new BadUserInputError('The consent would already have expired.', ['input.expiresAt']);
  }
  const consents = await ctx.owned(ConsentEntity);
  const entity = await consents.save(
    consents.create({
      subjectId: subject.id,
      grantedToOrganisationId: grantee.id,
      purpose: input.purpose,
      givenBy: input.givenBy,
      givenAt: now,
      expiresAt: input.expiresAt ?? null,
      withdrawnAt: null,
      recordedBy: actor.userId,
    }),
  );
  ctx.audit({
    action: 'CONSENT_RECORDED',
    entityType: 'Consent',
    entityId: entity.id,
    detail: { subjectId: subject.id, grantedTo: grantee.id, purpose: input.purpose, givenBy: input.givenBy },
  });
  return toConsent(entity);
}

export async function withdrawConsent(ctx: RequestContext, id: string): Promise<Consent> {
  const consents = await ctx.owned(ConsentEntity);
  const entity = await consents.findOneForUpdate(requireUuid(id, 'id'));
  if (!entity) throw new NotFoundError('Consent');
  if (entity.withdrawnAt) throw new InvalidTransitionError('This consent has already been withdrawn.', 'WITHDRAWN');
  entity.withdrawnAt = ctx.now();
  await consents.save(entity);
  ctx.audit({
    action: 'CONSENT_WITHDRAWN',
    entityType: 'Consent',
    entityId: entity.id,
    detail: { subjectId: entity.subjectId },
  });
  return toConsent(entity);
}

/** A consent the caller's organisation recorded, live and granted to `organisationId`, or BAD_USER_INPUT. */
export async function requireLiveConsent(
  ctx: RequestContext,
  consentId: string,
  subjectId: string,
  organisationId: string,
  purpose: ConsentPurpose,
  path: string,
): Promise<ConsentEntity> {
  const consent = await (await ctx.owned(ConsentEntity)).findOne(requireUuid(consentId, path));
  const now = ctx.now();
  const live =
    consent &&
    consent.subjectId === subjectId &&
    consent.purpose === purpose &&
    consent.grantedToOrganisationId === organisationId &&
    !consent.withdrawnAt &&
    (!consent.expiresAt || consent.expiresAt > now);
  if (!live) {
    throw new BadUserInputError('The consent must be live and given for this subject to the receiving organisation.', [
      path,
    ]);
  }
  return consent;
}
