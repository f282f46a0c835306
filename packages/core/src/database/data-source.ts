import { DataSource, type DataSourceOptions } from 'typeorm';
import { AuditEventEntity } from '../modules/audit/audit.entity';
import { BedUnitEntity, BedUnitHistoryEntity, FacilityEntity } from '../modules/facility/facility.entity';
import { InvitationEntity } from '../modules/invitation/invitation.entity';
import { OrganisationEntity } from '../modules/organisation/organisation.entity';
import { MembershipEntity, UserEntity } from '../modules/user/user.entity';
import { ReferralEntity, ReferralEventEntity } from '../modules/referral/referral.entity';
import {
  CaseDocumentEntity,
  CaseEventEntity,
  FollowUpVisitEntity,
  MilestoneEntity,
  RepatriationCaseEntity,
} from '../modules/repatriation/repatriation.entity';
import { ConsentEntity, SubjectEntity } from '../modules/subject/subject.entity';
import { Foundation1763870000000 } from './migrations/1763870000000-Foundation';
import { Referrals1763880000000 } from './migrations/1763880000000-Referrals';
import { Repatriation1763900000000 } from './migrations/1763900000000-Repatriation';
import { RowLevelSecurity1763910000000 } from './migrations/1763910000000-RowLevelSecurity';
import { Sessions1763920000000 } from './migrations/1763920000000-Sessions';
import { GatewayLogin1763930000000 } from './migrations/1763930000000-GatewayLogin';
import { ReadPaths1763935000000 } from './migrations/1763935000000-ReadPaths';
import { CaseEventFacts1763945000000 } from './migrations/1763945000000-CaseEventFacts';
import { RowSecurityPerStatement1763955000000 } from './migrations/1763955000000-RowSecurityPerStatement';
import { DistrictSearch1763956000000 } from './migrations/1763956000000-DistrictSearch';
import { ActorRoles1763957000000 } from './migrations/1763957000000-ActorRoles';
import { CaseSubjectIndex1763958000000 } from './migrations/1763958000000-CaseSubjectIndex';
import { AuditChainClaim1763959000000 } from './migrations/1763959000000-AuditChainClaim';
import { SessionEntity } from '../modules/auth/session.entity';
import { Administration1763890000000 } from './migrations/1763890000000-Administration';
import { SnakeNamingStrategy } from './naming-strategy';
import { StatementCounter } from './statement-counter';
import { columnTypes } from './timestamps';

export const ENTITIES = [
  OrganisationEntity,
  UserEntity,
  MembershipEntity,
  FacilityEntity,
  BedUnitEntity,
  BedUnitHistoryEntity,
  AuditEventEntity,
  SubjectEntity,
  ConsentEntity,
  ReferralEntity,
  ReferralEventEntity,
  RepatriationCaseEntity,
  MilestoneEntity,
  FollowUpVisitEntity,
  CaseDocumentEntity,
  CaseEventEntity,
  InvitationEntity,
  SessionEntity,
];

export const MIGRATIONS = [
  Foundation1763870000000,
  Referrals1763880000000,
  Administration1763890000000,
  Repatriation1763900000000,
  RowLevelSecurity1763910000000,
  Sessions1763920000000,
  GatewayLogin1763930000000,
  ReadPaths1763935000000,
  CaseEventFacts1763945000000,
  RowSecurityPerStatement1763955000000,
  DistrictSearch1763956000000,
  ActorRoles1763957000000,
  CaseSubjectIndex1763958000000,
  AuditChainClaim1763959000000,
];

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  /** Milliseconds a single statement may run before PostgreSQL cancels it. */
  statementTimeoutMs?: number;
}

export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logger: new StatementCounter(),
    logging: ['query'],
    extra: {
      max: options.poolSize ?? 10,
      application_name: 'sahayog',
      options: `-c statement_timeout=${options.statementTimeoutMs ?? 15000}`,
      types: columnTypes,
    },
  };
}

export async function openDataSource(options: DatabaseOptions): Promise<DataSource> {
  return new DataSource(dataSourceOptions(options)).initialize();
}

/** Any constant works; it names the lock that replicas starting together queue on. */
const MIGRATION_LOCK = 7_240_002;

/** Applies pending migrations; replicas starting at once take turns, and the later ones find nothing to do. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
}
