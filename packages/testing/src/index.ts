export { TestGateway, TestClock, type Replica, type TableSnapshot, type TestGatewayOptions } from './test-gateway';
export { GraphQLClient, Subscriptions, type GraphQLResponse, type Subscription } from './graphql-client';
export { createTestDatabase, testServerUrls } from './database';
export * from './fixtures';
export { DisposablePostgres } from './disposable-postgres';
