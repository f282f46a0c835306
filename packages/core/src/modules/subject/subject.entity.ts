import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Sex } from '../../common/enums';
import type { ConsentGivenBy, ConsentPurpose } from './subject.enums';

@Entity('subject')
export class SubjectEntity {
  /** Chosen by the application: it is bound into the sealed identity before the row exists. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organisationId!: string;

  @Column('text')
  code!: string;

  @Column('text')
  sex!: Sex;

  @Column('int', { nullable: true })
  ageEstimate!: number | null;

  @Column('date', { nullable: true })
  ageEstimatedOn!: string | null;

  @Column('char', { length: 2 })
  nationality!: string;

  @Column('text')
  identityCiphertext!: string;

  @Column('text')
  identityKeyId!: string;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity('consent')
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The organisation that owns the subject and recorded the consent. */
  @Column('uuid')
  organisationId!: string;

  @Column('uuid')
  subjectId!: string;

  @Column('uuid')
  grantedToOrganisationId!: string;

  @Column('text')
  purpose!: ConsentPurpose;

  @Column('text')
  givenBy!: ConsentGivenBy;

  @Column('timestamptz')
  givenAt!: Date;

  @Column('timestamptz', { nullable: true })
  expiresAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  withdrawnAt!: Date | null;

  @Column('uuid', { nullable: true })
  recordedBy!: string | null;
}
