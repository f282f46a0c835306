import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only. Each entry's hash covers its canonical content and the previous entry's hash, so an
 * edited or deleted row breaks the chain from there on.
 */
@Entity('audit_event')
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('timestamptz')
  at!: Date;

  @Column('uuid', { nullable: true })
  actorUserId!: string | null;

  @Column('uuid', { nullable: true })
  organisationId!: string | null;

  @Column('text')
  action!: string;

  @Column('text')
  entityType!: string;

  @Column('text', { nullable: true })
  entityId!: string | null;

  /** Never an identity value: ids, field names, counts. */
  @Column('jsonb', { default: {} })
  detail!: object;

  @Column('text')
  prevHash!: string;

  @Column('text')
  hash!: string;
}
