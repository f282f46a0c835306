import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An invitation to set a password and sign in for the first time; the token itself is never stored. */
@Entity('invitation')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organisationId!: string;

  @Column('uuid')
  userId!: string;

  /** sha256 of the token: the token is 256 random bits, so a fast hash is enough. */
  @Column('text')
  tokenHash!: string;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  acceptedAt!: Date | null;

  /** Null when made by `sahayog admin create-network-admin`. */
  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @Column('timestamptz')
  createdAt!: Date;
}
