export { loadConfig, ConfigError, type GatewayConfig } from './config';
export { startGateway, type Gateway, type GatewayOptions } from './server';
export { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';
