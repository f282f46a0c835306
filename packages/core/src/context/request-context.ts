import type { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import type { Role } from '../common/enums';
import { UnauthenticatedError } from '../common/errors';
import type { AuditEntry } from '../modules/audit/audit.chain';
import { LoaderRegistry } from './loaders';
import type { Platform } from './platform';
import { OwnedRepository } from './scoped-repository';
import type { UnitOfWork } from './unit-of-work';

/** Who is calling: re-read from the database on every request, so a removed role or a disabled account bites at once. */
export interface Actor {
  readonly userId: string;
  readonly organisationId: string;
  readonly roles: ReadonlySet<Role>;
  readonly sessionId: string;
}

export interface RequestInfo {
  /** The caller's address, for throttling sign-in attempts. */
  readonly clientAddress: string;
}

/**
 * Everything one request may touch: its actor, its transaction, its loaders, the platform services.
 * Services take it first and reach the database only through it.
 */
export class RequestContext {
  readonly loaders = new LoaderRegistry(this);
  private readonly auditEntries: AuditEntry[] = [];

  constructor(
    readonly actor: Actor | null,
    readonly unitOfWork: UnitOfWork,
    readonly platform: Platform,
    readonly request: RequestInfo,
  ) {
    unitOfWork.onBeforeCommit(async () => {
      if (this.auditEntries.length === 0) return;
      await platform.audit.append(await unitOfWork.manager(), this.auditEntries.splice(0));
    });
  }

  requireActor(): Actor {
    if (!this.actor) throw new UnauthenticatedError();
    return this.actor;
  }

  hasRole(...roles: Role[]): boolean {
    return this.actor !== null && roles.some((role) => this.actor!.roles.has(role));
  }

  now(): Date {
    return this.platform.clock();
  }

  db(): Promise<EntityManager> {
    return this.unitOfWork.manager();
  }

  /** Tables every signed-in partner may read network-wide (organisations, facilities, bed units). */
  async repo<T extends ObjectLiteral>(target: EntityTarget<T>): Promise<Repository<T>> {
    return (await this.db()).getRepository(target);
  }

  /** Rows of the caller's own organisation only. */
  async owned<T extends ObjectLiteral & { id: string; organisationId: string }>(
    target: EntityTarget<T>,
  ): Promise<OwnedRepository<T>> {
    return new OwnedRepository(await this.db(), target, this.requireActor().organisationId);
  }

  /** Recorded in the request's transaction: it lands with the change it describes, or not at all. */
  audit(entry: Omit<AuditEntry, 'actorUserId' | 'organisationId' | 'at'> & Partial<AuditEntry>): void {
    this.auditEntries.push(this.completeAuditEntry(entry));
  }

  /**
   * For refusals worth remembering (a failed sign-in): written in a transaction of its own when the
   * request's transaction is rolled back, so the refusal itself still writes nothing else.
   */
  auditEvenIfRefused(entry: Omit<AuditEntry, 'actorUserId' | 'organisationId' | 'at'> & Partial<AuditEntry>): void {
    const complete = this.completeAuditEntry(entry);
    this.auditEntries.push(complete);
    this.unitOfWork.onAfterRollback(() => this.platform.audit.appendAlone([complete]));
  }

  afterCommit(hook: () => Promise<void> | void): void {
    this.unitOfWork.onAfterCommit(hook);
  }

  private completeAuditEntry(
    entry: Omit<AuditEntry, 'actorUserId' | 'organisationId' | 'at'> & Partial<AuditEntry>,
  ): AuditEntry {
    return {
      at: this.now(),
      actorUserId: this.actor?.userId ?? null,
      organisationId: this.actor?.organisationId ?? null,
      ...entry,
    };
  }
}
