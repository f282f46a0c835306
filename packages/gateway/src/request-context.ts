import { RequestContext, Role, UnitOfWork, resolveActor, type Actor, type Platform } from '@sahayog/core';
import type { DataSource } from 'typeorm';

export function bearerToken(header: string | undefined | null): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Builds the context of one request or one subscription event: verifies the token, begins the unit of
 * work for the token's organisation and re-reads the actor inside it. A token whose user, membership or
 * organisation is no longer active yields an anonymous context, refused by the permission rules.
 */
export class ContextFactory {
  constructor(
    private readonly dataSource: DataSource,
    readonly platform: Platform,
  ) {}

  async create(token: string | undefined, clientAddress: string): Promise<RequestContext> {
    const claims = token ? await this.platform.sessions.verify(token) : null;
    if (claims) {
      const unitOfWork = new UnitOfWork(this.dataSource, claims.organisationId);
      let actor: Actor | null;
      try {
        actor = await resolveActor(unitOfWork, claims);
        if (actor?.roles.has(Role.NETWORK_ADMIN)) await unitOfWork.markNetworkAdmin();
      } catch (error) {
        await unitOfWork.rollback();
        throw error;
      }
      if (actor) return new RequestContext(actor, unitOfWork, this.platform, { clientAddress });
      await unitOfWork.rollback();
    }
    return new RequestContext(null, new UnitOfWork(this.dataSource, null), this.platform, { clientAddress });
  }

  /**
   * For the platform's own background work: no actor, so no request-only permission applies; row-level
   * security shows it what `organisationId` may see (nothing but the cross-organisation lookups without one).
   */
  system(organisationId: string | null): RequestContext {
    return new RequestContext(null, new UnitOfWork(this.dataSource, organisationId), this.platform, {
      clientAddress: 'system',
    });
  }
}
