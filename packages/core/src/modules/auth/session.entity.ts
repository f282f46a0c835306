import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A signed-in device: short-lived access tokens name it, a rotating refresh token renews them, and
 * signing out revokes it, so even an unexpired access token is refused on the next request.
 */
@Entity('app_session')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organisationId!: string;

  @Column('uuid')
  userId!: string;

  /** SHA-256 of the current refresh token; the token itself is only ever in the client's hands. */
  @Column('text', { select: false })
  refreshTokenHash!: string;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  refreshedAt!: Date | null;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;
}
