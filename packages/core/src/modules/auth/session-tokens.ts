import { createSecretKey, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

export interface SessionClaims {
  userId: string;
  organisationId: string;
  /** The session the token belongs to: revoking it refuses the token on the next request. */
  sessionId: string;
}

export interface IssuedToken {
  accessToken: string;
  expiresAt: Date;
}

const ISSUER = 'sahayog';
const AUDIENCE = 'sahayog-gateway';

/**
 * Bearer tokens name a user, organisation and session only; roles, the active flags and the session's
 * revocation are read from the database on every request, so revoking access never waits for a token to
 * expire.
 */
export class SessionTokens {
  /** Imported once: jose would import a raw secret again for every token it verifies. */
  private readonly key: KeyObject;

  constructor(
    secret: Uint8Array,
    private readonly ttlSeconds: number,
    private readonly clock: () => Date = () => new Date(),
  ) {
    if (secret.byteLength < 32) throw new Error('the token signing secret must be at least 32 bytes');
    this.key = createSecretKey(secret);
  }

  async issue(claims: SessionClaims): Promise<IssuedToken> {
    const issuedAt = Math.floor(this.clock().getTime() / 1000);
    const expiresAt = issuedAt + this.ttlSeconds;
    const accessToken = await new SignJWT({ org: claims.organisationId, sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { accessToken, expiresAt: new Date(expiresAt * 1000) };
  }

  /** Null for anything not issued by us and still valid: forged, expired, malformed. */
  async verify(token: string): Promise<SessionClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: this.clock(),
      });
      const { sub, org, sid } = payload;
      if (typeof sub !== 'string' || typeof org !== 'string' || typeof sid !== 'string') return null;
      return { userId: sub, organisationId: org, sessionId: sid };
    } catch {
      return null;
    }
  }
}
