import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { FacilityKind, Service, Sex } from '../../common/enums';

@Entity('facility')
export class FacilityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organisationId!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: FacilityKind;

  @Column('text')
  district!: string;

  @Column('text')
  state!: string;

  @Column('char', { length: 2 })
  country!: string;

  /** A shelter's location protects the people in it: only its own organisation reads it. */
  @Column('text', { nullable: true })
  address!: string | null;

  @Column('text', { array: true })
  services!: Service[];

  @Column('boolean', { default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity('bed_unit')
export class BedUnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Denormalised from the facility so every index and (later) row-level policy can lead with it. */
  @Column('uuid')
  organisationId!: string;

  @Column('uuid')
  facilityId!: string;

  @Column('text')
  name!: string;

  @Column('text')
  sex!: Sex;

  @Column('int')
  minAge!: number;

  @Column('int')
  maxAge!: number;

  @Column('int')
  capacity!: number;

  @Column('int')
  occupied!: number;

  @Column('int', { default: 0 })
  held!: number;

  @VersionColumn({ type: 'int', default: 1 })
  version!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

export interface BedCounts {
  capacity: number;
  occupied: number;
  held: number;
}

export enum BedChangeReason {
  CREATED = 'CREATED',
  EDITED = 'EDITED',
  /** An accepted referral reserved a bed. */
  HELD = 'HELD',
  /** A hold ended without arrival: cancelled or expired. */
  RELEASED = 'RELEASED',
  /** The referred person arrived: the hold became an occupied bed. */
  ARRIVED = 'ARRIVED',
}

/** Every change of a unit's counts, for occupancy charts and for answering "who changed this". */
@Entity('bed_unit_history')
export class BedUnitHistoryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  organisationId!: string;

  @Column('uuid')
  bedUnitId!: string;

  @Column('timestamptz')
  at!: Date;

  @Column('uuid', { nullable: true })
  actorUserId!: string | null;

  @Column('text')
  reason!: BedChangeReason;

  @Column('jsonb', { nullable: true })
  before!: BedCounts | null;

  @Column('jsonb')
  after!: BedCounts;

  @Column('text', { nullable: true })
  note!: string | null;
}
