import 'reflect-metadata';

export * from './common/errors';
export * from './common/enums';
export { buildSahayogSchema, servedSchemaSDL, RESOLVERS } from './schema';
export { RULES, MODULE_RULES, asksOnlySignIn } from './permissions';
export {
  dataSourceOptions,
  openDataSource,
  migrate,
  ENTITIES,
  MIGRATIONS,
  type DatabaseOptions,
} from './database/data-source';
export {
  applicationLogin,
  assertRequestRole,
  ensureApplicationLogin,
  type ApplicationLogin,
  type ApplicationLoginOptions,
} from './database/application-login';
export { RequestContext, type Actor, type RequestInfo } from './context/request-context';
export { UnitOfWork } from './context/unit-of-work';
export type { Platform } from './context/platform';
export { Topic, type Topics } from './context/topics';
export {
  BED_BOARD_FIELDS,
  BED_BOARD_TOPICS,
  districtChanged,
  districtsReadBy,
  type DistrictsRead,
} from './modules/facility/facility.cache';
export { AuditLog, hashEntry, GENESIS_HASH, type ChainVerification } from './modules/audit/audit.chain';
export { SessionTokens, type SessionClaims } from './modules/auth/session-tokens';
export { LoginThrottle, DEFAULT_THROTTLE_LIMITS, type ThrottleLimits } from './modules/auth/login-throttle';
export { resolveActor } from './modules/auth/auth.service';
export { hashPassword } from './modules/auth/passwords';
export { seedDemoNetwork, DEMO_PASSWORD, demoAccounts } from './database/demo/demo-network';
export {
  IdentityCipher,
  parseDataKeys,
  formatDataKeys,
  generateDataKey,
  type DataKey,
} from './modules/subject/identity-cipher';
export { rotateIdentityKeys } from './database/key-rotation';
export {
  createNetworkAdmin,
  NetworkAdminError,
  type NetworkAdminCreated,
  type NetworkAdminRequest,
} from './database/network-admin';
export { expireHolds, organisationsWithExpiredHolds } from './modules/referral/referral.service';
export {
  noticeExpiringDocuments,
  organisationsWithExpiringDocuments,
} from './modules/repatriation/repatriation.service';
export { MILESTONE_ORDER } from './modules/repatriation/repatriation.enums';
