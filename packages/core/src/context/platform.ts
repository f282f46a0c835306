import type { PubSub } from '@graphql-yoga/subscription';
import type { AuditLog } from '../modules/audit/audit.chain';
import type { LoginThrottle } from '../modules/auth/login-throttle';
import type { SessionTokens } from '../modules/auth/session-tokens';
import type { IdentityCipher } from '../modules/subject/identity-cipher';
import type { Topics } from './topics';

export interface Settings {
  /** How long an accepted referral holds its bed before the hold expires. */
  referralHoldHours: number;
  /** How long a session may be renewed without signing in again. */
  refreshTokenTtlDays: number;
  /** How long an invitation token can be used to set a first password. */
  invitationTtlHours: number;
}

/** Process-wide services a request context hands to the modules; built once by the gateway. */
export interface Platform {
  readonly clock: () => Date;
  readonly pubSub: PubSub<Topics>;
  readonly audit: AuditLog;
  readonly sessions: SessionTokens;
  readonly loginThrottle: LoginThrottle;
  readonly identityCipher: IdentityCipher;
  readonly settings: Settings;
}
