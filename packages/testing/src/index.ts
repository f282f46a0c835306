export { TestGateway, TestClock, type Replica, type TableSnapshot, type TestGatewayOptions } from './test-gateway';
export { GraphQLClient, Subscriptions, type GraphQLResponse, type Subscription } from './graphql-client';
export { createEmptyDatabase, createTestDatabase, testServerUrls, withConnection } from './database';
export { startGatewayProcess, type GatewayProcess } from './gateway-process';
export * from './fixtures';
export { DisposablePostgres } from './disposable-postgres';
export { freePort } from './ports';
export { startServerProcess, type ServerProcess, type ServerProcessOptions } from './server-process';
